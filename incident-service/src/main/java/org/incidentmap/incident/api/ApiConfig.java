package org.incidentmap.incident.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of the HTTP API. */
@ConfigMapping(prefix = "incident.api")
public interface ApiConfig {

    /** Features in one page of GET /incidents when the client names no limit. */
    @WithDefault("1000")
    int defaultLimit();

    /** Most features one page of GET /incidents may hold. */
    @WithDefault("10000")
    int maxLimit();

    /** Most events one GET /events answer may hold. */
    @WithDefault("1000")
    int maxEvents();

    /**
     * Longest Authorization header accepted, in bytes; a longer one is refused before its token is
     * decoded (the incident-map issuer's tokens are well under 2 KB).
     */
    @WithDefault("8192")
    int maxTokenBytes();

    /**
     * What a 503 asks clients to wait before retrying (Retry-After) while the database or the
     * geocoder is unreachable; the pool reconnects on its own once the database is back.
     */
    @WithDefault("2s")
    Duration retryAfter();
}
