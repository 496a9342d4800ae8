package org.incidentmap.geocoding.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The input bounds are the configured ones (geocoding.api.*), here far below their defaults: input at a
 * bound is answered, one step over it is a 400 problem+json naming the field.
 */
@QuarkusTest
@TestProfile(ConfiguredInputBoundsTest.SmallBounds.class)
class ConfiguredInputBoundsTest {

    public static class SmallBounds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("geocoding.api.max-batch", "3", "geocoding.api.max-query", "12", "geocoding.api.max-text", "40",
                    "geocoding.api.max-limit", "4");
        }
    }

    private static Map<String, Object> batchOf(int size) {
        return Map.of("queries", Collections.nCopies(size, Map.of("q", "Kyiv")));
    }

    @Test
    void aBatchOverTheConfiguredBoundIsRefusedNamingQueriesAndOneAtItIsAnswered() {
        given().contentType(ContentType.JSON).body(batchOf(3)).when().post("/geocode/batch").then()
                .statusCode(200).body("results", hasSize(3));
        given().contentType(ContentType.JSON).body(batchOf(4)).when().post("/geocode/batch").then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("field", equalTo("queries"))
                .body("errors[0].field", equalTo("queries"))
                .body("detail", containsString("at most 3"));
    }

    @Test
    void aGeoparseTextOverTheConfiguredLengthIsRefusedNamingText() {
        String text = "Drones struck Kharkiv overnight, it said"; // 40 characters
        given().contentType(ContentType.JSON).body(Map.of("text", text)).when().post("/geoparse").then()
                .statusCode(200).body("mentions.find { it.text == 'Kharkiv' }.place.properties.name", equalTo("Kharkiv"));
        given().contentType(ContentType.JSON).body(Map.of("text", text + "!")).when().post("/geoparse").then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("field", equalTo("text")).body("detail", containsString("at most 40"));
    }

    @Test
    void queriesContextsAndLimitsOverTheConfiguredBoundsAreRefusedNamingTheField() {
        given().queryParam("q", "Zaporizhzhia").queryParam("limit", 4).when().get("/geocode").then().statusCode(200);
        given().queryParam("q", "Zaporizhzhia!").when().get("/geocode").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("field", equalTo("q"));
        given().queryParam("q", "Kyiv").queryParam("limit", 5).when().get("/geocode").then().statusCode(400)
                .body("field", equalTo("limit")).body("detail", containsString("between 1 and 4"));
        given().contentType(ContentType.JSON)
                .body(Map.of("queries", List.of(Map.of("q", "Yampil"), Map.of("q", "Yampil", "context", "x".repeat(41)))))
                .when().post("/geocode/batch").then().statusCode(400).body("field", equalTo("queries[1].context"));
    }
}
