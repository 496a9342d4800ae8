package org.incidentmap.incident.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.incidentmap.incident.support.Incidents;
import org.incidentmap.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * With the test PostgreSQL really stopped (pg_ctl -m immediate), requests get a 503 to retry and
 * readiness is down; once it runs again the service serves without a restart.
 */
@QuarkusTest
class DatabaseDownTest {

    @Test
    void whileTheDatabaseIsDownRequestsAre503WithRetryAfterAndTheServiceRecoversByItself() {
        TestPostgres.assumeControllable();
        String before = Incidents.createKyiv();
        TestPostgres.crash();
        try {
            Incidents.create(Incidents.kyivStrikeFeature())
                    .statusCode(503)
                    .contentType(startsWith("application/problem+json"))
                    .header("Retry-After", "2")
                    .body("status", equalTo(503));
            given().when().get("/incidents/" + before).then()
                    .statusCode(503).header("Retry-After", "2");
            given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            TestPostgres.start();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                Incidents.create(Incidents.kyivStrikeFeature()).statusCode(201));
        given().when().get("/incidents/" + before).then().statusCode(200).body("id", equalTo(before));
    }
}
