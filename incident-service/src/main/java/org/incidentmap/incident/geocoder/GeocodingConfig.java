package org.incidentmap.incident.geocoder;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Calls to geocoding-service. */
@ConfigMapping(prefix = "incident.geocoding")
public interface GeocodingConfig {

    /**
     * Base URL of geocoding-service (env INCIDENT_GEOCODING_URL); the REST clients' URLs in
     * application.properties refer to it.
     */
    @WithDefault("http://127.0.0.1:8082")
    String url();

    /** How often unresolved incidents are offered to the geocoder again (also read by the scheduler). */
    @WithDefault("30s")
    Duration retryInterval();

    /** Most unresolved incidents offered to the geocoder in one round. */
    @WithDefault("50")
    int batchSize();

    /** Longest wait for geocoding-service's /geoparse answer, per attempt (two retries follow a failure). */
    @WithDefault("5s")
    Duration geoparseTimeout();
}
