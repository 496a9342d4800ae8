package org.incidentmap.incident.bulkimport;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.incidentmap.incident.domain.FieldError;
import org.incidentmap.incident.requests.IncidentRequests;
import org.incidentmap.incident.domain.InvalidInputException;
import org.incidentmap.incident.domain.NewIncident;
import org.jboss.logging.Logger;

/**
 * Bulk imports. The upload is spooled to a temporary file while it arrives; an import thread then
 * reads it row by row and validates each row exactly as POST /incidents does, while writer threads
 * store the chunks before it set-based ({@link ImportStore}), several at once, so parsing and the
 * database work overlap. Request threads never do that work, so a large import leaves the rest of the service
 * responsive. A client key makes a repeated upload return the first import instead of importing
 * again, or resume it after the rows already in when a restart interrupted it.
 */
@ApplicationScoped
public class Imports {

    private static final Logger LOG = Logger.getLogger(Imports.class);

    private static final String BY_KEY = "SELECT id, state = 'failed' AND resumable FROM incident.imports WHERE client_key = ?";
    private static final String CREATE = """
            INSERT INTO incident.imports (id, client_key, format, state, author, created_at, heartbeat_at)
            VALUES (?, ?, ?, 'queued', ?, now(), now()) ON CONFLICT (client_key) DO NOTHING""";
    private static final String RESUME = """
            UPDATE incident.imports SET state = 'queued', format = ?, resumable = false, detail = NULL,
                finished_at = NULL, heartbeat_at = now()
            WHERE id = ? AND state = 'failed' AND resumable
            RETURNING rows_read, rows_imported, rows_failed, jsonb_array_length(errors)""";
    private static final String START = """
            UPDATE incident.imports SET state = 'running', heartbeat_at = now() WHERE id = ? AND state = 'queued'""";
    private static final String FINISH = """
            UPDATE incident.imports SET state = ?, errors = errors || CAST(? AS jsonb), detail = ?, resumable = ?,
                finished_at = now()
            WHERE id = ? AND state = 'running'""";

    /** The import a request started or found; {@code created} is false when the client key was seen before. */
    public record Ticket(UUID id, boolean created) {
    }

    public enum Format { GEOJSON, CSV }

