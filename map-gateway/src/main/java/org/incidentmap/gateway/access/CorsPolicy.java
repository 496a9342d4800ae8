package org.incidentmap.gateway.access;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-origin requests from browsers: pages of any origin may read the layers and the stream;
 * only the gateway's own map page and the pages of {@code gateway.access.write-origins} may post
 * to the report review. Another page's write, and its preflight, get 403 problem+json before
 * anything is forwarded. (Quarkus's CORS filter has one origin list for all methods.)
 */
@ApplicationScoped
class CorsPolicy {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final String WRITE_HEADERS = "Authorization, Content-Type, If-Match";

    private final List<String> writeOrigins;
    private final String maxAge;

    CorsPolicy(AccessConfig config) {
        this.writeOrigins = config.writeOrigins().orElse(List.of());
        this.maxAge = Long.toString(config.preflightMaxAge().toSeconds());
    }

    void install(@Observes Router router) {
        router.route().order(-100).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            ctx.next();
            return;
        }
        String asked = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        boolean preflight = request.method() == HttpMethod.OPTIONS && asked != null;
        HttpMethod method = preflight ? askedMethod(asked) : request.method();
        HttpServerResponse response = ctx.response();
        response.headers().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        if (READS.contains(method)) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            answer(ctx, preflight, "GET, HEAD", request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS));
        } else if (sameOrigin(origin, request) || writeOrigins.contains(origin)) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            answer(ctx, preflight, "POST", WRITE_HEADERS);
        } else {
            refuse(ctx, origin);
        }
    }

    /** The map page itself: browsers send Origin on its same-origin posts too. */
    private static boolean sameOrigin(String origin, HttpServerRequest request) {
        String host = request.getHeader(HttpHeaders.HOST);
        try {
            return host != null && host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The method a preflight asks about; one that is no method name is taken for a write, and refused. */
    private static HttpMethod askedMethod(String asked) {
        try {
            return HttpMethod.valueOf(asked.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return HttpMethod.POST;
        }
    }

    private void answer(RoutingContext ctx, boolean preflight, String methods, String headers) {
        HttpServerResponse response = ctx.response();
        if (!preflight) {
            ctx.next();
            return;
        }
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods)
                .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, maxAge);
        if (headers != null) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers);
        }
        response.setStatusCode(204).end();
    }

    private static void refuse(RoutingContext ctx, String origin) {
        String detail = "pages of " + origin + " may read but not post; posts are open to the map page and the "
                + "origins in gateway.access.write-origins";
        JsonObject problem = new JsonObject().put("type", "about:blank").put("title", "Forbidden").put("status", 403)
                .put("detail", detail).put("parameter", "Origin")
                .put("errors", new JsonArray().add(new JsonObject().put("field", "Origin").put("detail", detail)));
        ctx.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(problem.encode());
    }
}
