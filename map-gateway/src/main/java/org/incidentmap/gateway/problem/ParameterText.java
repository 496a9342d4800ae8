package org.incidentmap.gateway.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import org.incidentmap.common.RequestSyntaxRule;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every request is checked against {@link RequestSyntaxRule} before it is routed: query parameters
 * must be text that can be passed on and stored (behind the OGC layers incident-service failed on a
 * NUL), a Content-Type must be a media type.
 */
public class ParameterText {

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    void check(ContainerRequestContext request) {
        RequestSyntaxRule.check(request, BadParameterException::new);
    }

    /** For routes outside the REST layer, which this filter does not see (the live stream). */
    public static void requireStorable(String name, String value) {
        RequestSyntaxRule.requireStorable(name, List.of(value), BadParameterException::new);
    }
}
