package org.incidentmap.gateway.reports;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incidentmap.gateway.problem.BadParameterException;

/**
 * The map page's queue panel: the candidates waiting for an editor, read from incident-service's
 * {@code GET /review} with the caller's token. Only the queue's own parameters are passed on, each
 * once; incident-service checks their values and the token.
 */
@Path("/api/review")
public class ReviewQueueResource {

    private static final Set<String> PARAMS = Set.of("state", "source", "limit", "after");

    private final ReportProxy proxy;

    ReviewQueueResource(ReportProxy proxy) {
        this.proxy = proxy;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> pending(@Context UriInfo uri, @HeaderParam("Authorization") String authorization) {
        MultiMap query = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            String name = parameter.getKey();
            if (!PARAMS.contains(name)) {
                throw new BadParameterException(name, "unknown parameter " + name + "; known: " + PARAMS);
            }
            if (parameter.getValue().size() > 1) {
                throw new BadParameterException(name, name + " may be given once");
            }
            query.add(name, parameter.getValue().get(0));
        }
        return proxy.get("/review", query, authorization);
    }
}
