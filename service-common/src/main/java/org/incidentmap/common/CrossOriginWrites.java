package org.incidentmap.common;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-origin requests from browsers: pages of any origin may read (GET, HEAD: the data is
 * public); only the configured write origins (and, where the service serves a page, that page
 * itself) may write. A write from another origin is refused with 403 problem+json before it
 * reaches an endpoint, its preflight too, so a page elsewhere cannot use a token it got hold of.
 * Quarkus's own CORS filter has one origin list for every method, which cannot say this.
 */
public final class CrossOriginWrites implements Handler<RoutingContext> {

    /**
     * What an allowed origin may write and how a refusal reads: the methods and request headers a
     * preflight is answered with, the response headers exposed to cross-origin pages (if any), whether a page
     * of the service's own origin may write, and the configuration key that lists the origins.
     */
    public record Writes(String methods, String headers, Optional<String> exposedHeaders, boolean ownPages,
            String originsKey) {
    }

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final List<String> writeOrigins;
    private final String maxAge;
    private final Writes writes;

    public CrossOriginWrites(List<String> writeOrigins, Duration preflightMaxAge, Writes writes) {
        this.writeOrigins = List.copyOf(writeOrigins);
        this.maxAge = Long.toString(preflightMaxAge.toSeconds());
        this.writes = writes;
    }

    @Override
    public void handle(RoutingContext ctx) {
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
        } else if ((writes.ownPages() && sameOrigin(origin, request)) || writeOrigins.contains(origin)) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            answer(ctx, preflight, writes.methods(), writes.headers());
        } else {
            refuse(ctx, origin);
        }
    }

    /** A page of the service itself: browsers send Origin on its same-origin writes too. */
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
            writes.exposedHeaders().ifPresent(exposed -> response.putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed));
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

    private void refuse(RoutingContext ctx, String origin) {
        String detail = "pages of " + origin + " may read but not write; writes are open to "
                + (writes.ownPages() ? "this service's own pages and " : "") + "the origins in " + writes.originsKey();
        JsonObject problem = new JsonObject().put("type", "about:blank").put("title", "Forbidden").put("status", 403)
                .put("detail", detail).put("instance", ctx.request().path()).put("parameter", "Origin")
                .put("errors", new JsonArray().add(new JsonObject().put("field", "Origin")
                        .put("detail", "is not an origin allowed to write")));
        ctx.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(problem.encode());
    }
}
