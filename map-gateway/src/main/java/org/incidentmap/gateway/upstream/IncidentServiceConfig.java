package org.incidentmap.gateway.upstream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where incident-service answers and how long the gateway waits for it. */
@ConfigMapping(prefix = "gateway.incident-service")
public interface IncidentServiceConfig {

    /** Base URL of incident-service (no trailing slash), e.g. http://127.0.0.1:8081. */
    @WithDefault("http://127.0.0.1:8081")
    String url();

    /** Time allowed for incident-service to start answering a request. */
    @WithDefault("10s")
    Duration timeout();

    /** Events asked for per page when replaying the event log. */
    @WithDefault("1000")
    int eventPageSize();

    /**
     * What a 503 asks clients to wait before retrying (Retry-After) while incident-service cannot
     * be reached, or when it answered 503 without saying.
     */
    @WithDefault("2s")
    Duration retryAfter();
}
