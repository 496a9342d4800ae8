package org.incidentmap.geocoding.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The HTTP contract of the service, end to end against the bundled gazetteer. */
@QuarkusTest
class GeocodingApiTest {

    @Test
    void geocodeAnswersWithARankedGeoJsonFeatureCollection() {
        var json = given().queryParam("q", "Kharkov").when().get("/geocode").then().statusCode(200)
                .body("type", equalTo("FeatureCollection"))
                .body("features[0].type", equalTo("Feature"))
                .body("features[0].geometry.type", equalTo("Point"))
                .body("features[0].properties.name", equalTo("Kharkiv"))
                .body("features[0].properties.matchedName", equalTo("Khar'kov"))
                .body("features[0].properties.featureClass", equalTo("P"))
                .body("features[0].properties.admin1", equalTo("Kharkiv"))
                .body("features[0].properties.country", equalTo("UA"))
                .body("features[0].properties.precision", equalTo("settlement"))
                .body("features[0].properties.ambiguous", is(false))
                .extract().jsonPath();
        // GeoJSON order: longitude first.
        assertThat(json.getDouble("features[0].geometry.coordinates[0]")).isCloseTo(36.23, within(0.1));
        assertThat(json.getDouble("features[0].geometry.coordinates[1]")).isCloseTo(49.99, within(0.1));
        assertThat(json.getDouble("features[0].properties.score")).isBetween(0.0, 1.0);
    }

    @Test
    void contextAndCountryNarrowTheAnswer() {
        given().queryParam("q", "Yampil").queryParam("context", "near Lyman").queryParam("limit", 1)
                .when().get("/geocode").then().statusCode(200)
                .body("features", hasSize(1))
                .body("features[0].properties.admin1", equalTo("Donetsk"));
        given().queryParam("q", "Donetsk").queryParam("country", "RU").when().get("/geocode").then().statusCode(200)
                .body("features[0].properties.country", equalTo("RU"));
    }

    @Test
    void noConfidentAnswerIsAnEmptyFeatureArray() {
        given().queryParam("q", "Qwertyuiop").when().get("/geocode").then().statusCode(200)
                .body("features", empty());
    }

    @Test
    void batchAnswersEveryQueryInOrder() {
        given().contentType(ContentType.JSON)
                .body("{\"queries\":[{\"q\":\"Kiev\"},{\"q\":\"Yampil\",\"context\":\"Donetsk oblast\"},{\"q\":\"Qwertyuiop\"}]}")
                .when().post("/geocode/batch").then().statusCode(200)
                .body("results", hasSize(3))
                .body("results[0].features[0].properties.name", equalTo("Kyiv"))
                .body("results[1].features[0].properties.admin1", equalTo("Donetsk"))
                .body("results[2].features", empty());
    }

    @Test
    void reverseGivesTheNearestSettlementWithRaionAndOblast() {
        given().queryParam("lat", 48.7384).queryParam("lon", 37.5844).when().get("/reverse").then().statusCode(200)
                .body("features[0].properties.name", equalTo("Kramatorsk"))
                .body("features[0].properties.admin1", equalTo("Donetsk"))
                .body("features[0].properties.admin2", equalTo("Kramatorskyi Raion"));
    }

    @Test
    void autocompleteCompletesAPrefixMostImportantFirst() {
        given().queryParam("q", "Zapor").when().get("/autocomplete").then().statusCode(200)
                .body("features.properties.name", hasItem("Zaporizhzhya"));
        given().queryParam("q", "Харк").when().get("/autocomplete").then().statusCode(200)
                .body("features[0].properties.name", equalTo("Kharkiv"));
    }

    @Test
    void geoparseResolvesMentionsAndTellsIncidentSitesFromOtherPlaceWords() {
        String text = "Russian drones struck Kharkiv overnight. The Dnepr group of forces said it took Yampil near Lyman. "
                + "Talks in Istanbul brought no ceasefire.";
        given().contentType(ContentType.JSON).body(java.util.Map.of("text", text))
                .when().post("/geoparse").then().statusCode(200)
                .body("mentions.find { it.text == 'Kharkiv' }.incidentLocation", is(true))
                .body("mentions.find { it.text == 'Kharkiv' }.start", equalTo(text.indexOf("Kharkiv")))
                .body("mentions.find { it.text == 'Kharkiv' }.end", equalTo(text.indexOf("Kharkiv") + 7))
                .body("mentions.find { it.text == 'Yampil' }.place.properties.admin1", equalTo("Donetsk"))
                .body("mentions.find { it.text == 'Dnepr' }.incidentLocation", is(false))
                .body("mentions.find { it.text == 'Istanbul' }.incidentLocation", is(false))
                .body("mentions.find { it.text == 'Istanbul' }.reason", equalTo("diplomatic venue"))
                .body("mentions.find { it.text == 'Istanbul' }.place", nullValue());
    }

    @Test
    void emptyOverlongOrControlCharacterQueriesAreProblemsNamingTheField() {
        given().queryParam("q", "").when().get("/geocode").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("field", equalTo("q"));
        given().queryParam("q", "K".repeat(10_000)).when().get("/geocode").then().statusCode(400)
                .body("field", equalTo("q"));
        given().queryParam("q", "Kyiv\u0007").when().get("/geocode").then().statusCode(400)
                .body("field", equalTo("q"));
        given().queryParam("q", "Kyiv").queryParam("limit", 0).when().get("/geocode").then().statusCode(400)
                .body("field", equalTo("limit"));
        given().queryParam("q", "Kyiv").queryParam("colour", "red").when().get("/geocode").then().statusCode(400)
                .body("field", equalTo("colour"));
    }

    @Test
    void outOfRangeCoordinatesAreProblems() {
        given().queryParam("lat", 91).queryParam("lon", 30).when().get("/reverse").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("field", equalTo("lat"));
        given().queryParam("lat", 50).queryParam("lon", "east").when().get("/reverse").then().statusCode(400)
                .body("field", equalTo("lon"));
    }

    @Test
    void badBatchAndGeoparseBodiesAreProblems() {
        given().contentType(ContentType.JSON).body("{\"queries\":[]}").when().post("/geocode/batch").then()
                .statusCode(400).body("field", equalTo("queries"));
        given().contentType(ContentType.JSON).body("{\"queries\":[{\"q\":\"Kyiv\",\"x\":1}]}").when()
                .post("/geocode/batch").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("field", equalTo("queries[0].x"));
        given().contentType(ContentType.JSON).body(java.util.Map.of("text", "x".repeat(10_000))).when()
                .post("/geoparse").then().statusCode(400).body("field", equalTo("text"));
    }

    @Test
    void readinessReportsTheLoadedGazetteer() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'gazetteer' }.status", equalTo("UP"));
    }
}
