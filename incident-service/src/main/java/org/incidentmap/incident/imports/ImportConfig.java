package org.incidentmap.incident.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bulk imports. */
@ConfigMapping(prefix = "incident.imports")
public interface ImportConfig {

    /** Incidents written per transaction. */
    @WithDefault("1000")
    int batchSize();

    /** Most per-row errors kept for one import; the count of failed rows is always exact. */
    @WithDefault("1000")
    int maxErrors();
}
