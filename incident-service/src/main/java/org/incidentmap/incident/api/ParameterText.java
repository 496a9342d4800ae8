package org.incidentmap.incident.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.incidentmap.incident.domain.InvalidInputException;
import org.incidentmap.incident.requests.StorableText;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Query parameters, names and values, must be storable text like body members: a NUL in
 * {@code eventType} reached PostgreSQL, which failed the statement (500 on /stats, a list cut off
 * after its 200 had gone out). Checked before routing, so every endpoint is covered.
 */
class ParameterText {

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    void check(ContainerRequestContext request) {
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
