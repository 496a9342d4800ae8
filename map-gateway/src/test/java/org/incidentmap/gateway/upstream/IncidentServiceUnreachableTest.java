package org.incidentmap.gateway.upstream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.incidentmap.testsupport.JarProcess;
import org.junit.jupiter.api.Test;

/** With nothing listening where incident-service should be, every call through it is a 503 to retry. */
@QuarkusTest
@TestProfile(IncidentServiceUnreachableTest.NothingListening.class)
class IncidentServiceUnreachableTest {

    public static class NothingListening implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.incident-service.url", "http://127.0.0.1:" + JarProcess.freePort());
        }
    }

    @Test
    void layersTilesStatsAndReportsAre503WithRetryAfter() {
        for (String path : new String[] {"/ogc/collections/incidents/items",
                "/ogc/collections/incidents/tiles/WebMercatorQuad/6/22/37", "/api/stats"}) {
            given().when().get(path).then().statusCode(503)
                    .contentType(startsWith("application/problem+json"))
                    .header("Retry-After", "2")
                    .body("status", equalTo(503));
        }
        given().contentType(ContentType.JSON).body("{\"text\":\"x\"}").when().post("/api/reports").then()
                .statusCode(503).header("Retry-After", "2");
    }

    @Test
    void readinessIsDown() {
        given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
    }
}
