package org.incidentmap.incident.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.incidentmap.incident.support.Incidents;
import org.incidentmap.incident.support.NothingWrittenCheck;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Values of the wrong JSON type are refused instead of coerced, bodies in other media types get
 * 415, and text PostgreSQL cannot store or that is no character is refused with the field or
 * parameter named; none of it writes anything.
 */
@QuarkusTest
class StrictInputTest extends NothingWrittenCheck {

    private static ValidatableResponse post(String body) {
        return given().auth().oauth2(Tokens.reporter()).contentType(ContentType.JSON)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/incidents").then()
                .contentType("application/problem+json");
    }

    private static String flat(String from, String to) {
        String body = Incidents.kharkivDroneFlat();
        assertThat(body).contains(from);
        return body.replace(from, to);
    }

    @Test
    void countsMustBeIntegers() {
        post(flat("\"killed\":3", "\"killed\":1.5")).statusCode(400)
                .body("errors[0].field", equalTo("killed"))
                .body("errors[0].detail", containsString("integer"));
        post(flat("\"killed\":3", "\"killed\":3.0")).statusCode(400).body("errors[0].field", equalTo("killed"));
        post(flat("\"injured\":21", "\"injured\":\"2\"")).statusCode(400).body("errors[0].field", equalTo("injured"));
        post(flat("\"injured\":21", "\"injured\":\"\"")).statusCode(400).body("errors[0].field", equalTo("injured"));
        post(flat("\"killed\":3", "\"killed\":true")).statusCode(400).body("errors[0].field", equalTo("killed"));
        post(flat("\"killed\":3", "\"killed\":99999999999999999999")).statusCode(400)
                .body("errors[0].field", equalTo("killed"));
    }

    @Test
    void stringsMustBeStrings() {
        post(flat("\"weapons\":[\"drone\"]", "\"weapons\":[1,2]")).statusCode(400)
                .body("errors[0].field", equalTo("weapons[0]"))
                .body("errors[0].detail", containsString("string"));
        post(flat("\"placeName\":\"Kharkiv\"", "\"placeName\":7")).statusCode(400)
                .body("errors[0].field", equalTo("placeName"));
        post(flat("\"placeName\":\"Kharkiv\"", "\"placeName\":false")).statusCode(400)
                .body("errors[0].field", equalTo("placeName"));
        post(flat("\"weapons\":[\"drone\"]", "\"weapons\":\"drone\"")).statusCode(400)
                .body("errors[0].field", equalTo("weapons"));
    }

    @Test
    void flagsMustBeBooleansAndDatesIsoStrings() {
        post(flat("\"killed\":3", "\"killed\":3,\"killedAtLeast\":\"true\"")).statusCode(400)
                .body("errors[0].field", equalTo("killedAtLeast"));
        post(flat("\"killed\":3", "\"killed\":3,\"killedAtLeast\":1")).statusCode(400)
                .body("errors[0].field", equalTo("killedAtLeast"));
        post(flat("\"2025-06-07\"", "20250607")).statusCode(400).body("errors[0].field", equalTo("occurredOn"));
    }

    @Test
    void aNullInsideAnArrayIsNamedByItsIndex() {
        post(Incidents.kyivStrikeFeature().replaceFirst("\"sources\":\\[", "\"sources\":[null,")).statusCode(400)
                .body("errors[0].field", equalTo("properties.sources[0]"))
                .body("errors[0].detail", containsString("null"));
        post(flat("\"weapons\":[\"drone\"]", "\"weapons\":[\"drone\",null]")).statusCode(400)
                .body("errors[0].field", equalTo("weapons[1]"));
        post(flat("\"weapons\":[\"drone\"]", "\"weapons\":[\"drone\"],\"sources\":[null]")).statusCode(400)
                .body("errors[0].field", equalTo("sources[0]"));
    }

    @Test
    void aRepeatedMemberIsRefusedByName() {
        post(flat("\"killed\":3", "\"killed\":3,\"killed\":4")).statusCode(400)
                .body("errors[0].field", equalTo("killed"))
                .body("errors[0].detail", containsString("Duplicate"));
    }

