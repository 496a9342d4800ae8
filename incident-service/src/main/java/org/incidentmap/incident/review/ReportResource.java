package org.incidentmap.incident.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.incidentmap.incident.requests.IncidentRequests;
import org.jboss.resteasy.reactive.RestResponse;

/** Review of pasted news reports: submit one, read its candidates, accept or reject each. */
@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReportRequests requests;
    private final ReportReview review;
    private final JsonWebToken caller;

    ReportResource(ReportRequests requests, ReportReview review, JsonWebToken caller) {
        this.requests = requests;
        this.review = review;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({"reporter", "editor"})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ObjectNode>> submit(byte[] body) {
        var submission = requests.submission(body);
        return review.submit(submission, caller.getName()).map(s -> s.created()
                ? RestResponse.ResponseBuilder.<ObjectNode>create(RestResponse.Status.CREATED)
                        .location(URI.create("/reports/" + s.report().path("id").asText())).entity(s.report()).build()
                : RestResponse.ok(s.report()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"reporter", "editor"})
    public Uni<ObjectNode> get(@PathParam("id") String id) {
        return review.get(IncidentRequests.id(id));
    }

    @POST
    @Path("/{id}/candidates/{n}/accept")
    @RolesAllowed("editor")
    public Uni<RestResponse<ReportReview.Acceptance>> accept(@PathParam("id") String id, @PathParam("n") String n,
            @HeaderParam("If-Match") String ifMatch, @HeaderParam("Content-Type") String contentType, byte[] body) {
        var corrections = requests.corrections(contentType, body);
        return review.accept(IncidentRequests.id(id), IncidentRequests.candidate(n), corrections, ifMatch == null || ifMatch.isBlank() ? null : IncidentRequests.version(ifMatch), caller.getName())
                .map(a -> RestResponse.ResponseBuilder.<ReportReview.Acceptance>create(
                        "created".equals(a.action()) ? RestResponse.Status.CREATED : RestResponse.Status.OK)
                        .location(URI.create("/incidents/" + a.incidentId())).entity(a).build());
    }

    @POST
    @Path("/{id}/candidates/{n}/reject")
    @RolesAllowed("editor")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Void>> reject(@PathParam("id") String id, @PathParam("n") String n, byte[] body) {
        var rejection = requests.rejection(body);
        return review.reject(IncidentRequests.id(id), IncidentRequests.candidate(n), rejection.reason(), caller.getName())
                .map(v -> RestResponse.noContent());
    }
}
