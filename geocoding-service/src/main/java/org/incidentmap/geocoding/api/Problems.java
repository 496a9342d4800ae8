package org.incidentmap.geocoding.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one error funnel: refused input becomes RFC 9457 problem+json naming the field. */
class Problems {

    static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    Response badRequest(BadRequest e) {
        return problem(e.field(), e.getMessage());
    }

    @ServerExceptionMapper
    Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof UnrecognizedPropertyException u ? u.getPropertyName() : "body";
        return problem(field, "request body is not valid: " + e.getOriginalMessage());
    }

    static Response problem(String field, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", "Bad Request");
        body.put("status", 400);
        body.put("detail", detail);
        body.put("field", field);
        return Response.status(400).type(PROBLEM_JSON).entity(body).build();
    }
}
