package org.incidentmap.incident.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.Test;

/** POST /reports while geocoding-service is not running at all. */
@QuarkusTest
@QuarkusTestResource(value = StoppedGeocoder.class, restrictToAnnotatedClass = true)
class GeocoderStoppedTest {

    @Test
    void aReportIsAServiceUnavailableProblemAndNotStoredWhenTheGeocoderRefusesConnections() {
        String url = "https://news.example/" + UUID.randomUUID();
        String body = """
                {"text":"Drones hit Kharkiv on 3 May, injuring two people.","source":{"outlet":"Kyiv Daily","url":"%s","publishedAt":"2024-05-04T08:00:00Z"}}"""
                .formatted(url);
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().oauth2(Tokens.reporter()).contentType(ContentType.JSON).body(body)
                    .when().post("/reports").then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("status", equalTo(503))
                    .body("detail", containsString("geocoding-service"));
        }
    }
}
