package org.incidentmap.incident.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Events carry Features rendered in Java ({@link IncidentFeature}), by imports and single changes
 * alike; they must be the Features the view the reads stream builds for the same rows, whatever the
 * rows hold.
 */
@QuarkusTest
class IncidentFeatureTest {

    @Inject
    DataSource dataSource;

    @Test
    void coordinatesArePrintedAsPostgisPrintsThem() throws SQLException {
        Random random = new Random(42);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 30.0, 25.489, 0.1 + 0.2, 179.9999999995,
                179.9999999985, 5.0000000005, 5.0000000015, 12.3456789125, 1e-5, 2e-8, 1e-8, 9.99e-9, 5e-9,
                1.234567890123e-9, -3.5e-12, 1e-300, Double.MIN_VALUE, -180.0, 90.0));
        for (int k = 0; k < 3000; k++) {
            double magnitude = switch (k % 4) {
                case 0 -> 180;
                case 1 -> 1;
                case 2 -> 1e-7;
                default -> 1e-9;
            };
            values.add((random.nextDouble() * 2 - 1) * magnitude);
            // and as coordinates mostly come: one to nine decimals
            double scale = Math.pow(10, 1 + k % 9);
            values.add(Math.round((random.nextDouble() * 2 - 1) * 180 * scale) / scale);
        }
        List<String> expected = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT public.ST_AsGeoJSON(public.ST_MakePoint(v, 0)) FROM unnest(CAST(? AS float8[])) WITH ORDINALITY
                AS u(v, ord) ORDER BY ord""")) {
            Array array = c.createArrayOf("float8", values.toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String point = rs.getString(1);
                    expected.add(point.substring(point.indexOf('[') + 1, point.indexOf(',', point.indexOf('['))));
                }
            }
        }
        List<String> rendered = values.stream().map(IncidentFeature::coordinate).toList();
        for (int k = 0; k < values.size(); k++) {
            assertThat(rendered.get(k)).as("coordinate %s", values.get(k)).isEqualTo(expected.get(k));
        }
    }

    @Test
    void everyImportedEventCarriesTheFeatureTheViewBuilds() throws SQLException {
        String oblast = "Feature oblast " + UUID.randomUUID();
        String body = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[30.52345678912345,50.4501]},
                  "properties":{"eventType":"Explosions/Remote violence","subEventType":"Air/drone strike",
                   "weapons":["drone","glide bomb"],"targets":["residential \\"block\\"","школа"],
                   "occurredOn":"2024-03-01","timePrecision":2,"geoPrecision":1,"placeName":"Київ — Kyiv",
                   "admin1":"%1$s","admin2":"Tab\\there","country":"UA","killed":3,"killedAtLeast":true,
                   "injured":null,"actor":"Military Forces of Russia",
                   "sources":[{"outlet":"Outlet \\\\ one","url":"https://example.org/a?b=c&d=e",
                     "publishedAt":"2024-03-01T10:15:30.123456789+02:00","excerpt":"Line one\\nline two 🚀"},
                    {"outlet":"Second","url":null,"publishedAt":null,"excerpt":null}],
                   "claims":[{"claimant":"Regional administration","killed":4,"killedAtLeast":false,"injured":7,
                     "injuredAtLeast":true,"statement":"«four dead»","sourceUrl":"https://example.org/c"},
                    {"claimant":"Ministry","killed":null,"injured":null}]}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[36.2,49.99]},
                  "properties":{"eventType":"Battles","occurredOn":"2023-12-31","admin1":"%1$s","country":"UA",
                   "killed":0,"injured":0,"status":"verified"}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[0.000000005,-0.00000002]},
                  "properties":{"eventType":"Explosions/Remote violence","occurredOn":"2022-02-24",
                   "admin1":"%1$s","killed":1}}
                ]}""".formatted(oblast);
        String location = given().auth().oauth2(Tokens.editor()).contentType("application/geo+json")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/imports").then().statusCode(202).extract().header("Location");
        JsonPath status = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().when().get(location).then().statusCode(200).extract().jsonPath(),
                        s -> !List.of("queued", "running").contains(s.getString("state")));
        assertThat(status.getString("state")).as(status.prettify()).isEqualTo("done");
        assertThat(status.getInt("rowsImported")).as(status.prettify()).isEqualTo(3);

        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT count(*),
                       count(*) FILTER (WHERE CAST(e.payload AS jsonb) - 'seq' - 'kind' - 'time' = CAST(f.feature AS jsonb)
                           AND CAST(e.payload AS jsonb) ->> 'seq' = CAST(e.seq AS text)
                           AND CAST(e.payload AS jsonb) ->> 'kind' = e.kind
                           AND CAST(e.payload AS jsonb) ->> 'time' = incident.iso_instant(e.time))
                FROM incident.events e JOIN incident.incident_features f ON f.id = e.incident_id
                WHERE f.admin1 = ?""")) {
            ps.setString(1, oblast);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
                assertThat(rs.getInt(2)).as("events equal to the view's Feature").isEqualTo(3);
            }
        }
    }

    @Test
    void everyEventOfASingleChangeCarriesTheFeatureTheViewBuildsAfterIt() throws SQLException {
        String oblast = "Single feature oblast " + UUID.randomUUID();
        String id = given().auth().oauth2(Tokens.editor()).contentType("application/json").body("""
                {"eventType":"Explosions/Remote violence","occurredOn":"2024-05-02","latitude":50.4501,
                 "longitude":30.52345678912345,"admin1":"%s","country":"UA","weapons":["missile"],"killed":2,
                 "sources":[{"outlet":"Outlet","url":"https://example.org/s","publishedAt":"2024-05-02T08:00:00.1234567Z",
                   "excerpt":"Quoted «text»"}]}""".formatted(oblast).getBytes(StandardCharsets.UTF_8))
                .when().post("/incidents").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.editor()).contentType("application/json").header("If-Match", "\"1\"")
                .body("{\"injured\":5,\"latitude\":50.46,\"longitude\":30.51}")
                .when().patch("/incidents/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.editor()).contentType("application/json")
                .body("{\"claimant\":\"Regional administration\",\"killed\":3,\"statement\":\"three\"}")
                .when().post("/incidents/" + id + "/claims").then().statusCode(200);

        // each event against the view as the incident is now: only the last one matches all members
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT e.kind, CAST(e.payload AS jsonb) - 'seq' - 'kind' - 'time' - 'previousGeometry'
                           = CAST(f.feature AS jsonb)
                FROM incident.events e JOIN incident.incident_features f ON f.id = e.incident_id
                WHERE f.admin1 = ? ORDER BY e.seq""")) {
            ps.setString(1, oblast);
            List<Boolean> equal = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    equal.add(rs.getBoolean(2));
                }
            }
            assertThat(equal).containsExactly(false, false, true);
        }
    }
}
