package org.incidentmap.incident.geocoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.incidentmap.incident.extraction.GeoPrecision;
import org.incidentmap.incident.extraction.PlaceMention;
import org.incidentmap.incident.extraction.ResolvedPlace;
import org.incidentmap.incident.support.GeoparseStandIn;
import org.junit.jupiter.api.Test;

/** The /geoparse REST client: one call per text, its answer mapped onto the extractor's mentions. */
@QuarkusTest
@QuarkusTestResource(value = GeoparseStandIn.class, restrictToAnnotatedClass = true)
class GeoparserTest {

    @Inject
    Geoparser geoparser;

    @Test
    void theServicesAnswerResolvesTheExtractorsMentionsWithCoordinatesAndPrecision() {
        String text = "Shelling hit Kharkiv overnight.";
        PlaceMention kharkiv = new PlaceMention("Kharkiv", 13, 20, false, null);

        List<ResolvedPlace> places = geoparser.resolverFor(text).await().atMost(Duration.ofSeconds(10))
                .resolve(text, List.of(kharkiv));

        assertEquals(1, places.size());
        ResolvedPlace p = places.get(0);
        assertEquals(kharkiv, p.mention());
        assertEquals(36.2304, p.lon(), 1e-9);
        assertEquals(49.9935, p.lat(), 1e-9);
        assertEquals(GeoPrecision.SETTLEMENT, p.precision());
        assertEquals("UA", p.country());
        assertTrue(p.incidentLocation());
    }

    @Test
    void aNameOnlyTheServiceFoundIsResolvedToo() {
        String text = "Drones hit Zaporizhzhia.";

        List<ResolvedPlace> places = geoparser.resolverFor(text).await().atMost(Duration.ofSeconds(10))
                .resolve(text, List.of());

        assertEquals(List.of("Zaporizhzhia"), places.stream().map(ResolvedPlace::name).toList());
        assertEquals(11, places.get(0).mention().start());
    }
}
