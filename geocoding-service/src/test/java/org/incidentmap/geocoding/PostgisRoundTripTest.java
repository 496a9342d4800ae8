package org.incidentmap.geocoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import net.postgis.jdbc.PGgeometry;
import net.postgis.jdbc.geometry.Point;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** The JDBC side (used by the bulk loader) speaks PostGIS types to the real server. */
@QuarkusTest
class PostgisRoundTripTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void pointWrittenAsPostgisTypeIsFoundByDistanceAndReadBackAsGeoJson() throws Exception {
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            conn.unwrap(PGConnection.class).addDataType("geometry", PGgeometry.class);
            try (Statement st = conn.createStatement()) {
                st.execute("CREATE TEMP TABLE probe (name text, geom geometry(Point, 4326)) ON COMMIT DROP");
            }
            try (PreparedStatement insert = conn.prepareStatement("INSERT INTO probe VALUES (?, ?)")) {
                for (Object[] place : new Object[][] {{"Ternopil", 25.5948, 49.5535}, {"Lviv", 24.0232, 49.8397}}) {
                    Point point = new Point((double) place[1], (double) place[2]);
                    point.setSrid(4326);
                    insert.setString(1, (String) place[0]);
                    insert.setObject(2, new PGgeometry(point));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement query = conn.prepareStatement("""
                    SELECT name, geom, ST_AsGeoJSON(geom) FROM probe
                    WHERE ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, ?)""")) {
                query.setDouble(1, 25.60);
                query.setDouble(2, 49.55);
                query.setDouble(3, 10_000);
                try (ResultSet rs = query.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("Ternopil");
                    Point read = (Point) ((PGgeometry) rs.getObject(2)).getGeometry();
                    assertThat(read.getX()).isEqualTo(25.5948);
                    assertThat(read.getSrid()).isEqualTo(4326);
                    assertThat(rs.getString(3)).isEqualTo("{\"type\":\"Point\",\"coordinates\":[25.5948,49.5535]}");
                    assertThat(rs.next()).isFalse();
                }
            }
            conn.rollback();
        }
    }
}
