package org.incidentmap.gateway.counters;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.incidentmap.gateway.problem.BadParameterException;
import org.incidentmap.gateway.upstream.IncidentService;

/**
 * {@code GET /api/stats}: the counters of a map view, counted by incident-service over every
 * incident in the bbox that the filters match, so a page needs no copy of the incidents to show
 * them.
 */
@Path("/api/stats")
public class ViewCountersResource {

    private static final Set<String> PARAMS = Set.of("bbox", "datetime", "eventType", "status", "admin1", "minKilled");

    private final IncidentService incidents;

    ViewCountersResource(IncidentService incidents) {
        this.incidents = incidents;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Totals of a view: incidents, killed, killedAtLeast, killedUnknown, injured, injuredAtLeast,"
            + " injuredUnknown, and the seq they reflect")
    public Uni<String> totals(@Context UriInfo uri) {
        MultiMap filters = MultiMap.caseInsensitiveMultiMap();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!PARAMS.contains(name)) {
                throw new BadParameterException(name, "unknown parameter " + name + "; known: " + PARAMS);
            }
            if (!values.isEmpty() && !values.get(0).isBlank()) {
                filters.add(name, values.get(0));
            }
        });
        return incidents.totals(filters);
    }
}
