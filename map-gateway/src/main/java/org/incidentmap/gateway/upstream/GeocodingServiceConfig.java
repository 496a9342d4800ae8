package org.incidentmap.gateway.upstream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where geocoding-service answers the map page's place search and how long the gateway waits for it. */
@ConfigMapping(prefix = "gateway.geocoding-service")
public interface GeocodingServiceConfig {

    /** Base URL of geocoding-service (no trailing slash), e.g. http://127.0.0.1:8082. */
    @WithDefault("http://127.0.0.1:8082")
    String url();

    /**
     * Time allowed for geocoding-service to connect and answer: a search box waits for its answer
     * while the user types, so this is short; past it the search is a 503 to retry.
     */
    @WithDefault("2s")
    Duration timeout();

    /** What a 503 asks clients to wait before retrying (Retry-After) while geocoding-service is away. */
    @WithDefault("5s")
    Duration retryAfter();
}
