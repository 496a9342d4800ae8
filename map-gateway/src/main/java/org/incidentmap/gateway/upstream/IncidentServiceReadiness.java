package org.incidentmap.gateway.upstream;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while incident-service answers its event log: without it, resume and layers fail. */
@Readiness
@ApplicationScoped
class IncidentServiceReadiness implements AsyncHealthCheck {

    private final IncidentService incidents;

    IncidentServiceReadiness(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return incidents.headSeq()
                .map(head -> HealthCheckResponse.named("incident-service").up()
                        .withData("url", incidents.baseUrl()).withData("headSeq", head).build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("incident-service").down()
                        .withData("url", incidents.baseUrl()).withData("error", String.valueOf(failure.getMessage())).build());
    }
}
