-- Event payloads and revision diffs are written once and only ever read whole, as text (the relay,
-- GET /events, the history). As json they are stored as written: jsonb parsed every one on the way
-- in and printed it again on every read, which was most of a bulk import's event cost.
ALTER TABLE incident.events ALTER COLUMN payload TYPE json USING CAST(payload AS json);
ALTER TABLE incident.revisions ALTER COLUMN changes TYPE json USING CAST(changes AS json);
