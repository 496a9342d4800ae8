package org.incidentmap.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One event ready for delivery: its server-sent-event frame, encoded once and written as the same
 * buffer to every subscriber, and the few properties the stream filters look at.
 */
public record StreamEvent(long seq, String kind, Instant time, Double lon, Double lat, String eventType,
        Integer killed, Buffer frame) {

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
        JsonNode coordinates = feature.path("geometry").path("coordinates");
        Double lon = coordinates.isArray() && coordinates.size() >= 2 ? coordinates.get(0).asDouble() : null;
        Double lat = coordinates.isArray() && coordinates.size() >= 2 ? coordinates.get(1).asDouble() : null;
        JsonNode properties = feature.path("properties");
        String eventType = properties.path("eventType").isTextual() ? properties.get("eventType").asText() : null;
        Integer killed = properties.path("killed").isNumber() ? properties.get("killed").asInt() : null;
        try {
            return new StreamEvent(seq, kind, time, lon, lat, eventType, killed,
                    SseFrames.event(seq, kind, mapper.writeValueAsBytes(feature)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
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
