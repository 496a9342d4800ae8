package org.incidentmap.geocoding.gazetteer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Loads the bundled gazetteer at startup when the database has none, before the service
 * reports ready. A gazetteer loaded earlier (the bundled one or another dump) is kept.
 */
@ApplicationScoped
public class GazetteerBootstrap {

    private final AgroalDataSource dataSource;
    private final GazetteerConfig config;

    GazetteerBootstrap(AgroalDataSource dataSource, GazetteerConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws IOException, SQLException {
        if (config.loadDefaultWhenEmpty() && isEmpty()) {
            loadDefault();
        }
    }

    /** Replaces the gazetteer with the bundled one. */
    public GazetteerLoader.Result loadDefault() throws IOException, SQLException {
        return new GazetteerLoader(dataSource::getConnection, DefaultGazetteer.renames())
                .load(DefaultGazetteer.dumps(), DefaultGazetteer.adminCodes());
    }

    private boolean isEmpty() throws SQLException {
        try (Connection conn = dataSource.getConnection(); Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM gazetteer.place)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
