-- The incident store: current state, sources, claims, revisions and the event log (outbox).

CREATE TABLE incidents (
    id               uuid PRIMARY KEY,
    event_type       text        NOT NULL,
    sub_event_type   text,
    weapons          text[]      NOT NULL DEFAULT '{}',
    targets          text[]      NOT NULL DEFAULT '{}',
    occurred_on      date        NOT NULL,
    time_precision   smallint    NOT NULL DEFAULT 1 CHECK (time_precision BETWEEN 1 AND 3),
    geom             geometry(Point, 4326),
    geo_precision    smallint    CHECK (geo_precision BETWEEN 1 AND 3),
    place_name       text,
    admin1           text,
    admin2           text,
    country          text,
    killed           integer     CHECK (killed >= 0),
    killed_at_least  boolean     NOT NULL DEFAULT false,
    injured          integer     CHECK (injured >= 0),
    injured_at_least boolean     NOT NULL DEFAULT false,
    status           text        NOT NULL DEFAULT 'reported'
                                 CHECK (status IN ('reported', 'verified', 'disputed', 'retracted')),
    actor            text,
    -- true while a place name waits for the geocoder (it was down when the incident arrived)
    geocode_pending  boolean     NOT NULL DEFAULT false,
    version          integer     NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX incidents_geom_idx ON incidents USING gist (geom);
-- keyset paging walks (occurred_on, id) in descending order
CREATE INDEX incidents_occurred_on_idx ON incidents (occurred_on, id);
CREATE INDEX incidents_admin1_idx ON incidents (admin1);
CREATE INDEX incidents_geocode_pending_idx ON incidents (id) WHERE geocode_pending;

CREATE TABLE sources (
    id           bigserial PRIMARY KEY,
    incident_id  uuid        NOT NULL REFERENCES incidents (id),
    outlet       text        NOT NULL,
    url          text,
    published_at timestamptz,
    excerpt      text,
    added_at     timestamptz NOT NULL
);
CREATE INDEX sources_incident_idx ON sources (incident_id, id);

CREATE TABLE claims (
    id               bigserial PRIMARY KEY,
    incident_id      uuid        NOT NULL REFERENCES incidents (id),
    claimant         text        NOT NULL,
    killed           integer     CHECK (killed >= 0),
    killed_at_least  boolean     NOT NULL DEFAULT false,
    injured          integer     CHECK (injured >= 0),
    injured_at_least boolean     NOT NULL DEFAULT false,
    statement        text,
    source_url       text,
    added_at         timestamptz NOT NULL
);
CREATE INDEX claims_incident_idx ON claims (incident_id, id);

-- Who changed what, when and why: one row per change, the changes as {"field":{"from":..,"to":..}}.
CREATE TABLE revisions (
    id          bigserial PRIMARY KEY,
    incident_id uuid        NOT NULL REFERENCES incidents (id),
    version     integer     NOT NULL,
    author      text        NOT NULL,
    at          timestamptz NOT NULL,
    reason      text,
    changes     jsonb       NOT NULL
);
CREATE INDEX revisions_incident_idx ON revisions (incident_id, version);

-- The event log (outbox). seq is gap-free and in commit order because writers take it from
-- event_counter, whose row lock they hold until they commit.
CREATE TABLE events (
    seq         bigint PRIMARY KEY,
    incident_id uuid        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('incident.created', 'incident.updated', 'incident.retracted')),
    time        timestamptz NOT NULL,
    payload     jsonb       NOT NULL
);

CREATE TABLE event_counter (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_seq  bigint  NOT NULL
);
INSERT INTO event_counter VALUES (true, 0);

-- Where the Kafka relay stopped, and which replica holds the publishing lease.
CREATE TABLE relay_offset (
    name          text PRIMARY KEY,
    published_seq bigint      NOT NULL,
    holder        text,
    lease_until   timestamptz
);
INSERT INTO relay_offset (name, published_seq) VALUES ('incident-events', 0);

CREATE FUNCTION iso_instant(t timestamptz) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = incident, public
AS $$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$;

-- The one definition of the incident Feature (RFC 7946): the API, the event log and the list
-- all read it from here.
CREATE FUNCTION feature(i incidents) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE SET search_path = incident, public
AS $$
SELECT json_build_object(
    'type', 'Feature',
    'id', i.id,
    'geometry', ST_AsGeoJSON(i.geom)::json,
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
                       'publishedAt', iso_instant(s.published_at), 'excerpt', s.excerpt) ORDER BY s.id)
            FROM sources s WHERE s.incident_id = i.id), '[]'::json),
        'claims', COALESCE((
            SELECT json_agg(json_build_object(
                       'claimant', c.claimant, 'killed', c.killed, 'killedAtLeast', c.killed_at_least,
                       'injured', c.injured, 'injuredAtLeast', c.injured_at_least,
                       'statement', c.statement, 'sourceUrl', c.source_url) ORDER BY c.id)
            FROM claims c WHERE c.incident_id = i.id), '[]'::json),
        'version', i.version,
        'createdAt', iso_instant(i.created_at),
        'updatedAt', iso_instant(i.updated_at)))
$$;
