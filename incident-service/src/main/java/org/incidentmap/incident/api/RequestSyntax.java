package org.incidentmap.incident.api;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.incidentmap.incident.domain.InvalidInputException;
import org.incidentmap.incident.requests.StorableText;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What every request must be before it is routed, so that every endpoint is covered. Query
 * parameters, names and values, must be storable text like body members: a NUL in
 * {@code eventType} reached PostgreSQL, which failed the statement (500 on /stats, a list cut off
 * after its 200 had gone out). A Content-Type must be a media type: one that is not cannot name
 * one an endpoint reads (415), whether or not the endpoint declares its types.
 */
class RequestSyntax {

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
            String name = parameter.getKey();
            String problem = StorableText.problem(name);
            if (problem != null) {
                throw InvalidInputException.of(name, "the parameter name " + problem);
            }
            for (String value : parameter.getValue()) {
                problem = StorableText.problem(value);
                if (problem != null) {
                    throw InvalidInputException.of(name, problem);
                }
            }
        }
    }
}
