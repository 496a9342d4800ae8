package org.incidentmap.geocoding.api;

import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A query string must be correctly percent-encoded: the decoder's own failure on a stray '%' was a
 * bare 400. Checked on the raw query before routing, for every endpoint; what the decoded values
 * may hold is each field's check in {@link Inputs}.
 */
class QuerySyntax {

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    void check(HttpServerRequest http) {
        String raw = http.query();
        if (raw == null) {
            return;
        }
        for (String pair : raw.split("&")) {
            for (int i = pair.indexOf('%'); i >= 0; i = pair.indexOf('%', i + 1)) {
                if (i + 2 >= pair.length() || Character.digit(pair.charAt(i + 1), 16) < 0
                        || Character.digit(pair.charAt(i + 2), 16) < 0) {
                    int eq = pair.indexOf('=');
                    String name = eq <= 0 ? "query" : pair.substring(0, eq);
                    throw new BadRequest(name, name + " holds a '%' that is not followed by two hexadecimal digits");
                }
            }
        }
    }
}
