package org.incidentmap.gateway.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
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
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                "--disable-component-update", "--disable-sync", "--no-first-run")))) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
            page.navigate(root + "#49.6,36.8,9");
            page.waitForSelector("#live.on");

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

            page.waitForFunction("() => [...document.querySelectorAll('path.new-incident')].length > 0");
            page.locator("path.new-incident").last().click();
            page.waitForSelector(".popup");
            assertThat(page.locator(".popup").innerText()).contains("Chuhuiv").contains("Killed: 2");
        }
    }
}
