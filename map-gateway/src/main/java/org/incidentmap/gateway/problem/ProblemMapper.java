package org.incidentmap.gateway.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentmap.gateway.upstream.IncidentServiceConfig;
import org.incidentmap.gateway.upstream.UpstreamException;
import org.incidentmap.gateway.upstream.UpstreamStatusException;
import org.incidentmap.gateway.upstream.UpstreamUnavailableException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place errors become RFC 9457 problem documents. */
class ProblemMapper {

    static final String PROBLEM_JSON = "application/problem+json";

    private final String retryAfter;

    ProblemMapper(IncidentServiceConfig config) {
        this.retryAfter = seconds(config.retryAfter());
    }

    @ServerExceptionMapper
    Response badParameter(BadParameterException e) {
        return Response.status(400).type(PROBLEM_JSON).entity(e.problem()).build();
    }

    /** What the REST layer refuses itself: an unknown path (404), a wrong method (405), a body in another media type (415). */
    @ServerExceptionMapper
    Response web(WebApplicationException e) {
        Response r = e.getResponse();
        String header = switch (r.getStatus()) {
            case 406 -> HttpHeaders.ACCEPT;
            case 415 -> HttpHeaders.CONTENT_TYPE;
            default -> null;
        };
        return Response.status(r.getStatus()).type(PROBLEM_JSON)
                .entity(document(r.getStatus(), r.getStatusInfo().getReasonPhrase(), header, e.getMessage())).build();
    }

    /** A problem naming what was wrong as {@code parameter} and, as incident-service does, in {@code errors}. */
    static Map<String, Object> document(int status, String title, String parameter, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (parameter != null) {
            body.put("parameter", parameter);
            body.put("errors", List.of(Map.of("field", parameter, "detail", detail == null ? title : detail)));
        }
        return body;
    }

    /** incident-service's refusal as it is; its 503 keeps a Retry-After, incident-service's own or the gateway's. */
    @ServerExceptionMapper
    Response upstreamStatus(UpstreamStatusException e) {
        String wait = e.retryAfter() != null ? e.retryAfter() : e.status() == 503 ? retryAfter : null;
        return Response.status(e.status()).type(e.contentType() == null ? PROBLEM_JSON : e.contentType())
                .header(HttpHeaders.RETRY_AFTER, wait).entity(e.body()).build();
    }

    @ServerExceptionMapper
    Response upstreamUnavailable(UpstreamUnavailableException e) {
        return Response.status(503).type(PROBLEM_JSON).header(HttpHeaders.RETRY_AFTER, seconds(e.retryAfter()))
                .entity(document(503, e.service() + " unavailable", null, e.getMessage())).build();
    }

    private static String seconds(Duration wait) {
        return Long.toString(Math.max(1, wait.toSeconds()));
    }

    /** incident-service answered something the gateway cannot use. */
    @ServerExceptionMapper
    Response upstream(UpstreamException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", "Bad gateway");
        body.put("status", 502);
        body.put("detail", e.getMessage());
        return Response.status(502).type(PROBLEM_JSON).entity(body).build();
    }
}
