package org.incidentmap.incident.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.util.List;
import java.util.Map;
import org.incidentmap.incident.support.Incidents;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.Test;

/** An event that moves an incident says where it was: map consumers redraw the old place too. */
@QuarkusTest
class PreviousGeometryTest {

    private static Map<String, Object> onlyEventAfter(long seq) {
        List<Map<String, Object>> events = given().when().get("/events?after=" + seq).then().statusCode(200).extract()
                .jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE)).getList("events");
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static void patch(String id, int version, String body) {
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(body).when().patch("/incidents/" + id).then().statusCode(200);
    }

    @Test
    void aMoveCarriesTheGeometryBeforeItAndOtherChangesCarryNone() {
        long head = Incidents.headSeq();
        String id = Incidents.createKyiv();
        assertThat(onlyEventAfter(head)).as("a creation").doesNotContainKey("previousGeometry");

        head = Incidents.headSeq();
        patch(id, 1, "{\"latitude\":50.5846,\"longitude\":30.4849,\"placeName\":\"Vyshhorod\"}");
        Map<String, Object> moved = onlyEventAfter(head);
        assertThat(moved).containsEntry("kind", "incident.updated")
                .containsEntry("previousGeometry", Map.of("type", "Point", "coordinates", List.of(30.5234, 50.4501)))
                .containsEntry("geometry", Map.of("type", "Point", "coordinates", List.of(30.4849, 50.5846)));

        head = Incidents.headSeq();
        patch(id, 2, "{\"killed\":14}");
        assertThat(onlyEventAfter(head)).as("an update in place").doesNotContainKey("previousGeometry");

        head = Incidents.headSeq();
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"status\":\"retracted\",\"reason\":\"duplicate\"}")
                .when().post("/incidents/" + id + "/status").then().statusCode(200);
        Map<String, Object> retracted = onlyEventAfter(head);
        assertThat(retracted).containsEntry("kind", "incident.retracted").doesNotContainKey("previousGeometry");

        head = Incidents.headSeq();
        patch(id, 4, "{\"latitude\":null,\"longitude\":null}");
        Map<String, Object> unlocated = onlyEventAfter(head);
        assertThat(unlocated).containsEntry("previousGeometry", Map.of("type", "Point", "coordinates", List.of(30.4849, 50.5846)));
        assertThat(unlocated.get("geometry")).isNull();

        head = Incidents.headSeq();
        patch(id, 5, "{\"latitude\":50.45,\"longitude\":30.52}");
        Map<String, Object> located = onlyEventAfter(head);
        assertThat(located).as("had no geometry before").containsKey("previousGeometry");
        assertThat(located.get("previousGeometry")).isNull();
    }
}
