package org.incidentmap.incident.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.incidentmap.incident.domain.FieldError;
import org.incidentmap.incident.domain.IncidentRequests;
import org.incidentmap.incident.domain.InvalidInputException;
import org.incidentmap.incident.domain.NewIncident;
import org.jboss.logging.Logger;

/**
 * Bulk imports. The upload is spooled to a temporary file while it arrives, then a single import
 * thread reads it row by row, validates each row exactly as POST /incidents does, writes valid
 * rows in batches and records per-row errors and progress. The request threads never do that
 * work, so a large import leaves the rest of the service responsive. A client key makes a
 * repeated upload return the first import instead of importing again.
 */
@ApplicationScoped
public class Imports {

    private static final Logger LOG = Logger.getLogger(Imports.class);

    private static final String BY_KEY = "SELECT id FROM incident.imports WHERE client_key = ?";
    private static final String CREATE = """
            INSERT INTO incident.imports (id, client_key, format, state, author, created_at)
            VALUES (?, ?, ?, 'queued', ?, ?) ON CONFLICT (client_key) DO NOTHING""";
    private static final String PROGRESS = """
            UPDATE incident.imports SET state = ?, rows_read = ?, rows_imported = ?, rows_failed = ?,
                errors = errors || CAST(? AS jsonb), finished_at = ? WHERE id = ?""";

    /** The import a request started or found; {@code created} is false when the client key was seen before. */
    public record Ticket(UUID id, boolean created) {
    }

    public enum Format { GEOJSON, CSV }

    private final DataSource dataSource;
    private final ImportStore store;
    private final IncidentRequests requests;
    private final ObjectMapper mapper;
    private final ImportConfig config;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "incident-import");
        t.setDaemon(true);
        return t;
    });

    Imports(DataSource dataSource, ImportStore store, IncidentRequests requests, ObjectMapper mapper, ImportConfig config) {
        this.dataSource = dataSource;
        this.store = store;
        this.requests = requests;
        this.mapper = mapper;
        this.config = config;
    }

    @PreDestroy
    void shutdown() {
        worker.shutdownNow();
    }

    /** Blocking: spools the body and queues the import. Call from a worker thread. */
    public Ticket submit(String clientKey, Format format, InputStream body, String author) {
        try {
            UUID existing = clientKey == null ? null : byKey(clientKey);
            if (existing != null) {
                return new Ticket(existing, false);
            }
            Path file = Files.createTempFile("incident-import-", format == Format.CSV ? ".csv" : ".geojson");
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            UUID id = UUID.randomUUID();
            if (!register(id, clientKey, format, author)) {
                Files.deleteIfExists(file);
                return new Ticket(byKey(clientKey), false);
            }
            worker.submit(() -> run(id, format, file, author));
            return new Ticket(id, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void run(UUID id, Format format, Path file, String author) {
        Progress progress = new Progress(id);
        try (ImportRows rows = format == Format.CSV ? ImportRows.csv(file) : ImportRows.geoJson(file, mapper)) {
            progress.save("running", false);
            List<NewIncident> batch = new ArrayList<>(config.batchSize());
            List<Integer> batchRows = new ArrayList<>(config.batchSize());
            ObjectNode row;
            while ((row = rows.next()) != null) {
                progress.read++;
                try {
                    batch.add(NewIncident.of(requests.create(row), Instant.now()));
                    batchRows.add(progress.read);
                } catch (InvalidInputException e) {
                    progress.fail(progress.read, e.errors());
                }
                if (batch.size() == config.batchSize()) {
                    write(batch, batchRows, author, progress);
                }
            }
            write(batch, batchRows, author, progress);
            progress.save("done", true);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("import %s stopped: %s", id, e.toString());
            progress.fail(progress.read + 1, List.of(new FieldError("body", String.valueOf(e.getMessage()))));
            progress.save("failed", true);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debugf("could not delete %s", file);
            }
        }
    }

    private void write(List<NewIncident> batch, List<Integer> batchRows, String author, Progress progress) {
        try {
            store.insert(batch, author, "imported");
            progress.imported += batch.size();
        } catch (SQLException e) {
            for (int row : batchRows) {
                progress.fail(row, List.of(new FieldError("row", "not stored: " + e.getMessage())));
            }
        }
        batch.clear();
        batchRows.clear();
        progress.save("running", false);
    }

    /** Counts and the errors not yet saved; saved after every batch so GET /imports/{id} shows progress. */
    private final class Progress {
        final UUID id;
        int read;
        int imported;
        int failed;
        int kept;
        ArrayNode pending = mapper.createArrayNode();

        Progress(UUID id) {
            this.id = id;
        }

        void fail(int row, List<FieldError> errors) {
            failed++;
            for (FieldError error : errors) {
                if (kept++ < config.maxErrors()) {
                    pending.addObject().put("row", row).put("field", error.field()).put("detail", error.detail());
                }
            }
        }

        void save(String state, boolean finished) {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(PROGRESS)) {
                ps.setString(1, state);
                ps.setInt(2, read);
                ps.setInt(3, imported);
                ps.setInt(4, failed);
                ps.setString(5, pending.toString());
                ps.setTimestamp(6, finished ? Timestamp.from(Instant.now()) : null);
                ps.setObject(7, id);
                ps.executeUpdate();
                pending = mapper.createArrayNode();
            } catch (SQLException e) {
                LOG.warnf("could not save the progress of import %s: %s", id, e.toString());
            }
        }
    }

    private UUID byKey(String clientKey) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(BY_KEY)) {
            ps.setString(1, clientKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    private boolean register(UUID id, String clientKey, Format format, String author) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CREATE)) {
            ps.setObject(1, id);
            ps.setString(2, clientKey);
            ps.setString(3, format == Format.CSV ? "csv" : "geojson");
            ps.setString(4, author);
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            return ps.executeUpdate() == 1;
        }
    }
}
