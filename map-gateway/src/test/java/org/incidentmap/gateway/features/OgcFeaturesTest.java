package org.incidentmap.gateway.features;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.incidentmap.gateway.support.IncidentServiceProcess;
import org.incidentmap.gateway.support.Reporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OGC API – Features layer in front of the real incident-service, read by curl-like clients and GDAL. */
@QuarkusTest
@QuarkusTestResource(value = IncidentServiceProcess.class, restrictToAnnotatedClass = true)
class OgcFeaturesTest {

    @TestHTTPResource("/ogc")
    URI ogc;

    private static String kharkivId;

    @BeforeAll
    static void someIncidents() {
        kharkivId = Reporter.create("Kharkiv", 36.2304, 49.9935, "Explosions/Remote violence", 3, true);
        Reporter.create("Sumy", 34.7981, 50.9077, "Explosions/Remote violence", null, false);
        Reporter.create("Odesa", 30.7233, 46.4825, "Battles", 0, false);
    }

    @Test
    void landingPageLinksTheApiDefinitionConformanceAndCollections() {
        given().get("/ogc").then().statusCode(200)
                .body("links.rel", hasItems("self", "service-desc", "conformance", "data"))
                .body("links.find { it.rel == 'service-desc' }.type", startsWith("application/vnd.oai.openapi+json"));
        given().get("/ogc/conformance").then().statusCode(200)
                .body("conformsTo", hasItem("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson"));
        given().get("/ogc/collections").then().statusCode(200).body("collections.id", hasItem("incidents"));
        given().get("/ogc/collections/incidents").then().statusCode(200)
                .body("links.find { it.rel == 'items' }.href", equalTo(ogc + "/collections/incidents/items"));
        String api = given().get("/q/openapi?format=json").then().statusCode(200).extract().path("openapi");
        assertThat(api).startsWith("3.0");
    }

    @Test
    void itemsPageThroughNextLinksThatPointBackAtTheGateway() {
        int total = upstreamCount();
        List<String> ids = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        String next = ogc + "/collections/incidents/items?limit=2";
        while (next != null) {
            String body = given().get(next).then().statusCode(200).contentType("application/geo+json")
                    .body("type", equalTo("FeatureCollection")).extract().asString();
            pages.add(body);
            JsonPath page = new JsonPath(body);
            assertThat(page.getInt("numberReturned")).isEqualTo(page.getList("features").size()).isLessThanOrEqualTo(2);
            ids.addAll(page.getList("features.id"));
            next = page.getString("links.find { it.rel == 'next' }.href");
            if (next != null) {
                assertThat(next).startsWith(ogc + "/collections/incidents/items?");
            }
        }
        assertThat(ids).as(String.join("\n", pages)).hasSize(total).doesNotHaveDuplicates().contains(kharkivId);
    }

    @Test
    void propertyFiltersBboxAndSingleItemsPassThrough() {
        given().get("/ogc/collections/incidents/items?bbox=36,49.5,36.5,50.5&eventType=Explosions/Remote violence")
                .then().statusCode(200).body("features.id", hasItem(kharkivId))
                .body("features.properties.placeName", hasItem("Kharkiv"));
        given().get("/ogc/collections/incidents/items/" + kharkivId).then().statusCode(200)
                .body("id", equalTo(kharkivId)).body("properties.killed", equalTo(3))
                .body("properties.killedAtLeast", equalTo(true));
        given().get("/ogc/collections/incidents/items/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        given().get("/ogc/collections/incidents/items?colour=red").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("colour"));
        given().get("/ogc/collections/nothing").then().statusCode(404);
    }

    @Test
    void gdalReadsTheLayerThroughTheOapifDriverAndAsPlainGeoJson() throws Exception {
        int total = upstreamCount();
        String oapif = ogrinfo("OAPIF:" + ogc);
        assertThat(oapif).contains("Layer name: incidents").contains("Feature Count: " + total)
                .contains("eventType: String").contains("placeName: String").contains("killed: Integer");
        String geojson = ogrinfo(ogc + "/collections/incidents/items?limit=10000");
        assertThat(geojson).contains("Feature Count: " + total).contains("admin1: String");
    }

    @Test
    void mapPageServesLeafletFromItsPackageAndProxiesRevisionHistory() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/webjars/leaflet/1.9.4/dist/leaflet.js"));
        given().get("/webjars/leaflet/1.9.4/dist/leaflet.js").then().statusCode(200);
        given().get("/webjars/supercluster/7.1.5/dist/supercluster.min.js").then().statusCode(200);
        given().get("/api/incidents/" + kharkivId + "/history").then().statusCode(200).body(containsString("1"));
        given().get("/api/incidents/nope/history").then().statusCode(400).body("parameter", equalTo("id"));
    }

    private static int upstreamCount() {
        return given().get(IncidentServiceProcess.url() + "/incidents?limit=10000")
                .then().statusCode(200).extract().jsonPath().getList("features").size();
    }

    private static String ogrinfo(String source) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ogrinfo", "-ro", "-al", "-so", source).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
