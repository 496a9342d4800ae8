package org.incidentmap.geocoding.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.incidentmap.geocoding.gazetteer.Geo;
import org.junit.jupiter.api.Test;

/**
 * Relevance rules as specifications, against the bundled gazetteer in the real database.
 * Expected coordinates are the places' well-known positions, not read off the gazetteer.
 */
@QuarkusTest
class MatchingRelevanceTest {

    private static final double WITHIN_KM = 15;

    private static final Expect KHARKIV = new Expect("Kharkiv", 49.9935, 36.2304, "settlement");
    private static final Expect KHARKIV_REGION = new Expect("Kharkiv", 49.9935, 36.2304, "region");
    private static final Expect KYIV = new Expect("Kyiv", 50.4501, 30.5234, "settlement");
    private static final Expect MYKOLAIV = new Expect("Mykolaiv", 46.9750, 31.9946, "settlement");
    private static final Expect VINNYTSIA = new Expect("Vinnytsia", 49.2331, 28.4682, "settlement");
    private static final Expect KAMIANSKE = new Expect("Kamianske", 48.5110, 34.6021, "settlement");
    private static final Expect BAKHMUT = new Expect("Bakhmut", 48.5956, 38.0003, "settlement");
    private static final Expect DONETSK = new Expect("Donetsk", 48.0159, 37.8029, "settlement");
    private static final Expect DONETSK_REGION = new Expect("Donetsk oblast", 48.0159, 37.8029, "region");
    private static final Expect BELGOROD_REGION = new Expect("Belgorod oblast", 50.5997, 36.5983, "region");
    private static final Expect YAMPIL_DONETSK = new Expect("Yampil (Donetsk oblast)", 48.9300, 37.9600, "settlement");
    private static final Expect ZOLOCHIV_KHARKIV = new Expect("Zolochiv (Kharkiv oblast)", 50.2794, 35.9792, "settlement");
    private static final Expect ZAPORIZHZHIA = new Expect("Zaporizhzhia", 47.8388, 35.1396, "settlement");
    private static final Expect ZAPORIZHZHIA_REGION = new Expect("Zaporizhzhia oblast", 47.8388, 35.1396, "region");
    private static final Expect LUHANSK_REGION = new Expect("Luhansk oblast", 48.5740, 39.3078, "region");
    private static final Expect KYIV_REGION = new Expect("Kyiv oblast", 50.4501, 30.5234, "region");

    @Inject
    Geocoder geocoder;

    @Test
    void everySpellingOfKharkivMeetsTheCity() {
        for (String q : List.of("Kharkiv", "Kharkov", "Kharkiw", "Харків", "Харьков", "KHARKOV", "Khar'kov")) {
            assertTopResult(q, KHARKIV);
        }
    }

    @Test
    void kievAndKyivAreTheCapital() {
        assertTopResult("Kiev", KYIV);
        assertTopResult("Kyiv", KYIV);
        assertTopResult("Київ", KYIV);
    }

    @Test
    void formerNamesAndRussianSpellingsReachTheCurrentPlace() {
        assertTopResult("Nikolayev", MYKOLAIV);
        assertTopResult("Vinnitsa", VINNYTSIA);
        assertTopResult("Dneprodzerzhinsk", KAMIANSKE);
        assertTopResult("Artemovsk", BAKHMUT);
        assertTopResult("Zaporozhye", ZAPORIZHZHIA);
    }

    @Test
    void aBareNameIsTheCityAndARegionWordMakesItTheRegion() {
        assertTopResult("Donetsk", DONETSK);
        assertTopResult("Donetsk oblast", DONETSK_REGION);
        assertTopResult("Донецька область", DONETSK_REGION);
        assertTopResult("Kharkiv region", KHARKIV_REGION);
        assertTopResult("Kharkovskaya oblast", KHARKIV_REGION);
        assertTopResult("the Belgorod region", BELGOROD_REGION);
    }

