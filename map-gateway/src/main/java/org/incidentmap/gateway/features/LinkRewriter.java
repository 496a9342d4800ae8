package org.incidentmap.gateway.features;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Replaces one byte sequence with another in a streamed body without holding more than a chunk:
 * the tail of each chunk that could start a match is carried into the next one. Used to turn
 * incident-service's next links into the gateway's own. Chunks are also cut only between JSON
 * tokens, because the server's streaming writer separates chunks with a newline.
 */
final class LinkRewriter {

    private static final String TOKEN_BOUNDARY = ",:{}[] \t\r\n";

    private final byte[] from;
    private final byte[] to;

    LinkRewriter(String from, String to) {
        this.from = from.getBytes(StandardCharsets.UTF_8);
        this.to = to.getBytes(StandardCharsets.UTF_8);
    }

    Multi<Buffer> rewrite(Multi<Buffer> body) {
        return Multi.createFrom().deferred(() -> {
            byte[][] carry = {new byte[0]};
            Multi<Buffer> rewritten = body.map(chunk -> {
                byte[] data = concat(carry[0], chunk.getBytes());
                Buffer out = Buffer.buffer(data.length + 64);
                int keep = replaceAll(data, out);
                byte[] replaced = out.getBytes();
                int safe = lastCutOutsideString(replaced);
                carry[0] = concat(Arrays.copyOfRange(replaced, safe, replaced.length),
                        Arrays.copyOfRange(data, data.length - keep, data.length));
                return Buffer.buffer(Arrays.copyOf(replaced, safe));
            });
            return Multi.createBy().concatenating().streams(rewritten,
                    Multi.createFrom().item(() -> Buffer.buffer(carry[0])))
                    .select().where(b -> b.length() > 0);
        });
    }

    /** Writes data with every full match replaced; returns how many trailing bytes may begin a match. */
    private int replaceAll(byte[] data, Buffer out) {
        int i = 0;
        int written = 0;
        while (i <= data.length - from.length) {
            if (matchesAt(data, i, from.length)) {
                out.appendBytes(data, written, i - written).appendBytes(to);
                i += from.length;
                written = i;
            } else {
                i++;
            }
        }
        int keep = 0;
        for (int k = Math.min(from.length - 1, data.length - written); k > 0; k--) {
            if (matchesAt(data, data.length - k, k)) {
                keep = k;
                break;
            }
        }
        out.appendBytes(data, written, data.length - written - keep);
        return keep;
    }

    /**
     * The largest prefix length that ends between two JSON tokens: after a structural character,
     * white space or a closing quote. A cut inside a string or a number would let the separator
     * the server writes between chunks corrupt the document.
     */
    private static int lastCutOutsideString(byte[] json) {
        boolean inString = false;
        boolean escaped = false;
        int safe = 0;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                    safe = i + 1;
                }
            } else if (b == '"') {
                inString = true;
            } else if (TOKEN_BOUNDARY.indexOf(b) >= 0) {
                safe = i + 1;
            }
        }
        return safe;
    }

    private boolean matchesAt(byte[] data, int at, int length) {
        for (int j = 0; j < length; j++) {
            if (data[at + j] != from[j]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        if (a.length == 0) {
            return b;
        }
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
