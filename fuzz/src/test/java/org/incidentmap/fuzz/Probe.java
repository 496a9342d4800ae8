package org.incidentmap.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated request, exactly as it goes on the wire: the request target is sent unencoded
 * (so percent-encodings may be broken on purpose) and the body as the bytes given.
 */
record Probe(String method, String target, List<String[]> headers, byte[] body) {

    static Probe get(String target) {
        return new Probe("GET", target, List.of(), new byte[0]);
    }

    Probe with(String name, String value) {
        List<String[]> more = new ArrayList<>(headers);
        more.add(new String[] {name, value});
        return new Probe(method, target, more, body);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(method).append(' ').append(target);
        for (String[] h : headers) {
            sb.append("\n  ").append(h[0]).append(": ").append(shorten(h[1], 200));
        }
        if (body.length > 0) {
            sb.append("\n  body (").append(body.length).append(" bytes): ")
                    .append(shorten(printable(new String(body, StandardCharsets.UTF_8)), 600));
        }
        return sb.toString();
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFD) {
                sb.append(String.format("\\u%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "… (" + s.length() + " chars)";
    }
}
