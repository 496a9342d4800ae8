package org.incidentmap.geocoding.geoparse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Precise-first geoparsing against the bundled gazetteer, one rule per test, in English,
 * Ukrainian and Russian. The sentences are written for these tests.
 */
@QuarkusTest
class GeoparseTest {

    @Test
    void countriesResolveToTheCountryNeverToAVillageOfTheSameName() {
        JsonPath en = geoparse("Turkey, meanwhile, raised alarms about shipping. Georgia and Moldova condemned the strike, "
                + "and Poland scrambled jets.");
        assertCountry(en, "Turkey", "TR");
        assertCountry(en, "Georgia", "GE");
        assertCountry(en, "Moldova", "MD");
        assertCountry(en, "Poland", "PL");
        JsonPath uk = geoparse("Туреччина та Польща засудили удар, а делегація Грузії прибула до Молдови.");
        assertCountry(uk, "Туреччина", "TR");
        assertCountry(uk, "Польща", "PL");
        assertCountry(uk, "Грузії", "GE");
        assertCountry(uk, "Молдови", "MD");
        JsonPath ru = geoparse("Турция и Польша выразили протест, а Грузия промолчала.");
        assertCountry(ru, "Турция", "TR");
        assertCountry(ru, "Польша", "PL");
        assertCountry(ru, "Грузия", "GE");
    }

    @Test
    void peopleAreRecognisedAndNeverBecomePlaces() {
        JsonPath en = geoparse("European Commission President Ursula von der Leyen said Europe would help. "
                + "Belgorod Governor Vyacheslav Gladkov said two people were hurt in Shebekino. "
                + "Gladkov added that power was cut. Ursula spoke later.");
        assertThat(mention(en, "Ursula von der Leyen")).containsEntry("kind", "person").containsEntry("place", null);
        assertThat(mention(en, "Vyacheslav Gladkov")).containsEntry("kind", "person");
        assertThat(mentionsOf(en, "Gladkov")).allSatisfy(m -> assertThat(m).containsEntry("kind", "person"));
        assertThat(placeNames(en)).doesNotContain("Tsaritsyno", "Yaroslavl").contains("Shebekino");
        assertThat(mention(en, "Shebekino")).containsEntry("incidentLocation", true);
        JsonPath uk = geoparse("Голова ОВА Олег Синєгубов повідомив про обстріл Харкова.");
        assertThat(placeNames(uk)).containsOnly("Kharkiv");
        assertThat(placeName(uk, "Харкова")).isEqualTo("Kharkiv");
        JsonPath ru = geoparse("Губернатор Вячеслав Гладков сообщил о пострадавших в Белгороде. Дмитрий Песков отказался от комментариев.");
        assertThat(mention(ru, "Вячеслав Гладков")).containsEntry("kind", "person");
        assertThat(mention(ru, "Дмитрий Песков")).containsEntry("kind", "person");
        assertThat(placeName(ru, "Белгороде")).isEqualTo("Belgorod");
    }

    @Test
    void regionWordsAloneAreNoPlacesAndANamedRegionIsTheRegion() {
        JsonPath plural = geoparse("Drones were shot down over multiple Ukrainian regions, the region's officials said.");
        assertThat(placeNames(plural)).isEmpty();
        JsonPath named = geoparse("Shelling hit the Bryansk region overnight, and two villages in Kharkiv oblast lost power.");
        assertThat(mention(named, "Bryansk region")).containsEntry("kind", "region");
        assertThat(placeName(named, "Bryansk region")).isEqualTo("Bryansk Oblast");
        assertThat(placeName(named, "Kharkiv oblast")).isEqualTo("Kharkiv");
        assertThat(mention(named, "Kharkiv oblast")).containsEntry("kind", "region");
    }

    @Test
    void riversBridgesAndReservoirsAreFeaturesNotTowns() {
        JsonPath en = geoparse("A drone damaged the Crimean Bridge. Water in the Kakhovka reservoir fell, "
                + "and troops crossed the Dnipro River near Krynky.");
        assertThat(mention(en, "Crimean Bridge")).containsEntry("kind", "feature").containsEntry("place", null);
        assertThat(mention(en, "Kakhovka")).containsEntry("kind", "feature").containsEntry("place", null);
        assertThat(mention(en, "Dnipro River")).containsEntry("kind", "feature");
        assertThat(placeName(en, "Krynky")).isEqualTo("Krynky");
        JsonPath uk = geoparse("Рівень води в Каховському водосховищі впав.");
        assertThat(mention(uk, "Каховському")).containsEntry("kind", "feature");
    }

    @Test
    void aSimilarSpellingCountsOnlyInsideALocativeFrame() {
        JsonPath framed = geoparse("Russian troops pressed on near Bakhmat.");
        assertThat(placeName(framed, "Bakhmat")).isEqualTo("Bakhmut");
        assertThat(mention(framed, "Bakhmat")).containsEntry("evidence", "fuzzy-in-frame");
        JsonPath bare = geoparse("Bakhmat was quiet. Turkey raised alarms. Ursula agreed.");
        assertThat(placeNames(bare)).isEmpty();
    }

