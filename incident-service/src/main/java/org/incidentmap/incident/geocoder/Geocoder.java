package org.incidentmap.incident.geocoder;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.incidentmap.incident.domain.Point;

/**
 * Resolves place names through geocoding-service with a timeout, retries and a circuit breaker.
 * An empty item means the geocoder answered but had no confident match; a failure means it could
 * not be asked (down, slow, or the breaker is open).
 */
@ApplicationScoped
public class Geocoder {

    private final GeocodingApi api;

    public Geocoder(@RestClient GeocodingApi api) {
        this.api = api;
    }

    /** A resolved place: its point, geo precision (1 settlement, 3 region) and the oblast/raion it lies in. */
    public record Located(Point point, int geoPrecision, String admin1, String admin2) {
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, delayUnit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<Optional<Located>> locate(String placeName, String admin1, String country) {
        return api.geocode(placeName, admin1, country, 1).map(Geocoder::best);
    }

    private static Optional<Located> best(GeocodingApi.Places places) {
        if (places == null || places.features() == null || places.features().isEmpty()) {
            return Optional.empty();
        }
        GeocodingApi.Place place = places.features().get(0);
        if (place.geometry() == null || place.geometry().coordinates() == null
                || place.geometry().coordinates().length < 2 || place.properties() == null) {
            return Optional.empty();
        }
        double[] c = place.geometry().coordinates();
        int precision = "settlement".equals(place.properties().precision()) ? 1 : 3;
        return Optional.of(new Located(new Point(c[0], c[1]), precision,
                place.properties().admin1(), place.properties().admin2()));
    }
}
