package org.incidentmap.geocoding.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The service's statements run with generic plans (plan_cache_mode=force_generic_plan): each one
 * must still reach place_name through an index, as it must on a gazetteer of millions of names.
 * Plans are taken on the bundled gazetteer the service loads at startup.
 */
@QuarkusTest
class GazetteerStorePlansTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void candidateLookupUsesTheNameAndSkeletonIndexes() throws SQLException {
        String plan = genericPlan("text[], text[], int", GazetteerStore.LOOKUP, "'{kharkiv}', '{Hrkv}', 25");

        assertThat(plan).contains("place_name_norm_idx", "place_name_skel_idx").doesNotContain("Seq Scan on place_name");
    }

    @Test
    void trigramSearchUsesTheTrigramIndex() throws SQLException {
        String plan = genericPlan("text[], int", GazetteerStore.FUZZY, "'{kharkiw}', 10");

        assertThat(plan).contains("place_name_trgm_idx").doesNotContain("Seq Scan on place_name");
    }

    @Test
    void autocompleteScansOnlyTheNamesWithThePrefix() throws SQLException {
        String plan = genericPlan("text, text, int", GazetteerStore.AUTOCOMPLETE, "'zapor', 'zapor', 10");

        assertThat(plan).contains("Index Cond: ((norm ~>=~ $1)").doesNotContain("Seq Scan on place_name");
    }

    private String genericPlan(String types, String sql, String arguments) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection conn = dataSource.getConnection(); Statement st = conn.createStatement()) {
            st.execute("SET plan_cache_mode = force_generic_plan");
            st.execute("PREPARE planned (" + types + ") AS " + sql);
            try (ResultSet rs = st.executeQuery("EXPLAIN EXECUTE planned (" + arguments + ")")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            } finally {
                st.execute("DEALLOCATE planned");
                st.execute("RESET plan_cache_mode");
            }
        }
        return plan.toString();
    }
}
