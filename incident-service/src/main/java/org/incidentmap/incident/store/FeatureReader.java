package org.incidentmap.incident.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Reads an incident's Feature inside the caller's transaction, as PostGIS builds it. */
@ApplicationScoped
public class FeatureReader {

    private static final String FEATURE =
            "SELECT CAST(incident.feature(i) AS text) FROM incident.incidents i WHERE i.id = CAST(:id AS uuid)";

    public Uni<String> current(UUID id) {
        return Panache.getSession().chain(session -> session.flush()
                .chain(() -> session.createNativeQuery(FEATURE, String.class)
                        .setParameter("id", id.toString())
                        .getSingleResult()));
    }
}
