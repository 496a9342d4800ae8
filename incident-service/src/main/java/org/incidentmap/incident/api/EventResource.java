package org.incidentmap.incident.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.incidentmap.incident.events.EventQueries;

/** The event log after a sequence number, for consumers that fell behind. */
@Path("/events")
public class EventResource {

    private final EventQueries events;
    private final ApiConfig config;

    EventResource(EventQueries events, ApiConfig config) {
        this.events = events;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<String> after(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        long from = QueryParams.longValue("after", after, 0, 0, Long.MAX_VALUE);
        int max = (int) QueryParams.longValue("limit", limit, config.maxEvents(), 1, config.maxEvents());
        return events.after(from, max);
    }
}