    @Test
    void adjectivalOblastPhrasesInUkrainianRussianAndLatinMeetTheOblast() {
        for (String q : List.of("Запорізька область", "Запорожская область", "Zaporizka oblast", "Zaporozhskaya oblast",
                "Запорізькій області")) {
            assertTopRegion(q, ZAPORIZHZHIA_REGION, "Zaporizhzhia");
        }
        for (String q : List.of("Харківська область", "Харьковская область", "Kharkivska oblast")) {
            assertTopRegion(q, KHARKIV_REGION, "Kharkiv");
        }
        for (String q : List.of("Луганська область", "Луганская область", "Luhanska oblast")) {
            assertTopRegion(q, LUHANSK_REGION, "Luhansk");
        }
    }

    @Test
    void kyivOblastIsTheOblastAroundTheCityNotTheCityWithRegionStatus() {
        for (String q : List.of("Київська область", "Киевская область", "Kyivska oblast", "Kyiv region")) {
            assertTopRegion(q, KYIV_REGION, "Kyiv Oblast");
        }
    }

    @Test
    void contextPicksTheYampilNearLymanInDonetskOblast() {
        assertTopResult("Yampil near Lyman", YAMPIL_DONETSK);
        assertTopResult("Yampil, Donetsk oblast", YAMPIL_DONETSK);
        assertTopResult("Yampil", "shelling near Lyman overnight", YAMPIL_DONETSK);
        assertTopResult("Zolochiv", "drone attack in the Kharkiv region", ZOLOCHIV_KHARKIV);
    }

    @Test
    void aNameSeveralPlacesShareIsFlaggedAmbiguousWithoutContext() {
        List<Candidate> result = geocode("Yampil", null);
        assertThat(result).isNotEmpty();
        assertThat(result.get(0).ambiguous()).isTrue();
        assertThat(geocode("Yampil near Lyman", null).get(0).ambiguous()).isFalse();
    }

    @Test
    void gibberishGetsNoAnswerRatherThanAWrongOne() {
        assertThat(geocode("Qwertyuiop", null)).isEmpty();
        assertThat(geocode("Xzqvbnm Plokij", null)).isEmpty();
    }

    @Test
    void placesMissingFromCities500ComeFromTheCuratedSupplement() {
        assertTopResult("Vuhledar", new Expect("Vuhledar", 47.7794, 37.2483, "settlement"));
        assertTopResult("Chernobyl", new Expect("Chornobyl", 51.2763, 30.2219, "settlement"));
    }

    @Test
    void scoresLieBetweenZeroAndOne() {
        for (Candidate c : geocode("Kharkov", null)) {
            assertThat(c.score()).isBetween(0.0, 1.0);
        }
    }

    private List<Candidate> geocode(String q, String context) {
        return geocoder.geocode(new GeocodeQuery(q, context, null), 5).await().indefinitely();
    }

    private void assertTopResult(String q, Expect expected) {
        assertTopResult(q, null, expected);
    }

    private void assertTopResult(String q, String context, Expect expected) {
        List<Candidate> result = geocode(q, context);
        assertThat(result).as("answer for %s", q).isNotEmpty();
        Candidate top = result.get(0);
        double km = Geo.distanceKm(top.place().latitude(), top.place().longitude(), expected.lat(), expected.lon());
        assertThat(km).as("%s -> %s (%s) is %.1f km from %s", q, top.place().name(), top.place().admin1(), km, expected.name())
                .isLessThanOrEqualTo(WITHIN_KM);
        assertThat(top.precision()).as("precision of %s", q).isEqualTo(expected.precision());
    }

    private void assertTopRegion(String q, Expect expected, String admin1) {
        assertTopResult(q, expected);
        Candidate top = geocode(q, null).get(0);
        assertThat(top.place().featureCode()).as("%s is an oblast", q).isEqualTo("ADM1");
        assertThat(top.place().admin1()).as("oblast of %s", q).isEqualTo(admin1);
        assertThat(top.ambiguous()).as("%s is not ambiguous", q).isFalse();
    }

    private record Expect(String name, double lat, double lon, String precision) {
    }
}
