package org.incidentmap.incident.bulkimport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.incidentmap.incident.support.Incidents;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.Test;

/** Bulk imports stream a file, report per-row errors and progress, and are idempotent on the client key. */
@QuarkusTest
class ImportTest {

    private static final int ROWS = 3000;

    /** Every 500th row is bad in a different way; the rest are valid. */
    private static String featureCollection(String oblast) {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int n = 1; n <= ROWS; n++) {
            if (n > 1) {
                sb.append(',');
            }
            double lat = 46.0 + (n % 600) / 100.0;
            double lon = 30.0 + (n % 900) / 100.0;
            int killed = n % 500 == 0 ? -1 : n % 7;
            String coordinates = n % 500 == 250 ? "[" + lon + ",95.0]" : "[" + lon + "," + lat + "]";
            sb.append("""
                    {"type":"Feature","geometry":{"type":"Point","coordinates":%s},"properties":{
                     "eventType":"Explosions/Remote violence","subEventType":"Air/drone strike","weapons":["drone"],
                     "occurredOn":"2024-0%d-1%d","admin1":"%s","country":"UA","placeName":"Place %d","killed":%d}}"""
                    .formatted(coordinates, 1 + n % 9, n % 10, oblast, n, killed));
        }
        return sb.append("]}").toString();
    }

    private static JsonPath awaitFinished(String location) {
        return await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300))
                .until(() -> given().when().get(location).then().statusCode(200).extract().jsonPath(),
                        status -> !List.of("queued", "running").contains(status.getString("state")));
    }

    @Test
    void aGeoJsonImportStoresValidRowsReportsBadOnesAndIsIdempotentOnItsKey() {
        String oblast = "Import oblast " + UUID.randomUUID();
        String body = featureCollection(oblast);
        String key = "import-" + UUID.randomUUID();
        long head = Incidents.headSeq();

        String location = given().auth().oauth2(Tokens.editor()).contentType("application/geo+json")
                .header("Idempotency-Key", key).body(body)
                .when().post("/imports")
                .then().statusCode(202).extract().header("Location");

        // the service answers other requests while the import runs
        given().when().get("/incidents?limit=1").then().statusCode(200);

        JsonPath status = awaitFinished(location);
        int bad = 2 * (ROWS / 500);
        assertThat(status.getString("state")).isEqualTo("done");
        assertThat(status.getInt("rowsRead")).isEqualTo(ROWS);
        assertThat(status.getInt("rowsImported")).isEqualTo(ROWS - bad);
        assertThat(status.getInt("rowsFailed")).isEqualTo(bad);
        List<Map<String, Object>> errors = status.getList("errors");
        assertThat(errors).contains(
                Map.of("row", 250, "field", "geometry.coordinates[1]", "detail", "must be between -90 and 90"));
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.get("row")).isEqualTo(500);
            assertThat(e.get("field")).isEqualTo("properties.killed");
        });
        assertThat(errors).extracting(e -> (Integer) e.get("row")).isSorted();
        // chunks are written concurrently but commit in file order, so seqs follow the rows
        List<Integer> placesBySeq = eventsAfter(head).stream()
                .map(e -> e.get("properties"))
                .filter(p -> oblast.equals(p.get("admin1")))
                .map(p -> Integer.valueOf(((String) p.get("placeName")).substring("Place ".length())))
                .toList();
        assertThat(placesBySeq).hasSize(ROWS - bad).isSorted();
        JsonPath listed = given().when().get("/incidents?limit=10000&admin1=" + oblast).then().statusCode(200)
                .extract().jsonPath();
        assertThat(listed.getInt("numberReturned")).isEqualTo(ROWS - bad);
        assertThat(listed.getString("features[0].properties.weapons[0]")).isEqualTo("drone");

        String again = given().auth().oauth2(Tokens.editor()).contentType("application/geo+json")
                .header("Idempotency-Key", key).body(body)
                .when().post("/imports")
                .then().statusCode(200).extract().header("Location");
        assertThat(again).isEqualTo(location);
        assertThat(given().when().get("/incidents?limit=10000&admin1=" + oblast).then().extract().jsonPath()
                .getInt("numberReturned")).isEqualTo(ROWS - bad);
    }

    @Test
    void anAcledCsvImportMapsItsColumns() {
        String oblast = "Csv oblast " + UUID.randomUUID();
        StringBuilder csv = new StringBuilder(
                "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,country,"
                        + "admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities\n");
        for (int n = 1; n <= 1000; n++) {
            csv.append("UKR").append(n).append(",").append(1 + n % 28).append(" January 2024,2024,1,Political violence,")
                    .append("Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Russia,Ukraine,")
                    .append(oblast).append(",Raion,\"Village, ").append(n).append("\",48.5,37.9,2,Kyiv Independent,")
                    .append("\"Shelling hit a \"\"school\"\"\",").append(n % 3).append('\n');
        }
        csv.append("UKR-bad,31 February 2024,2024,1,Political violence,Explosions/Remote violence,,,Ukraine,")
                .append(oblast).append(",,Nowhere,48.5,37.9,1,,,0\n");

        String location = given().auth().oauth2(Tokens.editor()).contentType("text/csv").body(csv.toString())
                .when().post("/imports")
                .then().statusCode(202).extract().header("Location");
        JsonPath status = awaitFinished(location);
        assertThat(status.getInt("rowsImported")).isEqualTo(1000);
        assertThat(status.getInt("rowsFailed")).isEqualTo(1);
        assertThat(status.getString("errors[0].field")).isEqualTo("occurredOn");
        assertThat(status.getInt("errors[0].row")).isEqualTo(1001);

        given().when().get("/incidents?limit=1&datetime=2024-01-02&admin1=" + oblast).then().statusCode(200)
                .body("features[0].properties.placeName", startsWith("Village, "))
                .body("features[0].properties.country", equalTo("UA"))
                .body("features[0].properties.geoPrecision", equalTo(2))
                .body("features[0].properties.sources[0].outlet", equalTo("Kyiv Independent"))
                .body("features[0].properties.sources[0].excerpt", equalTo("Shelling hit a \"school\""));
    }

    @Test
    void anImportedIncidentGetsTheRevisionAndEventASingleCreateWrites() {
        String oblast = "Event oblast " + UUID.randomUUID();
        String feature = Incidents.kyivStrikeFeature().replace("\"Kyiv City\"", "\"" + oblast + "\"");
        long head = Incidents.headSeq();
        String created = Incidents.create(feature).statusCode(201).extract().path("id");

        String location = given().auth().oauth2(Tokens.editor()).contentType("application/geo+json")
                .body("{\"type\":\"FeatureCollection\",\"features\":[" + feature + "," + feature + "]}")
                .when().post("/imports")
                .then().statusCode(202).extract().header("Location");
        assertThat(awaitFinished(location).getInt("rowsImported")).isEqualTo(2);

        List<Map<String, Object>> events = given().when().get("/events?after=" + head + "&limit=1000").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("events").stream()
                .filter(e -> oblast.equals(((Map<?, ?>) e.get("properties")).get("admin1")))
                .toList();
        assertThat(events).hasSize(3);
        Map<String, Object> single = events.get(0);
        assertThat(single.get("id")).isEqualTo(created);
        List<Map<String, Object>> imported = events.subList(1, 3);
        assertThat(((Number) imported.get(1).get("seq")).longValue())
                .isEqualTo(((Number) imported.get(0).get("seq")).longValue() + 1);
        for (Map<String, Object> event : imported) {
            assertThat(event.get("kind")).isEqualTo("incident.created");
            assertThat(event.keySet()).isEqualTo(single.keySet());
            assertThat(without(event, "seq", "kind", "time"))
                    .isEqualTo(given().when().get("/incidents/" + event.get("id")).then().statusCode(200)
                            .extract().jsonPath().getMap(""));
            assertThat(anonymous(event)).isEqualTo(anonymous(single));
            Map<String, Object> revision = given().when().get("/incidents/" + event.get("id") + "/history").then()
                    .statusCode(200).extract().jsonPath().getMap("revisions[0]");
            Map<String, Object> createdRevision = given().when().get("/incidents/" + created + "/history").then()
                    .extract().jsonPath().getMap("revisions[0]");
            assertThat(revision.get("version")).isEqualTo(1);
            assertThat(revision.get("reason")).isEqualTo("imported");
            assertThat(revision.get("changes")).isEqualTo(createdRevision.get("changes"));
        }
    }

    private static List<Map<String, Map<String, Object>>> eventsAfter(long seq) {
        List<Map<String, Map<String, Object>>> events = new java.util.ArrayList<>();
        for (long after = seq; ; ) {
            List<Map<String, Map<String, Object>>> page = given().when().get("/events?after=" + after + "&limit=1000")
                    .then().statusCode(200).extract().jsonPath().getList("events");
            if (page.isEmpty()) {
                return events;
            }
            events.addAll(page);
            after += page.size();
        }
    }

    private static Map<String, Object> without(Map<String, Object> event, String... members) {
        Map<String, Object> copy = new java.util.HashMap<>(event);
        for (String member : members) {
            copy.remove(member);
        }
        return copy;
    }

    /** The event without what differs between two incidents with the same content: id, seq, times. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> anonymous(Map<String, Object> event) {
        Map<String, Object> copy = without(event, "id", "seq", "time");
        Map<String, Object> properties = new java.util.HashMap<>((Map<String, Object>) copy.get("properties"));
        properties.remove("createdAt");
        properties.remove("updatedAt");
        copy.put("properties", properties);
        return copy;
    }

    @Test
    void importsNeedAnEditor() {
        given().auth().oauth2(Tokens.reporter()).contentType("text/csv").body("event_date\n")
                .when().post("/imports").then().statusCode(403);
    }
}
