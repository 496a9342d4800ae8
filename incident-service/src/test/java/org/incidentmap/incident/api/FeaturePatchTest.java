package org.incidentmap.incident.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.incidentmap.incident.support.Incidents;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * PATCH /incidents/{id} with a partial GeoJSON Feature: the same merge-patch semantics, checks,
 * version precondition and single revision and event as the flat form, with problems named by
 * their path in the Feature.
 */
@QuarkusTest
class FeaturePatchTest {

    private static ValidatableResponse patch(String id, String ifMatch, String contentType, String body) {
        return given().auth().oauth2(Tokens.editor()).contentType(contentType).header("If-Match", ifMatch)
                .body(body).when().patch("/incidents/" + id).then();
    }

    private static ValidatableResponse patch(String id, String body) {
        return patch(id, "\"1\"", "application/geo+json", body);
    }

    private static List<Map<String, Object>> eventsOf(String id, long after) {
        JsonPath events = given().when().get("/events?after=" + after).then().statusCode(200).extract().jsonPath();
        return events.getList("events.findAll { it.id == '" + id + "' }");
    }

    /** The incident is as created: version 1, its first figures and point, no event since {@code head}. */
    private static void unchanged(String id, long head) {
        given().when().get("/incidents/" + id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("properties.killed", equalTo(12))
                .body("geometry.coordinates", contains(30.5234f, 50.4501f));
        given().when().get("/incidents/" + id + "/history").then().body("revisions", hasSize(1));
        assertThat(Incidents.headSeq()).isEqualTo(head);
    }

    @Test
    void aFeatureGeometryMovesTheIncidentInPostgisWithOneRevisionAndOneEvent() {
        String id = Incidents.createKyiv();
        long head = Incidents.headSeq();

        patch(id, """
                {"type":"Feature","geometry":{"type":"Point","coordinates":[30.4849,50.5846]},
                 "properties":{"placeName":"Vyshhorod","admin1":"Kyivska"},"reason":"located more precisely"}""")
                .statusCode(200)
                .contentType("application/geo+json")
                .header("ETag", "\"2\"")
                .body("geometry.coordinates", contains(30.4849f, 50.5846f))
                .body("properties.placeName", equalTo("Vyshhorod"))
                .body("properties.geoPrecision", equalTo(1))
                .body("properties.killed", equalTo(12));

        given().when().get("/incidents?bbox=30.40,50.55,30.55,50.62&admin1=Kyivska").then().statusCode(200)
                .body("features.id", hasItem(id));
        given().when().get("/incidents?bbox=30.50,50.40,30.55,50.50&admin1=Kyivska").then().statusCode(200)
                .body("features.id", not(hasItem(id)));
        given().when().get("/incidents/" + id + "/history").then()
                .body("revisions", hasSize(2))
                .body("revisions[1].reason", equalTo("located more precisely"))
                .body("revisions[1].changes.geometry.to.coordinates", contains(30.4849f, 50.5846f))
                .body("revisions[1].changes.placeName.from", equalTo("Kyiv"));
        List<Map<String, Object>> events = eventsOf(id, head);
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).containsEntry("kind", "incident.updated")
                .containsEntry("geometry", Map.of("type", "Point", "coordinates", List.of(30.4849f, 50.5846f)));
    }

    @Test
    void featurePropertiesChangeOnlyWhatTheySendAndNullClears() {
        String id = Incidents.createKyiv();
        long head = Incidents.headSeq();

        patch(id, "\"1\"", "application/merge-patch+json", """
                {"type":"Feature","properties":{"killed":23,"killedAtLeast":false,"actor":null}}""")
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("properties.killed", equalTo(23))
                .body("properties.killedAtLeast", equalTo(false))
                .body("properties.actor", nullValue())
                .body("properties.injured", equalTo(90))
                .body("properties.placeName", equalTo("Kyiv"))
                .body("geometry.coordinates", contains(30.5234f, 50.4501f));

        given().when().get("/incidents/" + id + "/history").then()
                .body("revisions[1].changes.killed.from", equalTo(12))
                .body("revisions[1].changes.killed.to", equalTo(23))
                .body("revisions[1].changes.actor.from", equalTo("Military Forces of Russia"))
                .body("revisions[1].changes.actor.to", nullValue())
                .body("revisions[1].changes", not(hasKey("geometry")));
        assertThat(eventsOf(id, head)).hasSize(1);
    }

