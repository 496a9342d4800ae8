package org.incidentmap.gateway.counters;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.incidentmap.gateway.support.IncidentServiceProcess;
import org.incidentmap.gateway.support.Reporter;
import org.junit.jupiter.api.Test;

/** GET /api/stats: the counters of a map view, counted by incident-service. */
@QuarkusTest
@QuarkusTestResource(value = IncidentServiceProcess.class, restrictToAnnotatedClass = true)
class ViewCountersTest {

    @Test
    void theCountersOfAViewSumItsIncidentsWithLowerBoundsAndUnknownsKeptApart() {
        String oblast = "Counted oblast " + UUID.randomUUID();
        String body = """
                {"eventType":"%s","occurredOn":"2025-07-07","country":"UA","admin1":"%s","latitude":%s,"longitude":%s,
                 "killed":%s,"killedAtLeast":%s,"injured":%s}""";
        Reporter.post(body.formatted("Battles", oblast, 48.5, 35.5, 7, true, "null"));
        Reporter.post(body.formatted("Battles", oblast, 48.6, 35.6, "null", false, 3));
        Reporter.post(body.formatted("Explosions/Remote violence", oblast, 48.6, 35.6, 1, false, 2));
        Reporter.post(body.formatted("Battles", oblast, 46.0, 30.7, 50, false, 50));
        long head = Reporter.headSeq();

        given().urlEncodingEnabled(false)
                .get("/api/stats?bbox=35,48,36,49&eventType=Battles&admin1=" + oblast.replace(" ", "%20"))
                .then().statusCode(200).contentType("application/json")
                .body("incidents", equalTo(2))
                .body("killed", equalTo(7)).body("killedAtLeast", equalTo(true)).body("killedUnknown", equalTo(1))
                .body("injured", equalTo(3)).body("injuredAtLeast", equalTo(false)).body("injuredUnknown", equalTo(1))
                .body("seq", greaterThanOrEqualTo((int) head));
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        given().get("/api/stats?zoom=3").then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("zoom"));
        given().get("/api/stats?bbox=1,2,3").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("bbox"));
    }
}
