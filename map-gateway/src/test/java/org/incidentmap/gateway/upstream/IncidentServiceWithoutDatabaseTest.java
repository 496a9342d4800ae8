package org.incidentmap.gateway.upstream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.incidentmap.gateway.support.IncidentServiceProcess;
import org.incidentmap.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * The real incident-service with the test PostgreSQL really stopped answers 503; the gateway passes
 * that on with incident-service's Retry-After, and serves again once the database is back.
 */
@QuarkusTest
@QuarkusTestResource(value = IncidentServiceProcess.class, restrictToAnnotatedClass = true)
class IncidentServiceWithoutDatabaseTest {

    @Test
    void incidentService503IsPassedOnWithItsRetryAfterUntilTheDatabaseIsBack() {
        TestPostgres.assumeControllable();
        given().when().get("/ogc/collections/incidents/items?limit=1").then().statusCode(200);
        TestPostgres.crash();
        try {
            given().when().get("/ogc/collections/incidents/items?limit=1").then().statusCode(503)
                    .contentType(startsWith("application/problem+json"))
                    .header("Retry-After", "2");
            // a filter no earlier request used, so the tile cache cannot answer
            given().urlEncodingEnabled(false).when().get("/ogc/collections/incidents/tiles/WebMercatorQuad/6/22/37?admin1="
                    + UUID.randomUUID()).then().statusCode(503).header("Retry-After", "2");
        } finally {
            TestPostgres.start();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().when().get("/ogc/collections/incidents/items?limit=1").then().statusCode(200));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
