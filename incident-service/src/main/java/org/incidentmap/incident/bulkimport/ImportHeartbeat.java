package org.incidentmap.incident.bulkimport;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Keeps the imports this instance runs alive and fails those a stopped instance left behind.
 *
 * <p>Every replica renews the heartbeat of its own queued and running imports, and any replica
 * fails an unfinished import whose heartbeat is older than {@code incident.imports.stale-after}:
 * its instance stopped (a restart, a crash), because a live one would have renewed it. Comparing
 * with the database's clock keeps replicas with skewed clocks from failing each other's imports.
 * A failed import with a client key can be resumed by posting the file again with that key.
 */
@ApplicationScoped
class ImportHeartbeat {

    private static final Logger LOG = Logger.getLogger(ImportHeartbeat.class);

    private static final String RENEW = """
            UPDATE incident.imports SET heartbeat_at = now()
            WHERE id = ANY (CAST(? AS uuid[])) AND state IN ('queued', 'running')""";
    private static final String FAIL_STALE = """
            UPDATE incident.imports SET state = 'failed', finished_at = now(), resumable = client_key IS NOT NULL,
                detail = CASE WHEN client_key IS NOT NULL
                    THEN 'interrupted by a restart of the service after row ' || rows_read
                         || '; POST the same file again with the same Idempotency-Key to resume after that row'
                    ELSE 'interrupted by a restart of the service after row ' || rows_read
                         || '; rows 1 to ' || rows_read || ' are imported, the rest are not' END
            WHERE state IN ('queued', 'running') AND heartbeat_at < now() - make_interval(secs => ?)
            RETURNING id""";

    private final DataSource dataSource;
    private final Imports imports;
    private final ImportConfig config;

    ImportHeartbeat(DataSource dataSource, Imports imports, ImportConfig config) {
        this.dataSource = dataSource;
        this.imports = imports;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        failStale();
    }

    @Scheduled(every = "${incident.imports.heartbeat-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void beat() {
        renew();
        failStale();
    }

    void renew() {
        Set<UUID> mine = imports.active();
        if (mine.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RENEW)) {
            ps.setArray(1, c.createArrayOf("uuid", mine.toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("could not renew the heartbeat of imports %s: %s", mine, e.toString());
        }
    }

    /** The imports it failed. */
    List<UUID> failStale() {
        List<UUID> failed = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FAIL_STALE)) {
            ps.setDouble(1, config.staleAfter().toMillis() / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    failed.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            LOG.warnf("could not look for interrupted imports: %s", e.toString());
        }
        if (!failed.isEmpty()) {
            LOG.warnf("imports %s were interrupted by a restart and are marked failed", failed);
        }
        return failed;
    }
}
