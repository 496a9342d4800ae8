package org.incidentmap.incident.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.incidentmap.incident.support.Incidents;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /stats/totals: the counters of a map view, for a bbox and the list's filters, with the seq they reflect. */
@QuarkusTest
class ViewTotalsTest {

    private String oblast;

    @BeforeEach
    void uniqueOblast() {
        oblast = "Totals oblast " + UUID.randomUUID();
    }

    private String create(double lon, double lat, String eventType, Integer killed, boolean killedAtLeast, Integer injured) {
        return Incidents.create("""
                {"eventType":"%s","occurredOn":"2025-05-05","country":"UA","admin1":"%s","latitude":%s,"longitude":%s,
                 "killed":%s,"killedAtLeast":%s,"injured":%s}"""
                .formatted(eventType, oblast, lat, lon, killed, killedAtLeast, injured)).statusCode(201).extract().path("id");
    }

    private JsonPath totals(String query) {
        return given().urlEncodingEnabled(false).when()
                .get("/stats/totals?admin1=" + oblast.replace(" ", "%20") + query)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    @Test
    void totalsCountTheViewKeepingLowerBoundsAndUnknownFiguresApart() {
        create(35.0, 48.0, "Explosions/Remote violence", 4, true, null);
        create(35.1, 48.1, "Explosions/Remote violence", 2, false, 7);
        create(35.2, 48.2, "Battles", null, false, 1);
        create(38.0, 45.0, "Battles", 10, false, 10);
        String retracted = create(35.0, 48.1, "Battles", 100, false, 100);
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"status\":\"retracted\",\"reason\":\"not an incident\"}")
                .when().post("/incidents/" + retracted + "/status").then().statusCode(200);
        long head = Incidents.headSeq();

        JsonPath view = totals("&bbox=34.5,47.5,35.5,48.5");

        assertThat(view.getInt("incidents")).isEqualTo(3);
        assertThat(view.getInt("killed")).isEqualTo(6);
        assertThat(view.getBoolean("killedAtLeast")).isTrue();
        assertThat(view.getInt("killedUnknown")).isEqualTo(1);
        assertThat(view.getInt("injured")).isEqualTo(8);
        assertThat(view.getBoolean("injuredAtLeast")).isFalse();
        assertThat(view.getInt("injuredUnknown")).isEqualTo(1);
        assertThat(view.getLong("seq")).isGreaterThanOrEqualTo(head);

        JsonPath battles = totals("&bbox=34.5,47.5,35.5,48.5&eventType=Battles");
        assertThat(battles.getInt("incidents")).isEqualTo(1);
        assertThat(battles.getInt("killed")).isZero();
        assertThat(battles.getBoolean("killedAtLeast")).isFalse();
        assertThat(battles.getInt("killedUnknown")).isEqualTo(1);

        assertThat(totals("").getInt("incidents")).as("without a bbox, the whole map").isEqualTo(4);
        assertThat(totals("&minKilled=3").getInt("incidents")).isEqualTo(2);
        assertThat(totals("&status=retracted").getInt("killed")).isEqualTo(100);
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        given().when().get("/stats/totals?bbox=35,48,34,47").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("bbox"));
        given().when().get("/stats/totals?by=oblast").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("by"));
    }
}
