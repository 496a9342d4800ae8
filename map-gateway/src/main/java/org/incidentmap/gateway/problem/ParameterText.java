package org.incidentmap.gateway.problem;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Query parameters must be text that can be passed on and stored: correctly percent-encoded (the
 * decoder's own failure was a bare 400), no NUL (PostgreSQL cannot hold it; behind the OGC layers
 * incident-service failed on one) and no lone UTF-16 surrogate. Checked before routing, for every
 * endpoint.
 */
class ParameterText {

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    void check(ContainerRequestContext request, HttpServerRequest http) {
        String broken = brokenEscape(http.query());
        if (broken != null) {
            throw new BadParameterException(broken, broken + " holds a '%' that is not followed by two hexadecimal digits");
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            String name = parameter.getKey();
            if (!storable(name)) {
                throw new BadParameterException(name, "a parameter name must not contain NUL or a lone surrogate");
            }
            for (String value : parameter.getValue()) {
                if (!storable(value)) {
                    throw new BadParameterException(name, name + " must not contain NUL or a lone surrogate");
                }
            }
        }
    }

    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The raw name of the first query parameter whose percent-encoding is broken, or null; read before anything decodes it. */
    private static String brokenEscape(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            for (int i = pair.indexOf('%'); i >= 0; i = pair.indexOf('%', i + 1)) {
                if (i + 2 >= pair.length() || Character.digit(pair.charAt(i + 1), 16) < 0
                        || Character.digit(pair.charAt(i + 2), 16) < 0) {
                    int eq = pair.indexOf('=');
                    return eq <= 0 ? "query" : pair.substring(0, eq);
                }
            }
        }
        return null;
    }
}
