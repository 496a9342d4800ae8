package org.incidentmap.gateway.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Query parameters must be text that can be passed on and stored: no NUL (PostgreSQL cannot hold
 * it; behind the OGC layers incident-service failed on one) and no lone UTF-16 surrogate. Checked
 * before routing, for every endpoint.
 */
class ParameterText {

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    void check(ContainerRequestContext request) {
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
}
