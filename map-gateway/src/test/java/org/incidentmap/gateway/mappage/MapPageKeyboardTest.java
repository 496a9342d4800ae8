package org.incidentmap.gateway.mappage;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.incidentmap.gateway.support.IncidentServiceProcess;
import org.incidentmap.gateway.support.MapBrowser;
import org.incidentmap.gateway.support.Reporter;
import org.junit.jupiter.api.Test;

/** The map page driven from the keyboard alone, in Chromium against the real incident-service. */
@QuarkusTest
@QuarkusTestResource(value = IncidentServiceProcess.class, restrictToAnnotatedClass = true)
class MapPageKeyboardTest {

    private static final String TILES = "/ogc/collections/incidents/tiles/WebMercatorQuad/";

    @TestHTTPResource("/")
    URI root;

    @Test
    void slashGoesToThePlaceSearchFromAnywhereButATextField() {
        try (MapBrowser map = MapBrowser.open(root, "")) {
            map.page().focus("#lang");
            map.page().keyboard().press("/");
            assertThat(map.page().evaluate("() => document.activeElement.id")).isEqualTo("place-search");
            assertThat(map.page().inputValue("#place-search")).isEmpty();

            map.page().focus("#f-killed");
            map.page().keyboard().press("/");
            assertThat(map.page().evaluate("() => document.activeElement.id")).isEqualTo("f-killed");
        }
    }

    @Test
    void theDaySliderIsReachedByTabMovedWithHomeArrowsAndEndAndSaysTheDayItFilters() {
        Reporter.create("Hostomel", 30.2036, 50.5695, "Battles", 0, false, "2022-02-24");
        Reporter.create("Irpin", 30.2090, 50.5710, "Battles", 0, false, "2026-11-20");
        try (MapBrowser map = MapBrowser.open(root, "#50.570,30.206,14")) {
            map.waitForPlace("incidents", "Hostomel", false);
            map.waitForPlace("incidents", "Irpin", false);

            // back from the play button (forward, Tab walks through the date fields' day, month and year)
            map.page().focus("#play");
            map.page().keyboard().press("Shift+Tab");
            assertThat(map.page().evaluate("() => document.activeElement.id")).isEqualTo("f-time");

            map.page().keyboard().press("Home");
            assertThat(map.page().locator("#f-time-label").innerText()).isEqualTo("2022-02-24");
            assertThat(map.page().getAttribute("#f-time", "aria-valuetext")).isEqualTo("2022-02-24");
            map.waitForNoPlace("incidents", "Irpin");
            map.waitForPlace("incidents", "Hostomel", false);
            assertThat(map.requests()).anyMatch(url -> url.contains(TILES) && url.contains("datetime=..%2F2022-02-24"));

            map.page().keyboard().press("ArrowRight");
            assertThat(map.page().getAttribute("#f-time", "aria-valuetext")).isEqualTo("2022-02-25");

            map.page().keyboard().press("End");
            assertThat(map.page().getAttribute("#f-time", "aria-valuetext")).isEqualTo("today");
            map.waitForPlace("incidents", "Irpin", false);
        }
    }
}
