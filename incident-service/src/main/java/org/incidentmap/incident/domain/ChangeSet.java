package org.incidentmap.incident.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.incidentmap.incident.store.Incident;

/** What a change did to an incident, as the JSON diff a revision records. */
final class ChangeSet {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final ObjectNode changes = JSON.createObjectNode();

    /** The incident's revisable state, by property name. */
    static Map<String, Object> snapshot(Incident i) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("eventType", i.eventType);
        s.put("subEventType", i.subEventType);
        s.put("weapons", Arrays.asList(i.weapons));
        s.put("targets", Arrays.asList(i.targets));
        s.put("occurredOn", i.occurredOn == null ? null : i.occurredOn.toString());
        s.put("timePrecision", (int) i.timePrecision);
        s.put("geometry", i.geometry == null ? null : readTree(i.geometry));
        s.put("geoPrecision", i.geoPrecision == null ? null : i.geoPrecision.intValue());
        s.put("placeName", i.placeName);
        s.put("admin1", i.admin1);
        s.put("admin2", i.admin2);
        s.put("country", i.country);
        s.put("killed", i.killed);
        s.put("killedAtLeast", i.killedAtLeast);
        s.put("injured", i.injured);
        s.put("injuredAtLeast", i.injuredAtLeast);
        s.put("status", i.status);
        s.put("actor", i.actor);
        return s;
    }

    static ChangeSet between(Map<String, Object> before, Map<String, Object> after) {
        ChangeSet set = new ChangeSet();
        after.forEach((field, to) -> {
            Object from = before.get(field);
            if (!Objects.equals(from, to)) {
                set.record(field, from, to);
            }
        });
        return set;
    }

    void record(String field, Object from, Object to) {
        ObjectNode change = changes.putObject(field);
        change.set("from", node(from));
        change.set("to", node(to));
    }

    /** The values a snapshot holds, made into nodes directly: valueToTree costs a serialisation per value. */
    private static JsonNode node(Object value) {
        JsonNodeFactory nodes = JSON.getNodeFactory();
        if (value == null) {
            return nodes.nullNode();
        } else if (value instanceof String s) {
            return nodes.textNode(s);
        } else if (value instanceof Integer n) {
            return nodes.numberNode(n);
        } else if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        } else if (value instanceof JsonNode json) {
            return json;
        } else if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            ArrayNode array = nodes.arrayNode(list.size());
            list.forEach(item -> array.add((String) item));
            return array;
        }
        return JSON.valueToTree(value);
    }

    void added(String collection, Object item) {
        changes.putObject(collection).set("added", JSON.valueToTree(item));
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    String toJson() {
        return changes.toString();
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("PostGIS returned invalid GeoJSON", e);
        }
    }
}
