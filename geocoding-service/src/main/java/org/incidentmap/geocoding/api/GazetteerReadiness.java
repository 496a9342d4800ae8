package org.incidentmap.geocoding.api;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.incidentmap.geocoding.gazetteer.GazetteerStore;

/** Ready when the database answers and a gazetteer is loaded. */
@Readiness
@ApplicationScoped
class GazetteerReadiness implements AsyncHealthCheck {

    private final GazetteerStore store;

    GazetteerReadiness(GazetteerStore store) {
        this.store = store;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return store.hasPlaces()
                .map(loaded -> HealthCheckResponse.named("gazetteer").status(loaded).withData("loaded", loaded).build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("gazetteer").down()
                        .withData("error", e.getMessage()).build());
    }
}
