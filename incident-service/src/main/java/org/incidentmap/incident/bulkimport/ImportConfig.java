package org.incidentmap.incident.bulkimport;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Bulk imports. */
@ConfigMapping(prefix = "incident.imports")
public interface ImportConfig {

    /** Incidents written per transaction (one statement per table for the whole chunk). */
    @WithDefault("2000")
    int batchSize();

    /**
     * Chunks written at once, each on its own connection (they still commit in the file's order).
     * The database does most of an import's work, so more than its cores gains nothing.
     */
    @WithDefault("2")
    int writers();

    /** Most per-row errors kept for one import; the count of failed rows is always exact. */
    @WithDefault("1000")
    int maxErrors();

    /** How often an instance renews the heartbeat of the imports it runs (also how often it looks for dead ones). */
    @WithDefault("10s")
    Duration heartbeatInterval();

    /** An import whose heartbeat is older than this was left by an instance that stopped; it is failed as interrupted. */
    @WithDefault("60s")
    Duration staleAfter();
}
