package org.incidentmap.incident.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Bulk imports. */
@ConfigMapping(prefix = "incident.imports")
public interface ImportConfig {

    /** Incidents written per transaction (one statement per table for the whole chunk). */
    @WithDefault("2000")
    int batchSize();

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
