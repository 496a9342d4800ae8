package org.incidentmap.gateway.mappage;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentmap.gateway.support.IncidentServiceProcess;
import org.incidentmap.gateway.support.MapBrowser;
import org.incidentmap.gateway.support.Reporter;
import org.junit.jupiter.api.Test;

/**
 * "Download this view" in Chromium: links to the OGC items of the viewport with the page's filters,
 * as GeoJSON and as CSV, followed by the browser against the real incident-service.
 */
@QuarkusTest
@QuarkusTestResource(value = IncidentServiceProcess.class, restrictToAnnotatedClass = true)
class MapPageDownloadTest {

    private static final String ITEMS = "/ogc/collections/incidents/items";

    @TestHTTPResource("/")
    URI root;

    @Test
    void theLinksAskForTheViewportWithTheFiltersAndFetchOnlyTheIncidentsInsideIt() {
        Reporter.create("Okhtyrka", 34.8990, 50.3100, "Battles", 1, false);
        Reporter.create("Bakirivka", 34.9050, 50.3120, "Explosions/Remote violence", 2, false);
        Reporter.create("Lebedyn", 34.4833, 50.5872, "Battles", 3, false);
        // Zoom 12 shows about 0.17° of longitude by 0.07° of latitude around Okhtyrka; Lebedyn is 30 km away.
        try (MapBrowser map = MapBrowser.open(root, "#50.311,34.902,12")) {
            map.page().waitForFunction("() => document.getElementById('download-csv').href.includes('bbox=')");
            String view = (String) map.page().evaluate("() => { const b = incidentMap.getBounds();"
                    + " return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(v => v.toFixed(5)).join(','); }");

            Map<String, String> geojson = query(href(map, "download-geojson"), ITEMS);
            assertThat(geojson).containsEntry("bbox", view).containsEntry("limit", "10000").doesNotContainKey("f");
            assertThat(query(href(map, "download-csv"), ITEMS)).containsEntry("bbox", view).containsEntry("f", "csv");
            assertThat(query(href(map, "download-kml"), ITEMS)).containsEntry("bbox", view).containsEntry("f", "kml");
            assertThat(placesIn(map, "download-geojson", view)).contains("Okhtyrka", "Bakirivka").doesNotContain("Lebedyn");

            map.page().selectOption("#f-type", "Battles");
            map.page().waitForFunction("() => document.getElementById('download-geojson').href.includes('eventType=Battles')");
            assertThat(query(href(map, "download-geojson"), ITEMS)).containsEntry("bbox", view).containsEntry("eventType", "Battles");
            assertThat(placesIn(map, "download-geojson", view)).contains("Okhtyrka").doesNotContain("Bakirivka", "Lebedyn");

            map.page().waitForFunction("() => document.getElementById('download-csv').href.includes('eventType=Battles')");
            String csv = (String) map.page().evaluate("() => fetch(document.getElementById('download-csv').href)"
                    + ".then(r => r.ok && r.headers.get('content-type').startsWith('text/csv') ? r.text() : 'status ' + r.status)");
            assertThat(csv.lines().findFirst()).hasValueSatisfying(header -> assertThat(header).contains("event_type"));
            assertThat(csv).contains("Okhtyrka").doesNotContain("Bakirivka").doesNotContain("Lebedyn");
        }
    }

    private static String href(MapBrowser map, String id) {
        return (String) map.page().evaluate("id => document.getElementById(id).href", id);
    }

    /** The link's query parameters, after checking it points at {@code path}. */
    private static Map<String, String> query(String href, String path) {
        URI uri = URI.create(href);
        assertThat(uri.getPath()).isEqualTo(path);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    /** The place names of the GeoJSON the link gives, after checking every point is inside {@code bbox}. */
    @SuppressWarnings("unchecked")
    private static List<String> placesIn(MapBrowser map, String id, String bbox) {
        double[] box = Arrays.stream(bbox.split(",")).mapToDouble(Double::parseDouble).toArray();
        Map<String, Object> collection = (Map<String, Object>) map.page().evaluate(
                "id => fetch(document.getElementById(id).href).then(r => r.json())", id);
        List<Map<String, Object>> features = (List<Map<String, Object>>) collection.get("features");
        assertThat(features).isNotEmpty().allSatisfy(f -> {
            List<Number> xy = (List<Number>) ((Map<String, Object>) f.get("geometry")).get("coordinates");
            assertThat(xy.get(0).doubleValue()).isBetween(box[0], box[2]);
            assertThat(xy.get(1).doubleValue()).isBetween(box[1], box[3]);
        });
        return features.stream().map(f -> (String) ((Map<String, Object>) f.get("properties")).get("placeName")).toList();
    }
}
