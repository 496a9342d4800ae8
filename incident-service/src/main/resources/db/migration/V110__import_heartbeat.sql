-- Imports outlive the instance that runs them only as rows: the instance renews heartbeat_at while
-- an import is queued or running, and any instance fails one whose heartbeat stopped (its instance
-- is gone). rows_read is saved in the transaction of each chunk, so it is exactly the part of the
-- file that is in; a resumable import continues after it when its client key is posted again.
ALTER TABLE incident.imports
    ADD COLUMN heartbeat_at timestamptz,
    ADD COLUMN detail       text,
    ADD COLUMN resumable    boolean NOT NULL DEFAULT false;
UPDATE incident.imports SET heartbeat_at = created_at;
ALTER TABLE incident.imports ALTER COLUMN heartbeat_at SET NOT NULL;
CREATE INDEX imports_unfinished_idx ON incident.imports (heartbeat_at) WHERE state IN ('queued', 'running');
