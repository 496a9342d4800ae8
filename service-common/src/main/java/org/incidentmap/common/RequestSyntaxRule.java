package org.incidentmap.common;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * What every request must be before it is routed, checked by each service's pre-matching filter so
 * that every endpoint is covered. Query parameters, names and values, must be {@link StorableText}:
 * a NUL in a parameter reached PostgreSQL, which failed the statement (a 500, or a list cut off
 * after its 200 had gone out). A Content-Type must be a media type: one that is not cannot name one
 * an endpoint reads (415), whether or not the endpoint declares its types.
 */
public final class RequestSyntaxRule {

    /** How the service refuses a parameter: its own 400 problem naming it. */
    public interface Refusal {
        RuntimeException of(String parameter, String detail);
    }

    private RequestSyntaxRule() {
    }

    public static void check(ContainerRequestContext request, Refusal refusal) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            try {
                MediaType.valueOf(contentType);
            } catch (IllegalArgumentException e) {
                throw new NotSupportedException("Content-Type '" + contentType + "' is not a media type");
            }
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            requireStorable(parameter.getKey(), parameter.getValue(), refusal);
        }
    }

    /** The same rule for routes outside the REST layer, which a filter does not see (the live stream). */
    public static void requireStorable(String name, List<String> values, Refusal refusal) {
        String problem = StorableText.problem(name);
        if (problem != null) {
            throw refusal.of(name, "the parameter name " + problem);
        }
        for (String value : values) {
            problem = StorableText.problem(value);
            if (problem != null) {
                throw refusal.of(name, problem);
            }
        }
    }
}
