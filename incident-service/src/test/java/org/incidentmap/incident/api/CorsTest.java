package org.incidentmap.incident.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.incidentmap.incident.support.Incidents;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.Test;

/** Pages of any origin may read; only pages of the configured write origins may write, preflight or not. */
@QuarkusTest
class CorsTest {

    private static final String ELSEWHERE = "https://elsewhere.example";
    private static final String EDITORS = "https://editors.example";

    @Test
    void anyOriginMayRead() {
        given().header("Origin", ELSEWHERE).when().get("/incidents?limit=1").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Credentials", nullValue());
        given().header("Origin", ELSEWHERE).header("Access-Control-Request-Method", "GET")
                .when().options("/stats").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", containsString("GET"));
    }

    @Test
    void anotherOriginMayNotWriteNorAskToWrite() {
        given().header("Origin", ELSEWHERE).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .when().options("/incidents").then().statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("errors[0].field", equalTo("Origin"));
        long head = Incidents.headSeq();
        given().header("Origin", ELSEWHERE).auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body(Incidents.kharkivDroneFlat()).when().post("/incidents").then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(Incidents.headSeq()).isEqualTo(head);
    }

    @Test
    void aConfiguredOriginMayWrite() {
        given().header("Origin", EDITORS).header("Access-Control-Request-Method", "PATCH")
                .when().options("/incidents/" + java.util.UUID.randomUUID()).then().statusCode(204)
                .header("Access-Control-Allow-Origin", EDITORS)
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().header("Origin", EDITORS).auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body(Incidents.kharkivDroneFlat()).when().post("/incidents").then().statusCode(201)
                .header("Access-Control-Allow-Origin", EDITORS)
                .header("Access-Control-Expose-Headers", containsString("Location"));
    }

    @Test
    void requestsWithoutAnOriginAreNotBrowsersAndPassAsBefore() {
        given().auth().oauth2(Tokens.reporter()).contentType(ContentType.JSON).body(Incidents.kharkivDroneFlat())
                .when().post("/incidents").then().statusCode(201)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
