package org.incidentmap.incident.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.incidentmap.incident.domain.InvalidInputException;
import org.incidentmap.incident.store.IncidentStats;

/** Aggregates by oblast, day or week, and totals, filtered like the list. */
@Path("/stats")
public class StatsResource {

    private static final Set<String> PARAMS = params();

    private final IncidentStats stats;

    StatsResource(IncidentStats stats) {
        this.stats = stats;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<String> stats(@Context UriInfo uri) {
        var query = uri.getQueryParameters();
        ListParams.rejectUnknown(query, PARAMS);
        String by = query.getFirst("by") == null ? "oblast" : query.getFirst("by");
        IncidentStats.By grouping;
        try {
            grouping = IncidentStats.By.valueOf(by.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("by", "must be oblast, day or week");
        }
        return stats.aggregate(ListParams.filter(query), grouping);
    }

    /** Totals of the incidents matching the list's filters, bbox included: the counters of a map view. */
    @GET
    @Path("/totals")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<String> totals(@Context UriInfo uri) {
        var query = uri.getQueryParameters();
        ListParams.rejectUnknown(query, ListParams.FILTERS);
        return stats.totals(ListParams.filter(query));
    }

    private static Set<String> params() {
        Set<String> names = new HashSet<>(ListParams.FILTERS);
        names.add("by");
        return Set.copyOf(names);
    }
}
