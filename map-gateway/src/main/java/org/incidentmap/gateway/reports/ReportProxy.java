package org.incidentmap.gateway.reports;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.incidentmap.gateway.upstream.IncidentService;

/**
 * Passes the map page's report review and review queue calls on to incident-service with the caller's bearer token:
 * the gateway holds no credentials and decides nothing; incident-service authorises each call.
 */
@ApplicationScoped
class ReportProxy {

    private final IncidentService incidentService;

    ReportProxy(IncidentService incidentService) {
        this.incidentService = incidentService;
    }

    /** POSTs {@code body} (JSON, may be empty) to incident-service's {@code path}; its answer comes back as is. */
    Uni<Response> post(String path, String authorization, String ifMatch, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", authorization);
        headers.put("If-Match", ifMatch);
        return incidentService.unreachableAsUnavailable(incidentService.post(path, headers, body).map(ReportProxy::relay));
    }

    /** GETs incident-service's {@code path} with {@code query} and the caller's token; its answer comes back as is. */
    Uni<Response> get(String path, MultiMap query, String authorization) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", authorization);
        return incidentService.unreachableAsUnavailable(incidentService.get(path, query, headers).map(ReportProxy::relay));
    }

    private static Response relay(HttpResponse<Buffer> upstream) {
        var out = Response.status(upstream.statusCode());
        String type = upstream.getHeader("Content-Type");
        if (type != null) {
            out.type(type);
        }
        String retryAfter = upstream.getHeader("Retry-After");
        if (retryAfter != null) {
            out.header("Retry-After", retryAfter);
        }
        Buffer body = upstream.body();
        return (body == null ? out : out.entity(body.getBytes())).build();
    }
}
