package org.incidentmap.geocoding.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The COPY loader against the real database, in a schema of its own so the service's gazetteer is untouched. */
@QuarkusTest
class GazetteerLoaderTest {

    private static final String SCHEMA = "gazetteer_loader_test";

    @Inject
    AgroalDataSource dataSource;

    private GazetteerLoader loader;

    @BeforeEach
    void migrateOwnSchema() {
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).load().migrate();
        loader = new GazetteerLoader(dataSource::getConnection, RenameAliases.none(), SCHEMA);
    }

    @Test
    void smallDumpLoadsPlacesWithAllTheirNamesKeyedAndAdminNames() throws Exception {
        GazetteerLoader.Result result = loader.load(List.of(resource("small-dump.txt")), List.of(resource("admin-codes.txt")));

        assertThat(result.places()).isEqualTo(3);
        assertThat(result.adminCodes()).isEqualTo(3);
        assertThat(query("SELECT p.name || '|' || a.name FROM " + SCHEMA + ".place_name n JOIN " + SCHEMA
                + ".place p USING (geonameid) JOIN " + SCHEMA + ".admin_code a ON a.code = p.country || '.' || p.admin1"
                + " WHERE n.norm = 'testopil'")).containsExactly("Testopil|Donetsk");
        // Cyrillic names are keyed by both transliterations, and the region by its stem.
        assertThat(query("SELECT norm FROM " + SCHEMA + ".place_name WHERE geonameid = 100001 ORDER BY norm"))
                .contains("testopil", "testopol");
        assertThat(query("SELECT norm FROM " + SCHEMA + ".place_name WHERE geonameid = 100003"))
                .contains("donetsk oblast", "donetsk", "donetska oblast");
        assertThat(query("SELECT ST_AsText(geom) FROM " + SCHEMA + ".place WHERE geonameid = 100002"))
                .containsExactly("POINT(36 49)");
        // Places carry their admin names, so lookups need no join for them; unknown codes are null.
        assertThat(query("SELECT admin1_name || '|' || coalesce(admin2_name, '-') FROM " + SCHEMA
                + ".place WHERE geonameid = 100001")).containsExactly("Donetsk|Kramatorskyi Raion");
        assertThat(query("SELECT coalesce(admin2_name, '-') FROM " + SCHEMA + ".place WHERE geonameid = 100002"))
                .containsExactly("-");
    }

    @Test
    void reloadingReplacesTheDataInsteadOfAddingToItAndLeavesNoStagingTables() throws Exception {
        loader.load(List.of(resource("small-dump.txt")), List.of(resource("admin-codes.txt")));
        long names = count("place_name");

        loader.load(List.of(resource("small-dump.txt")), List.of(resource("admin-codes.txt")));

        assertThat(count("place")).isEqualTo(3);
        assertThat(count("place_name")).isEqualTo(names);
        assertThat(query("SELECT tablename FROM pg_tables WHERE schemaname = '" + SCHEMA + "' ORDER BY tablename"))
                .contains("place", "place_name", "admin_code").noneMatch(t -> t.endsWith("_load"));
        assertThat(query("SELECT indexname FROM pg_indexes WHERE schemaname = '" + SCHEMA + "' AND tablename = 'place_name'"))
                .containsExactlyInAnyOrder("place_name_norm_idx", "place_name_skel_idx", "place_name_trgm_idx");
    }

    @Test
    void aFailedLoadLeavesThePreviousGazetteerInPlace() throws Exception {
        loader.load(List.of(resource("small-dump.txt")), List.of(resource("admin-codes.txt")));

        assertThatThrownBy(() -> loader.load(List.of(resource("broken-dump.txt")), List.of(resource("admin-codes.txt"))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(count("place")).isEqualTo(3);
    }

    private static GazetteerLoader.Input resource(String name) {
        return () -> GazetteerLoaderTest.class.getResourceAsStream("/loader/" + name);
    }

    private long count(String table) throws SQLException {
        return Long.parseLong(query("SELECT count(*) FROM " + SCHEMA + "." + table).get(0));
    }

    private List<String> query(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection conn = dataSource.getConnection(); Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
