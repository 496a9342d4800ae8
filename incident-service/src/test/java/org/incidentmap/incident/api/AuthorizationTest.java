package org.incidentmap.incident.api;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.incidentmap.incident.support.Incidents;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.Test;

/** Reads are public; reporters create and add sources and claims; only editors revise and change status. */
@QuarkusTest
class AuthorizationTest {

    @Test
    void writingWithoutATokenIs401() {
        given().contentType(ContentType.JSON).body(Incidents.kharkivDroneFlat())
                .when().post("/incidents").then().statusCode(401);
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        given().auth().oauth2(Tokens.tokenFromIssuer("someone-else", "editor")).contentType(ContentType.JSON)
                .body(Incidents.kharkivDroneFlat())
                .when().post("/incidents").then().statusCode(401);
    }

    @Test
    void aTokenWithoutAWritingRoleIs403() {
        given().auth().oauth2(Tokens.token("viewer", "viewer")).contentType(ContentType.JSON)
                .body(Incidents.kharkivDroneFlat())
                .when().post("/incidents").then().statusCode(403);
    }

    @Test
    void reportersMayNotReviseOrChangeStatus() {
        String id = Incidents.createKyiv();
        given().auth().oauth2(Tokens.reporter()).contentType(ContentType.JSON).header("If-Match", "1")
                .body("{\"killed\":1}").when().patch("/incidents/" + id).then().statusCode(403);
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
