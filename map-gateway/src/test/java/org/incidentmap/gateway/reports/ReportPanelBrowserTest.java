package org.incidentmap.gateway.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.incidentmap.gateway.support.MapBrowser;
import org.junit.jupiter.api.Test;

/** The "paste a report" panel in Debian's Chromium, against the real incident-service through the gateway. */
@QuarkusTest
@QuarkusTestResource(value = IncidentServiceWithGeoparse.class, restrictToAnnotatedClass = true)
class ReportPanelBrowserTest {

    private static final Path KEY = Path.of("../incident-service/src/test/resources/jwt/privateKey.pem");

    @TestHTTPResource("/")
    URI root;

    private static String editorToken() throws Exception {
        return Jwt.issuer("incident-map").audience("incident-service").upn("editor-test").groups("editor")
                .sign(KeyUtils.decodePrivateKey(Files.readString(KEY)));
    }

    @Test
    void anEditorPastesAReportSeesItsHighlightedCandidateAcceptsItAndItsMarkerAppears() throws Exception {
        int day = ThreadLocalRandom.current().nextInt(1, 20);
        String sentence = "A Russian drone struck a warehouse in Chuhuiv on " + day
                + " November, killing 2 people and injuring 5, the regional governor said.";
        try (MapBrowser map = MapBrowser.open(root, "#49.6,36.8,9")) {
            Page page = map.page();
            page.click("#report-toggle");
            page.fill("#report-token", "not-a-token");
            page.fill("#report-text", sentence);
            page.click("#report-analyse");
            page.waitForFunction("() => document.querySelector('#report-error').textContent.startsWith('401')");

            page.fill("#report-token", editorToken());
            page.fill("#report-outlet", "Kharkiv Courier");
            page.fill("#report-published", "2026-11-21T08:00");
            page.fill("#report-text", "Officials met in the morning. " + sentence);
            page.click("#report-analyse");

            page.waitForSelector("#report-highlighted mark");
            assertThat(page.locator("#report-highlighted mark").first().innerText()).startsWith("A Russian drone struck");
            String card = page.locator(".report-candidate").first().innerText();
            assertThat(card).contains("New incident").contains("Chuhuiv").contains("2026-11-" + String.format("%02d", day))
                    .contains("Killed: 2").contains("Injured: 5").contains("Confidence:");

            page.locator(".report-candidate .report-accept").first().click();
            page.waitForFunction("() => document.querySelector('.report-candidate .report-status').textContent.startsWith('created')");

            map.waitForPlace("live-incidents", "Chuhuiv", true);
            assertThat(map.clickAndReadPopup(36.6889, 49.8356)).contains("Chuhuiv").contains("Killed: 2");
        }
    }

    @Test
    void aUkrainianReportIsPostedAsPastedAndTheAnswerIsShownInThePanel() throws Exception {
        String text = "Уранці 18 листопада російський дрон влучив у склад на околиці Чугуєва. Загинули двоє людей, "
                + "ще п'ятеро дістали поранення, повідомив голова обласної військової адміністрації.";
        try (MapBrowser map = MapBrowser.open(root, "#49.6,36.8,9")) {
            Page page = map.page();
            page.click("#report-toggle");
            page.fill("#report-token", editorToken());
            page.fill("#report-outlet", "Харківський кур'єр");
            page.fill("#report-text", text);

            Response response = page.waitForResponse(r -> r.url().endsWith("/api/reports") && r.request().method().equals("POST"),
                    () -> page.click("#report-analyse"));
            Request request = response.request();
            JsonNode posted = new ObjectMapper().readTree(request.postData());
            assertThat(posted.path("text").asText()).isEqualTo(text);
            assertThat(posted.path("source").path("outlet").asText()).isEqualTo("Харківський кур'єр");
            assertThat(response.status()).isBetween(200, 201);

            JsonNode answer = new ObjectMapper().readTree(response.text());
            page.waitForSelector("#report-highlighted");
            assertThat(page.locator("#report-highlighted").innerText()).isEqualTo(text);
            assertThat(page.locator("#report-error").textContent()).isEmpty();
            int candidates = answer.path("candidates").size();
            assertThat(page.locator(".report-candidate").count()).isEqualTo(candidates);
            if (candidates == 0) {
                assertThat(page.locator("#report-result").innerText()).contains("No incident found in this text.");
            }
        }
    }
}
