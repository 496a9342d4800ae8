-- The service renders every event payload and revision diff itself, from values it has already
-- validated, and only ever reads them back whole. As json, PostgreSQL parsed each one again on the
-- way in: 0.6 s of database time per 100,000 imported incidents for the payloads alone, work that
-- could never find an error. Readers that need JSON values cast on the way out.
ALTER TABLE incident.events ALTER COLUMN payload TYPE text;
ALTER TABLE incident.revisions ALTER COLUMN changes TYPE text;
