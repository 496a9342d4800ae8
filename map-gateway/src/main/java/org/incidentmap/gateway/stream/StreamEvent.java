package org.incidentmap.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One event ready for delivery: its server-sent-event frame, encoded once and written as the same
 * buffer to every subscriber, the few properties the stream filters look at, and the position the
 * incident had before the change when the change moved it (for the tile cache).
 */
public record StreamEvent(long seq, String kind, Instant time, Double lon, Double lat, String eventType,
        Integer killed, Double previousLon, Double previousLat, Buffer frame) {

    /** Where the incident is shown now and, if the change moved it, where it was: lon/lat pairs. */
    public List<double[]> places() {
        List<double[]> places = new ArrayList<>(2);
        if (lon != null) {
            places.add(new double[] {lon, lat});
        }
        if (previousLon != null) {
            places.add(new double[] {previousLon, previousLat});
        }
        return places;
    }

    /** Splits an event (Feature plus seq, kind and time) into its envelope and the bare Feature's frame. */
    static StreamEvent of(ObjectNode event, ObjectMapper mapper) {
        ObjectNode feature = event.deepCopy();
        long seq = feature.path("seq").asLong(-1);
        if (seq < 1) {
            throw new IllegalArgumentException("event without a positive seq");
        }
        String kind = feature.path("kind").asText("incident.updated");
        Instant time = parseInstant(feature.path("time").asText(null));
        feature.remove("seq");
        feature.remove("kind");
        feature.remove("time");
        double[] point = point(feature.path("geometry"));
        double[] previous = point(feature.path("previousGeometry"));
        JsonNode properties = feature.path("properties");
        String eventType = properties.path("eventType").isTextual() ? properties.get("eventType").asText() : null;
        Integer killed = properties.path("killed").isNumber() ? properties.get("killed").asInt() : null;
        try {
            return new StreamEvent(seq, kind, time, point == null ? null : point[0], point == null ? null : point[1],
                    eventType, killed, previous == null ? null : previous[0], previous == null ? null : previous[1],
                    SseFrames.event(seq, kind, mapper.writeValueAsBytes(feature)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static double[] point(JsonNode geometry) {
        JsonNode coordinates = geometry.path("coordinates");
        if (!coordinates.isArray() || coordinates.size() < 2 || !coordinates.get(0).isNumber()
                || !coordinates.get(1).isNumber()) {
            return null;
        }
        return new double[] {coordinates.get(0).asDouble(), coordinates.get(1).asDouble()};
    }

    private static Instant parseInstant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
