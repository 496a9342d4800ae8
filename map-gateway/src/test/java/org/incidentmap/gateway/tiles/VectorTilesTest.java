package org.incidentmap.gateway.tiles;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.incidentmap.testsupport.Gdal;
import org.incidentmap.gateway.support.IncidentServiceProcess;
import org.incidentmap.gateway.support.Reporter;
import org.incidentmap.gateway.support.SseRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OGC API – Tiles through the gateway, in front of the real incident-service, PostGIS and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = IncidentServiceProcess.class, restrictToAnnotatedClass = true)
class VectorTilesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TILES = "/ogc/collections/incidents/tiles/WebMercatorQuad/";

    @TestHTTPResource("/stream")
    URI stream;

    @TestHTTPResource("/ogc")
    URI ogc;

    private String oblast;
    private SseRecorder live;

    @BeforeEach
    void uniqueOblast() {
        oblast = "Tile oblast " + UUID.randomUUID();
    }

    @AfterEach
    void disconnect() {
        if (live != null) {
            live.close();
        }
    }

    private String create(double lon, double lat, String eventType, Integer killed) {
        return Reporter.post("""
                {"eventType":"%s","subEventType":"Air/drone strike","occurredOn":"2025-08-08","country":"UA","admin1":"%s",
                 "placeName":"Tile test","latitude":%s,"longitude":%s,"killed":%s}""".formatted(eventType, oblast, lat, lon, killed));
    }

    private String filter() {
        return "admin1=" + oblast.replace(" ", "%20");
    }

    private ExtractableResponse<Response> tile(int z, double lon, double lat, String query, String ifNoneMatch) {
        int[] t = Gdal.tileOf(lon, lat, z);
        var request = given().urlEncodingEnabled(false);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return request.get(TILES + z + "/" + t[1] + "/" + t[0] + "?" + query).then().extract();
    }

    private static boolean holds(ExtractableResponse<Response> tile, String id) {
        return new String(tile.asByteArray(), StandardCharsets.ISO_8859_1).contains(id);
    }

    /** Waits until the stream has delivered an event about {@code id} of {@code kind}. */
    private void awaitDelivered(String id, String kind) {
        await().atMost(WAIT).until(() -> live.events().stream()
                .anyMatch(e -> e.event().equals(kind) && e.data().contains(id)));
    }

    @Test
    void createMoveAndRetractChangeTheAffectedTilesAndTheirEtagsAsSoonAsTheStreamDeliversThem() {
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        live = new SseRecorder(stream, null);
        await().atMost(WAIT).until(() -> !live.comments().isEmpty());
        double lonA = 35.3141;
        double latA = 48.1592;
        // far enough that no tile down to zoom 4 holds both
        double lonB = 24.0312;
        double latB = 49.8429;

        var emptyA = tile(14, lonA, latA, filter(), null);
        var clustersA = tile(6, lonA, latA, filter(), null);
        var emptyB = tile(14, lonB, latB, filter(), null);
        // These are cached now: LaggingReplicaTest shows a cached tile being served when no event dropped it.
        var againA = tile(14, lonA, latA, filter(), null);
        assertThat(againA.header("ETag")).isEqualTo(emptyA.header("ETag"));
        assertThat(tile(14, lonA, latA, filter(), emptyA.header("ETag")).statusCode()).isEqualTo(304);

        String id = create(lonA, latA, "Explosions/Remote violence", 4);
        awaitDelivered(id, "incident.created");

        var createdA = tile(14, lonA, latA, filter(), emptyA.header("ETag"));
        assertThat(createdA.statusCode()).isEqualTo(200);
        assertThat(holds(createdA, id)).isTrue();
        assertThat(createdA.header("ETag")).isNotEqualTo(emptyA.header("ETag"));
        assertThat(createdA.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(createdA.contentType()).isEqualTo("application/vnd.mapbox-vector-tile");
        int[] a = Gdal.tileOf(lonA, latA, 14);
        List<Map<String, Object>> points = Gdal.features(createdA.asByteArray(), 14, a[0], a[1], "incidents");
        assertThat(points).hasSize(1);
        @SuppressWarnings("unchecked")
        List<Double> at = ((Map<String, List<Double>>) points.get(0).get("geometry")).get("coordinates");
        assertThat(at.get(0)).isCloseTo(lonA, within(1e-5));
        assertThat(at.get(1)).isCloseTo(latA, within(1e-5));
        var clustered = tile(6, lonA, latA, filter(), clustersA.header("ETag"));
        assertThat(clustered.statusCode()).isEqualTo(200);
        int[] c = Gdal.tileOf(lonA, latA, 6);
        assertThat(Gdal.features(clustered.asByteArray(), 6, c[0], c[1], "clusters"))
                .extracting(f -> (Object) ((Map<?, ?>) f.get("properties")).get("count")).containsExactly(1);

        Reporter.revise(id, 1, "{\"latitude\":%s,\"longitude\":%s}".formatted(latB, lonB));
        await().atMost(WAIT).until(() -> live.events().stream()
                .anyMatch(e -> e.event().equals("incident.updated") && e.data().contains(id) && e.data().contains("\"version\":2")));

        var movedA = tile(14, lonA, latA, filter(), createdA.header("ETag"));
        var movedB = tile(14, lonB, latB, filter(), emptyB.header("ETag"));
        assertThat(movedA.statusCode()).isEqualTo(200);
        assertThat(holds(movedA, id)).as("gone from where it was").isFalse();
        assertThat(movedA.header("ETag")).isEqualTo(emptyA.header("ETag"));
        assertThat(movedB.statusCode()).isEqualTo(200);
        assertThat(holds(movedB, id)).as("where it is now").isTrue();
        assertThat(tile(6, lonA, latA, filter(), clustered.header("ETag")).asByteArray()).isEmpty();

        Reporter.retract(id);
        awaitDelivered(id, "incident.retracted");
        var retractedB = tile(14, lonB, latB, filter(), movedB.header("ETag"));
        assertThat(retractedB.statusCode()).isEqualTo(200);
        assertThat(holds(retractedB, id)).isFalse();
        assertThat(holds(tile(14, lonB, latB, filter() + "&status=retracted", null), id)).isTrue();
    }

    @Test
    void filtersSelectWhatATileHoldsAndBadOnesAreProblemsNamingTheParameter() {
        double lon = 30.9876;
        double lat = 50.2345;
        String strike = create(lon, lat, "Explosions/Remote violence", 3);
        String battle = create(lon + 0.0001, lat, "Battles", 0);

        var all = tile(15, lon, lat, filter(), null);
        assertThat(holds(all, strike)).isTrue();
        assertThat(holds(all, battle)).isTrue();
        var battles = tile(15, lon, lat, filter() + "&eventType=Battles", null);
        assertThat(holds(battles, strike)).isFalse();
        assertThat(holds(battles, battle)).isTrue();
        var deadly = tile(15, lon, lat, filter() + "&minKilled=1", null);
        assertThat(holds(deadly, strike)).isTrue();
        assertThat(holds(deadly, battle)).isFalse();
        assertThat(holds(tile(15, lon, lat, filter() + "&datetime=2024-01-01/2024-12-31", null), strike)).isFalse();

        given().get(TILES + "3/2/4?minKilled=-1").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("minKilled"));
        given().get(TILES + "3/2/4?datetime=soon").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("datetime"));
        given().get(TILES + "3/2/4?colour=red").then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("colour"));
        given().get(TILES + "3/two/4").then().statusCode(400).body("parameter", equalTo("tileRow"));
        given().get(TILES + "3/2/8").then().statusCode(404);
        given().get(TILES + "17/0/0").then().statusCode(404);
    }

    @Test
    void theTilesetIsDescribedAsOgcApiTilesDefinesAndAsTileJsonForMapLibre() {
        given().get("/ogc").then().statusCode(200)
                .body("links.find { it.rel == 'http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes' }.href",
                        equalTo(ogc + "/tileMatrixSets"));
        given().get("/ogc/conformance").then().statusCode(200).body("conformsTo", hasItems(
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset"));
        given().get("/ogc/collections/incidents").then().statusCode(200)
                .body("links.find { it.rel == 'http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector' }.href",
                        equalTo(ogc + "/collections/incidents/tiles"));
        given().get("/ogc/collections/incidents/tiles").then().statusCode(200)
                .body("tilesets[0].dataType", equalTo("vector"))
                .body("tilesets[0].tileMatrixSetURI", equalTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad"))
                .body("tilesets[0].links.find { it.rel == 'item' }.href",
                        equalTo(ogc + "/collections/incidents/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}"));
        given().get("/ogc/collections/incidents/tiles/WebMercatorQuad").then().statusCode(200)
                .body("layers.id", hasItems("clusters", "incidents"))
                .body("layers.find { it.id == 'incidents' }.minTileMatrix", equalTo("12"))
                .body("layers.find { it.id == 'clusters' }.propertiesSchema.properties.killedUnknown.type", equalTo("number"))
                .body("tileMatrixSetLimits.size()", equalTo(17));
        given().urlEncodingEnabled(false)
                .get("/ogc/collections/incidents/tiles/WebMercatorQuad?f=tilejson&eventType=Battles&datetime=2025-01-01/..")
                .then().statusCode(200)
                .body("tilejson", equalTo("3.0.0"))
                .body("tiles[0]", equalTo(ogc + "/collections/incidents/tiles/WebMercatorQuad/{z}/{y}/{x}"
                        + "?datetime=2025-01-01%2F..&eventType=Battles"))
                .body("maxzoom", equalTo(16))
                .body("vector_layers.id", hasItems("clusters", "incidents"))
                .body("vector_layers.find { it.id == 'clusters' }.maxzoom", equalTo(11));
        given().get("/ogc/tileMatrixSets").then().statusCode(200).body("tileMatrixSets.id", hasItem("WebMercatorQuad"));
        given().get("/ogc/tileMatrixSets/WebMercatorQuad").then().statusCode(200)
                .body("crs", equalTo("http://www.opengis.net/def/crs/EPSG/0/3857"))
                .body("tileMatrices.size()", equalTo(25))
                .body("tileMatrices[0].matrixWidth", equalTo(1))
                .body("tileMatrices[3].matrixHeight", equalTo(8));
        double scale = given().get("/ogc/tileMatrixSets/WebMercatorQuad").then().extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE)).getDouble("tileMatrices[0].scaleDenominator");
        assertThat(scale).isCloseTo(559082264.0287178, within(1e-3));
        given().get("/ogc/tileMatrixSets/WorldCRS84Quad").then().statusCode(404);
    }
}
