package org.incidentmap.incident.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.incidentmap.common.DatabaseOutage;
import org.incidentmap.incident.domain.FieldError;
import org.incidentmap.incident.domain.IncidentNotFoundException;
import org.incidentmap.incident.domain.InvalidInputException;
import org.incidentmap.incident.domain.VersionConflictException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one funnel from failures to RFC 9457 problem details. */
class Problems {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(Problems.class);

    private final ObjectMapper mapper;
    private final String retryAfter;

    Problems(ObjectMapper mapper, ApiConfig config) {
        this.mapper = mapper;
        this.retryAfter = Long.toString(Math.max(1, config.retryAfter().toSeconds()));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    }

    @ServerExceptionMapper
    RestResponse<String> invalidInput(InvalidInputException e, UriInfo uri) {
        String detail = e.errors().isEmpty() ? null
                : e.errors().get(0).field() + ": " + e.errors().get(0).detail();
        return problem(e.status(), e.title(), detail, uri, e.errors());
    }

    @ServerExceptionMapper
    RestResponse<String> notFound(IncidentNotFoundException e, UriInfo uri) {
        return problem(404, "Not found", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    RestResponse<String> versionConflict(VersionConflictException e, UriInfo uri) {
        return problem(412, "Precondition failed", e.getMessage(), uri,
                List.of(new FieldError("If-Match", e.getMessage())));
    }

    /**
     * Authentication runs inside the REST layer (quarkus.http.auth.proactive=false), so a missing,
     * expired or foreign token arrives here rather than as an empty 401 from the HTTP layer.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    RestResponse<String> unauthenticated(RuntimeException e, UriInfo uri) {
        return builder(401, "Unauthorized",
                "this request needs a valid bearer token (a JWT signed by the incident-map issuer)", uri,
                List.of(new FieldError("Authorization", "missing, malformed, expired, or not issued for this service")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    RestResponse<String> forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "Forbidden", "the token's roles (its groups claim) do not allow this request: creating "
                + "incidents and adding sources or claims needs reporter or editor; revising, changing status, "
                + "imports and report decisions need editor", uri,
                List.of(new FieldError("Authorization", "the token's groups do not allow this request")));
    }

    @ServerExceptionMapper
    RestResponse<String> rateLimited(RateLimits.RateLimitedException e, UriInfo uri) {
        return builder(429, "Too many requests", e.getMessage(), uri, null)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds)).build();
    }

    @ServerExceptionMapper
    RestResponse<String> web(WebApplicationException e, UriInfo uri) {
        Response r = e.getResponse();
        var answer = builder(r.getStatus(), r.getStatusInfo().getReasonPhrase(), e.getMessage(), uri,
                headerAt(r.getStatus()));
        return (r.getStatus() == 503 ? answer.header(HttpHeaders.RETRY_AFTER, retryAfter) : answer).build();
    }

    @ServerExceptionMapper
    RestResponse<String> unexpected(Exception e, UriInfo uri) {
        if (DatabaseOutage.causedBy(e)) {
            LOG.warnf("database unreachable: %s", e.toString());
            return builder(503, "Service unavailable", "the database cannot be reached; nothing was written, "
                    + "try again later", uri, null).header(HttpHeaders.RETRY_AFTER, retryAfter).build();
        }
        LOG.error("request failed", e);
        return problem(500, "Internal error", "the request failed on the server; see the service log", uri, null);
    }

    /** The request header a routing failure is about, for the problem's errors. */
    private static List<FieldError> headerAt(int status) {
        return switch (status) {
            case 406 -> List.of(new FieldError(HttpHeaders.ACCEPT, "names no media type this endpoint writes"));
            case 415 -> List.of(new FieldError(HttpHeaders.CONTENT_TYPE, "names no media type this endpoint reads"));
            default -> null;
        };
    }

    private RestResponse<String> problem(int status, String title, String detail, UriInfo uri, List<FieldError> errors) {
        return builder(status, title, detail, uri, errors).build();
    }

    private RestResponse.ResponseBuilder<String> builder(int status, String title, String detail, UriInfo uri,
            List<FieldError> errors) {
        String type = "about:blank";
        Problem p = new Problem(type, title, status, detail, uri == null ? null : uri.getPath(), errors);
        try {
            return RestResponse.ResponseBuilder.<String>create(status).type(PROBLEM_JSON)
                    .entity(mapper.writeValueAsString(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
