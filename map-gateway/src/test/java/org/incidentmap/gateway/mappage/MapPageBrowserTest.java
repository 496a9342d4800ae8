package org.incidentmap.gateway.mappage;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.incidentmap.gateway.support.IncidentServiceProcess;
import org.incidentmap.gateway.support.MapBrowser;
import org.incidentmap.gateway.support.Reporter;
import org.junit.jupiter.api.Test;

/**
 * The map in Debian's Chromium against the real incident-service and Kafka: incidents from the
 * gateway's vector tiles, live events drawn over them, filters sent as tile parameters, counters
 * from /api/stats. Each test has a place of its own, far from the others' incidents.
 */
@QuarkusTest
@QuarkusTestResource(value = IncidentServiceProcess.class, restrictToAnnotatedClass = true)
class MapPageBrowserTest {

    /** The README shows a copy of this picture (docs/map.png); the test never writes into the sources. */
    static final Path SCREENSHOT = Path.of("target/map.png");
    private static final String TILES = "/ogc/collections/incidents/tiles/WebMercatorQuad/";

    @TestHTTPResource("/")
    URI root;

    @Test
    void anIncidentPostedWhileTheMapIsOpenIsDrawnLiveHighlightedAndOpensItsPopup() {
        Reporter.create("Kharkiv", 36.2304, 49.9935, "Explosions/Remote violence", 3, true);
        // Zoom 8 (MapLibre's 512-pixel tiles) spans Kharkiv to Izium in 1000 × 800 pixels.
        try (MapBrowser map = MapBrowser.open(root, "#49.6,36.8,8")) {
            Reporter.create("Izium", 37.2556, 49.2128, "Explosions/Remote violence", 5, false);

            map.waitForPlace("live-incidents", "Izium", true);
            assertThat(map.clickAndReadPopup(37.2556, 49.2128)).contains("Izium").contains("Killed: 5")
                    .contains("Regional administration: killed 5").contains("Test wire").contains("v1");
            map.page().screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOT));
        }
        assertThat(SCREENSHOT).isNotEmptyFile();
    }

    @Test
    void zoomedOutTheTilesHoldAggregatesAndZoomedInOnePointPerIncidentThatOpensItsPopup() {
        Reporter.create("Kupiansk", 37.6167, 49.7106, "Battles", 4, false);
        try (MapBrowser map = MapBrowser.open(root, "#49.0,32.0,5")) {
            map.waitForAnyFeature("clusters");
            map.page().evaluate("() => incidentMap.jumpTo({ center: [37.6167, 49.7106], zoom: 13 })");

            map.waitForPlace("incidents", "Kupiansk", false);
            assertThat(map.clickAndReadPopup(37.6167, 49.7106)).contains("Kupiansk").contains("Killed: 4")
                    .contains("Regional administration: killed 4").contains("v1");
            assertThat(map.requests()).anyMatch(url -> url.contains(TILES + "5/"))
                    .anyMatch(url -> url.contains(TILES + "13/"))
                    .noneMatch(url -> url.contains("/ogc/collections/incidents/items?"));
        }
    }

    @Test
    void theTypeMinimumKilledAndTimeSliderFiltersAskTheTilesForOnlyTheMatchingIncidents() {
        Reporter.create("Shostka", 33.4800, 51.8600, "Battles", 0, false, "2026-11-10");
        Reporter.create("Voronizh", 33.4860, 51.8620, "Explosions/Remote violence", 7, false, "2026-11-20");
        try (MapBrowser map = MapBrowser.open(root, "#51.861,33.483,14")) {
            map.waitForPlace("incidents", "Shostka", false);
            map.waitForPlace("incidents", "Voronizh", false);

            map.page().selectOption("#f-type", "Battles");
            map.waitForNoPlace("incidents", "Voronizh");
            map.waitForPlace("incidents", "Shostka", false);
            assertThat(map.requests()).anyMatch(url -> url.contains(TILES) && url.contains("eventType=Battles"));

            map.page().selectOption("#f-type", "");
            map.page().fill("#f-killed", "5");
            map.page().dispatchEvent("#f-killed", "change");
            map.waitForNoPlace("incidents", "Shostka");
            map.waitForPlace("incidents", "Voronizh", false);
            assertThat(map.requests()).anyMatch(url -> url.contains(TILES) && url.contains("minKilled=5"));

            map.page().fill("#f-killed", "");
            map.page().dispatchEvent("#f-killed", "change");
            int day = (int) ChronoUnit.DAYS.between(LocalDate.parse("2022-02-24"), LocalDate.parse("2026-11-15"));
            map.page().evaluate("day => { const s = document.getElementById('f-time'); s.value = String(day);"
                    + " s.dispatchEvent(new Event('input')); }", day);
            assertThat(map.page().locator("#f-time-label").innerText()).isEqualTo("2026-11-15");
            map.waitForNoPlace("incidents", "Voronizh");
            map.waitForPlace("incidents", "Shostka", false);
            assertThat(map.requests()).anyMatch(url -> url.contains(TILES) && url.contains("datetime=..%2F2026-11-15"));
        }
    }

    @Test
    void theCountersShowTheServersTotalsOfTheViewAndFollowMovesAndLiveEvents() {
        Reporter.create("Reni", 28.2700, 45.4550, "Explosions/Remote violence", 3, true);
        Reporter.create("Orlivka", 28.2760, 45.4570, "Explosions/Remote violence", null, false);
        try (MapBrowser map = MapBrowser.open(root, "#45.456,28.273,13")) {
            map.waitForCounters("2 incidents · at least 3 killed · unknown injured in view");
            assertThat(map.requests()).anyMatch(url -> url.contains("/api/stats?") && url.contains("bbox="));

            map.page().evaluate("() => incidentMap.jumpTo({ center: [31.0, 43.5], zoom: 13 })");
            map.waitForCounters("0 incidents · 0 killed · 0 injured in view");

            map.page().evaluate("() => incidentMap.jumpTo({ center: [28.273, 45.456], zoom: 13 })");
            map.waitForCounters("2 incidents");
            Reporter.create("Kartal", 28.2730, 45.4560, "Battles", 2, false);
            map.waitForCounters("3 incidents · at least 5 killed · unknown injured in view");
        }
    }

    @Test
    void countryAndOblastOutlinesAreDrawnFromTheGatewayAloneWithNoTileServerConfigured() {
        try (MapBrowser map = MapBrowser.open(root, "")) {
            // 24 oblasts, Kyiv city, Crimea and Sevastopol in the admin-1 layer.
            map.page().waitForFunction("() => new Set(incidentMap.queryRenderedFeatures({ layers: ['oblast-outlines'] })"
                    + ".map(f => f.properties.name)).size >= 27");
            assertThat((Number) map.page().evaluate("() => new Set(incidentMap.queryRenderedFeatures({ layers: ['country-outlines'] })"
                    + ".map(f => f.properties.name)).size")).matches(n -> n.intValue() > 10);
            assertThat((Boolean) map.page().evaluate("() => incidentMap.getStyle().layers.every(l => l.type !== 'raster')")).isTrue();
            assertThat(map.page().locator(".maplibregl-ctrl-attrib").textContent()).contains("Natural Earth");
            List<String> elsewhere = map.requests().stream()
                    .filter(url -> !url.startsWith(root.toString()) && !url.startsWith("blob:") && !url.startsWith("data:")).toList();
            assertThat(elsewhere).isEmpty();
        }
    }
}
