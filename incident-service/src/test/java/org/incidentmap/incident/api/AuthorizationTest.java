package org.incidentmap.incident.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.incidentmap.incident.support.Incidents;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.Test;

/** Reads are public; reporters create and add sources and claims; only editors revise and change status. */
@QuarkusTest
class AuthorizationTest {

    @Test
    void writingWithoutATokenIs401AsProblemDetails() {
        given().contentType(ContentType.JSON).body(Incidents.kharkivDroneFlat())
                .when().post("/incidents").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("detail", containsString("bearer token"))
                .body("instance", equalTo("/incidents"));
    }

    @Test
    void aTokenFromAnotherIssuerIs401AsProblemDetails() {
        given().auth().oauth2(Tokens.tokenFromIssuer("someone-else", "editor")).contentType(ContentType.JSON)
                .body(Incidents.kharkivDroneFlat())
                .when().post("/incidents").then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void aMalformedTokenIs401AsProblemDetails() {
        given().auth().oauth2("not-a-jwt").contentType("text/csv").body("event_date\n")
                .when().post("/imports").then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("instance", equalTo("/imports"));
    }

    @Test
    void aTokenWithoutAWritingRoleIs403AsProblemDetails() {
        given().auth().oauth2(Tokens.token("viewer", "viewer")).contentType(ContentType.JSON)
                .body(Incidents.kharkivDroneFlat())
                .when().post("/incidents").then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("title", equalTo("Forbidden"))
                .body("detail", containsString("reporter or editor"));
    }

    @Test
    void reportersMayNotReviseOrChangeStatus() {
        String id = Incidents.createKyiv();
        given().auth().oauth2(Tokens.reporter()).contentType(ContentType.JSON).header("If-Match", "1")
                .body("{\"killed\":1}").when().patch("/incidents/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.reporter()).contentType(ContentType.JSON)
                .body("{\"status\":\"retracted\"}").when().post("/incidents/" + id + "/status").then().statusCode(403);
    }

    @Test
    void editorsMayCreateAndReadsNeedNoToken() {
        String id = given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body(Incidents.kharkivDroneFlat())
                .when().post("/incidents").then().statusCode(201).extract().path("id");
        given().when().get("/incidents/" + id).then().statusCode(200);
        given().when().get("/incidents/" + id + "/history").then().statusCode(200);
        given().when().get("/events?after=0&limit=1").then().statusCode(200);
    }
}
