package org.incidentmap.gateway.stream;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of the server-sent-event stream. A Buffer handed to a response is written through a
 * slice of it, so one frame serves every subscriber without a copy.
 */
final class SseFrames {

    static final Buffer HEARTBEAT = ascii(": heartbeat\n\n");

    private SseFrames() {
    }

    /**
     * {@code id:} the seq, {@code event:} the kind, {@code data:} the JSON on one line (a compact
     * JSON text has no raw line breaks: those inside strings are escaped).
     */
    static Buffer event(long seq, String kind, byte[] json) {
        byte[] head = ("id: " + seq + "\nevent: " + kind + "\ndata: ").getBytes(StandardCharsets.UTF_8);
        return Buffer.buffer(head.length + json.length + 2).appendBytes(head).appendBytes(json).appendString("\n\n");
    }

    /** The first frame of every stream: a comment that shows the stream is open, and the reconnection delay. */
    static Buffer connected(long retryMillis) {
        return ascii(": connected\nretry: " + retryMillis + "\n\n");
    }

    /** The history a client asked for is gone, or never was: it reloads the layer from {@code headSeq}. */
    static Buffer reset(long headSeq) {
        return ascii("event: reset\ndata: {\"headSeq\":" + headSeq + "}\n\n");
    }

    private static Buffer ascii(String text) {
        return Buffer.buffer(text.getBytes(StandardCharsets.US_ASCII));
    }
}
