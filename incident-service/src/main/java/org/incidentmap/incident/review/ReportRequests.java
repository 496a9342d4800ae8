package org.incidentmap.incident.review;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.validator.constraints.URL;
import org.incidentmap.incident.domain.FieldError;
import org.incidentmap.incident.domain.InvalidInputException;
import org.incidentmap.incident.requests.JsonBodies;

/** Turns review request bodies into validated values; bad input becomes a problem naming the field. */
@ApplicationScoped
public class ReportRequests {

    private final JsonBodies bodies;
    private final ReportsConfig config;
    private final Clock clock = Clock.systemUTC();

    ReportRequests(JsonBodies bodies, ReportsConfig config) {
        this.bodies = bodies;
        this.config = config;
    }

    /** Body of {@code POST /reports}. */
    public record Submission(@NotNull String text, @NotNull @Valid SourceRef source) {
    }

    /** Where the report was published; the URL, when given, identifies the report. */
    public record SourceRef(@NotBlank @Size(max = 200) String outlet, @URL @Size(max = 2000) String url,
            @NotNull OffsetDateTime publishedAt) {
    }

    /** Body of {@code POST /reports/{id}/candidates/{n}/reject}. */
    public record Rejection(@NotBlank @Size(max = 1000) String reason) {
    }

    public Submission submission(byte[] body) {
        Submission s = bodies.bind(bodies.object(body), Submission.class, "");
        if (s.text().isBlank()) {
            throw InvalidInputException.of("text", "must not be blank");
        }
        int bytes = s.text().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxTextBytes()) {
            throw new InvalidInputException(413, "Report too long", List.of(new FieldError("text",
                    "is " + bytes + " bytes; at most " + config.maxTextBytes() + " are accepted")));
        }
        if (s.source().publishedAt().toInstant().isAfter(clock.instant())) {
            throw InvalidInputException.of("source.publishedAt", "must not be in the future");
        }
        return s;
    }

    public Rejection rejection(byte[] body) {
        return bodies.bind(bodies.object(body), Rejection.class, "");
    }

    /**
     * Corrections an editor sends with an acceptance: incident properties (flat form) in a JSON
     * body; none when the body is empty, whatever type a client without a body declares.
     */
    public ObjectNode corrections(String contentType, byte[] body) {
        if (body == null || body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!isJson(contentType)) {
            throw new NotSupportedException("corrections are sent as application/json");
        }
        return bodies.object(body);
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(MediaType.valueOf(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
