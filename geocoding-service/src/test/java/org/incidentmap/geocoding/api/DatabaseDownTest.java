package org.incidentmap.geocoding.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.incidentmap.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * With the test PostgreSQL really stopped (pg_ctl -m immediate), lookups get a 503 to retry and
 * readiness is down; once it runs again the service answers without a restart.
 */
@QuarkusTest
class DatabaseDownTest {

    @Test
    void whileTheDatabaseIsDownLookupsAre503WithRetryAfterAndTheServiceRecoversByItself() {
        TestPostgres.assumeControllable();
        given().queryParam("q", "Kharkiv").when().get("/geocode").then().statusCode(200);
        TestPostgres.crash();
        try {
            // another name than before, so no cache could answer it
            given().queryParam("q", "Poltava").when().get("/geocode").then()
                    .statusCode(503)
                    .contentType(startsWith("application/problem+json"))
                    .header("Retry-After", "2")
                    .body("status", equalTo(503));
            given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            TestPostgres.start();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        given().queryParam("q", "Kharkiv").when().get("/geocode").then().statusCode(200);
    }
}
