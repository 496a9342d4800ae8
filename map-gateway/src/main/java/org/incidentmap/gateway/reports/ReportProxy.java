package org.incidentmap.gateway.reports;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.incidentmap.gateway.upstream.IncidentServiceConfig;

/**
 * Passes the map page's report review calls on to incident-service with the caller's bearer token:
 * the gateway holds no credentials and decides nothing; incident-service authorises each call.
 */
@ApplicationScoped
class ReportProxy {

    private final IncidentServiceConfig config;
    private final URI base;
    private final WebClient client;

    ReportProxy(IncidentServiceConfig config, Vertx vertx) {
        this.config = config;
        this.base = URI.create(config.url());
        this.client = WebClient.create(vertx, new io.vertx.ext.web.client.WebClientOptions()
                .setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort() > 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80)
                .setSsl("https".equals(base.getScheme())));
    }

    /** POSTs {@code body} (JSON, may be empty) to incident-service's {@code path}; its answer comes back as is. */
    Uni<Response> post(String path, String authorization, String ifMatch, byte[] body) {
        var request = client.post(base.getPath() + path)
                .putHeader("Accept", "application/json")
                .timeout(config.timeout().toMillis());
        if (authorization != null) {
            request.putHeader("Authorization", authorization);
        }
        if (ifMatch != null) {
            request.putHeader("If-Match", ifMatch);
        }
        Uni<HttpResponse<Buffer>> sent = body == null || body.length == 0
                ? request.send()
                : request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body));
        return sent.map(ReportProxy::relay);
    }

    private static Response relay(HttpResponse<Buffer> upstream) {
        var out = Response.status(upstream.statusCode());
        String type = upstream.getHeader("Content-Type");
        if (type != null) {
            out.type(type);
        }
        Buffer body = upstream.body();
        return (body == null ? out : out.entity(body.getBytes())).build();
    }
}
