package org.incidentmap.incident.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads of the event log for consumers that fell behind the Kafka topic. */
@ApplicationScoped
public class EventQueries {

    /**
     * One statement, one snapshot: headSeq is never behind the events listed. The head comes on
     * every row, and on a row of its own (payload null) when no event follows {@code after}.
     */
    private static final String AFTER = """
            SELECT h.last_seq AS head, e.payload
            FROM incident.event_counter h
            LEFT JOIN LATERAL (SELECT payload, seq FROM incident.events WHERE seq > $1 ORDER BY seq LIMIT $2) e ON true
            ORDER BY e.seq""";

    private static final JsonFactory JSON = new JsonFactory();

    private final Pool pool;

    public EventQueries(Pool pool) {
        this.pool = pool;
    }

    /** {"events":[...],"headSeq":H} with at most {@code limit} events after {@code after}, in seq order. */
    public Uni<String> after(long after, int limit) {
        return pool.preparedQuery(AFTER).execute(Tuple.of(after, limit)).map(EventQueries::page);
    }

    /** The stored payloads are JSON documents already, written as they are. */
    private static String page(RowSet<Row> rows) {
        SegmentedStringWriter out = new SegmentedStringWriter(JSON._getBufferRecycler());
        try {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                long head = 0;
                g.writeStartObject();
                g.writeArrayFieldStart("events");
                for (Row row : rows) {
                    head = row.getLong("head");
                    String payload = row.getString("payload");
                    if (payload != null) {
                        g.writeRawValue(payload);
                    }
                }
                g.writeEndArray();
                g.writeNumberField("headSeq", head);
                g.writeEndObject();
            }
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
