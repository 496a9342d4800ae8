package org.incidentmap.gateway.mappage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import org.incidentmap.gateway.support.GeocodingServiceProcess;
import org.incidentmap.gateway.support.IncidentServiceProcess;
import org.incidentmap.gateway.support.MapBrowser;
import org.junit.jupiter.api.Test;

/** The map page's place search in Chromium, through the gateway to the real geocoding-service. */
@QuarkusTest
@QuarkusTestResource(value = IncidentServiceProcess.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = GeocodingServiceProcess.class, restrictToAnnotatedClass = true)
class MapPageSearchTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void typingKharListsKharkivWithItsOblastAndChoosingItWithTheKeyboardFliesTheMapThere() {
        try (MapBrowser map = MapBrowser.open(root, "")) {
            Locator box = map.page().getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Go to a place"));
            box.pressSequentially("Khar", new Locator.PressSequentiallyOptions().setDelay(40));

            map.page().getByRole(AriaRole.OPTION).filter(new Locator.FilterOptions().setHasText("Kharkiv")).first().waitFor();
            assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
            // typed within the pause: one request, for the whole word
            assertThat(map.requests().stream().filter(url -> url.contains("/api/places?")).toList())
                    .singleElement().asString().contains("q=Khar");

            // the city, listed with its oblast and country (the oblast of the same name is listed as one)
            int index = ((Number) map.page().evaluate("() => [...document.querySelectorAll('#place-results [role=option]')]"
                    + ".findIndex(li => li.querySelector('.place-name').textContent === 'Kharkiv'"
                    + " && li.querySelector('.place-where').textContent === 'Kharkiv, UA')")).intValue();
            assertThat(index).isNotNegative();
            // the first is highlighted as the list opens; down and up again come back to it
            box.press("ArrowDown");
            box.press("ArrowUp");
            for (int i = 0; i < index; i++) {
                box.press("ArrowDown");
            }
            assertThat(map.page().locator("#place-results [aria-selected=true] .place-name").innerText()).isEqualTo("Kharkiv");
            assertThat(box.getAttribute("aria-activedescendant")).isEqualTo("place-option-" + index);
            box.press("Enter");

            assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
            map.page().waitForFunction("() => !incidentMap.isMoving() && incidentMap.getZoom() > 10");
            @SuppressWarnings("unchecked")
            List<Number> centre = (List<Number>) map.page().evaluate("() => { const c = incidentMap.getCenter(); return [c.lat, c.lng]; }");
            assertThat(centre.get(0).doubleValue()).isCloseTo(49.99, within(0.05));
            assertThat(centre.get(1).doubleValue()).isCloseTo(36.23, within(0.05));
        }
    }

    @Test
    void escapeClosesTheListAndASecondEscapeClearsTheBox() {
        try (MapBrowser map = MapBrowser.open(root, "")) {
            Locator box = map.page().locator("#place-search");
            box.pressSequentially("Zapor");
            map.page().locator("#place-results [role=option]").first().waitFor();

            box.press("Escape");
            assertThat(map.page().locator("#place-results").isHidden()).isTrue();
            assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
            assertThat(box.inputValue()).isEqualTo("Zapor");

            box.press("Escape");
            assertThat(box.inputValue()).isEmpty();
        }
    }

    @Test
    void theUkrainianPageLabelsTheSearchInUkrainianAndFindsCyrillicNames() {
        try (MapBrowser map = MapBrowser.open(root, "")) {
            map.page().evaluate("() => localStorage.setItem('incident-map.lang', 'uk')");
            map.page().reload();
            map.page().waitForSelector("#live.on");
            assertThat(map.page().locator("#place-search-label").innerText()).isEqualTo("Перейти до місця");
            assertThat(map.page().locator("#place-search").getAttribute("placeholder")).isEqualTo("Знайти місце");

            map.page().locator("#place-search").pressSequentially("Харк");
            map.page().locator("#place-results [role=option]").first().waitFor();
            assertThat(map.page().locator("#place-results [role=option] .place-name").allInnerTexts()).contains("Kharkiv");
        }
    }
}
