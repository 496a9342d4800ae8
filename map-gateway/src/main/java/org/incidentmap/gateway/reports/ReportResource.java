package org.incidentmap.gateway.reports;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import org.incidentmap.gateway.problem.BadParameterException;

/** The map page's report panel: analyse a pasted report, accept or reject its candidates (incident-service decides). */
@Path("/api/reports")
public class ReportResource {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final ReportProxy proxy;

    ReportResource(ReportProxy proxy) {
        this.proxy = proxy;
    }

    @POST
    public Uni<Response> submit(@HeaderParam("Authorization") String authorization, byte[] body) {
        return proxy.post("/reports", authorization, null, body);
    }

    @POST
    @Path("/{id}/candidates/{n}/{decision:accept|reject}")
    public Uni<Response> decide(@PathParam("id") String id, @PathParam("n") int n,
            @PathParam("decision") String decision, @HeaderParam("Authorization") String authorization,
            @HeaderParam("If-Match") String ifMatch, byte[] body) {
        if (!UUID.matcher(id).matches()) {
            throw new BadParameterException("id", "id must be a report UUID");
        }
        return proxy.post("/reports/" + id + "/candidates/" + n + "/" + decision, authorization, ifMatch, body);
    }
}
