package org.incidentmap.incident.sources;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.incidentmap.incident.support.GeoparseStandIn;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Live sources polled from a feed server the test runs, into the real database and review queue. */
@QuarkusTest
@QuarkusTestResource(value = GeoparseStandIn.class, restrictToAnnotatedClass = true)
class SourcePollingTest {

    private static final String ATOM = "application/atom+xml";
    private static final String MODIFIED = "Mon, 01 Jan 2024 08:00:00 GMT";
    private FeedServer feeds;

    @BeforeEach
    void start() throws Exception {
        feeds = new FeedServer();
    }

    @AfterEach
    void stop() {
        feeds.close();
    }

    static String register(String kind, String url, String name) {
        return given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("""
                        {"kind":"%s","url":"%s","name":"%s","pollInterval":"PT1S","language":"en","attribution":"© %s, CC BY 4.0"}"""
                        .formatted(kind, url, name, name))
                .when().post("/sources").then().statusCode(201)
                .body("health.state", equalTo("pending"))
                .extract().path("id");
    }

    static JsonPath source(String id) {
        return given().auth().oauth2(Tokens.editor()).when().get("/sources/" + id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath queue(String sourceId) {
        return given().auth().oauth2(Tokens.reporter()).queryParam("state", "pending").queryParam("source", sourceId)
                .when().get("/review").then().statusCode(200).extract().jsonPath();
    }

    private static Duration wait(int seconds) {
        return Duration.ofSeconds(seconds);
    }

    @Test
    void aNewItemBecomesAReportInTheReviewQueueWithItsSourceAndTheNextPollIsConditional() {
        LocalDate day = Feeds.someDay();
        Feeds.Entry entry = Feeds.entry(Feeds.strike(day, "Kharkiv", 3, 12));
        String body = Feeds.atom(List.of(entry));
        feeds.route("/conditional.xml", hit -> "\"v1\"".equals(hit.ifNoneMatch())
                ? FeedServer.Answer.status(304)
                : FeedServer.Answer.feed(ATOM, body, "\"v1\"", MODIFIED));
        String url = feeds.url("/conditional.xml");
        String id = register("atom", url, "Conditional Outlet");

        await().atMost(wait(20)).until(() -> queue(id).getList("items").size() == 1);
        JsonPath q = queue(id);
        assertThat(q.getString("items[0].source.outlet")).isEqualTo("Conditional Outlet");
        assertThat(q.getString("items[0].source.url")).isEqualTo(entry.link());
        assertThat(q.getString("items[0].source.attribution")).isEqualTo("© Conditional Outlet, CC BY 4.0");
        assertThat(q.getString("items[0].source.feed.url")).isEqualTo(url);
        assertThat(q.getString("items[0].source.feed.item")).isEqualTo(entry.id());
        assertThat(q.getString("items[0].text")).startsWith("A Russian missile struck a residential building in Kharkiv");
        assertThat(q.getString("items[0].feature.properties.placeName")).isEqualTo("Kharkiv");
        assertThat(q.getInt("items[0].feature.properties.killed")).isEqualTo(3);
        assertThat(q.getInt("items[0].feature.properties.evidence[0].start")).isZero();

        await().atMost(wait(20)).until(() -> feeds.hits("/conditional.xml").size() >= 3);
        FeedServer.Hit second = feeds.hits("/conditional.xml").get(1);
        assertThat(feeds.hits("/conditional.xml").get(0).ifNoneMatch()).isNull();
        assertThat(second.ifNoneMatch()).isEqualTo("\"v1\"");
        assertThat(second.ifModifiedSince()).isEqualTo(MODIFIED);
        JsonPath s = source(id);
        assertThat(s.getString("health.state")).isEqualTo("healthy");
        assertThat(s.getString("health.lastFetchResult")).isEqualTo("not-modified");
        assertThat(s.getString("health.lastNewItemAt")).isNotNull();
        assertThat(s.getInt("health.itemsSeen")).isEqualTo(1);
        assertThat(queue(id).getList("items")).hasSize(1);
    }

    @Test
    void anItemSeenAgainOrPublishedByAnotherSourceUnderTheSameUrlIsOneReport() {
        Feeds.Entry entry = Feeds.entry(Feeds.strike(Feeds.someDay(), "Kharkiv", 1, 4));
        String body = Feeds.atom(List.of(entry));
        feeds.route("/a.xml", hit -> FeedServer.Answer.feed(ATOM, body, null, null));
        Feeds.Entry sameUrl = new Feeds.Entry("other-outlet-" + entry.id(), entry.link(), entry.title(), entry.body());
        feeds.route("/b.rss", hit -> FeedServer.Answer.feed("application/rss+xml", Feeds.rss(List.of(sameUrl)), null, null));
        String a = register("atom", feeds.url("/a.xml"), "Outlet A");
        await().atMost(wait(20)).until(() -> queue(a).getList("items").size() == 1);
        String b = register("rss", feeds.url("/b.rss"), "Outlet B");

        await().atMost(wait(20)).until(() -> feeds.hits("/a.xml").size() >= 3 && feeds.hits("/b.rss").size() >= 2);
        assertThat(source(b).getString("health.state")).isEqualTo("healthy");
        assertThat(queue(a).getList("items")).hasSize(1);
        assertThat(queue(b).getList("items")).isEmpty();
        assertThat(source(a).getInt("health.itemsSeen")).isEqualTo(1);
    }

    @Test
    void serverErrorsBackTheSourceOffAndItRecovers() {
        Feeds.Entry entry = Feeds.entry(Feeds.strike(Feeds.someDay(), "Zaporizhzhia", 2, 5));
        AtomicInteger calls = new AtomicInteger();
        feeds.route("/flaky.xml", hit -> calls.incrementAndGet() <= 2
                ? FeedServer.Answer.status(500)
                : FeedServer.Answer.feed(ATOM, Feeds.atom(List.of(entry)), null, null));
        String id = register("atom", feeds.url("/flaky.xml"), "Flaky Outlet");

        await().atMost(wait(20)).until(() -> source(id).getInt("health.consecutiveFailures") == 2);
        JsonPath s = source(id);
        assertThat(s.getString("health.state")).isEqualTo("unhealthy");
        assertThat(s.getString("health.lastError")).contains("HTTP 500");
        // two failures in a row: the 1 s interval doubled twice
        assertThat(Duration.between(Instant.parse(s.getString("health.lastErrorAt")), Instant.parse(s.getString("health.nextPollAt"))))
                .isEqualTo(Duration.ofSeconds(4));
        List<FeedServer.Hit> hits = feeds.hits("/flaky.xml");
        assertThat(Duration.between(hits.get(0).at(), hits.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));

        await().atMost(wait(20)).until(() -> "healthy".equals(source(id).getString("health.state")));
        assertThat(source(id).getInt("health.consecutiveFailures")).isZero();
        await().atMost(wait(10)).until(() -> queue(id).getList("items").size() == 1);
    }

    @Test
    void aMalformedFeedMarksTheSourceUnhealthyUntilItIsWellFormedAgain() {
        Feeds.Entry entry = Feeds.entry(Feeds.strike(Feeds.someDay(), "Kharkiv", 5, 0));
        AtomicReference<String> body = new AtomicReference<>("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>cut off");
        feeds.route("/broken.xml", hit -> FeedServer.Answer.feed(ATOM, body.get(), null, null));
        String id = register("atom", feeds.url("/broken.xml"), "Broken Outlet");

        await().atMost(wait(20)).until(() -> "unhealthy".equals(source(id).getString("health.state")));
        assertThat(source(id).getString("health.lastError")).startsWith("malformed feed");
        assertThat(queue(id).getList("items")).isEmpty();

        body.set(Feeds.atom(List.of(entry)));
        await().atMost(wait(20)).until(() -> queue(id).getList("items").size() == 1);
        assertThat(source(id).getString("health.state")).isEqualTo("healthy");
    }

    @Test
    void aHangingSourceTimesOutWithoutDelayingAnother() {
        feeds.route("/hang.xml", hit -> FeedServer.Answer.hang(Duration.ofSeconds(30)));
        Feeds.Entry entry = Feeds.entry(Feeds.strike(Feeds.someDay(), "Zaporizhzhia", 1, 1));
        feeds.route("/quick.xml", hit -> FeedServer.Answer.feed(ATOM, Feeds.atom(List.of(entry)), null, null));
        String hanging = register("atom", feeds.url("/hang.xml"), "Hanging Outlet");
        String quick = register("atom", feeds.url("/quick.xml"), "Quick Outlet");

        await().atMost(wait(20)).until(() -> queue(quick).getList("items").size() == 1);
        // the quick source's item is in while the hanging source's first fetch is still waiting (2 s timeout)
        assertThat(source(hanging).getString("health.lastFetchAt")).isNull();

        await().atMost(wait(20)).until(() -> "unhealthy".equals(source(hanging).getString("health.state")));
        assertThat(source(hanging).getString("health.lastError")).contains("no complete answer within 2 s");
        assertThat(source(quick).getString("health.state")).isEqualTo("healthy");
    }

    @Test
    void sourcesAreListedWithTheirHealthAndTheSameFiguresAsMetrics() {
        feeds.route("/listed.xml", hit -> FeedServer.Answer.feed(ATOM, Feeds.atom(List.of()), null, null));
        String id = register("atom", feeds.url("/listed.xml"), "Listed Outlet");
        await().atMost(wait(20)).until(() -> "healthy".equals(source(id).getString("health.state")));

        given().auth().oauth2(Tokens.editor()).when().get("/sources").then().statusCode(200)
                .body("sources.find { it.id == '" + id + "' }.name", equalTo("Listed Outlet"))
                .body("sources.find { it.id == '" + id + "' }.pollInterval", equalTo("PT1S"))
                .body("sources.find { it.id == '" + id + "' }.health.lastFetchResult", equalTo("ok"));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("incident_source_last_fetch_seconds{name=\"Listed Outlet\",source=\"" + id + "\"}");
        assertThat(metrics).contains("incident_source_healthy{name=\"Listed Outlet\",source=\"" + id + "\"} 1.0");
    }

    @Test
    void registrationRefusesBadInputNamingTheField() {
        String editor = Tokens.editor();
        post(editor, "{\"kind\":\"atom\",\"url\":\"ftp://feeds.example/x\",\"name\":\"X\"}").statusCode(400)
                .body("errors[0].field", equalTo("url")).body("errors[0].detail", containsString("http or https"));
        post(editor, "{\"kind\":\"atom\",\"url\":\"http://10.1.2.3/feed\",\"name\":\"X\"}").statusCode(400)
                .body("errors[0].field", equalTo("url")).body("errors[0].detail", containsString("private"));
        post(editor, "{\"kind\":\"gopher\",\"url\":\"http://127.0.0.1/x\",\"name\":\"X\"}").statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        post(editor, "{\"kind\":\"rss\",\"url\":\"http://127.0.0.1/x\",\"name\":\"X\",\"pollInterval\":\"5 minutes\"}").statusCode(400)
                .body("errors[0].field", equalTo("pollInterval"));
        post(editor, "{\"kind\":\"rss\",\"url\":\"http://127.0.0.1/x\",\"name\":\"X\",\"pollInterval\":\"PT0.1S\"}").statusCode(400)
                .body("errors[0].field", equalTo("pollInterval"));
        post(editor, "{\"kind\":\"rss\",\"name\":\"X\"}").statusCode(400).body("errors[0].field", equalTo("url"));
        post(editor, "{\"kind\":\"rss\",\"url\":\"http://127.0.0.1/x\",\"name\":\"X\",\"autoPublishAbove\":2}").statusCode(400)
                .body("errors[0].field", equalTo("autoPublishAbove"));
        post(Tokens.reporter(), "{\"kind\":\"rss\",\"url\":\"http://127.0.0.1/x\",\"name\":\"X\"}").statusCode(403);
        String url = feeds.url("/twice.xml");
        post(editor, "{\"kind\":\"rss\",\"url\":\"" + url + "\",\"name\":\"Once\"}").statusCode(201);
        post(editor, "{\"kind\":\"rss\",\"url\":\"" + url + "\",\"name\":\"Twice\"}").statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void theReviewQueueRefusesAnUnknownStateNamingIt() {
        given().auth().oauth2(Tokens.reporter()).queryParam("state", "decided").when().get("/review").then()
                .statusCode(400).body("errors[0].field", equalTo("state"));
        given().when().get("/review").then().statusCode(401);
    }

    private static io.restassured.response.ValidatableResponse post(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/sources").then();
    }
}
