package org.incidentmap.gateway.reports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.incidentmap.gateway.support.IncidentServiceProcess;
import org.incidentmap.gateway.support.MapBrowser;
import org.incidentmap.gateway.support.Reporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The editors' queue panel in Debian's Chromium, against the real incident-service through the
 * gateway: items of an Atom feed the test serves reach the queue, and the panel decides them with
 * its keyboard shortcuts.
 */
@QuarkusTest
@QuarkusTestResource(value = IncidentServiceWithGeoparse.class, restrictToAnnotatedClass = true)
class QueuePanelBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FEEDS = new ConcurrentHashMap<>();
    private static HttpServer feedServer;

    @TestHTTPResource("/")
    URI root;

    /** A feed item: its id in the feed, its link and its text. */
    record Item(String id, String link, String text) {
    }

    @BeforeAll
    static void serveFeeds() throws IOException {
        feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feedServer.createContext("/", exchange -> {
            String feed = FEEDS.get(exchange.getRequestURI().getPath());
            byte[] body = (feed == null ? "" : feed).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/atom+xml");
            exchange.sendResponseHeaders(feed == null ? 404 : 200, feed == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        feedServer.start();
    }

    @AfterAll
    static void stopFeeds() {
        feedServer.stop(0);
    }

    /** A day of its own per run, so no incident of another test is "the same incident". */
    private static LocalDate someDay() {
        return LocalDate.of(2022, 3, 1).plusDays(ThreadLocalRandom.current().nextInt(600));
    }

    private static Item strike(String place, LocalDate day, int killed, int injured) {
        String text = "A Russian missile struck a warehouse in %s on %d %s %d, killing %d people and injuring %d, the regional governor said. Ref %s."
                .formatted(place, day.getDayOfMonth(), day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                        day.getYear(), killed, injured, UUID.randomUUID());
        return new Item("urn:uuid:" + UUID.randomUUID(), "https://news.example/" + UUID.randomUUID(), text);
    }

    private static String atom(List<Item> items) {
        StringBuilder s = new StringBuilder("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Test feed</title><id>urn:test:queue-feed</id><updated>2024-01-01T00:00:00Z</updated>
                """);
        for (Item item : items) {
            s.append("""
                      <entry><id>%s</id><title>Strike report</title><link href="%s"/><updated>2024-01-01T08:00:00Z</updated>
                        <content type="text">%s</content></entry>
                    """.formatted(item.id(), item.link(), item.text()));
        }
        return s.append("</feed>\n").toString();
    }

    /** Serves {@code items} as an Atom feed and registers it with incident-service; the source's id. */
    private static String register(String name, List<Item> items, Double autoPublishAbove) {
        String path = "/" + UUID.randomUUID() + ".xml";
        FEEDS.put(path, atom(items));
        ObjectNode source = JSON.createObjectNode().put("kind", "atom")
                .put("url", "http://127.0.0.1:" + feedServer.getAddress().getPort() + path).put("name", name)
                .put("pollInterval", "PT1H").put("language", "en")
                .put("attribution", "Text written for the map's tests").put("sample", true);
        if (autoPublishAbove != null) {
            source.put("autoPublishAbove", autoPublishAbove);
        }
        return given().auth().oauth2(Reporter.editorToken()).contentType(ContentType.JSON).body(source.toString())
                .when().post(IncidentServiceProcess.url() + "/sources").then().statusCode(201).extract().path("id");
    }

    private static JsonPath pending(String sourceId) {
        var request = given().auth().oauth2(Reporter.editorToken()).queryParam("state", "pending").queryParam("limit", "200");
        if (sourceId != null) {
            request.queryParam("source", sourceId);
        }
        return request.when().get(IncidentServiceProcess.url() + "/review").then().statusCode(200).extract().jsonPath();
    }

    /** Other tests leave candidates undecided; the panel shows the oldest, so they are rejected first. */
    private static void emptyTheQueue() {
        for (JsonPath page = pending(null); !page.getList("items").isEmpty(); page = pending(null)) {
            for (Map<String, Object> entry : page.<Map<String, Object>>getList("items")) {
                given().auth().oauth2(Reporter.editorToken()).contentType(ContentType.JSON)
                        .body(JSON.createObjectNode().put("reason", "cleared before the queue panel test").toString())
                        .when().post(IncidentServiceProcess.url() + "/reports/" + entry.get("reportId") + "/candidates/"
                                + entry.get("candidate") + "/reject")
                        .then().statusCode(204);
            }
        }
    }

    /** Waits until the live layer draws an incident of {@code day} at {@code place} with {@code killed} killed. */
    private static void waitForLiveIncident(Page page, String place, String day, int killed) {
        page.waitForFunction("([place, day, killed]) => incidentMap.queryRenderedFeatures({ layers: ['live-incidents'] })"
                + ".some(f => f.properties.placeName === place && f.properties.occurredOn === day && f.properties.killed === killed)",
                List.of(place, day, killed));
    }

    /** The proposed properties of the queue entry of {@code reportId} in {@code queued}, as the API gave them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> proposal(List<Map<String, Object>> queued, String reportId) {
        Map<String, Object> entry = queued.stream().filter(e -> reportId.equals(e.get("reportId"))).findFirst().orElseThrow();
        return (Map<String, Object>) ((Map<String, Object>) entry.get("feature")).get("properties");
    }

    private static String shownReport(Page page) {
        return page.locator("#queue-entry").getAttribute("data-report");
    }

    private static void waitForAnotherEntryThan(Page page, String reportId) {
        page.waitForFunction("id => { const e = document.querySelector('#queue-entry');"
                + " return e === null || e.dataset.report !== id; }", reportId);
    }

    @Test
    void anEditorAcceptsRejectsAndCorrectsFeedCandidatesWithTheKeysAndTheMapFollows() throws Exception {
        emptyTheQueue();
        LocalDate day = someDay();
        List<Item> items = List.of(strike("Chuhuiv", day, 2, 5), strike("Chuhuiv", day.plusDays(1), 1, 3),
                strike("Chuhuiv", day.plusDays(2), 3, 4));
        try (MapBrowser map = MapBrowser.open(root, "#49.8,36.7,9")) {
            Page page = map.page();
            String source = register("Kharkiv Courier (test)", items, null);
            await().atMost(Duration.ofSeconds(60)).until(() -> pending(source).getList("items").size() == 3);
            List<Map<String, Object>> queued = pending(source).getList("items");

            page.click("#queue-toggle");
            page.fill("#queue-token", Reporter.editorToken());
            page.click("#queue-load");
            page.waitForSelector("#queue-entry");

            // the oldest candidate, its evidence marked where the API's offsets say, and where it came from
            Map<String, Object> first = queued.get(0);
            assertThat(shownReport(page)).isEqualTo(first.get("reportId"));
            String text = (String) first.get("text");
            @SuppressWarnings("unchecked")
            Map<String, Object> evidence = ((List<Map<String, Object>>) proposal(queued, shownReport(page)).get("evidence")).get(0);
            String marked = text.substring((Integer) evidence.get("start"), (Integer) evidence.get("end"));
            assertThat(page.locator("#queue-text mark").first().innerText()).isEqualTo(marked).contains("Chuhuiv");
            assertThat(page.locator("#queue-text").innerText()).isEqualTo(text);
            Item firstItem = items.stream().filter(i -> text.contains(i.text())).findFirst().orElseThrow();
            String origin = page.locator("#queue-source").innerText();
            assertThat(origin).contains("Kharkiv Courier (test)").contains("sample, fictional")
                    .contains(firstItem.link()).contains("Text written for the map's tests");
            assertThat(page.locator("#queue-source a").first().getAttribute("href")).isEqualTo(firstItem.link());
            assertThat(page.locator("#queue-keys").innerText()).contains("A accept").contains("C correct").contains("R reject");

            // usable at a phone's width: nothing wider than the screen, the decision buttons on it
            page.setViewportSize(390, 844);
            BoundingBox panel = page.locator("#queue-panel").boundingBox();
            assertThat(panel.x).isGreaterThanOrEqualTo(0);
            assertThat(panel.x + panel.width).isLessThanOrEqualTo(390);
            for (String id : List.of("#queue-accept", "#queue-correct", "#queue-reject")) {
                BoundingBox b = page.locator(id).boundingBox();
                assertThat(b.x + b.width).as(id).isLessThanOrEqualTo(390);
                assertThat(b.height).as(id).isGreaterThanOrEqualTo(44);
            }
            page.setViewportSize(1280, 800);

            // A accepts: the incident is on the map live, marked as sample in its popup
            String firstReport = shownReport(page);
            page.keyboard().press("a");
            page.waitForFunction("() => document.querySelector('#queue-status').textContent.startsWith('Accepted: created')");
            Map<String, Object> accepted = proposal(queued, firstReport);
            waitForLiveIncident(page, "Chuhuiv", (String) accepted.get("occurredOn"), (Integer) accepted.get("killed"));
            waitForAnotherEntryThan(page, firstReport);
            assertThat(map.clickAndReadPopup(IncidentServiceWithGeoparse.CHUHUIV.lon(), IncidentServiceWithGeoparse.CHUHUIV.lat()))
                    .contains("Chuhuiv").contains("sample, fictional");

            // R rejects: the candidate leaves the queue
            String rejected = shownReport(page);
            page.keyboard().press("r");
            page.waitForFunction("() => document.querySelector('#queue-status').textContent === 'Rejected'");
            waitForAnotherEntryThan(page, rejected);
            assertThat(pending(source).<String>getList("items.reportId")).doesNotContain(rejected, firstReport).hasSize(1);

            // C corrects: the killed figure is changed before the accept
            String corrected = shownReport(page);
            page.keyboard().press("c");
            page.waitForSelector("#queue-correct-form:not([hidden])");
            assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("queue-fix-placeName");
            page.fill("#queue-fix-killed", "9");
            page.locator("#queue-fix-killed").press("Enter");
            page.waitForFunction("() => document.querySelector('#queue-status').textContent.startsWith('Accepted: created')"
                    + " && document.querySelector('#queue-entry') === null");
            waitForLiveIncident(page, "Chuhuiv", (String) proposal(queued, corrected).get("occurredOn"), 9);
            assertThat(pending(source).getList("items")).isEmpty();
            assertThat(page.locator("#queue-count").innerText()).isEqualTo("No candidate waits for review.");
            assertThat(corrected).isNotIn(firstReport, rejected);
        }
    }

    @Test
    void anAutoPublishedFeedIncidentShowsAsMachineExtractedAndSampleInThePopupInUkrainian() {
        LocalDate day = someDay();
        try (MapBrowser map = MapBrowser.open(root, "#49.46,36.84,9")) {
            Page page = map.page();
            page.click("#lang");
            page.waitForSelector("#live.on");
            Locator keys = page.locator("#queue-keys");
            assertThat(keys.textContent()).contains("A — прийняти").contains("C — виправити").contains("R — відхилити");

            String source = register("Балаклійські новини (тест)", List.of(strike("Balakliia", day, 4, 6)), 0.0);
            await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(Reporter.editorToken())
                    .get(IncidentServiceProcess.url() + "/sources/" + source).then().extract().jsonPath().getInt("health.itemsSeen") == 1);
            assertThat(pending(source).getList("items")).as("published, not queued").isEmpty();
            page.waitForFunction("() => incidentMap.queryRenderedFeatures({ layers: ['live-incidents'] })"
                    + ".some(f => f.properties.placeName === 'Balakliia' && f.properties.killed === 4)");
            assertThat(map.clickAndReadPopup(IncidentServiceWithGeoparse.BALAKLIIA.lon(), IncidentServiceWithGeoparse.BALAKLIIA.lat()))
                    .contains("Balakliia").contains("повідомлено").contains("видобуто автоматично, без перевірки").contains("зразок, вигадане");
        }
    }
}
