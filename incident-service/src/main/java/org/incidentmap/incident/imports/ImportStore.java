package org.incidentmap.incident.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.incidentmap.incident.domain.NewIncident;
import org.incidentmap.incident.domain.SourceInput;
import org.incidentmap.incident.domain.ClaimInput;
import org.incidentmap.incident.store.Incident;

/**
 * Writes a batch of imported incidents in one JDBC transaction (imports run on their own worker
 * thread): the incidents, their sources and claims, one revision each and one event each. The
 * events take a block of seqs from the counter row as the transaction's last step, which keeps
 * the log gap-free and in commit order exactly as single writes do.
 */
@ApplicationScoped
class ImportStore {

    private static final String INCIDENT = """
            INSERT INTO incident.incidents (id, event_type, sub_event_type, weapons, targets, occurred_on, time_precision,
                geom, geo_precision, place_name, admin1, admin2, country, killed, killed_at_least, injured,
                injured_at_least, status, actor, geocode_pending, version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ST_SetSRID(ST_GeomFromGeoJSON(CAST(? AS text)), 4326), ?, ?, ?, ?, ?, ?, ?, ?,
                ?, ?, ?, ?, 1, ?, ?)""";
    private static final String SOURCE = """
            INSERT INTO incident.sources (incident_id, outlet, url, published_at, excerpt, added_at) VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String CLAIM = """
            INSERT INTO incident.claims (incident_id, claimant, killed, killed_at_least, injured, injured_at_least,
                statement, source_url, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String REVISION = """
            INSERT INTO incident.revisions (incident_id, version, author, at, reason, changes)
            VALUES (?, 1, ?, ?, ?, CAST(? AS jsonb))""";
    private static final String TAKE_SEQS = "UPDATE incident.event_counter SET last_seq = last_seq + ? RETURNING last_seq";
    private static final String EVENTS = """
            INSERT INTO incident.events (seq, incident_id, kind, time, payload)
            SELECT ? + u.ord - 1, i.id, 'incident.created', now(),
                   CAST(i.feature AS jsonb) || jsonb_build_object(
                       'seq', ? + u.ord - 1, 'kind', 'incident.created', 'time', incident.iso_instant(now()))
            FROM unnest(CAST(? AS uuid[])) WITH ORDINALITY AS u(id, ord)
            JOIN incident.incident_features i ON i.id = u.id""";

    private final DataSource dataSource;

    ImportStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insert(List<NewIncident> batch, String author, String reason) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                write(c, batch, author, reason);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void write(Connection c, List<NewIncident> batch, String author, String reason) throws SQLException {
        Instant now = Instant.now();
        UUID[] ids = new UUID[batch.size()];
        try (PreparedStatement incidents = c.prepareStatement(INCIDENT);
                PreparedStatement sources = c.prepareStatement(SOURCE);
                PreparedStatement claims = c.prepareStatement(CLAIM);
                PreparedStatement revisions = c.prepareStatement(REVISION)) {
            for (int n = 0; n < batch.size(); n++) {
                NewIncident row = batch.get(n);
                Incident i = row.incident();
                ids[n] = i.id;
                bindIncident(c, incidents, i);
                incidents.addBatch();
                for (SourceInput s : row.sources()) {
                    sources.setObject(1, i.id);
                    sources.setString(2, s.outlet());
                    sources.setString(3, s.url());
                    sources.setTimestamp(4, s.publishedAt() == null ? null : Timestamp.from(s.publishedAt().toInstant()));
                    sources.setString(5, s.excerpt());
                    sources.setTimestamp(6, Timestamp.from(now));
                    sources.addBatch();
                }
                for (ClaimInput cl : row.claims()) {
                    claims.setObject(1, i.id);
                    claims.setString(2, cl.claimant());
                    claims.setObject(3, cl.killed(), Types.INTEGER);
                    claims.setBoolean(4, Boolean.TRUE.equals(cl.killedAtLeast()));
                    claims.setObject(5, cl.injured(), Types.INTEGER);
                    claims.setBoolean(6, Boolean.TRUE.equals(cl.injuredAtLeast()));
                    claims.setString(7, cl.statement());
                    claims.setString(8, cl.sourceUrl());
                    claims.setTimestamp(9, Timestamp.from(now));
                    claims.addBatch();
                }
                revisions.setObject(1, i.id);
                revisions.setString(2, author);
                revisions.setTimestamp(3, Timestamp.from(now));
                revisions.setString(4, reason);
                revisions.setString(5, row.changes());
                revisions.addBatch();
            }
            incidents.executeBatch();
            sources.executeBatch();
            claims.executeBatch();
            revisions.executeBatch();
        }
        long last;
        try (PreparedStatement take = c.prepareStatement(TAKE_SEQS)) {
            take.setInt(1, ids.length);
            try (ResultSet rs = take.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
            }
        }
        long first = last - ids.length + 1;
        try (PreparedStatement events = c.prepareStatement(EVENTS)) {
            Array idArray = c.createArrayOf("uuid", ids);
            events.setLong(1, first);
            events.setLong(2, first);
            events.setArray(3, idArray);
            events.executeUpdate();
        }
    }

    private static void bindIncident(Connection c, PreparedStatement ps, Incident i) throws SQLException {
        ps.setObject(1, i.id);
        ps.setString(2, i.eventType);
        ps.setString(3, i.subEventType);
        ps.setArray(4, c.createArrayOf("text", i.weapons));
        ps.setArray(5, c.createArrayOf("text", i.targets));
        ps.setObject(6, i.occurredOn);
        ps.setShort(7, i.timePrecision);
        ps.setString(8, i.geometry);
        ps.setObject(9, i.geoPrecision, Types.SMALLINT);
        ps.setString(10, i.placeName);
        ps.setString(11, i.admin1);
        ps.setString(12, i.admin2);
        ps.setString(13, i.country);
        ps.setObject(14, i.killed, Types.INTEGER);
        ps.setBoolean(15, i.killedAtLeast);
        ps.setObject(16, i.injured, Types.INTEGER);
        ps.setBoolean(17, i.injuredAtLeast);
        ps.setString(18, i.status);
        ps.setString(19, i.actor);
        ps.setBoolean(20, i.geocodePending);
        ps.setTimestamp(21, Timestamp.from(i.createdAt));
        ps.setTimestamp(22, Timestamp.from(i.updatedAt));
    }
}
