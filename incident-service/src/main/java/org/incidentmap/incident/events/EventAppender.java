package org.incidentmap.incident.events;

import static org.incidentmap.incident.store.Columns.Column.of;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.incidentmap.incident.domain.Point;
import org.incidentmap.incident.store.Columns;
import org.incidentmap.incident.store.Columns.Type;
import org.incidentmap.incident.store.IncidentFeature;

/**
 * The only writer of the event log and of its counter: appends one event or a whole batch inside
 * the caller's transaction, with gap-free seqs in commit order. Single changes (through the
 * reactive client) and import chunks (through JDBC) run the same two statements.
 *
 * <p>The seqs come from the single row of {@code event_counter}: one UPDATE takes a block of as
 * many numbers as there are events and its row lock, held until the writing transaction ends. So
 * writers take numbers one after the other in the order they commit, and a transaction that rolls
 * back returns its block. A reader that has seen seq n can therefore never later find a smaller
 * committed seq. Writers append as their last statement, so the lock is held only for the insert
 * and the commit; everything slow (the Features) is rendered before.
 */
public final class EventAppender {

    /** An event to append: the incident's Feature after the change, and where it was before if the change moved it. */
    public record Pending(UUID incidentId, EventKind kind, String feature, boolean moved, Point previousPosition) {

        public static Pending of(UUID incidentId, EventKind kind, String feature) {
            return new Pending(incidentId, kind, feature, false, null);
        }
    }

    /** The seqs taken: {@code first} to {@code first + n - 1}, and the time the events record (the transaction's). */
    record Block(long first, Instant time) {
    }

    /** A row of the event log. */
    record Logged(long seq, UUID incidentId, String kind, Instant time, String payload) {
    }

    static final Columns<Logged> COLUMNS = new Columns<>("incident.events",
            of("seq", Type.INT8, Logged::seq),
            of("incident_id", Type.UUID, Logged::incidentId),
            of("kind", Type.TEXT, Logged::kind),
            of("time", Type.TIMESTAMPTZ, Logged::time),
            of("payload", Type.JSON_DOCUMENTS, Logged::payload));

    private static final JsonFactory JSON = new JsonFactory();
    private static final String INSERT_REACTIVE = COLUMNS.insert(Columns.REACTIVE);
    private static final String INSERT_JDBC = COLUMNS.insert(Columns.JDBC);
    private static final String TAKE_REACTIVE = take(Columns.REACTIVE);
    private static final String TAKE_JDBC = take(Columns.JDBC);

    private EventAppender() {
    }

    private static String take(IntFunction<String> placeholder) {
        return "UPDATE incident.event_counter SET last_seq = last_seq + " + placeholder.apply(1)
                + " RETURNING last_seq - " + placeholder.apply(2) + " + 1 AS first, now() AS at";
    }

    /** Appends the events in the order given, on the reactive connection whose transaction is open. */
    public static Uni<Void> append(SqlConnection conn, List<Pending> events) {
        long n = events.size();
        return conn.preparedQuery(TAKE_REACTIVE).execute(Tuple.of(n, n))
                .map(rows -> {
                    var row = rows.iterator().next();
                    return logged(new Block(row.getLong("first"), row.getOffsetDateTime("at").toInstant()), events);
                })
                .chain(rows -> conn.preparedQuery(INSERT_REACTIVE).execute(COLUMNS.tuple(rows)))
                .replaceWithVoid();
    }

    /** Appends the events in the order given, on the JDBC connection whose transaction is open. */
    public static void append(Connection c, List<Pending> events) throws SQLException {
        Block block;
        try (PreparedStatement ps = c.prepareStatement(TAKE_JDBC)) {
            ps.setLong(1, events.size());
            ps.setLong(2, events.size());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                block = new Block(rs.getLong("first"), rs.getObject("at", OffsetDateTime.class).toInstant());
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_JDBC)) {
            COLUMNS.bind(c, ps, logged(block, events));
            ps.executeUpdate();
        }
    }

    /** The log's rows for the events, numbered from the block's first seq. */
    static List<Logged> logged(Block block, List<Pending> events) {
        String time = IncidentFeature.iso(block.time());
        List<Logged> rows = new ArrayList<>(events.size());
        for (int k = 0; k < events.size(); k++) {
            Pending e = events.get(k);
            long seq = block.first() + k;
            rows.add(new Logged(seq, e.incidentId(), e.kind().wire(), block.time(), payload(seq, time, e)));
        }
        return rows;
    }

    /**
     * The event as the log, the topic and the stream carry it: seq, kind and time, then, for a
     * change that moved the incident, "previousGeometry" (null when it had none), then the
     * Feature's own members, as {@link IncidentFeature} rendered them.
     */
    static String payload(long seq, String time, Pending e) {
        SegmentedStringWriter out = new SegmentedStringWriter(JSON._getBufferRecycler());
        try {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartObject();
                g.writeNumberField("seq", seq);
                g.writeStringField("kind", e.kind().wire());
                g.writeStringField("time", time);
                if (e.moved()) {
                    g.writeFieldName("previousGeometry");
                    g.writeRawValue(IncidentFeature.geometry(e.previousPosition()));
                }
                // the Feature's members, between its braces
                g.writeRaw(',');
                g.writeRaw(e.feature(), 1, e.feature().length() - 2);
                g.writeEndObject();
            }
            return out.getAndClear();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
