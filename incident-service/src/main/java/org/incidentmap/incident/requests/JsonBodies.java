package org.incidentmap.incident.requests;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incidentmap.common.StorableText;
import org.incidentmap.incident.domain.FieldError;
import org.incidentmap.incident.domain.InvalidInputException;

/**
 * Turns request bodies into validated values. Bodies arrive as bytes (already held within the
 * size limit by the HTTP layer) so that invalid UTF-8 and malformed JSON become problems naming
 * the field, never a 500. Reading is strict ({@link StrictJson}), and every string and member name
 * must be {@link StorableText}.
 */
@ApplicationScoped
public class JsonBodies {

    private final ObjectMapper mapper;
    private final Validator validator;

    JsonBodies(ObjectMapper mapper, Validator validator) {
        this.mapper = StrictJson.of(mapper);
        this.validator = validator;
    }

    /** The body as a JSON object whose text is all storable. */
    public ObjectNode object(byte[] body) {
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
        requireStorable(node, "");
        return (ObjectNode) node;
    }

    /**
     * Refuses a tree holding a string or member name that is not {@link StorableText}, naming it
     * by its path below {@code path}; for trees that did not come through {@link #object}.
     */
    public static void requireStorable(JsonNode node, String path) {
        if (node.isTextual()) {
            String problem = StorableText.problem(node.textValue());
            if (problem != null) {
                throw InvalidInputException.of(path.isEmpty() ? "body" : path, problem);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireStorable(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                String field = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                String problem = StorableText.problem(member.getKey());
                if (problem != null) {
                    throw InvalidInputException.of(field, "the member name " + problem);
                }
                requireStorable(member.getValue(), field);
            }
        }
    }

    /** Binds a JSON tree to a type, rejecting unknown fields, then applies its constraints. */
    public <T> T bind(JsonNode node, Class<T> type, String prefix, Class<?>... groups) {
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
                    .map(v -> new FieldError(join(prefix, path(v.getPropertyPath())), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList());
        }
    }

    /** A violation's path as the client wrote the field: {@code weapons[0]}, {@code sources[1].url}. */
    private static String path(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                sb.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(node.getName());
            }
        }
        return sb.toString();
    }

    static InvalidInputException fromJackson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return InvalidInputException.of(path(u), "unknown field; known fields are " + u.getKnownPropertyIds());
        }
        if (e instanceof InvalidNullException n && !n.getPath().isEmpty()) {
            return InvalidInputException.of(path(n), "must not be null");
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            Class<?> target = m instanceof MismatchedInputException mi ? mi.getTargetType() : null;
            return InvalidInputException.of(path(m), expected(target) + " (" + m.getOriginalMessage() + ")");
        }
        if (e instanceof StreamReadException p && p.getProcessor() != null) {
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

    /** What a field of {@code type} takes, said the way a client writes JSON. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type or format";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be an integer";
        }
        if (type == Double.class || type == double.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == LocalDate.class) {
            return "must be a date such as 2025-04-24";
        }
        if (type == OffsetDateTime.class) {
            return "must be an RFC 3339 date-time such as 2025-04-24T06:10:00Z";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        return "must be an object";
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
