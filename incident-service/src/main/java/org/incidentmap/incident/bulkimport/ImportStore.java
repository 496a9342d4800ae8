package org.incidentmap.incident.bulkimport;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.incidentmap.incident.domain.ClaimInput;
import org.incidentmap.incident.domain.NewIncident;
import org.incidentmap.incident.domain.SourceInput;
import org.incidentmap.incident.store.Incident;

/**
 * Writes one chunk of an import in one JDBC transaction, set-based: each table gets one statement
 * that unnests column arrays, so PostgreSQL does the per-row work without a round trip or a
 * statement per row. Revisions carry the diff the single-create path computes; events carry the
 * Feature the view would build, with one counter update taking the chunk's block of seqs.
 *
 * <p>Chunks are written concurrently on several connections, but each commits only after the one
 * before it: the incidents, sources, claims and revisions go in while the earlier chunk is still
 * open, then the chunk waits for it, takes its seqs and saves the import's progress. So seqs follow
 * the file's order, the progress row is locked only for the commit, and after a crash the stored
 * row count is exactly the part of the file that is in.
 */
@ApplicationScoped
class ImportStore {

    private static final String INCIDENTS = """
            INSERT INTO incident.incidents (id, event_type, sub_event_type, weapons, targets, occurred_on, time_precision,
                geom, geo_precision, place_name, admin1, admin2, country, killed, killed_at_least, injured,
                injured_at_least, status, actor, geocode_pending, version, created_at, updated_at)
            SELECT r.id, r.event_type, r.sub_event_type, CAST(r.weapons AS text[]), CAST(r.targets AS text[]),
                r.occurred_on, r.time_precision,
                CASE WHEN r.lon IS NOT NULL THEN ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326) END,
                r.geo_precision, r.place_name, r.admin1, r.admin2, r.country, r.killed, r.killed_at_least, r.injured,
                r.injured_at_least, r.status, r.actor, r.geocode_pending, 1, ?, ?
            FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                    CAST(? AS date[]), CAST(? AS int2[]), CAST(? AS float8[]), CAST(? AS float8[]), CAST(? AS int2[]),
                    CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS int4[]),
                    CAST(? AS bool[]), CAST(? AS int4[]), CAST(? AS bool[]), CAST(? AS text[]), CAST(? AS text[]),
                    CAST(? AS bool[]))
                AS r(id, event_type, sub_event_type, weapons, targets, occurred_on, time_precision, lon, lat,
                    geo_precision, place_name, admin1, admin2, country, killed, killed_at_least, injured,
                    injured_at_least, status, actor, geocode_pending)""";
    private static final String SOURCES = """
            INSERT INTO incident.sources (incident_id, outlet, url, published_at, excerpt, added_at)
            SELECT r.incident_id, r.outlet, r.url, r.published_at, r.excerpt, ?
            FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS timestamptz[]),
                    CAST(? AS text[])) WITH ORDINALITY AS r(incident_id, outlet, url, published_at, excerpt, ord)
            ORDER BY r.ord""";
    private static final String CLAIMS = """
            INSERT INTO incident.claims (incident_id, claimant, killed, killed_at_least, injured, injured_at_least,
                statement, source_url, added_at)
            SELECT r.incident_id, r.claimant, r.killed, r.killed_at_least, r.injured, r.injured_at_least,
                r.statement, r.source_url, ?
            FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS int4[]), CAST(? AS bool[]), CAST(? AS int4[]),
                    CAST(? AS bool[]), CAST(? AS text[]), CAST(? AS text[]))
                WITH ORDINALITY AS r(incident_id, claimant, killed, killed_at_least, injured, injured_at_least,
                    statement, source_url, ord)
            ORDER BY r.ord""";
    private static final String REVISIONS = """
            INSERT INTO incident.revisions (incident_id, version, author, at, reason, changes)
            SELECT r.id, 1, ?, ?, ?, r.changes
            FROM unnest(CAST(? AS uuid[]), string_to_array(?, chr(30))) AS r(id, changes)""";
    /**
     * After the earlier chunk committed: one counter update takes the chunk's block of seqs, and
     * its row lock is held from here to the commit, so this is kept to splicing seq, kind and time
     * into Features rendered beforehand ({@link CreatedFeature}).
     */
    private static final String EVENTS = """
            WITH block AS (
                UPDATE incident.event_counter SET last_seq = last_seq + ?
                RETURNING last_seq - ? AS before, incident.iso_instant(now()) AS at)
            INSERT INTO incident.events (seq, incident_id, kind, time, payload)
            SELECT b.before + u.ord, u.id, 'incident.created', now(),
                   '{"seq":' || (b.before + u.ord) || ',"kind":"incident.created","time":"' || b.at || '",'
                       || u.members
            FROM block b, unnest(CAST(? AS uuid[]), string_to_array(?, chr(30))) WITH ORDINALITY AS u(id, members, ord)""";
    /** Compiling a chunk's expressions costs more than running them once. */
    private static final String NO_JIT = "SET LOCAL jit = off";
    private static final String PROGRESS = """
            UPDATE incident.imports SET rows_read = ?, rows_imported = ?, rows_failed = ?,
                errors = errors || CAST(? AS jsonb), heartbeat_at = now()
            WHERE id = ? AND state = 'running'""";

