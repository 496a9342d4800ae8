package org.incidentmap.incident.tiles;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.incidentmap.incident.support.Incidents;
import org.incidentmap.incident.support.Tokens;
import org.incidentmap.incident.support.VectorTiles;
import org.incidentmap.testsupport.Gdal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /tiles: Mapbox Vector Tiles from PostGIS, decoded by GDAL. */
@QuarkusTest
class IncidentTilesTest {

    /** A made-up oblast per test, passed as admin1, keeps other tests' incidents out of the tiles. */
    private String oblast;

    @BeforeEach
    void uniqueOblast() {
        oblast = "Tile oblast " + UUID.randomUUID();
    }

    private String create(double lon, double lat, String eventType, String date, Integer killed, boolean killedAtLeast,
            Integer injured, boolean injuredAtLeast) {
        return Incidents.create("""
                {"eventType":"%s","subEventType":"Air/drone strike","occurredOn":"%s","country":"UA","admin1":"%s",
                 "placeName":"Tile test","latitude":%s,"longitude":%s,"killed":%s,"killedAtLeast":%s,
                 "injured":%s,"injuredAtLeast":%s}"""
                .formatted(eventType, date, oblast, lat, lon, killed, killedAtLeast, injured, injuredAtLeast))
                .statusCode(201).extract().path("id");
    }

    private String create(double lon, double lat) {
        return create(lon, lat, "Explosions/Remote violence", "2025-03-14", 2, false, null, false);
    }

    private String admin1() {
        return "admin1=" + oblast.replace(" ", "%20");
    }

    private List<Map<String, Object>> incidents(double lon, double lat, int z, String query) {
        int[] tile = Gdal.tileOf(lon, lat, z);
        byte[] mvt = VectorTiles.fetch("incidents", z, tile[0], tile[1], admin1() + query);
        return Gdal.features(mvt, z, tile[0], tile[1], "incidents", true);
    }

    @SuppressWarnings("unchecked")
    private static List<Double> coordinates(Map<String, Object> feature) {
        return ((Map<String, List<Double>>) feature.get("geometry")).get("coordinates");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> feature) {
        return (Map<String, Object>) feature.get("properties");
    }

    @Test
    void anIncidentIsAPointInItsTileAtItsPlaceWithThePopupProperties() {
        double lon = 36.2304;
        double lat = 49.9935;
        String id = create(lon, lat, "Explosions/Remote violence", "2025-06-07", 3, true, null, false);

        List<Map<String, Object>> features = incidents(lon, lat, 14, "");

        assertThat(features).hasSize(1);
        // One tile unit at zoom 14 is 2446 m / 4096, about 0.6 m, or 6e-6 degrees of longitude.
        assertThat(coordinates(features.get(0)).get(0)).isCloseTo(lon, within(1e-5));
        assertThat(coordinates(features.get(0)).get(1)).isCloseTo(lat, within(1e-5));
        Map<String, Object> p = properties(features.get(0));
        assertThat(p).containsEntry("id", id).containsEntry("eventType", "Explosions/Remote violence")
                .containsEntry("subEventType", "Air/drone strike").containsEntry("occurredOn", "2025-06-07")
                .containsEntry("placeName", "Tile test").containsEntry("admin1", oblast)
                .containsEntry("killed", 3).containsEntry("killedAtLeast", true).containsEntry("injuredAtLeast", false)
                .containsEntry("status", "reported").containsEntry("geoPrecision", 1).containsEntry("version", 1);
        assertThat(p).as("an unknown figure is left out, not written as 0").doesNotContainKey("injured");

        int[] tile = Gdal.tileOf(lon, lat, 14);
        byte[] elsewhere = VectorTiles.fetch("incidents", 14, tile[0] + 3, tile[1], admin1());
        assertThat(Gdal.features(elsewhere, 14, tile[0] + 3, tile[1], "incidents", false)).isEmpty();
    }

