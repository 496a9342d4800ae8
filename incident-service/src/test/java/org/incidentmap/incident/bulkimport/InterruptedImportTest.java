package org.incidentmap.incident.bulkimport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Imports left queued or running by an instance that stopped are failed as interrupted, never
 * those whose instance is alive, and one with a client key resumes after its last stored row.
 * The dead instance is played by rows whose heartbeat stopped an hour ago.
 */
@QuarkusTest
class InterruptedImportTest {

    @Inject
    DataSource dataSource;

    @Inject
    ImportHeartbeat heartbeat;

    private UUID leftBehind(String state, String clientKey, int rowsDone, String heartbeatAge) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO incident.imports (id, client_key, format, state, rows_read, rows_imported, author,
                    created_at, heartbeat_at)
                VALUES (?, ?, 'csv', ?, ?, ?, 'someone', now() - interval '2 hours', now() - CAST(? AS interval))""")) {
            ps.setObject(1, id);
            ps.setString(2, clientKey);
            ps.setString(3, state);
            ps.setInt(4, rowsDone);
            ps.setInt(5, rowsDone);
            ps.setString(6, heartbeatAge);
            ps.executeUpdate();
        }
        return id;
    }

    private static JsonPath status(UUID id) {
        return given().when().get("/imports/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void importsWhoseHeartbeatStoppedAreFailedAsInterruptedAndLiveOnesAreLeftRunning() throws SQLException {
        UUID running = leftBehind("running", "dead-" + UUID.randomUUID(), 4000, "1 hour");
        UUID queued = leftBehind("queued", null, 0, "1 hour");
        UUID live = leftBehind("running", null, 2000, "1 second");
        try {
            List<UUID> failed = heartbeat.failStale();

            assertThat(failed).contains(running, queued).doesNotContain(live);
            JsonPath wasRunning = status(running);
            assertThat(wasRunning.getString("state")).isEqualTo("failed");
            assertThat(wasRunning.getString("detail")).isEqualTo("interrupted by a restart of the service after row 4000; "
                    + "POST the same file again with the same Idempotency-Key to resume after that row");
            assertThat(wasRunning.getString("finishedAt")).isNotNull();
            JsonPath wasQueued = status(queued);
            assertThat(wasQueued.getString("state")).isEqualTo("failed");
            assertThat(wasQueued.getString("detail")).startsWith("interrupted by a restart of the service after row 0");
            assertThat(status(live).getString("state")).isEqualTo("running");
        } finally {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("DELETE FROM incident.imports WHERE id = ?")) {
                ps.setObject(1, live);
                ps.executeUpdate();
            }
        }
    }

    @Test
    void anInterruptedImportResumesAfterItsStoredRowsWhenPostedAgainWithItsKey() throws SQLException {
        String key = "resume-" + UUID.randomUUID();
        UUID id = leftBehind("running", key, 600, "1 hour");
        heartbeat.failStale();
        String oblast = "Resumed oblast " + UUID.randomUUID();
        StringBuilder csv = new StringBuilder("event_date,event_type,sub_event_type,country,admin1,location,latitude,longitude\n");
        for (int n = 1; n <= 1000; n++) {
            csv.append("3 March 2024,Explosions/Remote violence,Air/drone strike,Ukraine,").append(oblast)
                    .append(",Place ").append(n).append(",48.5,37.9\n");
        }

        String location = given().auth().oauth2(Tokens.editor()).contentType("text/csv")
                .header("Idempotency-Key", key).body(csv.toString())
                .when().post("/imports")
                .then().statusCode(202).extract().header("Location");

        assertThat(location).endsWith("/imports/" + id);
        JsonPath done = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> status(id), s -> !List.of("queued", "running").contains(s.getString("state")));
        assertThat(done.getString("state")).isEqualTo("done");
        assertThat(done.getInt("rowsRead")).isEqualTo(1000);
        assertThat(done.getInt("rowsImported")).isEqualTo(1000);
        assertThat(done.getString("detail")).isNull();
        List<String> places = given().when().get("/incidents?limit=10000&admin1=" + oblast).then().statusCode(200)
                .extract().jsonPath().getList("features.properties.placeName");
        assertThat(places).hasSize(400)
                .allSatisfy(place -> assertThat(Integer.parseInt(place.substring("Place ".length()))).isGreaterThan(600));

        given().auth().oauth2(Tokens.editor()).contentType("text/csv").header("Idempotency-Key", key).body(csv.toString())
                .when().post("/imports")
                .then().statusCode(200);
        assertThat(given().when().get("/incidents?limit=10000&admin1=" + oblast).then().extract().jsonPath()
                .getInt("numberReturned")).isEqualTo(400);
    }
}
