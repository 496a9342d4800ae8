-- Two marks on an incident's sources, shown with each source in the Feature: machine_extracted,
-- the incident was published from this report by the extractor without review (a live source's
-- auto-publish); sample, the report is sample content the project wrote, not news.
-- Expand only: the release before inserts sources without them and gets false.
ALTER TABLE sources
    ADD COLUMN machine_extracted boolean NOT NULL DEFAULT false,
    ADD COLUMN sample            boolean NOT NULL DEFAULT false;

-- The view's source objects gain the two members (the one definition of the Feature, as in V3).
DROP VIEW incident.incident_features;
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
                           'publishedAt', incident.iso_instant(s.published_at), 'excerpt', s.excerpt,
                           'machineExtracted', s.machine_extracted, 'sample', s.sample) ORDER BY s.id)
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
