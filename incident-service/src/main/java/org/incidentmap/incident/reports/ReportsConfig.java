package org.incidentmap.incident.reports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Review of pasted news reports. */
@ConfigMapping(prefix = "incident.reports")
public interface ReportsConfig {

    /** Longest report text accepted, in bytes of UTF-8; longer ones get 413. */
    @WithDefault("100000")
    int maxTextBytes();

    /** An accepted candidate updates an existing incident of the same type and day within this distance. */
    @WithDefault("5000")
    double sameIncidentMeters();

    /** Longest wait for geocoding-service's /geoparse answer, per attempt (two retries follow a failure). */
    @WithDefault("5s")
    Duration geoparseTimeout();
}
