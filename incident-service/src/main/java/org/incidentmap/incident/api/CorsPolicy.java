package org.incidentmap.incident.api;

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
import java.util.List;
import java.util.Set;

/**
 * Cross-origin requests from browsers: any page may read (GET, HEAD: the data is public), only
 * pages of {@code incident.access.write-origins} may write. A write from another origin is refused
 * with 403 before it reaches an endpoint, its preflight too, so a page elsewhere cannot use a
 * token it got hold of. Quarkus's own CORS filter has one origin list for every method, which
 * cannot say this.
 */
@ApplicationScoped
class CorsPolicy {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final String WRITE_METHODS = "POST, PATCH";
    private static final String WRITE_HEADERS = "Authorization, Content-Type, If-Match, Idempotency-Key";
    private static final String EXPOSED = "ETag, Location, Retry-After";

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
        } else if (writeOrigins.contains(origin)) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            answer(ctx, preflight, WRITE_METHODS, WRITE_HEADERS);
        } else {
            refuse(ctx, origin);
        }
    }

    /** The method a preflight asks about; one that is no method name is taken for a write, and refused. */
    private static HttpMethod askedMethod(String asked) {
        try {
            return HttpMethod.valueOf(asked.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return HttpMethod.POST;
        }
    }

    private void answer(RoutingContext ctx, boolean preflight, String methods, String headers) {
        HttpServerResponse response = ctx.response();
        if (!preflight) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
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
        JsonObject problem = new JsonObject().put("type", "about:blank").put("title", "Forbidden").put("status", 403)
                .put("detail", "pages of " + origin + " may read but not write; writes are open to the origins in "
                        + "incident.access.write-origins")
                .put("instance", ctx.request().path())
                .put("errors", new JsonArray().add(new JsonObject().put("field", "Origin")
                        .put("detail", "is not an origin allowed to write")));
        ctx.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, Problems.PROBLEM_JSON).end(problem.encode());
    }
}
