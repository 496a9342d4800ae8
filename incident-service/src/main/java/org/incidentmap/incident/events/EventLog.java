package org.incidentmap.incident.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Appends events to the log inside the caller's transaction.
 *
 * <p>The sequence number comes from the single row of {@code event_counter}: the UPDATE takes its
 * row lock and holds it until the writing transaction ends, so writers take numbers one after the
 * other in the order they commit, and a transaction that rolls back returns its number. A reader
 * that has seen seq n can therefore never later find a smaller committed seq. Writers append as
 * their last statement so the lock is held only for the commit.
 */
@ApplicationScoped
public class EventLog {

    private static final String APPEND = """
            WITH next AS (
                UPDATE incident.event_counter SET last_seq = last_seq + 1 RETURNING last_seq),
            f AS (
                SELECT i.feature FROM incident.incident_features i WHERE i.id = CAST(:id AS uuid)),
            change AS (
                SELECT CAST(r.changes AS json) AS diff FROM incident.revisions r
                JOIN incident.incidents i ON i.id = r.incident_id AND i.version = r.version
                WHERE r.incident_id = CAST(:id AS uuid) AND :kind <> 'incident.created'),
            moved AS (
                SELECT CAST(diff -> 'geometry' -> 'from' AS text) AS geometry FROM change WHERE diff -> 'geometry' IS NOT NULL),
            appended AS (
                INSERT INTO incident.events (seq, incident_id, kind, time, payload)
                SELECT next.last_seq, CAST(:id AS uuid), :kind, now(),
                       '{"seq":' || next.last_seq || ',"kind":"' || :kind || '","time":"'
                           || incident.iso_instant(now()) || '",'
                           || COALESCE('"previousGeometry":' || (SELECT geometry FROM moved) || ',', '')
                           || substr(CAST(f.feature AS text), 2)
                FROM next, f)
            SELECT CAST(f.feature AS text) FROM f""";

    /**
     * Appends the incident's current Feature as an event of the given kind; the item is that
     * Feature as JSON. An update or retraction that moved the incident also carries
     * "previousGeometry", the geometry before the change (null when it had none), taken from the
     * change's revision, which the caller has written in the same transaction: a map consumer must
     * know where the incident was to redraw that place too.
     */
    public Uni<String> append(UUID incidentId, EventKind kind) {
        return Panache.getSession().chain(session -> session.flush()
                .chain(() -> session.createNativeQuery(APPEND, String.class)
                        .setParameter("id", incidentId.toString())
                        .setParameter("kind", kind.wire())
                        .getSingleResult()));
    }
}
