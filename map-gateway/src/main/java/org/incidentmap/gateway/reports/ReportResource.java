package org.incidentmap.gateway.reports;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import org.incidentmap.gateway.problem.BadParameterException;

/** The map page's report panel: analyse a pasted report, accept or reject its candidates (incident-service decides). */
@Path("/api/reports")
public class ReportResource {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Pattern CANDIDATE = Pattern.compile("[0-9]{1,9}");

    private final ReportProxy proxy;

    ReportResource(ReportProxy proxy) {
        this.proxy = proxy;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> submit(@HeaderParam("Authorization") String authorization, byte[] body) {
        return proxy.post("/reports", authorization, null, body);
    }

    @POST
    @Path("/{id}/candidates/{n}/{decision:accept|reject}")
    public Uni<Response> decide(@PathParam("id") String id, @PathParam("n") String n,
            @PathParam("decision") String decision, @HeaderParam("Authorization") String authorization,
            @HeaderParam("If-Match") String ifMatch, @HeaderParam("Content-Type") String contentType, byte[] body) {
        if (!UUID.matcher(id).matches()) {
            throw new BadParameterException("id", "id must be a report UUID");
        }
        if (!CANDIDATE.matcher(n).matches()) {
            throw new BadParameterException("n", "n must be a candidate number (0, 1, ...)");
        }
        if (body.length > 0 && !isJson(contentType)) {
            throw new NotSupportedException("a decision's body is application/json");
        }
        return proxy.post("/reports/" + id + "/candidates/" + n + "/" + decision, authorization, ifMatch, body);
    }

    /** A body without a JSON media type is not passed on: incident-service would refuse it anyway. */
    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(MediaType.valueOf(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
