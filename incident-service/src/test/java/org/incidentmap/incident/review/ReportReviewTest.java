package org.incidentmap.incident.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.incidentmap.incident.support.Tokens;
import org.incidentmap.incident.support.GeoparseStandIn;
import org.junit.jupiter.api.Test;

/** The review of pasted reports through the API, against the real database and event log. */
@QuarkusTest
@QuarkusTestResource(value = GeoparseStandIn.class, restrictToAnnotatedClass = true)
class ReportReviewTest {

    /** A day of its own per test, so incidents left by other tests or runs are never "the same incident". */
    private static LocalDate someDay() {
        return LocalDate.of(2023, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(700));
    }

    private static String dayMonth(LocalDate d) {
        return d.getDayOfMonth() + " " + d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String strike(LocalDate day, String place, int killed, int injured) {
        return "A Russian missile struck a residential building in %s on %s, killing %d people and injuring %d, the regional governor said. Ref %s."
                .formatted(place, dayMonth(day), killed, injured, UUID.randomUUID());
    }

    private static String body(String text, String url, LocalDate day) {
        return """
                {"text":%s,"source":{"outlet":"Kyiv Daily","url":"%s","publishedAt":"%sT08:00:00Z"}}"""
                .formatted(quote(text), url, day.plusDays(1));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String url() {
        return "https://news.example/" + UUID.randomUUID();
    }

    private static ValidatableResponse post(String body, String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/reports").then();
    }

    private static ValidatableResponse accept(String reportId, int n, String body) {
        var request = given().auth().oauth2(Tokens.editor());
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post("/reports/" + reportId + "/candidates/" + n + "/accept").then();
    }

    private static long headSeq() {
        return given().when().get("/events?after=0&limit=1").then().statusCode(200)
                .extract().jsonPath().getLong("headSeq");
    }

    @Test
    void aPostedReportProposesACandidateWithItsSentenceAndAcceptingItCreatesTheIncidentAndAnEvent() {
        LocalDate day = someDay();
        String text = strike(day, "Kharkiv", 3, 12);
        String url = url();
        String id = post(body(text, url, day), Tokens.reporter()).statusCode(201)
                .header("Location", containsString("/reports/"))
                .body("candidates", hasSize(1))
                .body("candidates[0].type", equalTo("Feature"))
                .body("candidates[0].geometry.coordinates", contains(36.2304f, 49.9935f))
                .body("candidates[0].properties.placeName", equalTo("Kharkiv"))
                .body("candidates[0].properties.occurredOn", equalTo(day.toString()))
                .body("candidates[0].properties.killed", equalTo(3))
                .body("candidates[0].properties.injured", equalTo(12))
                .body("candidates[0].properties.weapons", hasItem("missile"))
                .body("candidates[0].properties.evidence[0].start", equalTo(0))
                .body("candidates[0].properties.evidence[0].text", startsWith("A Russian missile struck"))
                .body("candidates[0].properties.review", equalTo(null))
                .extract().path("id");
        long head = headSeq();

        String incidentId = accept(id, 0, null).statusCode(201)
                .body("action", equalTo("created"))
                .body("incident.properties.killed", equalTo(3))
                .extract().path("incidentId");

        given().when().get("/incidents/" + incidentId).then().statusCode(200)
                .body("properties.placeName", equalTo("Kharkiv"))
                .body("properties.sources[0].outlet", equalTo("Kyiv Daily"))
                .body("properties.sources[0].url", equalTo(url))
                .body("properties.sources[0].excerpt", startsWith("A Russian missile struck a residential building in Kharkiv"));
        given().when().get("/events?after=" + head + "&limit=100").then().statusCode(200)
                .body("events.findAll { it.id == '" + incidentId + "' }.kind", contains("incident.created"));
        given().auth().oauth2(Tokens.reporter()).when().get("/reports/" + id).then().statusCode(200)
                .body("candidates[0].properties.review.decision", equalTo("accepted"))
                .body("candidates[0].properties.review.incidentId", equalTo(incidentId));
    }

    @Test
    void acceptingTheSameCandidateTwiceIsAConflict() {
        LocalDate day = someDay();
        String id = post(body(strike(day, "Kharkiv", 1, 2), url(), day), Tokens.reporter()).statusCode(201)
                .extract().path("id");
        accept(id, 0, null).statusCode(201);
        accept(id, 0, null).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already accepted"));
    }

    @Test
    void editorCorrectionsOverrideTheProposedRecord() {
        LocalDate day = someDay();
        String id = post(body(strike(day, "Zaporizhzhia", 2, 5), url(), day), Tokens.reporter()).statusCode(201)
                .extract().path("id");
        String incidentId = accept(id, 0, "{\"killed\":4,\"actor\":\"Russia\"}").statusCode(201).extract().path("incidentId");
        given().when().get("/incidents/" + incidentId).then().statusCode(200)
                .body("properties.killed", equalTo(4))
                .body("properties.actor", equalTo("Russia"));
    }

    @Test
    void aSecondReportOfTheSamePlaceDayAndTypeIsProposedAsAnUpdateAndAcceptingItRevisesTheIncident() {
        LocalDate day = someDay();
        String first = post(body(strike(day, "Kharkiv", 2, 4), url(), day), Tokens.reporter()).statusCode(201)
                .body("candidates[0].properties.proposal", equalTo("new"))
                .extract().path("id");
        String incidentId = accept(first, 0, null).statusCode(201).extract().path("incidentId");
        int version = given().when().get("/incidents/" + incidentId).then().statusCode(200)
                .extract().path("properties.version");
        String secondUrl = url();
        String second = post(body(strike(day, "Kharkiv", 5, 9), secondUrl, day), Tokens.reporter()).statusCode(201)
                .body("candidates[0].properties.proposal", equalTo("update"))
                .body("candidates[0].properties.incidentId", equalTo(incidentId))
                .body("candidates[0].properties.incidentVersion", equalTo(version))
                .body("candidates[0].properties.stored.killed", equalTo(2))
                .body("candidates[0].properties.stored.injured", equalTo(4))
                .body("candidates[0].properties.killed", equalTo(5))
                .body("candidates[0].properties.injured", equalTo(9))
                .extract().path("id");

        given().auth().oauth2(Tokens.editor()).header("If-Match", "\"" + version + "\"")
                .when().post("/reports/" + second + "/candidates/0/accept").then().statusCode(200)
                .body("action", equalTo("updated"))
                .body("incidentId", equalTo(incidentId));

        given().when().get("/incidents/" + incidentId).then().statusCode(200)
                .body("properties.killed", equalTo(5))
                .body("properties.injured", equalTo(9))
                .body("properties.sources", hasSize(2))
                .body("properties.sources.url", hasItem(secondUrl));
    }

    @Test
    void acceptingAnUpdateProposedAgainstAnOlderVersionIsAPreconditionFailureAndChangesNothing() {
        LocalDate day = someDay();
        String first = post(body(strike(day, "Zaporizhzhia", 1, 1), url(), day), Tokens.reporter()).statusCode(201)
                .extract().path("id");
        String incidentId = accept(first, 0, null).statusCode(201).extract().path("incidentId");
        String second = post(body(strike(day, "Zaporizhzhia", 3, 3), url(), day), Tokens.reporter()).statusCode(201)
                .extract().path("id");
        int proposedAgainst = given().auth().oauth2(Tokens.editor()).when().get("/reports/" + second).then()
                .statusCode(200).extract().path("candidates[0].properties.incidentVersion");
        // the incident changes after the editor saw the proposal
        String third = post(body(strike(day, "Zaporizhzhia", 4, 6), url(), day), Tokens.reporter()).statusCode(201)
                .extract().path("id");
        accept(third, 0, null).statusCode(200);

        given().auth().oauth2(Tokens.editor()).header("If-Match", String.valueOf(proposedAgainst))
                .when().post("/reports/" + second + "/candidates/0/accept").then().statusCode(412)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));

        given().when().get("/incidents/" + incidentId).then().statusCode(200)
                .body("properties.killed", equalTo(4))
                .body("properties.sources", hasSize(2));
        given().auth().oauth2(Tokens.editor()).when().get("/reports/" + second).then().statusCode(200)
                .body("candidates[0].properties.review", equalTo(null))
                .body("candidates[0].properties.stored.killed", equalTo(4));
    }

