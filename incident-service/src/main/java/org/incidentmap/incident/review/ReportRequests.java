package org.incidentmap.incident.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.constraints.URL;
import org.incidentmap.incident.domain.FieldError;
import org.incidentmap.incident.domain.InvalidInputException;

/** Turns review request bodies into validated values; bad input becomes a problem naming the field. */
@ApplicationScoped
public class ReportRequests {

    private final ObjectMapper mapper;
    private final Validator validator;
    private final ReportsConfig config;
    private final Clock clock = Clock.systemUTC();

    ReportRequests(ObjectMapper mapper, Validator validator, ReportsConfig config) {
        this.mapper = mapper;
        this.validator = validator;
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
        Submission s = bind(object(body), Submission.class);
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
        return bind(object(body), Rejection.class);
    }

    /** Corrections an editor sends with an acceptance: incident properties (flat form); none when the body is empty. */
    public ObjectNode corrections(byte[] body) {
        return body == null || body.length == 0 ? mapper.createObjectNode() : object(body);
    }

    private ObjectNode object(byte[] body) {
        if (body == null || body.length == 0) {
            throw InvalidInputException.of("body", "a JSON object is required");
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of("body", "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw InvalidInputException.of("body", "unreadable: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw InvalidInputException.of("body", "must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private <T> T bind(JsonNode node, Class<T> type) {
        T value;
        try {
            value = mapper.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw InvalidInputException.of(field.isEmpty() ? "body" : field, e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of("body", e.getOriginalMessage());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.stream()
                    .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList());
        }
        return value;
    }
}
