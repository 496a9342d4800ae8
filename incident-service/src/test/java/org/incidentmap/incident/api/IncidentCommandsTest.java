package org.incidentmap.incident.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.incidentmap.incident.support.Incidents;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.Test;

/** Each command writes the new state, a revision and one event; reads show all three. */
@QuarkusTest
class IncidentCommandsTest {

    @Test
    void creatingFromAGeoJsonFeatureReturns201WithLocationAndTheStoredFeature() {
        long head = Incidents.headSeq();
        String location = Incidents.create(Incidents.kyivStrikeFeature())
                .statusCode(201)
                .contentType("application/geo+json")
                .header("ETag", "\"1\"")
                .body("type", equalTo("Feature"))
                .body("geometry.coordinates", contains(30.5234f, 50.4501f))
                .body("properties.killed", equalTo(12))
                .body("properties.killedAtLeast", equalTo(true))
                .body("properties.weapons", contains("missile"))
                .body("properties.sources[0].outlet", equalTo("Ukrinform"))
                .body("properties.sources[0].publishedAt", equalTo("2025-04-24T06:10:00.000000Z"))
                .body("properties.claims[0].claimant", equalTo("State Emergency Service"))
                .body("properties.claims[0].injured", equalTo(87))
                .body("properties.version", equalTo(1))
                .extract().header("Location");

        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(location).endsWith("/incidents/" + id);
        given().when().get(location).then().statusCode(200)
                .body("id", equalTo(id))
                .body("properties.status", equalTo("reported"))
                .body("properties.geoPrecision", equalTo(1));
        JsonPath events = given().when().get("/events?after=" + head).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> mine = events.getList("events.findAll { it.id == '" + id + "' }");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0)).containsEntry("kind", "incident.created").containsKey("seq").containsKey("time");
    }

    @Test
    void creatingFromFlatJsonWithLatitudeAndLongitudeStoresLongitudeFirst() {
        Incidents.create(Incidents.kharkivDroneFlat()).statusCode(201)
                .body("geometry.type", equalTo("Point"))
                .body("geometry.coordinates", contains(36.2304f, 49.9935f))
                .body("properties.subEventType", equalTo("Air/drone strike"))
                .body("properties.killedAtLeast", equalTo(false))
                .body("properties.sources", hasSize(0));
    }

    @Test
    void unknownCasualtiesStayNullAndDistinctFromZero() {
        Incidents.create("""
                {"eventType":"Explosions/Remote violence","occurredOn":"2025-03-01","country":"UA",
                 "latitude":46.6354,"longitude":32.6169,"killed":0}""").statusCode(201)
                .body("properties.killed", equalTo(0))
                .body("properties.injured", nullValue());
    }

    @Test
    void revisingWithTheCurrentVersionBumpsItAndRecordsWhoWhatAndWhy() {
        String id = Incidents.createKyiv();
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"killed\":23,\"killedAtLeast\":false,\"reason\":\"updated toll from the city administration\"}")
                .when().patch("/incidents/" + id)
                .then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("properties.killed", equalTo(23))
                .body("properties.version", equalTo(2))
                .body("properties.placeName", equalTo("Kyiv"));

        given().when().get("/incidents/" + id + "/history").then().statusCode(200)
                .body("revisions", hasSize(2))
                .body("revisions[0].reason", equalTo("created"))
                .body("revisions[1].version", equalTo(2))
                .body("revisions[1].author", equalTo("editor-ivan"))
                .body("revisions[1].reason", equalTo("updated toll from the city administration"))
                .body("revisions[1].changes.killed.from", equalTo(12))
                .body("revisions[1].changes.killed.to", equalTo(23))
                .body("revisions[1].changes.killedAtLeast.to", equalTo(false));
    }

    @Test
    void revisingAStaleVersionIsRefusedWith412AndChangesNothing() {
        String id = Incidents.createKyiv();
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body("{\"killed\":30}")
                .when().patch("/incidents/" + id)
                .then().statusCode(412)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));
        given().when().get("/incidents/" + id).then().body("properties.killed", equalTo(12))
                .body("properties.version", equalTo(1));
    }

    @Test
    void revisingWithoutIfMatchIsRefusedWith428() {
        String id = Incidents.createKyiv();
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body("{\"killed\":30}")
                .when().patch("/incidents/" + id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));
    }

    @Test
    void movingAnIncidentReplacesItsPoint() {
        String id = Incidents.createKyiv();
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).header("If-Match", "1")
                .body("{\"latitude\":50.5846,\"longitude\":30.4849,\"placeName\":\"Vyshhorod\",\"geoPrecision\":1}")
                .when().patch("/incidents/" + id)
                .then().statusCode(200)
                .body("geometry.coordinates", contains(30.4849f, 50.5846f))
                .body("properties.placeName", equalTo("Vyshhorod"));
    }

    @Test
    void addingASourceAndAClaimKeepsClaimsApartFromTheEstimate() {
        String id = Incidents.createKyiv();
        given().auth().oauth2(Tokens.reporter()).contentType(ContentType.JSON)
                .body("{\"outlet\":\"Suspilne\",\"url\":\"https://suspilne.media/x\",\"publishedAt\":\"2025-04-24T09:00:00+03:00\",\"excerpt\":\"The toll rose\"}")
                .when().post("/incidents/" + id + "/sources")
                .then().statusCode(200)
                .body("properties.sources", hasSize(2))
                .body("properties.sources[1].publishedAt", equalTo("2025-04-24T06:00:00.000000Z"))
                .body("properties.version", equalTo(2));
        given().auth().oauth2(Tokens.reporter()).contentType(ContentType.JSON)
                .body("{\"claimant\":\"Ministry of Defence of Russia\",\"killed\":0,\"statement\":\"Only military targets were hit\"}")
                .when().post("/incidents/" + id + "/claims")
                .then().statusCode(200)
                .body("properties.claims", hasSize(2))
                .body("properties.claims[1].killed", equalTo(0))
                .body("properties.killed", equalTo(12))
                .body("properties.version", equalTo(3));
        given().when().get("/incidents/" + id + "/history").then()
                .body("revisions[1].changes.sources.added.outlet", equalTo("Suspilne"))
                .body("revisions[2].changes.claims.added.claimant", equalTo("Ministry of Defence of Russia"));
    }

    @Test
    void retractingEmitsARetractedEventAndKeepsTheRecord() {
        String id = Incidents.createKyiv();
        long head = Incidents.headSeq();
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"status\":\"retracted\",\"reason\":\"duplicate of an earlier report\"}")
                .when().post("/incidents/" + id + "/status")
                .then().statusCode(200)
                .body("properties.status", equalTo("retracted"));
        given().when().get("/events?after=" + head).then().statusCode(200)
                .body("events.findAll { it.id == '" + id + "' }.kind", contains("incident.retracted"))
                .body("events.findAll { it.id == '" + id + "' }.properties.status", contains("retracted"));
        given().when().get("/incidents/" + id).then().statusCode(200).body("properties.status", equalTo("retracted"));
    }

    @Test
    void aChangeThatChangesNothingWritesNoEvent() {
        String id = Incidents.createKyiv();
        long head = Incidents.headSeq();
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"status\":\"reported\"}")
                .when().post("/incidents/" + id + "/status")
                .then().statusCode(200).body("properties.version", equalTo(1));
        given().when().get("/events?after=" + head).then()
                .body("events.findAll { it.id == '" + id + "' }", hasSize(0));
    }

    @Test
    void unknownIncidentsAre404Problems() {
        given().when().get("/incidents/5b0c7f0e-0000-4000-8000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/incidents/not-a-uuid/history").then().statusCode(404)
                .contentType("application/problem+json")
                .body("instance", endsWith("/history"));
    }
}
