package org.incidentmap.incident.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.incidentmap.incident.support.Incidents;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.Test;

/** A client over its limit gets 429 problem+json with Retry-After and writes nothing; other clients are not held back. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    /** Three writes and two /reports requests a minute per client. */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("incident.access.writes-per-minute", "3", "incident.access.reports-per-minute", "2");
        }
    }

    private static ValidatableResponse create(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Incidents.kharkivDroneFlat())
                .when().post("/incidents").then();
    }

    @Test
    void writesOverTheLimitAre429WithRetryAfterAndWriteNothing() {
        String token = Tokens.token("reporter-busy", "reporter");
        for (int i = 0; i < 3; i++) {
            create(token).statusCode(201);
        }
        long head = Incidents.headSeq();
        String retryAfter = create(token).statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("detail", containsString("writes"))
                .extract().header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L);
        assertThat(Incidents.headSeq()).isEqualTo(head);

        create(Tokens.token("reporter-calm", "reporter")).statusCode(201);
    }

    @Test
    void reportRequestsHaveTheirOwnLowerLimit() {
        String token = Tokens.token("editor-reading", "editor");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).when().get("/reports/" + UUID.randomUUID()).then().statusCode(404);
        }
        given().auth().oauth2(token).when().get("/reports/" + UUID.randomUUID()).then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aForgedTokenDoesNotSpendItsNamesakesBudget() {
        String victim = "reporter-named";
        String forged = Tokens.token(victim, "reporter");
        String[] parts = forged.split("\\.");
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";
        for (int i = 0; i < 5; i++) {
            create(badSignature).statusCode(org.hamcrest.Matchers.oneOf(401, 429));
        }
        create(Tokens.token(victim, "reporter")).statusCode(201);
    }
}
