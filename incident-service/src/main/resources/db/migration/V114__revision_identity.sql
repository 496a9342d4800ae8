-- A revision is one version of one incident: every change bumps the version under the incident's
-- row lock and writes one revision. The pair is now the key, so the database holds that rule too,
-- and the serial id it replaces (a sequence call and a second index entry per revision, most of
-- them in bulk imports) is gone.
ALTER TABLE incident.revisions DROP CONSTRAINT revisions_pkey;
ALTER TABLE incident.revisions DROP COLUMN id;
DROP INDEX incident.revisions_incident_idx;
ALTER TABLE incident.revisions ADD PRIMARY KEY (incident_id, version);
