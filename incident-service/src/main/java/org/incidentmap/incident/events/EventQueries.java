package org.incidentmap.incident.events;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads of the event log for consumers that fell behind the Kafka topic. */
@ApplicationScoped
public class EventQueries {

    /** One statement, one snapshot: headSeq is never behind the events listed. */
    private static final String AFTER = """
            SELECT '{"events":[' || COALESCE((SELECT string_agg(e.payload, ',' ORDER BY e.seq) FROM (
                    SELECT payload, seq FROM incident.events WHERE seq > $1 ORDER BY seq LIMIT $2) e), '')
                || '],"headSeq":' || (SELECT last_seq FROM incident.event_counter) || '}'""";

    private final Pool pool;

    public EventQueries(Pool pool) {
        this.pool = pool;
    }

    /** {"events":[...],"headSeq":H} with at most {@code limit} events after {@code after}, in seq order. */
    public Uni<String> after(long after, int limit) {
        return pool.preparedQuery(AFTER).execute(Tuple.of(after, limit))
                .map(rows -> rows.iterator().next().getString(0));
    }
}
