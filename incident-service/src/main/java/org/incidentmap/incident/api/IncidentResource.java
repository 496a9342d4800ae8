package org.incidentmap.incident.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.incidentmap.incident.domain.FieldError;
import org.incidentmap.incident.domain.IncidentCommands;
import org.incidentmap.incident.domain.IncidentNotFoundException;
import org.incidentmap.incident.domain.InvalidInputException;
import org.incidentmap.incident.store.IncidentQueries;
import org.jboss.resteasy.reactive.RestResponse;

/** Commands and reads of single incidents. Reads are public; writes need a reporter or editor token. */
@Path("/incidents")
public class IncidentResource {

    static final String GEO_JSON = "application/geo+json";

    private final IncidentRequests requests;
    private final IncidentCommands commands;
    private final IncidentQueries queries;
    private final JsonWebToken caller;

    IncidentResource(IncidentRequests requests, IncidentCommands commands, IncidentQueries queries, JsonWebToken caller) {
        this.requests = requests;
        this.commands = commands;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({"reporter", "editor"})
    @Produces(GEO_JSON)
    public Uni<RestResponse<String>> create(byte[] body) {
        var draft = requests.create(body);
        return commands.create(draft, caller.getName()).map(r -> RestResponse.ResponseBuilder
                .<String>create(RestResponse.Status.CREATED)
                .location(URI.create("/incidents/" + r.id()))
                .tag(Integer.toString(r.version()))
                .entity(r.feature())
                .build());
    }

    @GET
    @Path("/{id}")
    @Produces(GEO_JSON)
    public Uni<RestResponse<String>> get(@PathParam("id") String id) {
        var uuid = IncidentRequests.id(id);
        return queries.feature(uuid)
                .onItem().ifNull().failWith(() -> new IncidentNotFoundException(uuid))
                .map(f -> RestResponse.ResponseBuilder.ok(f.feature()).tag(Integer.toString(f.version())).build());
    }

    @GET
    @Path("/{id}/history")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<String> history(@PathParam("id") String id) {
        var uuid = IncidentRequests.id(id);
        return queries.history(uuid).onItem().ifNull().failWith(() -> new IncidentNotFoundException(uuid));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed("editor")
    @Produces(GEO_JSON)
    public Uni<RestResponse<String>> revise(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, byte[] body) {
        var uuid = IncidentRequests.id(id);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new InvalidInputException(428, "Precondition required", List.of(new FieldError("If-Match",
                    "send the version you revise, as GET /incidents/{id} gives it in its ETag")));
        }
        int version = IncidentRequests.version(ifMatch);
        var patch = requests.patch(body);
        return commands.revise(uuid, version, patch, caller.getName()).map(IncidentResource::ok);
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed("editor")
    @Produces(GEO_JSON)
    public Uni<RestResponse<String>> status(@PathParam("id") String id, byte[] body) {
        var uuid = IncidentRequests.id(id);
        var change = requests.status(body);
        return commands.changeStatus(uuid, change.status(), change.reason(), caller.getName()).map(IncidentResource::ok);
    }

    @POST
    @Path("/{id}/sources")
    @RolesAllowed({"reporter", "editor"})
    @Produces(GEO_JSON)
    public Uni<RestResponse<String>> addSource(@PathParam("id") String id, byte[] body) {
        var uuid = IncidentRequests.id(id);
        var source = requests.source(body);
        return commands.addSource(uuid, source, caller.getName()).map(IncidentResource::ok);
    }

    @POST
    @Path("/{id}/claims")
    @RolesAllowed({"reporter", "editor"})
    @Produces(GEO_JSON)
    public Uni<RestResponse<String>> addClaim(@PathParam("id") String id, byte[] body) {
        var uuid = IncidentRequests.id(id);
        var claim = requests.claim(body);
        return commands.addClaim(uuid, claim, caller.getName()).map(IncidentResource::ok);
    }

    private static RestResponse<String> ok(IncidentCommands.Result r) {
        return RestResponse.ResponseBuilder.ok(r.feature()).tag(Integer.toString(r.version())).build();
    }
}