    private final DataSource dataSource;

    ImportStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Thrown when the import is no longer running here: another instance took it for dead and failed it. */
    static final class ImportStoppedException extends RuntimeException {
        ImportStoppedException(UUID id) {
            super("import " + id + " is no longer running");
        }
    }

    /**
     * Writes the chunk's incidents and the import's progress after it; both or neither. Commits
     * only once {@code before} (the import's progress after the earlier chunk) is in; if that
     * write failed, this chunk is rolled back and fails with the same cause.
     *
     * @return the import's progress with this chunk in
     * @throws ImportStoppedException when the import was failed meanwhile; nothing is written
     */
    ImportChunk.Progress write(UUID importId, ImportChunk chunk, String author, String reason,
            CompletableFuture<ImportChunk.Progress> before, int maxErrors) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Written written = chunk.incidents().isEmpty() ? null : writeIncidents(c, chunk, author, reason);
                ImportChunk.Progress earlier = committed(before);
                if (written != null) {
                    writeEvents(c, written);
                }
                ImportChunk.Progress after = earlier.plus(chunk, maxErrors);
                if (!saveProgress(c, importId, after.totals(), earlier.newErrors(chunk, maxErrors).toString())) {
                    c.rollback();
                    throw new ImportStoppedException(importId);
                }
                c.commit();
                return after;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static ImportChunk.Progress committed(CompletableFuture<ImportChunk.Progress> before) {
        try {
            return before.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static boolean saveProgress(Connection c, UUID importId, ImportChunk.Totals t, String errors)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PROGRESS)) {
            ps.setInt(1, t.read());
            ps.setInt(2, t.imported());
            ps.setInt(3, t.failed());
            ps.setString(4, errors);
            ps.setObject(5, importId);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Separates the rows' JSON documents in one text parameter, which PostgreSQL splits: a text
     * array the driver would encode element by element, through a buffer grown a copy at a time.
     * The JSON generator escapes every control character, so none occurs inside a document.
     */
    private static final char SEPARATOR = '\u001e';

    /**
     * The incident ids of a chunk as bound once for all its statements, and the rows' Features
     * without their opening brace, which the events' insert writes with the seq before the rest
     * (substr would count every character of every Feature to find the second).
     */
    private record Written(Array ids, int count, String features) {
    }

    /** Inserts everything but the events. */
    private static Written writeIncidents(Connection c, ImportChunk chunk, String author, String reason)
            throws SQLException {
        List<NewIncident> rows = chunk.incidents();
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] eventType = new String[n];
        String[] subEventType = new String[n];
        String[] weapons = new String[n];
        String[] targets = new String[n];
        String[] occurredOn = new String[n];
        Short[] timePrecision = new Short[n];
        Double[] lon = new Double[n];
        Double[] lat = new Double[n];
        Short[] geoPrecision = new Short[n];
        String[] placeName = new String[n];
        String[] admin1 = new String[n];
        String[] admin2 = new String[n];
        String[] country = new String[n];
        Integer[] killed = new Integer[n];
        Boolean[] killedAtLeast = new Boolean[n];
        Integer[] injured = new Integer[n];
        Boolean[] injuredAtLeast = new Boolean[n];
        String[] status = new String[n];
        String[] actor = new String[n];
        Boolean[] geocodePending = new Boolean[n];
        StringBuilder changes = new StringBuilder(n * 512);
        StringBuilder features = new StringBuilder(n * 800);
        String createdAt = CreatedFeature.iso(chunk.at());
        Sources sources = new Sources();
        Claims claims = new Claims();
        for (int k = 0; k < n; k++) {
            NewIncident row = rows.get(k);
            Incident i = row.incident();
            ids[k] = i.id;
            eventType[k] = i.eventType;
            subEventType[k] = i.subEventType;
            weapons[k] = PgArrays.literal(i.weapons);
            targets[k] = PgArrays.literal(i.targets);
            occurredOn[k] = i.occurredOn.toString();
            timePrecision[k] = i.timePrecision;
            if (row.point() != null) {
                lon[k] = row.point().lon();
                lat[k] = row.point().lat();
            }
            geoPrecision[k] = i.geoPrecision;
            placeName[k] = i.placeName;
            admin1[k] = i.admin1;
            admin2[k] = i.admin2;
            country[k] = i.country;
            killed[k] = i.killed;
            killedAtLeast[k] = i.killedAtLeast;
            injured[k] = i.injured;
            injuredAtLeast[k] = i.injuredAtLeast;
            status[k] = i.status;
            actor[k] = i.actor;
            geocodePending[k] = i.geocodePending;
            if (k > 0) {
                changes.append(SEPARATOR);
                features.append(SEPARATOR);
            }
            changes.append(row.changes());
            String feature = CreatedFeature.of(row, createdAt);
            features.append(feature, 1, feature.length());
            row.sources().forEach(s -> sources.add(i.id, s));
            row.claims().forEach(cl -> claims.add(i.id, cl));
        }
        Timestamp at = Timestamp.from(chunk.at());
        Array idArray = c.createArrayOf("uuid", ids);
        try (PreparedStatement ps = c.prepareStatement(NO_JIT)) {
            ps.execute();
        }
        try (PreparedStatement ps = c.prepareStatement(INCIDENTS)) {
            ps.setTimestamp(1, at);
            ps.setTimestamp(2, at);
            ps.setArray(3, idArray);
            Object[][] columns = {eventType, subEventType, weapons, targets, occurredOn, timePrecision, lon, lat,
                    geoPrecision, placeName, admin1, admin2, country, killed, killedAtLeast, injured, injuredAtLeast,
                    status, actor, geocodePending};
            String[] types = {"text", "text", "text", "text", "text", "int2", "float8", "float8", "int2",
                    "text", "text", "text", "text", "int4", "bool", "int4", "bool", "text", "text", "bool"};
            for (int col = 0; col < columns.length; col++) {
                ps.setArray(4 + col, c.createArrayOf(types[col], columns[col]));
            }
            ps.executeUpdate();
        }
        if (!sources.incident.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(SOURCES)) {
                ps.setTimestamp(1, at);
                ps.setArray(2, c.createArrayOf("uuid", sources.incident.toArray()));
                ps.setArray(3, c.createArrayOf("text", sources.outlet.toArray()));
                ps.setArray(4, c.createArrayOf("text", sources.url.toArray()));
                ps.setArray(5, c.createArrayOf("text", sources.publishedAt.toArray()));
                ps.setArray(6, c.createArrayOf("text", sources.excerpt.toArray()));
                ps.executeUpdate();
            }
        }
        if (!claims.incident.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(CLAIMS)) {
                ps.setTimestamp(1, at);
                ps.setArray(2, c.createArrayOf("uuid", claims.incident.toArray()));
                ps.setArray(3, c.createArrayOf("text", claims.claimant.toArray()));
                ps.setArray(4, c.createArrayOf("int4", claims.killed.toArray()));
                ps.setArray(5, c.createArrayOf("bool", claims.killedAtLeast.toArray()));
                ps.setArray(6, c.createArrayOf("int4", claims.injured.toArray()));
                ps.setArray(7, c.createArrayOf("bool", claims.injuredAtLeast.toArray()));
                ps.setArray(8, c.createArrayOf("text", claims.statement.toArray()));
                ps.setArray(9, c.createArrayOf("text", claims.sourceUrl.toArray()));
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(REVISIONS)) {
            ps.setString(1, author);
            ps.setTimestamp(2, at);
            ps.setString(3, reason);
            ps.setArray(4, idArray);
            ps.setString(5, changes.toString());
            ps.executeUpdate();
        }
        return new Written(idArray, n, features.toString());
    }

    private static void writeEvents(Connection c, Written written) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(EVENTS)) {
            ps.setInt(1, written.count());
            ps.setInt(2, written.count());
            ps.setArray(3, written.ids());
            ps.setString(4, written.features());
            ps.executeUpdate();
        }
    }

    /** The chunk's sources as columns, in the order the rows gave them (their ids keep that order). */
    private static final class Sources {
        final List<UUID> incident = new ArrayList<>();
        final List<String> outlet = new ArrayList<>();
        final List<String> url = new ArrayList<>();
        final List<String> publishedAt = new ArrayList<>();
        final List<String> excerpt = new ArrayList<>();

        void add(UUID id, SourceInput s) {
            incident.add(id);
            outlet.add(s.outlet());
            url.add(s.url());
            publishedAt.add(s.publishedAt() == null ? null : CreatedFeature.micros(s.publishedAt().toInstant()).toString());
            excerpt.add(s.excerpt());
        }
    }

    private static final class Claims {
        final List<UUID> incident = new ArrayList<>();
        final List<String> claimant = new ArrayList<>();
        final List<Integer> killed = new ArrayList<>();
        final List<Boolean> killedAtLeast = new ArrayList<>();
        final List<Integer> injured = new ArrayList<>();
        final List<Boolean> injuredAtLeast = new ArrayList<>();
        final List<String> statement = new ArrayList<>();
        final List<String> sourceUrl = new ArrayList<>();

        void add(UUID id, ClaimInput cl) {
            incident.add(id);
            claimant.add(cl.claimant());
            killed.add(cl.killed());
            killedAtLeast.add(Boolean.TRUE.equals(cl.killedAtLeast()));
            injured.add(cl.injured());
            injuredAtLeast.add(Boolean.TRUE.equals(cl.injuredAtLeast()));
            statement.add(cl.statement());
            sourceUrl.add(cl.sourceUrl());
        }
    }
}