    @Test
    void aNullGeometryUnlocatesTheIncident() {
        String id = Incidents.createKyiv();

        patch(id, """
                {"type":"Feature","geometry":null,"reason":"the reported place was wrong"}""")
                .statusCode(200)
                .body("geometry", nullValue())
                .body("properties.geoPrecision", nullValue())
                .body("properties.placeName", equalTo("Kyiv"))
                .body("properties.version", equalTo(2));
        given().when().get("/incidents/" + id + "/history").then()
                .body("revisions[1].changes.geometry.to", nullValue())
                .body("revisions[1].changes.geoPrecision.from", equalTo(1));
    }

    @Test
    void unknownMembersAreRejectedByTheirPathAndWriteNothing() {
        String id = Incidents.createKyiv();
        long head = Incidents.headSeq();

        patch(id, """
                {"type":"Feature","properties":{"killed":20,"perpetrator":"unknown"}}""")
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("properties.perpetrator"))
                .body("errors[0].detail", containsString("unknown field"));
        patch(id, """
                {"type":"Feature","crs":{},"properties":{"killed":20}}""")
                .statusCode(400).body("errors[0].field", equalTo("crs"));
        patch(id, """
                {"type":"Feature","properties":{"sources":[]}}""")
                .statusCode(400).body("errors[0].field", equalTo("properties.sources"));
        patch(id, """
                {"geometry":{"type":"Point","coordinates":[30.4849,50.5846]}}""")
                .statusCode(400).body("errors[0].field", equalTo("type"));
        patch(id, """
                {"type":"Feature","id":"5b0c7f0e-0000-4000-8000-000000000000","properties":{"killed":20}}""")
                .statusCode(400).body("errors[0].field", equalTo("id"));

        unchanged(id, head);
    }

    @Test
    void badCoordinatesAreRejectedAtGeometryCoordinatesAndWriteNothing() {
        String id = Incidents.createKyiv();
        long head = Incidents.headSeq();

        patch(id, """
                {"type":"Feature","geometry":{"type":"Point","coordinates":[230.5,50.4]}}""")
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("geometry.coordinates[0]"))
                .body("errors[0].detail", containsString("between -180 and 180"));
        patch(id, """
                {"type":"Feature","geometry":{"type":"Point","coordinates":[30.5,"NaN"]}}""")
                .statusCode(400).body("errors[0].field", equalTo("geometry.coordinates[1]"));
        patch(id, """
                {"type":"Feature","geometry":{"type":"Point","coordinates":[30.5]}}""")
                .statusCode(400).body("errors[0].field", equalTo("geometry.coordinates"));
        // The patch names no country: the stored one (UA) shows the pair is swapped.
        patch(id, """
                {"type":"Feature","geometry":{"type":"Point","coordinates":[50.4501,30.5234]}}""")
                .statusCode(400)
                .body("errors[0].field", equalTo("geometry.coordinates[1]"))
                .body("errors[0].detail", containsString("swapped"));
        patch(id, """
                {"type":"Feature","properties":{"eventType":null,"killed":-1}}""")
                .statusCode(400).body("errors[0].field", equalTo("properties.killed"));
        patch(id, """
                {"type":"Feature","properties":{"eventType":null}}""")
                .statusCode(400).body("errors[0].field", equalTo("properties.eventType"));

        unchanged(id, head);
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndWritesNothing() {
        String id = Incidents.createKyiv();
        long head = Incidents.headSeq();

        patch(id, "\"4\"", "application/geo+json", """
                {"type":"Feature","geometry":{"type":"Point","coordinates":[30.4849,50.5846]},"properties":{"killed":30}}""")
                .statusCode(412).contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));

        unchanged(id, head);
    }
}
