package org.incidentmap.geocoding.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the HTTP API answers when it cannot serve. */
@ConfigMapping(prefix = "im.api")
public interface ApiConfig {

    /**
     * What a 503 asks clients to wait before retrying (Retry-After) while the database is
     * unreachable; the pool reconnects on its own once the database is back.
     */
    @WithDefault("2s")
    Duration retryAfter();
}
