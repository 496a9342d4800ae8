package org.incidentmap.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The rows of the tables a service's requests could write, counted in the real database. */
final class Rows implements AutoCloseable {

    static final List<String> INCIDENT_TABLES = List.of("incident.incidents", "incident.revisions", "incident.events",
            "incident.sources", "incident.claims", "incident.reports", "incident.report_decisions", "incident.imports");
    static final List<String> GAZETTEER_TABLES = List.of("gazetteer.place", "gazetteer.place_name", "gazetteer.admin_code");

    private final Connection connection;
    private final List<String> tables;
    private final String count;

    Rows(List<String> tables) {
        this.tables = tables;
        this.count = "SELECT " + tables.stream().map(t -> "(SELECT count(*) FROM " + t + ")").collect(Collectors.joining(", "));
        try {
            connection = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + Stack.PG_PORT + "/incidentmap", "postgres", "");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "table=count, …", so that a difference says where a write went. */
    String count() {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(count)) {
            rs.next();
            List<String> counts = new ArrayList<>();
            for (int i = 0; i < tables.size(); i++) {
                counts.add(tables.get(i) + "=" + rs.getLong(i + 1));
            }
            return String.join(", ", counts);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
