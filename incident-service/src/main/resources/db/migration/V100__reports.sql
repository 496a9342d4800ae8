-- News reports pasted for review, what the extractor proposed from each, and the editors' decisions.

CREATE TABLE reports (
    id           uuid PRIMARY KEY,
    text_hash    text        NOT NULL UNIQUE,
    url          text        UNIQUE,
    outlet       text        NOT NULL,
    published_at timestamptz NOT NULL,
    text         text        NOT NULL,
    extraction   jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL
);

CREATE TABLE report_decisions (
    id          bigserial PRIMARY KEY,
    report_id   uuid        NOT NULL REFERENCES reports (id),
    candidate   integer     NOT NULL,
    decision    text        NOT NULL CHECK (decision IN ('accepted', 'rejected')),
    reason      text,
    incident_id uuid        REFERENCES incidents (id),
    decided_by  text        NOT NULL,
    decided_at  timestamptz NOT NULL,
    UNIQUE (report_id, candidate)
);
