package org.incidentmap.gateway.problem;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What every request must be before it is routed. Query parameters must be text that can be
 * passed on and stored: no NUL (PostgreSQL cannot hold it; behind the OGC layers incident-service
 * failed on one) and no lone UTF-16 surrogate. A Content-Type must be a media type (415 otherwise,
 * naming it), whether or not the endpoint declares the types it reads.
 */
public class ParameterText {

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    void check(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            try {
                MediaType.valueOf(contentType);
            } catch (IllegalArgumentException e) {
                throw new NotSupportedException("Content-Type '" + contentType + "' is not a media type");
            }
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                requireStorable(parameter.getKey(), value);
            }
        }
    }

    /** For routes outside the REST layer, which this filter does not see (the live stream). */
    public static void requireStorable(String name, String value) {
        if (!storable(name)) {
            throw new BadParameterException(name, "a parameter name must not contain NUL or a lone surrogate");
        }
        if (!storable(value)) {
            throw new BadParameterException(name, name + " must not contain NUL or a lone surrogate");
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
