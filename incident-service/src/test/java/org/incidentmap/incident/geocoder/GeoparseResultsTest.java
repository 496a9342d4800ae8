package org.incidentmap.incident.geocoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.incidentmap.incident.extraction.GeoPrecision;
import org.incidentmap.incident.extraction.PlaceMention;
import org.incidentmap.incident.extraction.ResolvedPlace;
import org.junit.jupiter.api.Test;

class GeoparseResultsTest {

    private static GeoparseMention mention(String text, int start, boolean incident, String precision, double lon,
            double lat, String country) {
        PlaceFeature.Properties props = new PlaceFeature.Properties(1L, text, text, "P", "PPLA", "Region", null,
                country, 1000L, 0.9, precision, false);
        return new GeoparseMention(text, start, start + text.length(), incident, null,
                new PlaceFeature("Feature", new PlaceFeature.Geometry("Point", List.of(lon, lat)), props), null, null);
    }

    @Test
    void aGeoparseAnswerResolvesOurMentionKeepingItsHints() {
        PlaceMention ours = new PlaceMention("Belgorod", 10, 18, true, "RU");
        GeoparseResponse response = new GeoparseResponse(
                List.of(mention("Belgorod", 10, true, "region", 37.2, 50.7, "RU")));
        List<ResolvedPlace> places = GeoparseResults.toResolvedPlaces(List.of(ours), response);
        assertThat(places).singleElement().satisfies(p -> {
            assertThat(p.mention()).isSameAs(ours);
            assertThat(p.precision()).isEqualTo(GeoPrecision.REGION);
            assertThat(p.lon()).isEqualTo(37.2);
            assertThat(p.lat()).isEqualTo(50.7);
            assertThat(p.country()).isEqualTo("RU");
            assertThat(p.incidentLocation()).isTrue();
        });
    }

    @Test
    void namesOnlyTheServiceFoundAreAddedAndUnresolvedOnesDropped() {
        GeoparseResponse response = new GeoparseResponse(List.of(
                mention("Hostomel", 40, true, "settlement", 30.2, 50.57, "UA"),
                new GeoparseMention("Atlantis", 60, 68, false, "not found", null, null, null)));
        List<ResolvedPlace> places = GeoparseResults.toResolvedPlaces(List.of(), response);
        assertThat(places).singleElement().satisfies(p -> {
            assertThat(p.mention().text()).isEqualTo("Hostomel");
            assertThat(p.mention().start()).isEqualTo(40);
            assertThat(p.precision()).isEqualTo(GeoPrecision.SETTLEMENT);
        });
    }

    @Test
    void aVenueFlaggedByTheServiceStaysFlagged() {
        GeoparseResponse response = new GeoparseResponse(
                List.of(mention("Istanbul", 5, false, "settlement", 28.97, 41.0, "TR")));
        assertThat(GeoparseResults.toResolvedPlaces(List.of(), response)).singleElement()
                .satisfies(p -> assertThat(p.incidentLocation()).isFalse());
    }
}