    @Test
    void figuresFromAnotherClaimantThatDisagreeAreKeptAsTwoClaims() {
        LocalDate day = someDay();
        String first = post(body(strike(day, "Kharkiv", 2, 4), url(), day), Tokens.reporter()).statusCode(201)
                .extract().path("id");
        String incidentId = accept(first, 0, null).statusCode(201).extract().path("incidentId");
        String other = """
                {"text":%s,"source":{"outlet":"Donbas Wire","url":"%s","publishedAt":"%sT09:00:00Z"}}"""
                .formatted(quote(strike(day, "Kharkiv", 6, 4)), url(), day.plusDays(1));
        String second = post(other, Tokens.reporter()).statusCode(201).extract().path("id");

        accept(second, 0, null).statusCode(200).body("action", equalTo("updated"));

        given().when().get("/incidents/" + incidentId).then().statusCode(200)
                .body("properties.killed", equalTo(6))
                .body("properties.claims.killed", hasItems(2, 6))
                .body("properties.claims.claimant", hasItems("Kyiv Daily", "Donbas Wire"));
    }

    @Test
    void rePostingTheSameUrlOrTheSameTextReturnsTheExistingReport() {
        LocalDate day = someDay();
        String text = strike(day, "Kharkiv", 1, 1);
        String url = url();
        String id = post(body(text, url, day), Tokens.reporter()).statusCode(201).extract().path("id");

        String sameUrl = post(body(strike(day, "Kharkiv", 7, 7), url, day), Tokens.editor()).statusCode(200)
                .extract().path("id");
        String sameText = post(body(text, url(), day), Tokens.reporter()).statusCode(200).extract().path("id");

        assertEquals(id, sameUrl);
        assertEquals(id, sameText);
    }

