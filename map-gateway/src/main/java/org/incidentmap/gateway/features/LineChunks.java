package org.incidentmap.gateway.features;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;
import java.util.Arrays;

/**
 * Passes a text body through cut at its line ends. The server's streaming writer ends every chunk
 * it sends with a line feed; chunks arrive from upstream cut anywhere, so each is passed on up to
 * its last line feed, that line feed left for the writer to put back and the rest carried into
 * the next chunk. The bytes out are the bytes in, and no line of a CSV row or KML placemark is
 * ever split.
 */
final class LineChunks {

    private LineChunks() {
    }

    static Multi<Buffer> cut(Multi<Buffer> body) {
        return Multi.createFrom().deferred(() -> {
            byte[][] carry = {new byte[0]};
            Multi<Buffer> lines = body.map(chunk -> {
                byte[] data = concat(carry[0], chunk.getBytes());
                int end = lastLineFeed(data);
                // a line feed at the very start would leave nothing before it to pass on; an empty
                // chunk is dropped below, never written (the writer would make it a blank line)
                if (end <= 0) {
                    carry[0] = data;
                    return Buffer.buffer();
                }
                carry[0] = Arrays.copyOfRange(data, end + 1, data.length);
                return Buffer.buffer(Arrays.copyOf(data, end));
            });
            return Multi.createBy().concatenating().streams(lines, Multi.createFrom().item(() -> last(carry[0])))
                    .select().where(b -> b.length() > 0);
        });
    }

    private static Buffer last(byte[] rest) {
        int n = rest.length > 0 && rest[rest.length - 1] == '\n' ? rest.length - 1 : rest.length;
        return Buffer.buffer(Arrays.copyOf(rest, n));
    }

    private static int lastLineFeed(byte[] data) {
        for (int i = data.length - 1; i >= 0; i--) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