    @Test
    void exactVariantAndTransliteratedNamesHoldAnywhere() {
        JsonPath en = geoparse("Kharkiv and Kiev were hit. Vinnitsa was quiet.");
        assertThat(mention(en, "Kharkiv")).containsEntry("evidence", "exact");
        assertThat(mention(en, "Kiev")).containsEntry("evidence", "variant");
        assertThat(placeName(en, "Vinnitsa")).isEqualTo("Vinnytsya");
        JsonPath uk = geoparse("Херсон знову під обстрілом.");
        assertThat(placeName(uk, "Херсон")).isEqualTo("Kherson");
        assertThat((String) mention(uk, "Херсон").get("evidence")).isIn("exact", "transliteration");
    }

    @Test
    void ukrainianInflectedFormsResolveThroughTheirLemmas() {
        JsonPath uk = geoparse("Уночі дрони атакували Одесу. "
                + "У Херсоні загинула жінка. На Харківщині пошкоджено лінію електропередачі. "
                + "Дніпропетровщина знову під ударом, у Харківській області теж.");
        assertThat(placeName(uk, "Одесу")).isEqualTo("Odesa");
        // A report naming Dnipropetrovshchyna would make its Pokrovske the nearer reading; alone, the town is Pokrovsk.
        JsonPath front = geoparse("Вдень обстріляли село під Покровськом.");
        assertThat(mention(front, "Покровськом")).containsEntry("evidence", "inflected");
        assertThat(placeName(front, "Покровськом")).isEqualTo("Pokrovsk");
        assertThat(placeName(uk, "Херсоні")).isEqualTo("Kherson");
        assertThat(mention(uk, "Харківщині")).containsEntry("kind", "region").containsEntry("evidence", "inflected");
        assertThat(placeName(uk, "Харківщині")).isEqualTo("Kharkiv");
        assertThat(mention(uk, "Дніпропетровщина")).containsEntry("kind", "region");
        assertThat(placeName(uk, "Дніпропетровщина")).isEqualTo("Dnipropetrovsk");
        assertThat(mention(uk, "Харківській області")).containsEntry("kind", "region");
    }

    @Test
    void russianInflectedFormsResolveThroughTheirLemmas() {
        JsonPath ru = geoparse("В Белгородской области и Курской области сбиты беспилотники. В районе Суджи идут бои, "
                + "под Покровском тоже.");
        assertThat(mention(ru, "Белгородской области")).containsEntry("kind", "region");
        assertThat(placeName(ru, "Белгородской области")).isEqualTo("Belgorod Oblast");
        assertThat(placeName(ru, "Курской области")).isEqualTo("Kursk Oblast");
        assertThat(placeName(ru, "Суджи")).isEqualTo("Sudzha");
        assertThat(placeName(ru, "Покровском")).isEqualTo("Pokrovsk");
    }

    @Test
    void organisationsAndWeaponsAreNotPlaces() {
        JsonPath en = geoparse("The Ministry of Defence said Shahed drones and Kh-101 missiles hit Odesa. The SBU confirmed.");
        assertThat(mention(en, "Ministry of Defence")).containsEntry("kind", "organisation");
        assertThat(mention(en, "Kh-101")).containsEntry("kind", "other");
        assertThat(mention(en, "SBU")).containsEntry("kind", "organisation");
        assertThat(placeNames(en)).containsExactly("Odesa");
    }

    private static JsonPath geoparse(String text) {
        return given().contentType(ContentType.JSON).body(Map.of("text", text)).when().post("/geoparse").then()
                .statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> mentionsOf(JsonPath json, String text) {
        List<Map<String, Object>> all = json.getList("mentions");
        return all.stream().filter(m -> text.equals(m.get("text"))).toList();
    }

    private static Map<String, Object> mention(JsonPath json, String text) {
        List<Map<String, Object>> found = mentionsOf(json, text);
        assertThat(found).as("mention %s in %s", text, json.prettify()).isNotEmpty();
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static String placeName(JsonPath json, String text) {
        Map<String, Object> place = (Map<String, Object>) mention(json, text).get("place");
        assertThat(place).as("place of %s in %s", text, json.prettify()).isNotNull();
        return (String) ((Map<String, Object>) place.get("properties")).get("name");
    }

    @SuppressWarnings("unchecked")
    private static List<String> placeNames(JsonPath json) {
        List<Map<String, Object>> all = json.getList("mentions");
        return all.stream().filter(m -> m.get("place") != null)
                .map(m -> (String) ((Map<String, Object>) ((Map<String, Object>) m.get("place")).get("properties")).get("name"))
                .toList();
    }

    private static void assertCountry(JsonPath json, String text, String code) {
        assertThat(mention(json, text)).containsEntry("kind", "country").containsEntry("countryCode", code)
                .containsEntry("place", null);
    }
}
