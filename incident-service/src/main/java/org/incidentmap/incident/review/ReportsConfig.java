package org.incidentmap.incident.review;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Review of pasted news reports. */
@ConfigMapping(prefix = "incident.reports")
public interface ReportsConfig {

    /** Longest report text accepted, in bytes of UTF-8; longer ones get 413. */
    @WithDefault("100000")
    int maxTextBytes();

    /** An accepted candidate updates an existing incident of the same type and day within this distance. */
    @WithDefault("5000")
    double sameIncidentMeters();
}