    @Test
    void aPointNearATileEdgeIsAlsoInTheNeighboursBuffer() {
        int z = 12;
        int[] tile = Gdal.tileOf(35.0, 48.0, z);
        // 1/100 of a tile west of the tile's eastern edge: inside this tile, in the buffer of the next.
        double east = (tile[0] + 1) / Math.pow(2, z) * 360 - 180;
        double lon = east - 0.01 * 360 / Math.pow(2, z);
        String id = create(lon, 48.0);

        byte[] next = VectorTiles.fetch("incidents", z, tile[0] + 1, tile[1], admin1());
        assertThat(Gdal.features(next, z, tile[0] + 1, tile[1], "incidents", true)).as("clipped to the tile").isEmpty();
        List<Map<String, Object>> buffered = Gdal.features(next, z, tile[0] + 1, tile[1], "incidents", false);
        assertThat(buffered).hasSize(1);
        assertThat(properties(buffered.get(0))).containsEntry("id", id);
        assertThat(coordinates(buffered.get(0)).get(0)).isCloseTo(lon, within(1e-4));
    }

    @Test
    void filtersChangeWhatATileHolds() {
        double lon = 37.5432;
        double lat = 47.1234;
        String strike = create(lon, lat, "Explosions/Remote violence", "2025-01-10", 5, false, 1, false);
        String battle = create(lon + 0.001, lat, "Battles", "2025-02-20", 0, false, null, false);
        String unknown = create(lon, lat + 0.001, "Explosions/Remote violence", "2025-02-21", null, false, null, false);
        String retracted = create(lon + 0.001, lat + 0.001, "Battles", "2025-02-22", 1, false, null, false);
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"status\":\"retracted\",\"reason\":\"duplicate\"}")
                .when().post("/incidents/" + retracted + "/status").then().statusCode(200);

