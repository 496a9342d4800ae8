package org.incidentmap.gateway.places;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.incidentmap.gateway.support.GeocodingServiceProcess;
import org.junit.jupiter.api.Test;

/** {@code GET /api/places} through the gateway to the real geocoding-service and its gazetteer in PostGIS. */
@QuarkusTest
@QuarkusTestResource(value = GeocodingServiceProcess.class, restrictToAnnotatedClass = true)
class PlaceSearchTest {

    @Test
    void aNameReturnsThePlaceWithItsOblastLatAndLon() {
        JsonPath json = given().queryParam("q", "Khar").when().get("/api/places").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("places[0].name", equalTo("Kharkiv"))
                .body("places[0].admin1", equalTo("Kharkiv"))
                .body("places[0].country", equalTo("UA"))
                .extract().jsonPath();
        assertThat(json.getDouble("places[0].lat")).isCloseTo(49.99, within(0.05));
        assertThat(json.getDouble("places[0].lon")).isCloseTo(36.23, within(0.05));
    }

    @Test
    void aCyrillicNameFindsTheSamePlace() {
        given().queryParam("q", "Харк").when().get("/api/places").then().statusCode(200)
                .body("places[0].name", equalTo("Kharkiv"));
    }

    @Test
    void limitCutsTheList() {
        given().queryParam("q", "Zapor").queryParam("limit", 2).when().get("/api/places").then().statusCode(200)
                .body("places", hasSize(2));
    }

    @Test
    void aMissingOverlongOrControlCharacterQIsA400NamingQ() {
        for (String q : new String[] {"", "   ", "K".repeat(101), "Khar\nkiv", "Khar\u0007"}) {
            given().queryParam("q", q).when().get("/api/places").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("parameter", equalTo("q"))
                    .body("errors[0].field", equalTo("q"));
        }
        given().when().get("/api/places").then().statusCode(400).body("parameter", equalTo("q"));
    }

    @Test
    void aQTheGeocoderCannotSearchIsItsOwn400NamingQ() {
        given().queryParam("q", "!!!").when().get("/api/places").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void aBadLimitOrAnUnknownParameterIsA400NamingIt() {
        given().queryParam("q", "Khar").queryParam("limit", 11).when().get("/api/places").then().statusCode(400)
                .body("parameter", equalTo("limit"));
        given().queryParam("q", "Khar").queryParam("bbox", "1,2,3,4").when().get("/api/places").then().statusCode(400)
                .body("parameter", equalTo("bbox"));
    }

    @Test
    void aHundredCharacterQIsSearchedNotRefused() {
        given().queryParam("q", "K".repeat(100)).when().get("/api/places").then().statusCode(200)
                .body("places", hasSize(0));
    }

    @Test
    void aStoppedGeocoderIsA503WithRetryAfterAndSearchWorksOnceItIsBack() {
        GeocodingServiceProcess.process().close();
        try {
            given().queryParam("q", "Khar").when().get("/api/places").then().statusCode(503)
                    .contentType(startsWith("application/problem+json"))
                    .header("Retry-After", "5")
                    .body("title", equalTo("geocoding-service unavailable"));
        } finally {
            GeocodingServiceProcess.restart();
        }
        given().queryParam("q", "Khar").when().get("/api/places").then().statusCode(200)
                .body("places[0].name", equalTo("Kharkiv"));
    }

    @Test
    void aGeocoderThatDoesNotAnswerInTimeIsA503WithRetryAfter() {
        GeocodingServiceProcess.process().freeze();
        try {
            long start = System.nanoTime();
            given().queryParam("q", "Khar").when().get("/api/places").then().statusCode(503)
                    .header("Retry-After", "5")
                    .body("title", equalTo("geocoding-service unavailable"));
            // the configured 2 s timeout, not the client's or the OS's much longer ones
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        } finally {
            GeocodingServiceProcess.process().thaw();
        }
    }
}
