package org.incidentmap.incident.sources;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.incidentmap.incident.sources.SourcePollingTest.queue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.incidentmap.incident.support.GeoparseStandIn;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What live sources' items do to incidents: updates, several outlets, auto-publish, uploads. */
@QuarkusTest
@QuarkusTestResource(value = GeoparseStandIn.class, restrictToAnnotatedClass = true)
class SourceIncidentsTest {

    private static final String ATOM = "application/atom+xml";
    private FeedServer feeds;

    @Inject
    Pool pool;

    @BeforeEach
    void start() throws Exception {
        feeds = new FeedServer();
    }

    @AfterEach
    void stop() {
        feeds.close();
    }

    private static String register(String body) {
        return given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(body)
                .when().post("/sources").then().statusCode(201).extract().path("id");
    }

    private static String atomSource(String url, String name, String extra) {
        return register("""
                {"kind":"atom","url":"%s","name":"%s","pollInterval":"PT1S"%s}""".formatted(url, name, extra));
    }

    private static String accept(String reportId, int n) {
        return given().auth().oauth2(Tokens.editor()).when().post("/reports/" + reportId + "/candidates/" + n + "/accept")
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)))
                .extract().path("incidentId");
    }

    private static JsonPath incident(String id) {
        return given().when().get("/incidents/" + id).then().statusCode(200).extract().jsonPath();
    }

    private List<UUID> reportsOf(String sourceId) {
        return pool.preparedQuery("SELECT id FROM incident.reports WHERE feed_source_id = $1 ORDER BY created_at")
                .execute(Tuple.of(UUID.fromString(sourceId))).await().indefinitely()
                .stream().map(r -> r.getUUID("id")).toList();
    }

    @Test
    void anItemThatChangesLaterBecomesAnUpdateProposalForTheIncidentItProduced() {
        LocalDate day = Feeds.someDay();
        Feeds.Entry first = Feeds.entry(Feeds.strike(day, "Kharkiv", 3, 12));
        AtomicReference<String> body = new AtomicReference<>(Feeds.atom(List.of(first)));
        feeds.route("/changing.xml", hit -> FeedServer.Answer.feed(ATOM, body.get(), null, null));
        String id = atomSource(feeds.url("/changing.xml"), "Changing Outlet", "");
        await().atMost(Duration.ofSeconds(20)).until(() -> queue(id).getList("items").size() == 1);
        String firstReport = queue(id).getString("items[0].reportId");
        String incidentId = accept(firstReport, 0);

        String updated = first.body().replace("killing 3 people", "killing 7 people");
        body.set(Feeds.atom(List.of(new Feeds.Entry(first.id(), first.link(), first.title(), updated))));
        await().atMost(Duration.ofSeconds(20)).until(() -> queue(id).getList("items").size() == 1);
        JsonPath q = queue(id);
        assertThat(q.getString("items[0].revisesReport")).isEqualTo(firstReport);
        assertThat(q.getString("items[0].source.feed.item")).isEqualTo(first.id());
        assertThat(q.getString("items[0].feature.properties.proposal")).isEqualTo("update");
        assertThat(q.getString("items[0].feature.properties.incidentId")).isEqualTo(incidentId);
        assertThat(q.getInt("items[0].feature.properties.killed")).isEqualTo(7);
        assertThat(q.getInt("items[0].feature.properties.stored.killed")).isEqualTo(3);

        accept(q.getString("items[0].reportId"), 0);
        assertThat(incident(incidentId).getInt("properties.killed")).isEqualTo(7);
    }

    @Test
    void theSameIncidentFromTwoOutletsIsOneIncidentWithBothSourcesAndTheirDisagreeingFiguresAsClaims() {
        LocalDate day = Feeds.someDay();
        Feeds.Entry a = Feeds.entry(Feeds.strike(day, "Zaporizhzhia", 4, 10));
        Feeds.Entry b = Feeds.entry(Feeds.strike(day, "Zaporizhzhia", 6, 10));
        feeds.route("/one.xml", hit -> FeedServer.Answer.feed(ATOM, Feeds.atom(List.of(a)), null, null));
        feeds.route("/two.xml", hit -> FeedServer.Answer.feed(ATOM, Feeds.atom(List.of(b)), null, null));
        String one = atomSource(feeds.url("/one.xml"), "Outlet One", "");
        String two = atomSource(feeds.url("/two.xml"), "Outlet Two", "");
        await().atMost(Duration.ofSeconds(20)).until(() -> queue(one).getList("items").size() == 1
                && queue(two).getList("items").size() == 1);

        String incidentId = accept(queue(one).getString("items[0].reportId"), 0);
        assertThat(queue(two).getString("items[0].feature.properties.proposal")).isEqualTo("update");
        assertThat(accept(queue(two).getString("items[0].reportId"), 0)).isEqualTo(incidentId);

        JsonPath i = incident(incidentId);
        assertThat(i.getList("properties.sources.outlet")).containsExactly("Outlet One", "Outlet Two");
        assertThat(i.getList("properties.sources.url")).containsExactly(a.link(), b.link());
        assertThat(i.getList("properties.claims.claimant")).contains("Outlet One", "Outlet Two");
        assertThat(i.getList("properties.claims.findAll { it.claimant == 'Outlet One' }.killed")).contains(4);
        assertThat(i.getList("properties.claims.findAll { it.claimant == 'Outlet Two' }.killed")).contains(6);
    }

    @Test
    void aSourceAllowedToAutoPublishPublishesConfidentCandidatesAsReportedAndMachineExtracted() {
        Feeds.Entry entry = Feeds.entry(Feeds.strike(Feeds.someDay(), "Kharkiv", 2, 3));
        feeds.route("/auto.xml", hit -> FeedServer.Answer.feed(ATOM, Feeds.atom(List.of(entry)), null, null));
        String id = atomSource(feeds.url("/auto.xml"), "Auto Outlet", ",\"autoPublishAbove\":0.3,\"sample\":true");

        await().atMost(Duration.ofSeconds(20)).until(() -> !reportsOf(id).isEmpty());
        UUID report = reportsOf(id).get(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(Tokens.reporter())
                .get("/reports/" + report).then().extract().jsonPath().getString("candidates[0].properties.review.decision") != null);
        JsonPath r = given().auth().oauth2(Tokens.reporter()).get("/reports/" + report).then().statusCode(200).extract().jsonPath();
        assertThat(r.getString("candidates[0].properties.review.decision")).isEqualTo("accepted");
        assertThat(r.getString("candidates[0].properties.review.decidedBy")).isEqualTo("source:" + id);
        assertThat(r.getBoolean("source.sample")).isTrue();

        JsonPath i = incident(r.getString("candidates[0].properties.review.incidentId"));
        assertThat(i.getString("properties.status")).isEqualTo("reported");
        assertThat(i.getBoolean("properties.sources[0].machineExtracted")).isTrue();
        assertThat(i.getBoolean("properties.sources[0].sample")).isTrue();
        assertThat(queue(id).getList("items")).isEmpty();
    }

    @Test
    void aSourceWithoutAutoPublishLeavesEveryCandidateForReview() {
        Feeds.Entry entry = Feeds.entry(Feeds.strike(Feeds.someDay(), "Kharkiv", 2, 3));
        feeds.route("/manual.xml", hit -> FeedServer.Answer.feed(ATOM, Feeds.atom(List.of(entry)), null, null));
        String id = atomSource(feeds.url("/manual.xml"), "Manual Outlet", "");
        await().atMost(Duration.ofSeconds(20)).until(() -> queue(id).getList("items").size() == 1);
        assertThat(queue(id).getString("items[0].feature.properties.review")).isNull();
        assertThat(queue(id).getBoolean("items[0].feature.properties.sources[0].machineExtracted")).isFalse();
    }

    @Test
    void anUploadedTelegramExportBecomesReportsOncePerMessage() {
        LocalDate day = Feeds.someDay();
        String text = Feeds.strike(day, "Kharkiv", 1, 6);
        String export = """
                {"name":"Sample channel","type":"public_channel","id":%d,"messages":[
                 {"id":1,"type":"service","date":"2024-01-01T09:00:00","date_unixtime":"1704099600","action":"pin_message","text":""},
                 {"id":2,"type":"message","date":"2024-01-01T10:00:00","date_unixtime":"1704103200",
                  "text":[%s,{"type":"bold","text":""}]}]}"""
                .formatted(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L), quote(text));
        String id = register("{\"kind\":\"telegram-export\",\"name\":\"Telegram Channel\",\"attribution\":\"public channel\"}");

        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(export)
                .when().put("/sources/" + id + "/export").then().statusCode(200)
                .body("health.lastFetchResult", org.hamcrest.Matchers.equalTo("uploaded"))
                .body("health.itemsSeen", org.hamcrest.Matchers.equalTo(1));
        JsonPath q = queue(id);
        assertThat(q.getList("items")).hasSize(1);
        assertThat(q.getString("items[0].text")).isEqualTo(text);
        assertThat(q.getString("items[0].source.attribution")).isEqualTo("public channel");
        assertThat(q.getString("items[0].source.feed.item")).endsWith(":2");

        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(export)
                .when().put("/sources/" + id + "/export").then().statusCode(200);
        assertThat(queue(id).getList("items")).hasSize(1);
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body("{\"messages\":3}")
                .when().put("/sources/" + id + "/export").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("body"));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
