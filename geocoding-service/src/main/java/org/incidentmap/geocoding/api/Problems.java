package org.incidentmap.geocoding.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.incidentmap.common.DatabaseOutage;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one error funnel: refused input becomes RFC 9457 problem+json naming the field, both as
 * {@code field} and, as incident-service writes it, in an {@code errors} list.
 */
class Problems {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(Problems.class);

    private final String retryAfter;

    Problems(ApiConfig config) {
        this.retryAfter = Long.toString(Math.max(1, config.retryAfter().toSeconds()));
    }

    @ServerExceptionMapper
    Response badRequest(BadRequest e) {
        return problem(400, "Bad Request", e.field(), e.getMessage());
    }

    /** More specific than the one below, so that it wins over the REST layer's own mapper of this type. */
    @ServerExceptionMapper
    Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    Response unreadableJson(JsonProcessingException e) {
        return problem(400, "Bad Request", field(e), "request body is not valid: " + e.getOriginalMessage());
    }

    /**
     * What the REST layer refuses itself: a body in another media type (415), an empty body where
     * one is required, an unknown path (404), a method the path does not take (405).
     */
    @ServerExceptionMapper
    Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        Response r = e.getResponse();
        String field = switch (r.getStatus()) {
            case 400 -> "body";
            case 406 -> HttpHeaders.ACCEPT;
            case 415 -> HttpHeaders.CONTENT_TYPE;
            default -> null;
        };
        String detail = r.getStatus() == 400 ? "a JSON object is required" : e.getMessage();
        return problem(r.getStatus(), r.getStatusInfo().getReasonPhrase(), field, detail);
    }

    /** The database being unreachable is a 503 the client retries; anything else unforeseen is a fault of ours. */
    @ServerExceptionMapper
    Response unexpected(Exception e) {
        if (DatabaseOutage.causedBy(e)) {
            LOG.warnf("database unreachable: %s", e.toString());
            return Response.fromResponse(problem(503, "Service unavailable", null,
                    "the database cannot be reached; try again later")).header(HttpHeaders.RETRY_AFTER, retryAfter).build();
        }
        LOG.error("request failed", e);
        return problem(500, "Internal error", null, "the request failed on the server; see the service log");
    }

    /** The JSON path of the member the failure is about: {@code queries[2].q}. */
    private static String field(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String path = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining());
            path = path.startsWith(".") ? path.substring(1) : path;
            return path.isEmpty() ? "body" : path;
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return u.getPropertyName().isEmpty() ? "body" : u.getPropertyName();
        }
        if (e instanceof StreamReadException r && r.getProcessor() != null
                && r.getProcessor().getParsingContext().getCurrentName() != null) {
            return r.getProcessor().getParsingContext().getCurrentName();
        }
        return "body";
    }

    static Response problem(int status, String title, String field, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (field != null) {
            body.put("field", field);
            body.put("errors", List.of(Map.of("field", field, "detail", detail == null ? title : detail)));
        }
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
