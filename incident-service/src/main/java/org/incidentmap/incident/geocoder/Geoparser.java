package org.incidentmap.incident.geocoder;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks geocoding-service for the places of a whole text, with a timeout, retries and a circuit
 * breaker. Called before extraction so the synchronous extractor never waits on the network.
 */
@ApplicationScoped
public class Geoparser {

    private final GeoparseApi api;
    private final GeocodingConfig config;

    public Geoparser(@RestClient GeoparseApi api, GeocodingConfig config) {
        this.api = api;
        this.config = config;
    }

    /**
     * Fails when the service cannot be asked (down, slow, or the breaker is open). The wait is bounded
     * on the Uni itself: a geocoder that takes the connection and never answers must not hold the request.
     */
    @Retry(maxRetries = 2, delay = 200, delayUnit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<GeoparseMentionResolver> resolverFor(String text) {
        return api.geoparse(new GeoparseRequest(text))
                .ifNoItem().after(config.geoparseTimeout()).fail()
                .map(GeoparseMentionResolver::new);
    }
}
