package org.incidentmap.incident.domain;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Turns request bodies into validated values. Bodies arrive as bytes (already held within the
 * size limit by the HTTP layer) so that invalid UTF-8 and malformed JSON become problems naming
 * the field, never a 500.
 */
@ApplicationScoped
class JsonBodies {

    private final ObjectMapper mapper;
    private final Validator validator;
    JsonBodies(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The body as a JSON tree; the body must be a JSON object. */
    JsonNode tree(byte[] body) {
        if (body == null || body.length == 0) {
            throw InvalidInputException.of("body", "a JSON object is required");
        }
        JsonNode node;
        try (JsonParser parser = mapper.createParser(body)) {
            node = mapper.readTree(parser);
            if (parser.nextToken() != null) {
                throw InvalidInputException.of(path(parser.getParsingContext()), "unexpected content after the JSON value");
            }
        } catch (JsonProcessingException e) {
            throw fromJackson(e);
        } catch (IOException e) {
            throw InvalidInputException.of("body", "unreadable: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw InvalidInputException.of("body", "must be a JSON object");
        }
        return node;
    }

    /** Binds a JSON tree to a type, rejecting unknown fields, then applies its constraints. */
    <T> T bind(JsonNode node, Class<T> type, String prefix, Class<?>... groups) {
        T value;
        try {
            value = mapper.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            InvalidInputException mapped = fromJackson(e);
            throw new InvalidInputException(mapped.errors().stream()
                    .map(err -> new FieldError(join(prefix, err.field()), err.detail())).toList());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(prefix.isEmpty() ? "body" : prefix, e.getMessage());
        }
        validate(value, prefix, groups);
        return value;
    }

    <T> void validate(T value, String prefix, Class<?>... groups) {
        Set<ConstraintViolation<T>> violations = validator.validate(value, groups);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.stream()
                    .map(v -> new FieldError(join(prefix, v.getPropertyPath().toString()), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList());
        }
    }

    static InvalidInputException fromJackson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return InvalidInputException.of(path(u), "unknown field; known fields are " + u.getKnownPropertyIds());
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return InvalidInputException.of(path(m), "has the wrong type or format: " + m.getOriginalMessage());
        }
        if (e instanceof JsonParseException p && p.getProcessor() != null) {
            String detail = p.getOriginalMessage();
            if (detail != null && detail.contains("UTF-8")) {
                detail = "the body is not valid UTF-8 (" + detail + ")";
            } else {
                detail = "malformed JSON: " + detail;
            }
            return InvalidInputException.of(path(p.getProcessor().getParsingContext()), detail);
        }
        return InvalidInputException.of("body", "malformed JSON: " + e.getOriginalMessage());
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.add(0, c.getCurrentName());
            } else if (c.inArray()) {
                parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        String joined = String.join(".", parts).replace(".[", "[");
        return joined.isEmpty() ? "body" : joined;
    }

    private static String join(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }
}
