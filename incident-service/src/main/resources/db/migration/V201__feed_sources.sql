-- Live sources: feeds polled for news items, each new item stored as a report for review.
-- Expand only: replicas of the release before ignore the new tables and columns.

CREATE TABLE feed_sources (
    id                 uuid PRIMARY KEY,
    kind               text        NOT NULL CHECK (kind IN ('rss', 'atom', 'jsonfeed', 'telegram-export')),
    -- null for a Telegram export that is uploaded rather than fetched
    url                text UNIQUE,
    name               text        NOT NULL,
    poll_interval_s    integer     NOT NULL CHECK (poll_interval_s > 0),
    language           text CHECK (language IN ('en', 'uk', 'ru')),
    attribution        text,
    sample             boolean     NOT NULL DEFAULT false,
    -- candidates at or above this confidence are published without review; null: all are reviewed
    auto_publish_above double precision CHECK (auto_publish_above BETWEEN 0 AND 1),
    etag               text,
    last_modified      text,
    last_fetch_at      timestamptz,
    last_fetch_result  text,
    last_new_item_at   timestamptz,
    last_error         text,
    last_error_at      timestamptz,
    failures           integer     NOT NULL DEFAULT 0,
    items_seen         bigint      NOT NULL DEFAULT 0,
    -- null while a poll is under way or for an uploaded export; a poller claims a due row by moving it
    next_poll_at       timestamptz,
    created_at         timestamptz NOT NULL,
    created_by         text        NOT NULL
);
CREATE INDEX feed_sources_due_idx ON feed_sources (next_poll_at);

-- Each item a source has delivered, by the source's own id for it: what its text was and the report it became.
CREATE TABLE feed_items (
    source_id     uuid        NOT NULL REFERENCES feed_sources (id),
    item_key      text        NOT NULL,
    url           text,
    content_hash  text        NOT NULL,
    report_id     uuid        NOT NULL REFERENCES reports (id),
    first_seen_at timestamptz NOT NULL,
    changed_at    timestamptz,
    PRIMARY KEY (source_id, item_key)
);

-- A report that came from a source: which one, its item, the source's attribution or licence, and
-- whether it is sample content; revises_report: the report of the item's earlier text.
ALTER TABLE reports
    ADD COLUMN feed_source_id uuid REFERENCES feed_sources (id),
    ADD COLUMN feed_item      text,
    ADD COLUMN attribution    text,
    ADD COLUMN sample         boolean NOT NULL DEFAULT false,
    ADD COLUMN revises_report uuid REFERENCES reports (id);
CREATE INDEX reports_created_idx ON reports (created_at, id);
CREATE INDEX reports_feed_source_idx ON reports (feed_source_id, created_at);
