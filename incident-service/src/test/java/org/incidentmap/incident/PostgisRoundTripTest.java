package org.incidentmap.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service's reactive client reaches the real PostGIS the test command starts. */
@QuarkusTest
class PostgisRoundTripTest {

    @Inject
    Pool pool;

    @Test
    void pointWrittenAsGeoJsonIsFoundByDistanceAndReadBackAsGeoJson() {
        List<Row> rows = pool.withTransaction(conn -> conn
                .query("CREATE TEMP TABLE probe (name text, geom geometry(Point, 4326)) ON COMMIT DROP")
                .execute()
                .chain(() -> conn.preparedQuery(
                        "INSERT INTO probe VALUES ($1, ST_SetSRID(ST_GeomFromGeoJSON($2), 4326))")
                        .executeBatch(List.of(
                                Tuple.of("Vyshhorod", "{\"type\":\"Point\",\"coordinates\":[30.4849,50.5846]}"),
                                Tuple.of("Kherson", "{\"type\":\"Point\",\"coordinates\":[32.6169,46.6354]}"))))
                .chain(() -> conn.preparedQuery("""
                        SELECT name, ST_AsGeoJSON(geom) AS geojson FROM probe
                        WHERE ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $3)""")
                        .execute(Tuple.of(30.5234, 50.4501, 25_000.0)))
                .map(set -> {
                    List<Row> out = new java.util.ArrayList<>();
                    set.forEach(out::add);
                    return out;
                }))
                .await().atMost(Duration.ofSeconds(10));

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getString("name")).isEqualTo("Vyshhorod");
        assertThat(rows.get(0).getString("geojson"))
                .isEqualTo("{\"type\":\"Point\",\"coordinates\":[30.4849,50.5846]}");
    }
}
