package org.incidentmap.geocoding.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/** How the HTTP API answers when it cannot serve, and the bounds of the input it accepts. */
@ConfigMapping(prefix = "geocoding.api")
public interface ApiConfig {

    /**
     * What a 503 asks clients to wait before retrying (Retry-After) while the database is
     * unreachable; the pool reconnects on its own once the database is back.
     */
    @WithDefault("2s")
    Duration retryAfter();

    /** Most queries in one {@code POST /geocode/batch}; more is a 400 naming {@code queries}. */
    @WithDefault("1000")
    @Positive
    int maxBatch();

    /**
     * Longest name query ({@code q}, {@code queries[i].q}) in characters; a GET's whole request
     * line must also fit {@code quarkus.http.limits.max-initial-line-length}.
     */
    @WithDefault("1000")
    @Positive
    int maxQuery();

    /** Longest {@code /geoparse} text and query {@code context} in characters. */
    @WithDefault("5000")
    @Positive
    int maxText();

    /** Largest {@code limit} a {@code GET /geocode} may ask for. */
    @WithDefault("50")
    @Positive
    int maxLimit();
}
