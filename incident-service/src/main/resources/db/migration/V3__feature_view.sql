-- The Feature as a view column instead of a per-row function: a SQL function with sub-selects is
-- not inlined, so PostgreSQL set up its executor again for every row, which dominated list and
-- import times. In the view the sources/claims sub-selects are planned once per query, and a
-- query that does not read "feature" does not compute it.

-- No SET clause, so the planner inlines it.
CREATE OR REPLACE FUNCTION incident.iso_instant(t timestamptz) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$;

-- The one definition of the incident Feature (RFC 7946): single reads, the list and the event
-- log all read it from here.
CREATE VIEW incident.incident_features AS
SELECT i.*,
    json_build_object(
        'type', 'Feature',
        'id', i.id,
        'geometry', public.ST_AsGeoJSON(i.geom)::json,
        'properties', json_build_object(
            'eventType', i.event_type,
            'subEventType', i.sub_event_type,
            'weapons', to_json(i.weapons),
            'targets', to_json(i.targets),
            'occurredOn', i.occurred_on,
            'timePrecision', i.time_precision,
            'geoPrecision', i.geo_precision,
            'placeName', i.place_name,
            'admin1', i.admin1,
            'admin2', i.admin2,
            'country', i.country,
            'killed', i.killed,
            'killedAtLeast', i.killed_at_least,
            'injured', i.injured,
            'injuredAtLeast', i.injured_at_least,
            'status', i.status,
            'actor', i.actor,
            'sources', COALESCE((
                SELECT json_agg(json_build_object(
                           'outlet', s.outlet, 'url', s.url,
                           'publishedAt', incident.iso_instant(s.published_at), 'excerpt', s.excerpt) ORDER BY s.id)
                FROM incident.sources s WHERE s.incident_id = i.id), '[]'::json),
            'claims', COALESCE((
                SELECT json_agg(json_build_object(
                           'claimant', c.claimant, 'killed', c.killed, 'killedAtLeast', c.killed_at_least,
                           'injured', c.injured, 'injuredAtLeast', c.injured_at_least,
                           'statement', c.statement, 'sourceUrl', c.source_url) ORDER BY c.id)
                FROM incident.claims c WHERE c.incident_id = i.id), '[]'::json),
            'version', i.version,
            'createdAt', incident.iso_instant(i.created_at),
            'updatedAt', incident.iso_instant(i.updated_at))) AS feature
FROM incident.incidents i;

DROP FUNCTION incident.feature(incident.incidents);
