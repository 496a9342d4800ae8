package org.incidentmap.incident.domain;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.incidentmap.incident.store.Incident;

/**
 * What a change did to an incident, as the JSON diff a revision records. The values are written
 * straight to the JSON text: every imported row makes one of these, and building a tree of nodes
 * to print it was most of the diff's cost.
 */
final class ChangeSet {

    /** Times as ISO-8601 text as they were sent, not as numbers. */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** By field, in the order recorded: a {@link Change}, or the item added to a collection. */
    private final Map<String, Object> changes = new LinkedHashMap<>();

    private record Change(Object from, Object to) {
    }

    private record Added(Object item) {
    }

    /** What a new incident is before anything is set. */
    private static final Map<String, Object> BLANK = snapshot(new Incident());

    /** The incident's revisable state, by property name. */
    static Map<String, Object> snapshot(Incident i) {
        return snapshot(i, i.point == null ? null : geometry(i.point));
    }

    /** The diff that creates {@code i}. */
    static ChangeSet created(Incident i) {
        return between(BLANK, snapshot(i));
    }

    /** The position as GeoJSON, each coordinate as Double.toString writes it. */
    private static JsonNode geometry(Point point) {
        ObjectNode geometry = JSON.createObjectNode().put("type", "Point");
        geometry.putArray("coordinates").add(point.lon()).add(point.lat());
        return geometry;
    }

    private static Map<String, Object> snapshot(Incident i, JsonNode geometry) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("eventType", i.eventType);
        s.put("subEventType", i.subEventType);
        s.put("weapons", Arrays.asList(i.weapons));
        s.put("targets", Arrays.asList(i.targets));
        s.put("occurredOn", i.occurredOn == null ? null : i.occurredOn.toString());
        s.put("timePrecision", (int) i.timePrecision);
        s.put("geometry", geometry);
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
        changes.put(field, new Change(from, to));
    }

    void added(String collection, Object item) {
        changes.put(collection, new Added(item));
    }

    boolean changed(String field) {
        return changes.containsKey(field);
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    String toJson() {
        SegmentedStringWriter out = new SegmentedStringWriter(JSON.getFactory()._getBufferRecycler());
        try {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartObject();
                for (Map.Entry<String, Object> entry : changes.entrySet()) {
                    g.writeObjectFieldStart(entry.getKey());
                    if (entry.getValue() instanceof Change change) {
                        g.writeFieldName("from");
                        write(g, change.from());
                        g.writeFieldName("to");
                        write(g, change.to());
                    } else {
                        g.writeObjectField("added", ((Added) entry.getValue()).item());
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values a snapshot holds, written directly; the generic serialiser costs a lookup per value. */
    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Integer n) {
            g.writeNumber(n);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            g.writeStartArray();
            for (Object item : list) {
                g.writeString((String) item);
            }
            g.writeEndArray();
        } else {
            g.writeObject(value);
        }
    }
}
