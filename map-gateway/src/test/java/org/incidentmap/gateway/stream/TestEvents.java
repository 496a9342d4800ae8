package org.incidentmap.gateway.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Events in the incident-events format, built for the stream's unit tests, and the seqs read back from frames. */
final class TestEvents {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("^id: (\\d+)$", Pattern.MULTILINE);

    private TestEvents() {
    }

    /** An incident event as it travels on the topic and in the event log. */
    static ObjectNode json(long seq, double lon, double lat, String eventType, Integer killed) {
        String text = String.format(Locale.ROOT, """
                {"type":"Feature","id":"incident-%d","geometry":{"type":"Point","coordinates":[%s,%s]},\
                "properties":{"eventType":"%s","placeName":"Place %d","killed":%s},\
                "seq":%d,"kind":"incident.created","time":"2026-11-20T10:00:00Z"}""",
                seq, lon, lat, eventType, seq, killed == null ? "null" : killed, seq);
        try {
            return (ObjectNode) MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StreamEvent event(long seq, double lon, double lat, String eventType, Integer killed) {
        return StreamEvent.of(json(seq, lon, lat, eventType, killed), MAPPER);
    }

    /** A shelling event in Kharkiv, one killed. */
    static StreamEvent event(long seq) {
        return event(seq, 36.23, 49.99, "Explosions/Remote violence", 1);
    }

    /** The seq in a frame's {@code id:} line, or null for a frame without one. */
    static Long seq(Buffer frame) {
        Matcher m = ID.matcher(frame.toString());
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }
}
