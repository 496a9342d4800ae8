package org.incidentmap.gateway.mappage;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.incidentmap.gateway.problem.BadParameterException;
import org.incidentmap.gateway.upstream.IncidentService;

/** The few JSON documents the map page reads besides the OGC layer and the stream. */
@Path("/api")
public class MapPageResource {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final MapConfig config;
    private final IncidentService incidents;

    MapPageResource(MapConfig config, IncidentService incidents) {
        this.config = config;
        this.incidents = incidents;
    }

    @GET
    @Path("/map-config")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> mapConfig() {
        Map<String, String> doc = new LinkedHashMap<>();
        config.tileUrl().ifPresent(url -> doc.put("tileUrl", url));
        config.tileAttribution().ifPresent(text -> doc.put("tileAttribution", text));
        doc.put("timelineStart", config.timelineStart().toString());
        return doc;
    }

    /** An incident's revision history as incident-service keeps it (small: read whole, passed on). */
    @GET
    @Path("/incidents/{id}/history")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> history(@PathParam("id") String id) {
        if (!UUID.matcher(id).matches()) {
            throw new BadParameterException("id", "id must be an incident UUID");
        }
        return incidents.open("/incidents/" + id + "/history", MultiMap.caseInsensitiveMultiMap(), MediaType.APPLICATION_JSON)
                .flatMap(response -> response.body().map(body -> Response.status(response.statusCode())
                        .type(response.statusCode() == 200 ? MediaType.APPLICATION_JSON : "application/problem+json")
                        .header("Retry-After", response.getHeader("Retry-After"))
                        .entity(body.toString()).build()));
    }
}