    private final DataSource dataSource;
    private final ImportStore store;
    private final IncidentRequests requests;
    private final ObjectMapper mapper;
    private final ImportConfig config;
    /** Imports queued or running in this instance: their heartbeat is renewed. */
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> daemon(r, "incident-import"));
    private final ExecutorService writers;

    Imports(DataSource dataSource, ImportStore store, IncidentRequests requests, ObjectMapper mapper, ImportConfig config) {
        this.dataSource = dataSource;
        this.store = store;
        this.requests = requests;
        this.mapper = mapper;
        this.config = config;
        this.writers = Executors.newFixedThreadPool(config.writers(), r -> daemon(r, "incident-import-writer"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @PreDestroy
    void shutdown() {
        reader.shutdownNow();
        writers.shutdownNow();
    }

    Set<UUID> active() {
        return Set.copyOf(active);
    }

    /** Blocking: spools the body and queues the import. Call from a worker thread. */
    public Ticket submit(String clientKey, Format format, InputStream body, String author) {
        try {
            Existing existing = clientKey == null ? null : byKey(clientKey);
            if (existing != null && !existing.resumable()) {
                return new Ticket(existing.id(), false);
            }
            Path file = Files.createTempFile("incident-import-", format == Format.CSV ? ".csv" : ".geojson");
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            UUID id = existing != null ? existing.id() : UUID.randomUUID();
            active.add(id);
            ImportChunk.Progress from = existing != null ? resume(id, format)
                    : register(id, clientKey, format, author) ? ImportChunk.Progress.START : null;
            if (from == null) {
                active.remove(id);
                Files.deleteIfExists(file);
                return new Ticket(byKey(clientKey).id(), false);
            }
            reader.submit(() -> run(id, format, file, author, from));
            return new Ticket(id, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void run(UUID id, Format format, Path file, String author, ImportChunk.Progress from) {
        Writes writes = new Writes(id, author, from);
        Lines lines = new Lines();
        int row = 0;
        try (ImportRows rows = format == Format.CSV ? ImportRows.csv(file) : ImportRows.geoJson(file, mapper)) {
            if (!start(id)) {
                return;
            }
            ObjectNode line;
            while ((line = rows.next()) != null) {
                row++;
                if (row <= from.totals().read()) {
                    continue;
                }
                lines.add(line);
                if (lines.size() == config.batchSize()) {
                    writes.submit(lines.take(row));
                }
            }
            writes.submit(lines.take(row));
            writes.last.join();
            finish(id, "done", List.of(), null, null, false);
        } catch (CompletionException e) {
            stopped(id, e.getCause(), row);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("import %s stopped at row %d: %s", id, row + 1, e.toString());
            try {
                writes.submit(lines.take(row));
                writes.last.join();
            } catch (CompletionException failedWrite) {
                stopped(id, failedWrite.getCause(), row);
                return;
            }
            finish(id, "failed", List.of(new FieldError("body", String.valueOf(e.getMessage()))), row + 1,
                    "the file could not be read past row " + row, false);
        } finally {
            active.remove(id);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debugf("could not delete %s", file);
            }
        }
    }

    /** Consecutive rows as read, not yet validated; {@code lastRow} is the number of the last. */
    private record Rows(List<ObjectNode> lines, int lastRow) {
    }

    private final class Lines {
        private List<ObjectNode> lines = new ArrayList<>(config.batchSize());

        void add(ObjectNode line) {
            lines.add(line);
        }

        int size() {
            return lines.size();
        }

        Rows take(int lastRow) {
            Rows taken = new Rows(lines, lastRow);
            lines = new ArrayList<>(config.batchSize());
            return taken;
        }
    }

    /**
     * The chunks of one run in flight: at most {@link ImportConfig#writers()} at once, each
     * validated and written on a writer thread and committed after the one before it. {@code last}
     * completes with the import's progress when every chunk submitted is in, or with the first
     * failure.
     */
    private final class Writes {
        private final UUID id;
        private final String author;
        private final ArrayDeque<CompletableFuture<?>> inFlight = new ArrayDeque<>();
        CompletableFuture<ImportChunk.Progress> last;

        Writes(UUID id, String author, ImportChunk.Progress from) {
            this.id = id;
            this.author = author;
            this.last = CompletableFuture.completedFuture(from);
        }

        /** Blocks while as many chunks as there are writers are in flight. */
        void submit(Rows rows) {
            while (inFlight.size() >= config.writers()) {
                inFlight.removeFirst().join();
            }
            CompletableFuture<ImportChunk.Progress> before = last;
            last = CompletableFuture.supplyAsync(() -> {
                ImportChunk chunk = validate(rows);
                try {
                    return store.write(id, chunk, author, "imported", before, config.maxErrors());
                } catch (SQLException e) {
                    throw new ChunkRefusedException(chunk, e);
                }
            }, writers);
            inFlight.addLast(last);
        }
    }

    /** Validates each row exactly as POST /incidents does; keeps at most as many errors as an import keeps. */
    private ImportChunk validate(Rows rows) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<NewIncident> incidents = new ArrayList<>(rows.lines().size());
        ArrayNode errors = mapper.createArrayNode();
        int failed = 0;
        int row = rows.lastRow() - rows.lines().size();
        for (ObjectNode line : rows.lines()) {
            row++;
            try {
                incidents.add(NewIncident.of(requests.create(line), at));
            } catch (InvalidInputException e) {
                failed++;
                for (FieldError error : e.errors()) {
                    if (errors.size() < config.maxErrors()) {
                        errors.addObject().put("row", row).put("field", error.field()).put("detail", error.detail());
                    }
                }
            }
        }
        return new ImportChunk(incidents, rows.lastRow(), failed, errors, at);
    }

    private static final class ChunkRefusedException extends RuntimeException {
        ChunkRefusedException(ImportChunk chunk, SQLException cause) {
            super("the database refused rows up to " + chunk.lastRow() + ": " + cause.getMessage(), cause);
        }
    }

    private void stopped(UUID id, Throwable cause, int row) {
        if (cause instanceof ImportStore.ImportStoppedException) {
            LOG.warnf("import %s was failed by another instance while it ran here; stopped at row %d", id, row);
        } else {
            LOG.warnf("import %s stopped: %s", id, cause.toString());
            finish(id, "failed", List.of(), null, cause.getMessage() + "; POST the file again with the same "
                    + "Idempotency-Key to resume after the rows already imported", true);
        }
    }

    private record Existing(UUID id, boolean resumable) {
    }

    private Existing byKey(String clientKey) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(BY_KEY)) {
            ps.setString(1, clientKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Existing(rs.getObject(1, UUID.class), rs.getBoolean(2)) : null;
            }
        }
    }

    private boolean register(UUID id, String clientKey, Format format, String author) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CREATE)) {
            ps.setObject(1, id);
            ps.setString(2, clientKey);
            ps.setString(3, format == Format.CSV ? "csv" : "geojson");
            ps.setString(4, author);
            return ps.executeUpdate() == 1;
        }
    }

    /** Where the resumed run starts; null when another request resumed it first. */
    private ImportChunk.Progress resume(UUID id, Format format) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RESUME)) {
            ps.setString(1, format == Format.CSV ? "csv" : "geojson");
            ps.setObject(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? new ImportChunk.Progress(new ImportChunk.Totals(rs.getInt(1), rs.getInt(2), rs.getInt(3)),
                                rs.getInt(4))
                        : null;
            }
        }
    }

    private boolean start(UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(START)) {
            ps.setObject(1, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void finish(UUID id, String state, List<FieldError> errors, Integer row, String detail, boolean resumable) {
        ArrayNode list = mapper.createArrayNode();
        if (errors != null) {
            errors.forEach(e -> list.addObject().put("row", row).put("field", e.field()).put("detail", e.detail()));
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FINISH)) {
            ps.setString(1, state);
            ps.setString(2, list.toString());
            ps.setString(3, detail);
            ps.setBoolean(4, resumable);
            ps.setObject(5, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("could not record the end of import %s: %s", id, e.toString());
        }
    }
}
