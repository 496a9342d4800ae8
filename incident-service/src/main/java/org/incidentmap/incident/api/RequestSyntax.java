package org.incidentmap.incident.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.incidentmap.common.RequestSyntaxRule;
import org.incidentmap.incident.domain.InvalidInputException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every request is checked against {@link RequestSyntaxRule} before it is routed, so every endpoint is covered. */
class RequestSyntax {

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    void check(ContainerRequestContext request) {
        RequestSyntaxRule.check(request, InvalidInputException::of);
    }
}
