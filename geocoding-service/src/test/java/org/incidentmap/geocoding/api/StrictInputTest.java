package org.incidentmap.geocoding.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Every refusal is problem+json naming the field: empty bodies, bodies in other media types,
 * values of the wrong JSON type, nulls inside arrays, repeated members, NUL and lone surrogates.
 */
@QuarkusTest
class StrictInputTest {

    private static ValidatableResponse post(String path, String contentType, String body) {
        return given().contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post(path).then().contentType(startsWith("application/problem+json"));
    }

    @Test
    void emptyBodiesAreProblemsNamingTheBody() {
        for (String path : new String[] {"/geoparse", "/geocode/batch"}) {
            post(path, "application/json", "").statusCode(400).body("status", equalTo(400))
                    .body("errors[0].field", equalTo("body"));
        }
    }

    @Test
    void bodiesInOtherMediaTypesGet415() {
        for (String type : new String[] {"text/plain", "application/xml"}) {
            post("/geoparse", type, "{\"text\":\"Kharkiv\"}").statusCode(415).body("field", equalTo("Content-Type"));
            post("/geocode/batch", type, "{\"queries\":[{\"q\":\"Kiev\"}]}").statusCode(415)
                    .body("errors[0].field", equalTo("Content-Type"));
        }
    }

    @Test
    void valuesOfTheWrongTypeAreRefusedByPath() {
        post("/geoparse", "application/json", "{\"text\":7}").statusCode(400).body("field", equalTo("text"));
        post("/geocode/batch", "application/json", "{\"queries\":[{\"q\":5}]}").statusCode(400)
                .body("field", equalTo("queries[0].q"));
        post("/geocode/batch", "application/json", "{\"queries\":[{\"q\":\"Kiev\"},null]}").statusCode(400)
                .body("field", equalTo("queries[1]"));
        post("/geocode/batch", "application/json", "{\"queries\":{\"q\":\"Kiev\"}}").statusCode(400)
                .body("field", equalTo("queries"));
        post("/geoparse", "application/json", "{\"text\":\"Kharkiv\",\"text\":\"Kyiv\"}").statusCode(400)
                .body("field", equalTo("text")).body("detail", containsString("Duplicate"));
    }

    @Test
    void nulAndLoneSurrogatesAreRefusedByName() {
        post("/geoparse", "application/json", "{\"text\":\"Kharkiv\\u0000\"}").statusCode(400)
                .body("field", equalTo("text"));
        post("/geoparse", "application/json", "{\"text\":\"Kharkiv \\ud800 shelled\"}").statusCode(400)
                .body("field", equalTo("text")).body("detail", containsString("surrogate"));
        post("/geocode/batch", "application/json", "{\"queries\":[{\"q\":\"\\udfffKiev\"}]}").statusCode(400)
                .body("field", equalTo("queries[0].q"));
        given().urlEncodingEnabled(false).when().get("/geocode?q=Ki%00ev").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("field", equalTo("q"));
        given().contentType(ContentType.JSON).body("{\"text\":\"Shelling hit Kharkiv \uD83D\uDCA5 overnight\"}")
                .when().post("/geoparse").then().statusCode(200);
    }

    @Test
    void aLimitThatIsNotAnIntegerIsNamed() {
        given().when().get("/geocode?q=Kyiv&limit=1.5").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("field", equalTo("limit"));
    }

    @Test
    void unknownPathsAreProblemsToo() {
        given().when().get("/no-such-thing").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(404));
    }
}
