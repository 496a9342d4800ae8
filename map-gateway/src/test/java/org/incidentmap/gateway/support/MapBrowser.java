package org.incidentmap.gateway.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.TimeoutError;
import java.net.URI;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The map page in Debian's Chromium (Playwright, WebGL through SwiftShader). The map is drawn on a
 * canvas, so what it shows is read from MapLibre itself: {@code queryRenderedFeatures} answers with
 * the features drawn on screen in a layer, with their feature state.
 */
public final class MapBrowser implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;
    private final Page page;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private MapBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
        page.onRequest(request -> requests.add(request.url()));
    }

    /**
     * Opens the page at {@code root} with the view {@code #lat,lon,zoom} (empty: the default view) and
     * waits for the live stream, once the gateway is ready (its Kafka consumer has its partitions, so
     * events written from now on reach the page).
     */
    public static MapBrowser open(URI root, String view) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(root + "q/health/ready").then().statusCode(200));
        MapBrowser browser = new MapBrowser();
        browser.page.navigate(root + view);
        browser.page.waitForSelector("#live.on");
        browser.awaitEventsFromKafka();
        return browser;
    }

    /**
     * A gateway that has just started may not have its Kafka partitions yet when the page opens, and an
     * event published before then reaches it only once a later event shows the gap (seen as a first
     * test whose event never arrived). So incidents far from every test's view, in Uzhhorod, are
     * posted until the page receives one; the events after it arrive as they are published.
     */
    private void awaitEventsFromKafka() {
        for (int attempt = 0; attempt < 30; attempt++) {
            Reporter.create("Uzhhorod", 22.2879, 48.6208, "Strategic developments", null, false);
            try {
                page.waitForFunction("() => document.body.dataset.seq !== undefined", null,
                        new Page.WaitForFunctionOptions().setTimeout(3000));
                return;
            } catch (TimeoutError notYet) {
                // the consumer has no partitions yet
            }
        }
        throw new IllegalStateException("the page received no event in 90 s");
    }

    public Page page() {
        return page;
    }

    /** Every URL the page has asked for so far. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Waits until {@code layer} draws a feature whose {@code placeName} is {@code place}, highlighted as new when {@code fresh}. */
    public void waitForPlace(String layer, String place, boolean fresh) {
        page.waitForFunction("([layer, place, fresh]) => incidentMap.queryRenderedFeatures({ layers: [layer] })"
                + ".some(f => f.properties.placeName === place && (!fresh || f.state.fresh === true))", List.of(layer, place, fresh));
    }

    /** Waits until {@code layer} draws no feature whose {@code placeName} is {@code place}. */
    public void waitForNoPlace(String layer, String place) {
        page.waitForFunction("([layer, place]) => incidentMap.loaded() && !incidentMap.queryRenderedFeatures({ layers: [layer] })"
                + ".some(f => f.properties.placeName === place)", List.of(layer, place));
    }

    /** Waits until {@code layer} draws at least one feature. */
    public void waitForAnyFeature(String layer) {
        page.waitForFunction("layer => incidentMap.queryRenderedFeatures({ layers: [layer] }).length > 0", layer);
    }

    /** Clicks the map where {@code lon, lat} is drawn and returns the text of the popup that opens once its details are read. */
    public String clickAndReadPopup(double lon, double lat) {
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) page.evaluate("([lon, lat]) => { const p = incidentMap.project([lon, lat]);"
                + " const r = incidentMap.getCanvas().getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }", List.of(lon, lat));
        page.mouse().click(xy.get(0).doubleValue(), xy.get(1).doubleValue());
        page.waitForSelector(".maplibregl-popup .popup[data-details][data-history]");
        return page.locator(".maplibregl-popup .popup").innerText();
    }

    /** Waits until the view's counters read {@code text} at their start. */
    public void waitForCounters(String text) {
        page.waitForFunction("text => document.getElementById('counters').textContent.startsWith(text)", text);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
