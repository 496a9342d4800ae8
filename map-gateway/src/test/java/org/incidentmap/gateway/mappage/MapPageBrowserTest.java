package org.incidentmap.gateway.mappage;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.incidentmap.gateway.support.IncidentServiceProcess;
import org.incidentmap.gateway.support.Reporter;
import org.junit.jupiter.api.Test;

/** The map in Debian's Chromium: an incident written to incident-service appears as a highlighted marker. */
@QuarkusTest
@QuarkusTestResource(value = IncidentServiceProcess.class, restrictToAnnotatedClass = true)
class MapPageBrowserTest {

    /** The README shows a copy of this picture (docs/map.png); the test never writes into the sources. */
    static final Path SCREENSHOT = Path.of("target/map.png");

    @TestHTTPResource("/")
    URI root;

    @Test
    void anIncidentPostedWhileTheMapIsOpenAppearsAsANewMarker() {
        Reporter.create("Kharkiv", 36.2304, 49.9935, "Explosions/Remote violence", 3, true);
        try (Playwright playwright = playwright(); Browser browser = chromium(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
            page.navigate(root + "#49.6,36.8,9");
            page.waitForSelector("#live.on");

            Reporter.create("Izium", 37.2556, 49.2128, "Explosions/Remote violence", 5, false);

            // Izium is the only incident in the south-east of this view.
            page.waitForFunction("() => [...document.querySelectorAll('path.new-incident')].length > 0");
            page.locator("path.new-incident").last().click();
            page.waitForSelector(".popup");
            assertThat(page.locator(".popup").innerText()).contains("Izium").contains("Killed: 5");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOT));
        }
        assertThat(SCREENSHOT).isNotEmptyFile();
    }

    @Test
    void countryAndOblastOutlinesAreDrawnWithNoTileServerConfigured() {
        try (Playwright playwright = playwright(); Browser browser = chromium(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
            page.navigate(root.toString());
            // 24 oblasts, Kyiv city, Crimea and Sevastopol in the admin-1 layer; every country in the other.
            page.waitForFunction("() => document.querySelectorAll('.leaflet-outlines-pane path.oblast-outline').length >= 27");
            assertThat(page.locator(".leaflet-outlines-pane path.country-outline").count()).isGreaterThan(200);
            assertThat(page.locator("img.leaflet-tile").count()).isZero();
            assertThat(page.locator(".leaflet-control-attribution").innerText()).contains("Natural Earth");
        }
    }

    private static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    private static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }
}
