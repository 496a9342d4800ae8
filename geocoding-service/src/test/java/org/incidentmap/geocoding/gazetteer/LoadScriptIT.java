package org.incidentmap.geocoding.gazetteer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/gazetteer/load}, the one-command loader, run as an operator would: against a
 * database of its own on the test server while the packaged service answers from it. A few
 * places in GeoNames format replace the bundled gazetteer and become searchable at once.
 */
class LoadScriptIT {

    private static final String DATABASE = "gazetteer_load_script_it";
    private static final int PG_PORT = Integer.parseInt(envOr("IM_TEST_PG_PORT", "25432"));
    private static final String URL = "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/" + DATABASE;
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** geonameid, name, asciiname, alternate names, lat, lon, class, code, country, cc2, admin1..4, population, elevation, dem, timezone, modified. */
    private static final List<String> DUMP = List.of(
            "900001\tVyshnyakivka\tVyshnyakivka\tВишняківка,Vishnyakovka\t48.1\t37.2\tP\tPPL\tUA\t\t05\t\t\t\t1200\t\t150\tEurope/Kyiv\t2025-01-01",
            "900002\tPerelisne\tPerelisne\tПерелісне\t49.3\t36.4\tP\tPPL\tUA\t\t07\t\t\t\t300\t\t120\tEurope/Kyiv\t2025-01-01",
            "900003\tDonetsk Oblast\tDonetsk Oblast\tДонецька область\t48.0\t37.8\tA\tADM1\tUA\t\t05\t\t\t\t4100000\t\t200\tEurope/Kyiv\t2025-01-01");

    @TempDir
    static Path dir;
    private static Process service;
    private static int httpPort;

    @BeforeAll
    static void freshDatabaseWithTheServiceRunningOnIt() throws Exception {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + PG_PORT + "/postgres", "postgres", "");
                Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + DATABASE + " OWNER geocoding");
        }
        // PostGIS needs a superuser; pg_trgm is left to the service's first migration, which
        // creates it in its own schema, so fuzzy matching must find the operators there.
        try (Connection admin = DriverManager.getConnection(URL, "postgres", ""); Statement st = admin.createStatement()) {
            st.execute("CREATE EXTENSION postgis");
        }
        Files.write(dir.resolve("XX.txt"), DUMP, StandardCharsets.UTF_8);
        try (ServerSocket socket = new ServerSocket(0)) {
            httpPort = socket.getLocalPort();
        }
        service = new ProcessBuilder("java", "-Dim.db.port=" + PG_PORT, "-Dim.db.name=" + DATABASE,
                "-Dquarkus.http.port=" + httpPort, "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile()).start();
        // Empty at start, so the service loads the bundled gazetteer first, as in a fresh deployment.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> given().port(httpPort).get("/q/health/ready").statusCode() == 200);
    }

    @AfterAll
    static void stopService() throws InterruptedException {
        if (service != null) {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDumpReplacesTheGazetteerAndIsSearchableAtOnceAndReloadingItChangesNothing() throws Exception {
        given().port(httpPort).queryParam("q", "Kharkiv").get("/geocode").then().statusCode(200)
                .body("features[0].properties.name", equalTo("Kharkiv"));

        assertThat(runLoad()).contains("loaded 3 places");

        assertFoundByItsNames();
        given().port(httpPort).queryParam("q", "Kharkiv").get("/geocode").then().statusCode(200)
                .body("features", empty());
        List<String> firstLoad = rows("SELECT geonameid || ' ' || norm FROM gazetteer.place_name ORDER BY 1");

        assertThat(runLoad()).contains("loaded 3 places");

        assertFoundByItsNames();
        assertThat(rows("SELECT geonameid || ' ' || norm FROM gazetteer.place_name ORDER BY 1")).isEqualTo(firstLoad);
        assertThat(rows("SELECT count(*) FROM gazetteer.place")).containsExactly("3");
        assertThat(rows("SELECT tablename FROM pg_tables WHERE schemaname = 'gazetteer' AND tablename LIKE '%\\_load'")).isEmpty();
    }

    private static void assertFoundByItsNames() {
        given().port(httpPort).queryParam("q", "Вишняківка").get("/geocode").then().statusCode(200)
                .body("features[0].properties.geonameid", equalTo(900001))
                .body("features[0].properties.admin1", equalTo("Donetsk"))
                .body("features[0].geometry.coordinates", contains(37.2f, 48.1f));
        given().port(httpPort).queryParam("q", "Vishnyakovka").get("/geocode").then().statusCode(200)
                .body("features[0].properties.geonameid", equalTo(900001));
        given().port(httpPort).queryParam("q", "Perelisne").get("/geocode").then().statusCode(200)
                .body("features[0].properties.geonameid", equalTo(900002));
        given().port(httpPort).queryParam("q", "Vyshnyakivkka").get("/geocode").then().statusCode(200)
                .body("features[0].properties.geonameid", equalTo(900001))
                .body("features[0].properties.matchedName", equalTo("Vyshnyakivka"));
        given().port(httpPort).queryParam("q", "Донецька область").get("/geocode").then().statusCode(200)
                .body("features[0].properties.geonameid", equalTo(900003))
                .body("features[0].properties.precision", equalTo("region"));
        given().port(httpPort).queryParam("q", "Pereli").get("/autocomplete").then().statusCode(200)
                .body("features.properties.geonameid", contains(900002));
    }

    private static String runLoad() throws IOException, InterruptedException {
        ProcessBuilder load = new ProcessBuilder(ROOT.resolve("deploy/gazetteer/load").toString(),
                dir.resolve("XX.txt").toString()).redirectErrorStream(true);
        load.environment().put("IM_DB_URL", URL);
        File log = dir.resolve("load.log").toFile();
        load.redirectOutput(log);
        Process process = load.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("load finished").isTrue();
        String output = Files.readString(log.toPath());
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection conn = DriverManager.getConnection(URL, "geocoding", "geocoding");
                Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