        assertThat(ids(incidents(lon, lat, 13, ""))).as("retracted incidents are left out")
                .containsExactlyInAnyOrder(strike, battle, unknown);
        assertThat(ids(incidents(lon, lat, 13, "&eventType=Battles"))).containsExactly(battle);
        assertThat(ids(incidents(lon, lat, 13, "&minKilled=1"))).containsExactly(strike);
        assertThat(ids(incidents(lon, lat, 13, "&datetime=2025-02-01/.."))).containsExactlyInAnyOrder(battle, unknown);
        assertThat(ids(incidents(lon, lat, 13, "&datetime=2025-01-10"))).containsExactly(strike);
        assertThat(ids(incidents(lon, lat, 13, "&status=retracted"))).containsExactly(retracted);
    }

    @Test
    void clustersSumKnownFiguresAndKeepLowerBoundsAndUnknownsApart() {
        double lon = 31.4567;
        double lat = 51.2345;
        create(lon, lat, "Explosions/Remote violence", "2025-04-01", 3, true, null, false);
        create(lon + 0.01, lat, "Explosions/Remote violence", "2025-04-01", 5, false, 2, false);
        create(lon, lat + 0.01, "Battles", "2025-04-02", null, false, 1, true);
        create(lon + 0.01, lat + 0.01, "Battles", "2025-04-03", 0, false, null, false);
        int z = 6;
        int[] tile = Gdal.tileOf(lon, lat, z);

        byte[] mvt = VectorTiles.fetch("clusters", z, tile[0], tile[1], admin1());
        List<Map<String, Object>> cells = Gdal.features(mvt, z, tile[0], tile[1], "clusters", true);

        assertThat(cells).hasSize(1);
        assertThat(properties(cells.get(0))).containsEntry("count", 4)
                .containsEntry("killed", 8).containsEntry("killedAtLeast", true).containsEntry("killedUnknown", 1)
                .containsEntry("injured", 3).containsEntry("injuredAtLeast", true).containsEntry("injuredUnknown", 2);
        // at the mean position of its incidents (a tile unit at zoom 6 is about 0.0015 degrees)
        assertThat(coordinates(cells.get(0)).get(0)).isCloseTo(lon + 0.005, within(0.002));
        assertThat(coordinates(cells.get(0)).get(1)).isCloseTo(lat + 0.005, within(0.002));

        byte[] battles = VectorTiles.fetch("clusters", z, tile[0], tile[1], admin1() + "&eventType=Battles");
        assertThat(properties(Gdal.features(battles, z, tile[0], tile[1], "clusters", true).get(0)))
                .containsEntry("count", 2).containsEntry("killed", 0).containsEntry("killedAtLeast", false)
                .containsEntry("killedUnknown", 1).containsEntry("injured", 1).containsEntry("injuredUnknown", 1);
    }

    @Test
    void aCellNearATileEdgeIsTheSameCellInTheNeighboursBuffer() {
        int z = 7;
        int[] tile = Gdal.tileOf(33.0, 49.0, z);
        double west = tile[0] / Math.pow(2, z) * 360 - 180;
        double cell = 360 / Math.pow(2, z) / 8;
        // both in the westernmost cell of the tile, so in the eastern buffer of the tile to the west
        create(west + cell * 0.3, 49.0);
        create(west + cell * 0.6, 49.0);

        List<Map<String, Object>> own = Gdal.features(VectorTiles.fetch("clusters", z, tile[0], tile[1], admin1()),
                z, tile[0], tile[1], "clusters", true);
        List<Map<String, Object>> neighbour = Gdal.features(
                VectorTiles.fetch("clusters", z, tile[0] - 1, tile[1], admin1()), z, tile[0] - 1, tile[1], "clusters", false);

        assertThat(own).hasSize(1);
        assertThat(neighbour).hasSize(1);
        assertThat(properties(neighbour.get(0))).isEqualTo(properties(own.get(0))).containsEntry("count", 2);
        assertThat(coordinates(neighbour.get(0)).get(0)).isCloseTo(coordinates(own.get(0)).get(0), within(1e-3));
    }

    @Test
    void aTileCarriesTheSeqItReflectsAndTheSameDataGivesTheSameBytes() {
        create(30.1234, 50.3456);
        long head = Incidents.headSeq();
        int[] tile = Gdal.tileOf(30.1234, 50.3456, 10);
        String path = "/tiles/incidents/10/" + tile[0] + "/" + tile[1] + "?" + admin1();

        var first = given().urlEncodingEnabled(false).when().get(path).then().statusCode(200).extract();
        byte[] again = given().urlEncodingEnabled(false).when().get(path).then().statusCode(200).extract().asByteArray();

        assertThat(Long.parseLong(first.header("Incident-Seq"))).isGreaterThanOrEqualTo(head);
        assertThat(again).isEqualTo(first.asByteArray());
        given().urlEncodingEnabled(false).when().get("/tiles/clusters/3/0/0?" + admin1()).then().statusCode(200).body(equalTo(""));
    }

    @Test
    void badTileAddressesAndFiltersAreProblemsNamingTheParameter() {
        problem("/tiles/clusters/25/0/0", "z");
        problem("/tiles/clusters/2/4/0", "x");
        problem("/tiles/clusters/2/0/-1", "y");
        problem("/tiles/clusters/two/0/0", "z");
        problem("/tiles/heatmap/2/0/0", "layer");
        problem("/tiles/clusters/2/0/0?bbox=30,40,31,41", "bbox");
        problem("/tiles/clusters/2/0/0?minKilled=-1", "minKilled");
        problem("/tiles/clusters/2/0/0?datetime=yesterday", "datetime");
        problem("/tiles/clusters/2/0/0?status=rumoured", "status");
    }

    private static void problem(String path, String field) {
        given().when().get(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    private static List<Object> ids(List<Map<String, Object>> features) {
        return features.stream().map(f -> properties(f).get("id")).toList();
    }
}
