-- Wakes the relay as soon as events commit, so publication does not wait for its next poll.
-- One statement-level trigger covers single writes and set-based imports alike; PostgreSQL
-- delivers the notification at commit and folds repeats within a transaction into one.
CREATE FUNCTION incident.notify_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('incident_events', '');
    RETURN NULL;
END $$;

CREATE TRIGGER events_notify AFTER INSERT ON incident.events
    FOR EACH STATEMENT EXECUTE FUNCTION incident.notify_events();
