package org.incidentmap.incident.geocoding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Later resolution of incidents stored while the geocoder was down (its URL: quarkus.rest-client.geocoding.url, env IM_GEOCODING_URL). */
@ConfigMapping(prefix = "incident.geocoding")
public interface GeocodingConfig {

    /** How often unresolved incidents are offered to the geocoder again (also read by the scheduler). */
    @WithDefault("30s")
    Duration retryInterval();

    /** Most unresolved incidents offered to the geocoder in one round. */
    @WithDefault("50")
    int batchSize();
}
