package org.incidentmap.incident.bulkimport;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.incidentmap.incident.domain.NewIncident;
import org.incidentmap.incident.events.EventAppender;
import org.incidentmap.incident.events.EventKind;
import org.incidentmap.incident.store.Claim;
import org.incidentmap.incident.store.Columns;
import org.incidentmap.incident.store.Incident;
import org.incidentmap.incident.store.Revision;
import org.incidentmap.incident.store.Source;

/**
 * Writes one chunk of an import in one JDBC transaction, set-based: each table gets one statement
 * that unnests column arrays ({@link Columns}), so PostgreSQL does the per-row work without a round
 * trip or a statement per row. These are the statements single changes run; revisions carry the
 * diff and events the Feature a single create writes ({@link NewIncident}), and the chunk's events
 * get one block of seqs ({@link EventAppender}).
 *
 * <p>Chunks are written concurrently on several connections, but each commits only after the one
 * before it: the incidents, sources, claims and revisions go in while the earlier chunk is still
 * open, then the chunk waits for it, takes its seqs and saves the import's progress. So seqs follow
 * the file's order, the counter and the progress row are locked only for the commit, and after a
 * crash the stored row count is exactly the part of the file that is in.
 */
@ApplicationScoped
class ImportStore {

    private static final String INCIDENTS = Incident.COLUMNS.insert(Columns.JDBC);
    private static final String SOURCES = Source.COLUMNS.insert(Columns.JDBC);
    private static final String CLAIMS = Claim.COLUMNS.insert(Columns.JDBC);
    private static final String REVISIONS = Revision.COLUMNS.insert(Columns.JDBC);
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
                List<EventAppender.Pending> events = writeIncidents(c, chunk, author, reason);
                ImportChunk.Progress earlier = committed(before);
                if (!events.isEmpty()) {
                    EventAppender.append(c, events);
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

    /** Inserts everything but the events, and returns those. */
    private static List<EventAppender.Pending> writeIncidents(Connection c, ImportChunk chunk, String author,
            String reason) throws SQLException {
        List<NewIncident> rows = chunk.incidents();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Incident> incidents = new ArrayList<>(rows.size());
        List<Source> sources = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        List<Revision> revisions = new ArrayList<>(rows.size());
        List<EventAppender.Pending> events = new ArrayList<>(rows.size());
        for (NewIncident row : rows) {
            Incident i = row.incident();
            incidents.add(i);
            sources.addAll(row.sources());
            claims.addAll(row.claims());
            revisions.add(new Revision(i.id, 1, author, chunk.at(), reason, row.changes()));
            events.add(EventAppender.Pending.of(i.id, EventKind.CREATED, row.feature()));
        }
        try (PreparedStatement ps = c.prepareStatement(NO_JIT)) {
            ps.execute();
        }
        insert(c, INCIDENTS, Incident.COLUMNS, incidents);
        insert(c, SOURCES, Source.COLUMNS, sources);
        insert(c, CLAIMS, Claim.COLUMNS, claims);
        insert(c, REVISIONS, Revision.COLUMNS, revisions);
        return events;
    }

    private static <T> void insert(Connection c, String sql, Columns<T> columns, List<T> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            columns.bind(c, ps, rows);
            ps.executeUpdate();
        }
    }
}
