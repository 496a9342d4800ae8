package org.incidentmap.incident.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.incidentmap.incident.support.Incidents;
import org.incidentmap.incident.support.NothingWrittenCheck;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Each class of bad input gets a 4xx problem+json naming the field, and writes nothing: the
 * event log's head does not move.
 */
@QuarkusTest
class BadInputTest extends NothingWrittenCheck {

    private static ValidatableResponse post(byte[] body) {
        return given().auth().oauth2(Tokens.reporter()).contentType(ContentType.JSON).body(body)
                .when().post("/incidents").then()
                .contentType("application/problem+json");
    }

    private static ValidatableResponse post(String body) {
        return post(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void malformedJsonNamesWhereItBroke() {
        post("{\"eventType\":\"Battles\",\"occurredOn\":").statusCode(400)
                .body("status", equalTo(400))
                .body("errors[0].detail", containsString("malformed JSON"))
                .body("errors[0].field", equalTo("occurredOn"));
    }

    @Test
    void unknownFieldsAreRejectedByName() {
        post(Incidents.kharkivDroneFlat().replace("\"killed\":3", "\"kiled\":3")).statusCode(400)
                .body("errors[0].field", equalTo("kiled"))
                .body("errors[0].detail", containsString("unknown field"));
        post(Incidents.kyivStrikeFeature().replace("\"actor\"", "\"perpetrator\"")).statusCode(400)
                .body("errors[0].field", equalTo("properties.perpetrator"));
        post(Incidents.kyivStrikeFeature().replace("\"type\":\"Feature\",", "\"type\":\"Feature\",\"crs\":{},")).statusCode(400)
                .body("errors[0].field", equalTo("crs"));
    }

    @Test
    void latitudeOutOfRangeIsRejected() {
        post(Incidents.kharkivDroneFlat().replace("49.9935", "149.9935")).statusCode(400)
                .body("errors[0].field", equalTo("latitude"))
                .body("errors[0].detail", containsString("between -90 and 90"));
        post(Incidents.kyivStrikeFeature().replace("[30.5234,50.4501]", "[230.5234,50.4501]")).statusCode(400)
                .body("errors[0].field", equalTo("geometry.coordinates[0]"));
    }

    @Test
    void swappedLookingCoordinatesAreRejected() {
        post(Incidents.kharkivDroneFlat().replace("\"latitude\":49.9935,\"longitude\":36.2304",
                "\"latitude\":36.2304,\"longitude\":49.9935")).statusCode(400)
                .body("errors[0].field", equalTo("latitude"))
                .body("errors[0].detail", containsString("swapped"));
        post(Incidents.kyivStrikeFeature().replace("[30.5234,50.4501]", "[50.4501,30.5234]")).statusCode(400)
                .body("errors[0].field", equalTo("geometry.coordinates[1]"))
                .body("errors[0].detail", containsString("swapped"));
    }

    @Test
    void notANumberIsRejected() {
        post(Incidents.kharkivDroneFlat().replace("49.9935", "\"NaN\"")).statusCode(400)
                .body("errors[0].field", equalTo("latitude"));
        post(Incidents.kharkivDroneFlat().replace("49.9935", "NaN")).statusCode(400)
                .body("errors[0].field", equalTo("latitude"));
    }

    @Test
    void negativeCasualtiesAreRejected() {
        post(Incidents.kharkivDroneFlat().replace("\"killed\":3", "\"killed\":-3")).statusCode(400)
                .body("errors.field", hasItem("killed"));
        post(Incidents.kyivStrikeFeature().replace("\"injured\":87", "\"injured\":-1")).statusCode(400)
                .body("errors.field", hasItem("properties.claims[0].injured"));
    }

    @Test
    void datesInTheFutureAreRejected() {
        String nextWeek = LocalDate.now(ZoneOffset.UTC).plusDays(7).toString();
        post(Incidents.kharkivDroneFlat().replace("2025-06-07", nextWeek)).statusCode(400)
                .body("errors[0].field", equalTo("occurredOn"))
                .body("errors[0].detail", containsString("future"));
        post(Incidents.kyivStrikeFeature().replace("2025-04-24T06:10:00Z", nextWeek + "T06:10:00Z")).statusCode(400)
                .body("errors[0].field", equalTo("properties.sources[0].publishedAt"));
    }

    @Test
    void missingRequiredPropertiesAreNamed() {
        post("{\"country\":\"UA\"}").statusCode(400)
                .body("errors.field", hasItem("eventType"))
                .body("errors.field", hasItem("occurredOn"));
    }

    @Test
    void wronglyTypedValuesAreNamed() {
        post(Incidents.kharkivDroneFlat().replace("\"killed\":3", "\"killed\":\"three\"")).statusCode(400)
                .body("errors[0].field", equalTo("killed"));
        post(Incidents.kharkivDroneFlat().replace("2025-06-07", "07.06.2025")).statusCode(400)
                .body("errors[0].field", equalTo("occurredOn"));
    }

    @Test
    void oversizedBodiesGet413() {
        String excerpt = "x".repeat(300_000);
        post(Incidents.kharkivDroneFlat().replace("\"killed\":3", "\"actor\":\"" + excerpt + "\"")).statusCode(413)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] good = Incidents.kharkivDroneFlat().getBytes(StandardCharsets.UTF_8);
        String text = new String(good, StandardCharsets.UTF_8);
        int at = text.indexOf("Kharkiv");
        byte[] bad = good.clone();
        bad[at] = (byte) 0xC3;
        bad[at + 1] = (byte) 0x28;
        post(bad).statusCode(400)
                .body("errors[0].field", equalTo("placeName"))
                .body("errors[0].detail", containsString("UTF-8"));
    }

    @Test
    void badQueryParametersAreNamed() {
        given().when().get("/events?after=abc").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("after"));
    }
}
