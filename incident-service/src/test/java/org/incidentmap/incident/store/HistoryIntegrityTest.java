package org.incidentmap.incident.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.incidentmap.incident.support.Incidents;
import org.junit.jupiter.api.Test;

/**
 * The database keeps every revision tied to an existing incident (checked per statement, see
 * V115) and keeps history: incidents are never deleted or renumbered, revisions never rewritten.
 */
@QuarkusTest
class HistoryIntegrityTest {

    private static final String ADD_REVISIONS = """
            INSERT INTO incident.revisions (incident_id, version, author, at, reason, changes)
            SELECT id, 100 + ord, 'test', now(), 'integrity', '{}'
            FROM unnest(CAST(? AS uuid[])) WITH ORDINALITY AS u(id, ord)""";

    @Inject
    DataSource dataSource;

    @Test
    void aRevisionOfNoIncidentIsRefusedAndItsStatementStoresNothing() throws SQLException {
        UUID existing = UUID.fromString(Incidents.createKyiv());
        UUID missing = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            assertThatThrownBy(() -> addRevisions(c, existing, missing))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23503"));
            assertThat(count(c, "SELECT count(*) FROM incident.revisions WHERE incident_id = ANY (CAST(? AS uuid[]))",
                    existing, missing)).as("revisions of both").isEqualTo(1);

            addRevisions(c, existing);
            assertThat(count(c, "SELECT count(*) FROM incident.revisions WHERE incident_id = ANY (CAST(? AS uuid[]))",
                    existing)).isEqualTo(2);
        }
    }

    @Test
    void incidentsAreNeitherDeletedNorRenumberedAndRevisionsNeverRewritten() throws SQLException {
        UUID id = UUID.fromString(Incidents.createKyiv());
        try (Connection c = dataSource.getConnection()) {
            assertRefused(c, "DELETE FROM incident.incidents WHERE id = ?", id);
            assertRefused(c, "UPDATE incident.incidents SET id = gen_random_uuid() WHERE id = ?", id);
            assertRefused(c, "UPDATE incident.revisions SET reason = 'rewritten' WHERE incident_id = ?", id);
            assertRefused(c, "DELETE FROM incident.revisions WHERE incident_id = ?", id);
            assertThat(count(c, "SELECT count(*) FROM incident.revisions WHERE incident_id = ANY (CAST(? AS uuid[])) "
                    + "AND reason = 'created'", id)).isEqualTo(1);
        }
    }

    private static void addRevisions(Connection c, UUID... incidents) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ADD_REVISIONS)) {
            ps.setArray(1, c.createArrayOf("uuid", incidents));
            ps.executeUpdate();
        }
    }

    private static void assertRefused(Connection c, String sql, UUID id) {
        assertThatThrownBy(() -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, id);
                ps.executeUpdate();
            }
        }).as(sql).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23001"));
    }

    private static int count(Connection c, String sql, UUID... ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
