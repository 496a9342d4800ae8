-- The language the extractor detected in each report (ISO 639-1: en, uk, ru); null for reports stored
-- before it was recorded. Expand only: replicas of the release before ignore the column.
ALTER TABLE reports ADD COLUMN language text CHECK (language IN ('en', 'uk', 'ru'));
