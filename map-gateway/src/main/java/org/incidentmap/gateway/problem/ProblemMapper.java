package org.incidentmap.gateway.problem;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.incidentmap.gateway.upstream.UpstreamException;
import org.incidentmap.gateway.upstream.UpstreamStatusException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place errors become RFC 9457 problem documents. */
class ProblemMapper {

    static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    Response badParameter(BadParameterException e) {
        return Response.status(400).type(PROBLEM_JSON).entity(e.problem()).build();
    }

    @ServerExceptionMapper
    Response upstreamStatus(UpstreamStatusException e) {
        return Response.status(e.status()).type(e.contentType() == null ? PROBLEM_JSON : e.contentType())
                .entity(e.body()).build();
    }

    @ServerExceptionMapper
    Response upstream(UpstreamException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", "incident-service unavailable");
        body.put("status", 502);
        body.put("detail", e.getMessage());
        return Response.status(502).type(PROBLEM_JSON).entity(body).build();
    }
}
