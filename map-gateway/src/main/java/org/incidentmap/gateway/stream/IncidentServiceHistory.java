package org.incidentmap.gateway.stream;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.incidentmap.gateway.upstream.EventPage;
import org.incidentmap.gateway.upstream.IncidentService;
import org.incidentmap.gateway.upstream.IncidentServiceConfig;

/** The event log read over incident-service's {@code GET /events}. */
@ApplicationScoped
class IncidentServiceHistory implements EventHistory {

    private final IncidentService incidents;
    private final IncidentServiceConfig config;

    IncidentServiceHistory(IncidentService incidents, IncidentServiceConfig config) {
        this.incidents = incidents;
        this.config = config;
    }

    @Override
    public Uni<EventPage> eventsAfter(long after, int limit) {
        return incidents.eventsAfter(after, limit);
    }

    @Override
    public Uni<Long> headSeq() {
        return incidents.headSeq();
    }

    @Override
    public int pageSize() {
        return config.eventPageSize();
    }
}
