package org.incidentmap.incident.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Who may call from where, and how often. */
@ConfigMapping(prefix = "incident.access")
public interface AccessConfig {

    /**
     * Origins ({@code https://host[:port]}) whose pages may write (POST, PATCH) from a browser;
     * none by default. Reads are open to pages of every origin.
     */
    Optional<List<String>> writeOrigins();

    /** How long a browser may keep the answer to a preflight request. */
    @WithDefault("10m")
    Duration preflightMaxAge();

    /** Writes (POST, PATCH, PUT, DELETE outside /reports) one client may make per minute, in bursts of as many. */
    @WithDefault("1200")
    int writesPerMinute();

    /** Requests to /reports one client may make per minute: each submission runs an extraction and a geoparse. */
    @WithDefault("60")
    int reportsPerMinute();

    /** Clients whose request counts are kept at once; the least recently seen are forgotten first. */
    @WithDefault("100000")
    int maxTrackedClients();
}