    @Test
    void nulCharactersAreRefusedWhereverTheyAre() {
        post(flat("\"placeName\":\"Kharkiv\"", "\"placeName\":\"Khar\\u0000kiv\"")).statusCode(400)
                .body("errors[0].field", equalTo("placeName"))
                .body("errors[0].detail", containsString("NUL"));
        post(Incidents.kyivStrikeFeature().replace("\"outlet\":\"Ukrinform\"", "\"outlet\":\"\\u0000\"")).statusCode(400)
                .body("errors[0].field", equalTo("properties.sources[0].outlet"));
        post(flat("\"killed\":3", "\"killed\":3,\"\\u0000\":1")).statusCode(400)
                .body("errors[0].field", equalTo("\u0000"));
    }

    @Test
    void loneSurrogatesAreRefused() {
        post(flat("\"placeName\":\"Kharkiv\"", "\"placeName\":\"Kharkiv \\ud800\"")).statusCode(400)
                .body("errors[0].field", equalTo("placeName"))
                .body("errors[0].detail", containsString("surrogate"));
        post(flat("\"weapons\":[\"drone\"]", "\"weapons\":[\"\\udc00drone\"]")).statusCode(400)
                .body("errors[0].field", equalTo("weapons[0]"));
        // a pair is one character, outside the basic plane, and welcome
        given().auth().oauth2(Tokens.reporter()).contentType(ContentType.JSON)
                .body(flat("\"placeName\":\"Kharkiv\"", "\"placeName\":\"Kharkiv \\ud83d\\udca5\",\"killed\":\"x\""))
                .when().post("/incidents").then().statusCode(400).body("errors[0].field", equalTo("killed"));
    }

    @Test
    void revisionsAndReviewBodiesAreJustAsStrict() {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.editor()).contentType("application/merge-patch+json").header("If-Match", "1")
                .body("{\"killed\":2.5}").when().patch("/incidents/" + id).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("killed"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"claimant\":\"SES\",\"killed\":\"12\"}").when().post("/incidents/" + id + "/claims").then()
                .statusCode(400).body("errors[0].field", equalTo("killed"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"text\":\"Shelling\\u0000\",\"source\":{\"outlet\":\"x\",\"publishedAt\":\"2025-01-01T00:00:00Z\"}}")
                .when().post("/reports").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("text"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"text\":42,\"source\":{\"outlet\":\"x\",\"publishedAt\":\"2025-01-01T00:00:00Z\"}}")
                .when().post("/reports").then().statusCode(400).body("errors[0].field", equalTo("text"));
    }

    @Test
    void bodiesInAnotherMediaTypeGet415() {
        String id = UUID.randomUUID().toString();
        String report = UUID.randomUUID().toString();
        for (String type : new String[] {"text/plain", "application/xml", "no type at all", "application/"}) {
            unsupported(type, "POST", "/incidents");
            unsupported(type, "PATCH", "/incidents/" + id);
            unsupported(type, "POST", "/incidents/" + id + "/status");
            unsupported(type, "POST", "/incidents/" + id + "/sources");
            unsupported(type, "POST", "/incidents/" + id + "/claims");
            unsupported(type, "POST", "/imports");
            unsupported(type, "POST", "/reports");
            unsupported(type, "POST", "/reports/" + report + "/candidates/0/accept");
            unsupported(type, "POST", "/reports/" + report + "/candidates/0/reject");
        }
    }

    private static void unsupported(String type, String method, String path) {
        given().auth().oauth2(Tokens.editor()).contentType(type).header("If-Match", "1")
                .body(Incidents.kharkivDroneFlat().getBytes(StandardCharsets.UTF_8))
                .when().request(method, path).then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415))
                .body("errors[0].field", equalTo("Content-Type"));
    }

    @Test
    void nulInAQueryParameterIsRefusedByName() {
        for (String path : new String[] {"/incidents", "/stats", "/events"}) {
            given().urlEncodingEnabled(false).when().get(path + "?eventType=%00").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("eventType"));
        }
        given().urlEncodingEnabled(false).when().get("/incidents?admin1=Kharkiv%00ska&limit=5").then().statusCode(400)
                .body("errors[0].field", equalTo("admin1"));
        given().urlEncodingEnabled(false).when().get("/incidents?%00=1").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("\u0000"));
    }
}