    @Test
    void aRejectionIsRecordedAndTheCandidateCanNoLongerBeAccepted() {
        LocalDate day = someDay();
        String id = post(body(strike(day, "Kharkiv", 1, 3), url(), day), Tokens.reporter()).statusCode(201)
                .extract().path("id");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body("{\"reason\":\"wire copy of an older story\"}")
                .when().post("/reports/" + id + "/candidates/0/reject").then().statusCode(204);

        given().auth().oauth2(Tokens.editor()).when().get("/reports/" + id).then().statusCode(200)
                .body("candidates[0].properties.review.decision", equalTo("rejected"))
                .body("candidates[0].properties.review.reason", equalTo("wire copy of an older story"));
        accept(id, 0, null).statusCode(409).contentType("application/problem+json");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        LocalDate day = someDay();
        post(body("", url(), day), Tokens.reporter()).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("text"));
        post(body("Kharkiv ".repeat(12_501), url(), day), Tokens.reporter()).statusCode(413)
                .contentType("application/problem+json").body("errors[0].field", equalTo("text"));
        post("{\"text\":\"A strike.\",\"source\":{\"url\":\"" + url() + "\",\"publishedAt\":\"2024-01-01T00:00:00Z\"}}",
                Tokens.reporter()).statusCode(400).body("errors[0].field", equalTo("source.outlet"));
        post("{\"text\":\"A strike.\",\"colour\":1,\"source\":{\"outlet\":\"x\",\"publishedAt\":\"2024-01-01T00:00:00Z\"}}",
                Tokens.reporter()).statusCode(400).body("errors[0].field", equalTo("colour"));
        post("[1]", Tokens.reporter()).statusCode(400).contentType("application/problem+json");
    }

    @Test
    void onlyEditorsDecideAndOnlyReportersOrEditorsSubmit() {
        LocalDate day = someDay();
        given().contentType(ContentType.JSON).body(body(strike(day, "Kharkiv", 1, 1), url(), day))
                .when().post("/reports").then().statusCode(401);
        String id = post(body(strike(day, "Kharkiv", 1, 1), url(), day), Tokens.reporter()).statusCode(201)
                .extract().path("id");
        given().auth().oauth2(Tokens.reporter()).when().post("/reports/" + id + "/candidates/0/accept").then()
                .statusCode(403);
        accept(id, 5, null).statusCode(404).contentType("application/problem+json");
        accept(UUID.randomUUID().toString(), 0, null).statusCode(404);
    }

    @Test
    void aReportIsRefusedWithoutAWriteWhileTheGeocoderIsDown() {
        LocalDate day = someDay();
        String url = url();
        GeoparseStandIn.UP.set(false);
        try {
            post(body(strike(day, "Kharkiv", 1, 1), url, day), Tokens.reporter()).statusCode(503)
                    .contentType("application/problem+json");
        } finally {
            GeoparseStandIn.UP.set(true);
        }
        // nothing was stored: once the circuit breaker lets calls through again, the same report is new
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                post(body(strike(day, "Kharkiv", 1, 1), url, day), Tokens.reporter()).statusCode(201));
    }
}
