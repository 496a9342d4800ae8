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
import java.nio.file.Files;
import java.nio.file.Path;
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
        String serviceDesc = given().get("/ogc").then().extract().path("links.find { it.rel == 'service-desc' }.href");
        JsonPath api = given().get(serviceDesc).then().statusCode(200).extract().jsonPath();
        assertThat(api.getString("openapi")).startsWith("3.0");
        assertThat(api.getString("servers[0].url")).isEqualTo(ogc.toString());
        assertThat(api.getMap("paths")).containsKeys("/", "/conformance", "/collections", "/collections/incidents/items");
        assertThat(api.getList("paths.'/collections/incidents/items'.get.parameters.'$ref'"))
                .contains("#/components/parameters/bbox", "#/components/parameters/datetime", "#/components/parameters/limit");
    }

    @Test
    void itemsPageThroughNextLinksThatPointBackAtTheGateway() {
        int total = upstreamCount();
        List<String> ids = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        // pages of 500: the shared test database holds the other test classes' incidents too, thousands of them
        String next = ogc + "/collections/incidents/items?limit=500";
        while (next != null) {
            String body = given().get(next).then().statusCode(200).contentType("application/geo+json")
                    .body("type", equalTo("FeatureCollection")).extract().asString();
            pages.add(body);
            JsonPath page = new JsonPath(body);
            assertThat(page.getInt("numberReturned")).isEqualTo(page.getList("features").size()).isLessThanOrEqualTo(500);
            ids.addAll(page.getList("features.id"));
            next = page.getString("links.find { it.rel == 'next' }.href");
            if (next != null) {
                assertThat(next).startsWith(ogc + "/collections/incidents/items?");
            }
        }
        assertThat(pages).as("pages").hasSize(Math.max(1, (total + 499) / 500));
        assertThat(ids).hasSize(total).doesNotHaveDuplicates().contains(kharkivId);
        assertThat(new JsonPath(pages.get(0)).getInt("numberMatched")).isEqualTo(total);
    }

    @Test
    void itemsPagesLinkToThemselvesAndTheirCsvFormAtTheGateway() {
        JsonPath page = given().get("/ogc/collections/incidents/items?bbox=36,49.5,36.5,50.5&limit=1").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getList("links.rel")).contains("self", "alternate");
        String self = page.getString("links.find { it.rel == 'self' }.href");
        assertThat(self).startsWith(ogc + "/collections/incidents/items?").contains("bbox=").contains("limit=1")
                .doesNotContain("count=");
        assertThat(given().urlEncodingEnabled(false).get(self).then().statusCode(200).contentType("application/geo+json")
                .extract().jsonPath().getList("features.id")).isEqualTo(page.getList("features.id"));
        String alternate = page.getString("links.find { it.rel == 'alternate' }.href");
        assertThat(alternate).startsWith(ogc + "/collections/incidents/items?").contains("f=csv");
        assertThat(page.getString("links.find { it.rel == 'alternate' }.type")).isEqualTo("text/csv");
        String csv = given().urlEncodingEnabled(false).get(alternate).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv).startsWith("event_id_cnty,").contains(page.getString("features[0].id") + ",");
        assertThat(page.getList("links.href", String.class)).allSatisfy(href -> assertThat(href).startsWith(ogc.toString()));
    }

    @Test
    void everyItemsPageLinksToItsCollectionAndCarriesATimeStamp() {
        // three pages suffice, and the shared test database may hold thousands of incidents
        String next = ogc + "/collections/incidents/items?limit=1";
        int pages = 0;
        while (next != null && pages < 3) {
            JsonPath page = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("links.findAll { it.rel == 'collection' }.href")).containsExactly(ogc + "/collections/incidents");
            assertThat(page.getList("links.rel")).contains("self", "alternate");
            assertThat(java.time.Instant.parse(page.getString("timeStamp"))).isBeforeOrEqualTo(java.time.Instant.now());
            next = page.getString("links.find { it.rel == 'next' }.href");
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        JsonPath stats = given().get("/ogc/collections/oblast-stats/items").then().statusCode(200).extract().jsonPath();
        assertThat(stats.getString("links.find { it.rel == 'collection' }.href")).isEqualTo(ogc + "/collections/oblast-stats");
        assertThat(stats.getString("timeStamp")).isNotBlank();
    }

    @Test
    void aBboxWithHeightsOrAcrossTheAntimeridianIsAccepted() {
        List<Object> flat = given().get("/ogc/collections/incidents/items?bbox=34,49.5,37,51").then().statusCode(200)
                .extract().jsonPath().getList("features.id");
        assertThat(flat).contains(kharkivId);
        assertThat(given().get("/ogc/collections/incidents/items?bbox=34,49.5,-100,37,51,9000").then().statusCode(200)
                .extract().jsonPath().getList("features.id")).isEqualTo(flat);
        // the shared test database may hold incidents near the antimeridian: the gateway answers what incident-service does
        assertThat(given().get("/ogc/collections/incidents/items?limit=10000&bbox=177,65,-177,70").then().statusCode(200)
                .extract().jsonPath().getList("features.id")).isEqualTo(upstreamIds("bbox=177,65,-177,70"))
                .doesNotContain(kharkivId);
        given().get("/ogc/collections/incidents/items?bbox=1,2,3,4,5").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void sortbyOrdersTheLayerAndItsNextLinksKeepTheOrder() {
        // this class's three places only: the shared test database may hold thousands of incidents
        String places = "filter=placeName IN ('Kharkiv','Sumy','Odesa')";
        List<Integer> killed = new ArrayList<>();
        String next = ogc + "/collections/incidents/items?sortby=-killed&limit=1&filter="
                + java.net.URLEncoder.encode("placeName IN ('Kharkiv','Sumy','Odesa')", StandardCharsets.UTF_8).replace("+", "%20");
        while (next != null) {
            JsonPath page = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
            killed.add(page.get("features[0].properties.killed"));
            next = page.getString("links.find { it.rel == 'next' }.href");
            if (next != null) {
                assertThat(next).contains("sortby=-killed");
            }
        }
        // known figures highest first, then the unknown (null) ones, which sort below every known figure
        assertThat(killed).hasSize(upstreamIds(places).size()).contains(3, 0, null);
        int firstUnknown = killed.indexOf(null);
        assertThat(killed.subList(firstUnknown, killed.size())).containsOnlyNulls();
        assertThat(killed.subList(0, firstUnknown)).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        given().get("/ogc/collections/incidents/items?sortby=placeName").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sortby"));
    }

    @Test
    void theIncidentsComeInCrs84Epsg4326OrWebMercatorAsTheCollectionListsThem() {
        String epsg4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";
        String epsg3857 = "http://www.opengis.net/def/crs/EPSG/0/3857";
        String crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
        given().get("/ogc/conformance").then().body("conformsTo", hasItem("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs"));
        given().get("/ogc/collections/incidents").then().statusCode(200)
                .body("crs", org.hamcrest.Matchers.contains(crs84, epsg4326, epsg3857)).body("storageCrs", equalTo(crs84));

        String kharkivBox = "bbox=49.9,36.2,50.1,36.3&bbox-crs=" + epsg4326;
        var mercator = given().get("/ogc/collections/incidents/items?limit=10000&crs=" + epsg3857 + "&" + kharkivBox).then().statusCode(200)
                .header("Content-Crs", "<" + epsg3857 + ">").extract().jsonPath()
                .using(new io.restassured.path.json.config.JsonPathConfig(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
        // other test classes' incidents in Kharkiv may share the box: the same ones incident-service finds
        assertThat(mercator.getList("features.id", String.class)).contains(kharkivId)
                .containsExactlyElementsOf(upstreamIds(kharkivBox));
        List<Double> xy = mercator.getList("features.find { it.id == '" + kharkivId + "' }.geometry.coordinates", Double.class);
        assertThat(xy.get(0)).isCloseTo(6378137 * Math.toRadians(36.2304), org.assertj.core.api.Assertions.within(0.01));
        assertThat(xy.get(1)).isCloseTo(6378137 * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(49.9935) / 2)),
                org.assertj.core.api.Assertions.within(0.01));

        var latLon = given().get("/ogc/collections/incidents/items/" + kharkivId + "?crs=" + epsg4326).then().statusCode(200)
                .header("Content-Crs", "<" + epsg4326 + ">").extract().jsonPath()
                .using(new io.restassured.path.json.config.JsonPathConfig(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
        assertThat(latLon.getList("geometry.coordinates", Double.class)).containsExactly(49.9935, 36.2304);
        assertThat(latLon.getString("links.find { it.rel == 'alternate' }.href")).isEqualTo(ogc + "/collections/incidents/items/" + kharkivId);
        given().get("/ogc/collections/incidents/items").then().header("Content-Crs", "<" + crs84 + ">");
        given().get("/ogc/collections/incidents/items?crs=EPSG:9999").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("crs"));
        given().get("/ogc/collections/oblast-stats/items?crs=" + epsg3857).then().statusCode(400).body("parameter", equalTo("crs"));
        given().get("/ogc/collections/oblast-stats/items/Kharkivska?crs=" + epsg3857).then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("crs"));
    }

    @Test
    void aSingleIncidentLinksToItselfItsPlaceOnTheMapItsHistoryAndItsCollection() {
        JsonPath feature = given().get("/ogc/collections/incidents/items/" + kharkivId).then().statusCode(200)
                .contentType("application/geo+json").extract().jsonPath();
        String root = ogc.toString().substring(0, ogc.toString().length() - "/ogc".length());
        assertThat(feature.getString("links.find { it.rel == 'self' }.href"))
                .isEqualTo(ogc + "/collections/incidents/items/" + kharkivId);
        assertThat(feature.getString("links.find { it.rel == 'alternate' }.type")).isEqualTo("text/html");
        assertThat(feature.getString("links.find { it.rel == 'alternate' }.href")).isEqualTo(root + "/#49.9935,36.2304,12");
        assertThat(feature.getString("links.find { it.rel == 'collection' }.href")).isEqualTo(ogc + "/collections/incidents");

        given().get(feature.getString("links.find { it.rel == 'self' }.href")).then().statusCode(200)
                .body("id", equalTo(kharkivId));
        String map = feature.getString("links.find { it.rel == 'alternate' }.href");
        given().get(map.substring(0, map.indexOf('#'))).then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("/map.js"));
        given().get(feature.getString("links.find { it.rel == 'version-history' }.href")).then().statusCode(200)
                .contentType(containsString("application/json"));
        given().get(feature.getString("links.find { it.rel == 'collection' }.href")).then().statusCode(200)
                .body("id", equalTo("incidents"));
    }

    @Test
    void numberMatchedOnTheFirstPageCountsTheFilteredFeaturesOfAllPages() {
        // Kharkiv and Sumy; Odesa is outside the box and a battle.
        String query = "bbox=34,49.5,37,51&eventType=Explosions/Remote%20violence&limit=1";
        List<String> ids = new ArrayList<>();
        String next = ogc + "/collections/incidents/items?" + query;
        JsonPath first = null;
        while (next != null) {
            JsonPath page = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
            if (first == null) {
                first = page;
            } else {
                assertThat(page.getMap("$")).as("a later page").doesNotContainKey("numberMatched");
            }
            ids.addAll(page.getList("features.id"));
            next = page.getString("links.find { it.rel == 'next' }.href");
        }
        int upstream = given().urlEncodingEnabled(false).get(IncidentServiceProcess.url() + "/incidents?" + query
                .replace("limit=1", "limit=10000")).then().statusCode(200).extract().jsonPath().getInt("numberReturned");
        assertThat(ids).hasSize(upstream).hasSizeGreaterThan(1).contains(kharkivId);
        assertThat(first.getInt("numberReturned")).isEqualTo(1);
        assertThat(first.getInt("numberMatched")).isEqualTo(ids.size());
    }

    @Test
    void aCql2FilterReturnsExactlyTheIncidentsItMatchesOnEveryPage() {
        List<Integer> killed = given().get(IncidentServiceProcess.url() + "/incidents?limit=10000").then().statusCode(200)
                .extract().jsonPath().getList("features.properties.killed");
        List<String> all = given().get(IncidentServiceProcess.url() + "/incidents?limit=10000").then().statusCode(200)
                .extract().jsonPath().getList("features.id");
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            if (killed.get(k) != null && killed.get(k) > 2) {
                expected.add(all.get(k));
            }
        }
        List<String> ids = new ArrayList<>();
        String next = ogc + "/collections/incidents/items?limit=2&filter=killed%3E2";
        Integer matched = null;
        while (next != null) {
            JsonPath page = given().urlEncodingEnabled(false).get(next).then().statusCode(200)
                    .contentType("application/geo+json").extract().jsonPath();
            matched = matched == null ? page.getInt("numberMatched") : matched;
            ids.addAll(page.getList("features.id"));
            next = page.getString("links.find { it.rel == 'next' }.href");
            if (next != null) {
                assertThat(next).startsWith(ogc + "/collections/incidents/items?").contains("filter=");
            }
        }
        assertThat(ids).contains(kharkivId).containsExactlyElementsOf(expected);
        assertThat(matched).isEqualTo(expected.size());

        given().get("/ogc/collections/incidents/items?filter=colour = 'red'").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("filter"))
                .body("detail", containsString("at character 1"));
        given().get("/ogc/collections/incidents/items?filter=killed > 2&filter-crs=http://www.opengis.net/def/crs/EPSG/0/3857")
                .then().statusCode(400).body("parameter", equalTo("filter-crs"));
        given().get("/ogc/collections/incidents/items?filter=killed > 2&filter-crs=http://www.opengis.net/def/crs/OGC/1.3/CRS84")
                .then().statusCode(200).body("features.id", hasItem(kharkivId));
    }

    @Test
    void theIncidentsQueryablesAreIncidentServicesAtTheGatewaysAddress() {
        JsonPath collection = given().get("/ogc/collections/incidents").then().statusCode(200).extract().jsonPath();
        String href = collection.getString(
                "links.find { it.rel == 'http://www.opengis.net/def/rel/ogc/1.0/queryables' }.href");
        assertThat(href).isEqualTo(ogc + "/collections/incidents/queryables");
        assertThat(collection.getString("links.find { it.rel == 'describedby' }.type")).isEqualTo("application/schema+json");
        JsonPath schema = given().get(href).then().statusCode(200).contentType("application/schema+json")
                .extract().jsonPath();
        JsonPath upstream = given().get(IncidentServiceProcess.url() + "/incidents/queryables").then().statusCode(200)
                .extract().jsonPath();
        assertThat(schema.getString("'$id'")).isEqualTo(href);
        assertThat(schema.getMap("properties")).isEqualTo(upstream.getMap("properties"));
        assertThat(schema.getString("properties.killed.type")).isEqualTo("integer");
        assertThat(schema.getString("properties.geometry.format")).isEqualTo("geometry-point");
        given().get("/ogc/collections/nothing/queryables").then().statusCode(404).contentType("application/problem+json");

        List<String> conformance = given().get("/ogc/conformance").then().extract().jsonPath().getList("conformsTo");
        assertThat(conformance).contains("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text", "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2");
        JsonPath api = given().get("/ogc/api").then().statusCode(200).extract().jsonPath();
        assertThat(api.getList("paths.'/collections/incidents/items'.get.parameters.'$ref'"))
                .contains("#/components/parameters/filter", "#/components/parameters/filter-lang");
        assertThat(api.getMap("paths")).containsKey("/collections/{collectionId}/queryables");
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
        // One feature a page: had GDAL counted by reading the layer it would have fetched a page
        // per feature; it fetches one and takes the count from that page's numberMatched.
        String counted = ogrinfo("--debug", "on", "-oo", "PAGE_SIZE=1", "OAPIF:" + ogc, "incidents");
        assertThat(counted).contains("Feature Count: " + total);
        assertThat(counted.lines().filter(line -> line.contains("Fetch(") && line.contains("/collections/incidents/items")))
                .as(counted).hasSize(1);
        String geojson = ogrinfo(ogc + "/collections/incidents/items?limit=10000");
        assertThat(geojson).contains("Feature Count: " + total).contains("admin1: String");
    }

    @Test
    void gdalPushesAWhereClauseToTheServerAsCql2AndCountsWhatItReturns() throws Exception {
        int battles = upstreamIds("filter=eventType='Battles'").size();
        long logged = accessLogSize();
        String out = ogrinfo("OAPIF:" + ogc, "incidents", "-where", "eventType = 'Battles'");
        assertThat(out).contains("Feature Count: " + battles);
        assertThat(itemsRequestsSince(logged)).as("the gateway's access log")
                .anySatisfy(request -> assertThat(request).contains("filter=").contains("eventType").contains("'Battles'")
                        .contains("filter-lang=cql-text"));
    }

    @Test
    void gdalSendsASpatialFilterAsBbox() throws Exception {
        int inBox = upstreamIds("bbox=34,49.5,37,51").size();
        long logged = accessLogSize();
        String out = ogrinfo("OAPIF:" + ogc, "incidents", "-spat", "34", "49.5", "37", "51");
        assertThat(out).contains("Feature Count: " + inBox);
        assertThat(itemsRequestsSince(logged)).as("the gateway's access log")
                .anySatisfy(request -> assertThat(request).contains("bbox=34,49.5,37,51"));
    }

    @Test
    void owslibListsTheQueryablesAndFiltersWithCql2() throws Exception {
        assertThat(Path.of(DEBIAN_PYTHON)).as(DEBIAN_PYTHON + " (Debian's python3, which sees python3-owslib)").exists();
        Path script = Path.of("src/test/resources/owslib/queryables_and_filter.py");
        long logged = accessLogSize();
        Process p = new ProcessBuilder(DEBIAN_PYTHON, script.toString(), ogc.toString(), "killed > 2").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as("OWSLib missing? deploy/test/run installs python3-owslib (deploy/lib.sh ensure_test_tools)")
                .doesNotContain("No module named 'owslib'");
        assertThat(p.exitValue()).as(out).isZero();
        JsonPath answer = new JsonPath(out);
        assertThat(answer.getList("queryables", String.class)).contains("killed", "eventType", "occurredOn", "geometry");
        // the script reads one page of 1,000: the same page, and the same total, that incident-service gives
        JsonPath expected = given().get(IncidentServiceProcess.url() + "/incidents?limit=1000&count=true&filter=killed > 2")
                .then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("ids", String.class)).isNotEmpty()
                .containsExactlyElementsOf(expected.getList("features.id", String.class));
        assertThat(answer.getInt("numberMatched")).isEqualTo(expected.getInt("numberMatched"));
        assertThat(itemsRequestsSince(logged)).anySatisfy(request -> assertThat(request).contains("filter=killed"));
    }

    @Test
    void oblastStatsAreOnePointPerOblastAtItsIncidentsCentroidWithIncidentServiceTotals() {
        given().get("/ogc/collections").then().statusCode(200).body("collections.id", hasItems("incidents", "oblast-stats"));
        JsonPath upstream = given().get(IncidentServiceProcess.url() + "/stats?by=oblast").then().statusCode(200)
                .extract().jsonPath();
        JsonPath layer = given().get("/ogc/collections/oblast-stats/items").then().statusCode(200)
                .contentType("application/geo+json").extract().jsonPath();
        int groups = upstream.getList("groups").size();
        assertThat(layer.getInt("numberMatched")).isEqualTo(groups);
        assertThat(layer.getInt("numberReturned")).isEqualTo(groups);
        String kharkiv = "features.find { it.id == 'Kharkivska' }";
        String group = "groups.find { it.key == 'Kharkivska' }";
        assertThat(layer.getInt(kharkiv + ".properties.killed")).isEqualTo(upstream.getInt(group + ".killed"));
        assertThat(layer.getInt(kharkiv + ".properties.injured")).isEqualTo(upstream.getInt(group + ".injured"));
        assertThat(layer.getInt(kharkiv + ".properties.incidents")).isEqualTo(upstream.getInt(group + ".incidents"))
                .isGreaterThanOrEqualTo(3);
        List<Float> point = layer.getList(kharkiv + ".geometry.coordinates", Float.class);
        // The centroid of Kharkiv, Sumy and Odesa lies between them.
        assertThat(point.get(0)).isBetween(30.7f, 36.3f);
        assertThat(point.get(1)).isBetween(46.4f, 51.0f);

        given().get("/ogc/collections/oblast-stats/items?bbox=20,40,21,41").then().statusCode(200)
                .body("numberMatched", equalTo(0)).body("features", org.hamcrest.Matchers.empty());
        given().get("/ogc/collections/oblast-stats/items/Kharkivska").then().statusCode(200)
                .body("id", equalTo("Kharkivska")).body("geometry.type", equalTo("Point"))
                .body("links.find { it.rel == 'self' }.href", equalTo(ogc + "/collections/oblast-stats/items/Kharkivska"))
                .body("links.find { it.rel == 'collection' }.href", equalTo(ogc + "/collections/oblast-stats"));
        given().get("/ogc/collections/oblast-stats/items/Atlantis").then().statusCode(404);
        given().get("/ogc/collections/oblast-stats/items?limit=0").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("limit"));
        given().get("/ogc/collections/oblast-stats/items?status=nonsense").then().statusCode(400);
    }

    @Test
    void gdalReadsTheOblastStatsLayer() throws Exception {
        int groups = given().get(IncidentServiceProcess.url() + "/stats?by=oblast").then().statusCode(200)
                .extract().jsonPath().getList("groups").size();
        String oapif = ogrinfo("OAPIF:" + ogc, "oblast-stats");
        assertThat(oapif).contains("Layer name: oblast-stats").contains("Feature Count: " + groups)
                .contains("admin1: String").contains("killed: Integer");
    }

    @Test
    void itemsComeAsAcledCsvWithTheSameFiltersWhenAskedForCsv() {
        String csv = given().get("/ogc/collections/incidents/items?f=csv&bbox=36,49.5,37,50.5&limit=100").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.lines().findFirst()).hasValueSatisfying(header -> assertThat(header)
                .startsWith("event_id_cnty,event_date").contains("location,latitude,longitude"));
        assertThat(csv).contains(kharkivId + ",").doesNotContain("Odesa");
        given().get("/ogc/collections/incidents/items?f=xml").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("f"));
    }

    @Test
    void gdalOpensTheKmlDownloadWithTheFilteredFeaturesAndTheAcledFields() throws Exception {
        String withdrawn = Reporter.create("Sumy", 34.81, 50.91, "Battles", 1, false);
        Reporter.retract(withdrawn);
        String filter = "placeName IN ('Kharkiv', 'Sumy') AND S_WITHIN(geometry, BBOX(34, 49, 37, 51.5))";
        int expected = given().queryParam("filter", filter).queryParam("limit", 10000).get("/ogc/collections/incidents/items")
                .then().statusCode(200).extract().jsonPath().getList("features").size();
        assertThat(expected).isGreaterThanOrEqualTo(2);
        byte[] kml = given().queryParam("filter", filter).queryParam("limit", 10000).queryParam("f", "kml")
                .get("/ogc/collections/incidents/items").then().statusCode(200)
                .contentType(startsWith("application/vnd.google-earth.kml+xml")).extract().asByteArray();
        Path file = Files.createTempFile("incidents", ".kml");
        try {
            Files.write(file, kml);
            String info = ogrinfo(file.toString());
            assertThat(info).contains("Feature Count: " + expected)
                    .contains("event_id_cnty: String").contains("event_date: String").contains("fatalities: Integer")
                    .contains("admin1: String").contains("status: String");
            String kharkiv = new String(new ProcessBuilder("ogrinfo", "-ro", "-al", "-q", "-where", "event_id_cnty = '" + kharkivId + "'",
                    file.toString()).redirectErrorStream(true).start().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(kharkiv).contains("fatalities (Integer) = 3").contains("POINT (36.2304 49.9935");
            // the GeoJSON, the KML and the map leave the retracted incident out alike
            assertThat(new String(kml, StandardCharsets.UTF_8)).doesNotContain(withdrawn);
        } finally {
            Files.delete(file);
        }
        given().get("/ogc/collections/incidents/items?f=gml").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("f"));
    }

    @Test
    void mapPageServesMapLibreFromTheBuildAndProxiesRevisionHistory() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/maplibre/maplibre-gl.css")).body(containsString("/map.js"));
        given().get("/map.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("/maplibre/maplibre-gl.js"));
        // Module scripts and module workers load only when served with a JavaScript type.
        given().get("/maplibre/maplibre-gl.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/maplibre/maplibre-gl-worker.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/maplibre/LICENSE.txt").then().statusCode(200).body(containsString("BSD"));
        given().get("/api/incidents/" + kharkivId + "/history").then().statusCode(200).body(containsString("1"));
        given().get("/api/incidents/nope/history").then().statusCode(400).body("parameter", equalTo("id"));
    }

    private static final String DEBIAN_PYTHON = "/usr/bin/python3";
    /** The gateway's access log in tests (application.properties, %test), one "METHOD PATH?QUERY STATUS" a line. */
    private static final Path ACCESS_LOG = Path.of("target/gateway-access.log");

    private static List<String> upstreamIds(String query) {
        return given().get(IncidentServiceProcess.url() + "/incidents?limit=10000&" + query)
                .then().statusCode(200).extract().jsonPath().getList("features.id", String.class);
    }

    private static long accessLogSize() throws IOException {
        return Files.exists(ACCESS_LOG) ? Files.size(ACCESS_LOG) : 0;
    }

    /** The items requests logged after the first {@code offset} bytes of the access log, their queries decoded. */
    private static List<String> itemsRequestsSince(long offset) {
        List<String> requests = new ArrayList<>();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() -> {
            requests.clear();
            byte[] log = Files.readAllBytes(ACCESS_LOG);
            new String(log, (int) offset, log.length - (int) offset, StandardCharsets.UTF_8).lines()
                    .filter(line -> line.contains("/ogc/collections/incidents/items?"))
                    .map(line -> java.net.URLDecoder.decode(line, StandardCharsets.UTF_8))
                    .forEach(requests::add);
            assertThat(requests).isNotEmpty();
        });
        return requests;
    }

    private static int upstreamCount() {
        return given().get(IncidentServiceProcess.url() + "/incidents?limit=10000")
                .then().statusCode(200).extract().jsonPath().getList("features").size();
    }

    private static String ogrinfo(String... sourceAndLayers) throws IOException, InterruptedException {
        assertThat(Files.isExecutable(Path.of("/usr/bin/ogrinfo")))
                .as("ogrinfo (gdal-bin) missing; deploy/test/run installs it (deploy/lib.sh ensure_test_tools)").isTrue();
        List<String> command = new ArrayList<>(List.of("ogrinfo", "-ro", "-al", "-so"));
        command.addAll(List.of(sourceAndLayers));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
