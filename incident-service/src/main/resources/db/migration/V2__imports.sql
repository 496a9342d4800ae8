-- Bulk imports: one row per import with its progress and per-row errors; the client's key
-- makes a repeated upload find the first one instead of importing twice.
CREATE TABLE imports (
    id            uuid PRIMARY KEY,
    client_key    text UNIQUE,
    format        text        NOT NULL CHECK (format IN ('geojson', 'csv')),
    state         text        NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    rows_read     integer     NOT NULL DEFAULT 0,
    rows_imported integer     NOT NULL DEFAULT 0,
    rows_failed   integer     NOT NULL DEFAULT 0,
    errors        jsonb       NOT NULL DEFAULT '[]',
    author        text        NOT NULL,
    created_at    timestamptz NOT NULL,
    finished_at   timestamptz
);
