package org.incidentmap.incident.sources;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.incidentmap.incident.domain.InvalidInputException;
import org.jboss.resteasy.reactive.RestResponse;

/** Live sources: register a feed, list them with their health, upload a Telegram export. Editors only. */
@Path("/sources")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("editor")
public class SourceResource {

    private final SourceRequests requests;
    private final Sources sources;
    private final ObjectMapper mapper;
    private final JsonWebToken caller;

    SourceResource(SourceRequests requests, Sources sources, ObjectMapper mapper, JsonWebToken caller) {
        this.requests = requests;
        this.sources = sources;
        this.mapper = mapper;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ObjectNode>> register(byte[] body) {
        var registration = requests.registration(body);
        return sources.register(registration, caller.getName()).map(s -> RestResponse.ResponseBuilder
                .<ObjectNode>create(RestResponse.Status.CREATED).location(URI.create("/sources/" + s.id()))
                .entity(SourceView.of(mapper, s)).build());
    }

    @GET
    public Uni<ObjectNode> list() {
        return sources.all().map(all -> {
            ObjectNode out = mapper.createObjectNode();
            ArrayNode items = out.putArray("sources");
            all.forEach(s -> items.add(SourceView.of(mapper, s)));
            return out;
        });
    }

    @GET
    @Path("/{id}")
    public Uni<ObjectNode> one(@PathParam("id") String id) {
        return sources.one(id(id)).map(s -> SourceView.of(mapper, s));
    }

    /** The file Telegram Desktop writes when it exports a channel (result.json), for a telegram-export source. */
    @PUT
    @Path("/{id}/export")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> upload(@PathParam("id") String id, byte[] body) {
        return sources.upload(id(id), body).map(s -> SourceView.of(mapper, s));
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(404, "Not found", java.util.List.of(
                    new org.incidentmap.incident.domain.FieldError("id", "is not a source id")));
        }
    }
}
