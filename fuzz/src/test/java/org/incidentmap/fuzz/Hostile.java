package org.incidentmap.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Generators of what a careless or hostile client sends: values of every JSON type and size,
 * text with NUL, lone surrogates and other Unicode edges, valid bodies with one member broken,
 * removed, added, repeated or nested thousands deep, bodies cut short or not UTF-8, broken
 * percent-encodings, wrong media types and bad tokens.
 */
final class Hostile {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Text at the edges: control characters, lone and paired surrogates, look-alike numbers and dates, injections. */
    static final List<String> EDGE_TEXT = List.of("", " ", "\u0000", "Kyi\u0000v", "\ud800", "x\udfff", "\udbff\udfffy",
            "\ud83d\udca5", "\u202eKyiv", "\ufeff", "\uffff", "\ufffe", "e\u0301", "\t\n\r", "\u0085", "\u2028",
            "\u0007\u001b[31m", "2", "1.5", "-0", "1e400", "NaN", "Infinity", "null", "true", "[]", "{}",
            "'; DROP TABLE incident.incidents; --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "%s%n",
            "${jndi:ldap://127.0.0.1/x}", "2025-02-30", "+999999999-12-31", "0000-00-00", "2025-04-24T25:00:00Z",
            "9999-12-31T23:59:59Z", "2025-04-24T06:10:00+25:00", "javascript:alert(1)", "http://", "https://a",
            "ftp://x/y", "UA", "ua", "XX", "reported", "retracted", "Battles", "Explosions/Remote violence",
            "Київ", "Харків", "Запоріжжя", "Kharkiv", "Kyiv City");

    private static final List<String> BROKEN_ESCAPES = List.of("%", "%Z", "%zz", "%0", "%00", "%ED%A0%80",
            "%C3%28", "%FF", "%C0%80", "+", "%2B", "%25", "%E2%80%AE", "%EF%BB%BF", "..%2F..%2F");

    private Hostile() {
    }

    static int between(RandomnessSource in, int min, int max) {
        return (int) in.next(Constraint.between(min, max));
    }

    static <T> T pick(RandomnessSource in, List<T> from) {
        return from.get(between(in, 0, from.size() - 1));
    }

    /** Mostly {@code usual}, sometimes one of {@code others}. */
    static <T> Gen<T> usually(T usual, List<T> others) {
        return in -> between(in, 0, 9) < 7 ? usual : pick(in, others);
    }

    /** Any string: the edge cases, random code points of every plane (surrogates included), and long ones. */
    static Gen<String> text() {
        return in -> switch (between(in, 0, 5)) {
            case 0, 1 -> pick(in, EDGE_TEXT);
            case 2, 3 -> {
                StringBuilder sb = new StringBuilder();
                int length = between(in, 0, 24);
                for (int i = 0; i < length; i++) {
                    int kind = between(in, 0, 3);
                    int cp = kind == 0 ? between(in, 0, 0x7F) : kind == 1 ? between(in, 0xD800, 0xDFFF)
                            : kind == 2 ? between(in, 0x80, 0xFFFF) : between(in, 0x10000, 0x10FFFF);
                    sb.appendCodePoint(cp);
                }
                yield sb.toString();
            }
            case 4 -> "Kharkiv ".repeat(between(in, 10, 900));
            default -> pick(in, EDGE_TEXT) + "x".repeat(between(in, 0, 300));
        };
    }

    /** A JSON value of any type, biased to the edges of each. */
    static Gen<JsonNode> value() {
        return in -> value(in, 2);
    }

    private static JsonNode value(RandomnessSource in, int depth) {
        return switch (between(in, 0, 11)) {
            case 0, 1, 2 -> NODES.textNode(text().generate(in));
            case 3 -> NODES.numberNode(pick(in, List.of(0L, -1L, 1L, 3L, 2147483647L, 2147483648L, -2147483649L,
                    Long.MAX_VALUE, Long.MIN_VALUE)));
            case 4 -> NODES.numberNode(new BigInteger("9".repeat(between(in, 20, 1200))));
            case 5 -> NODES.numberNode(pick(in, List.of(1.5, -0.0, 0.1, 49.9935, 1e308, -1e308, 3.0, 1e-320)));
            case 6 -> NODES.numberNode(new BigDecimal(pick(in, List.of("1e400", "-1e400", "1e-400", "123456789.123456789e-5"))));
            case 7 -> NODES.booleanNode(between(in, 0, 1) == 1);
            case 8 -> NODES.nullNode();
            case 9 -> {
                ArrayNode array = NODES.arrayNode();
                int size = between(in, 0, 3);
                for (int i = 0; i < size; i++) {
                    array.add(depth > 0 ? value(in, depth - 1) : NODES.nullNode());
                }
                yield array;
            }
            case 10 -> {
                ObjectNode object = NODES.objectNode();
                if (depth > 0 && between(in, 0, 1) == 1) {
                    object.set(text().generate(in), value(in, depth - 1));
                }
                yield object;
            }
            default -> NODES.arrayNode().addNull();
        };
    }

    /** A body: one of {@code seeds} (valid JSON objects) with one thing wrong, or sometimes still valid. */
    static Gen<byte[]> mutated(List<String> seeds) {
        return in -> {
            ObjectNode tree = (ObjectNode) parse(pick(in, seeds));
            List<Slot> slots = new ArrayList<>();
            collect(tree, slots);
            if (slots.isEmpty()) {
                slots.add(new Slot(tree, "placeName", -1));
            }
            Slot slot = pick(in, slots);
            int op = between(in, 0, 12);
            switch (op) {
                case 0, 1, 2, 3 -> slot.set(value().generate(in));
                case 4 -> slot.remove();
                case 5 -> ((ObjectNode) pick(in, objects(tree))).set(pick(in, EDGE_TEXT), value().generate(in));
                case 6 -> slot.set(NODES.nullNode());
                case 7 -> {
                    return bytes(tree);
                }
                default -> {
                    return textual(in, new String(bytes(tree), StandardCharsets.UTF_8), slot);
                }
            }
            return bytes(tree);
        };
    }

    /** Breakage a tree cannot express: repeated members, deep nesting, truncation, bytes that are not UTF-8. */
    private static byte[] textual(RandomnessSource in, String json, Slot slot) {
        return switch (between(in, 0, 6)) {
            case 0 -> {
                String member = slot.name == null ? "eventType" : slot.name;
                yield ("{\"" + member + "\":" + pick(in, List.of("1", "\"x\"", "null")) + "," + json.substring(1))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> {
                int depth = between(in, 50, 5000);
                String nested = "[".repeat(depth) + "1" + "]".repeat(depth);
                String member = slot.name == null ? "placeName" : slot.name;
                yield ("{\"" + member + "\":" + nested + "," + json.substring(1)).getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> json.substring(0, between(in, 0, json.length() - 1)).getBytes(StandardCharsets.UTF_8);
            case 3 -> {
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                int at = between(in, 0, bytes.length - 1);
                bytes[at] = (byte) pick(in, List.of(0xC3, 0xFF, 0xED, 0x80, 0x00, 0xC0)).intValue();
                yield bytes;
            }
            case 4 -> (between(in, 0, 1) == 0 ? "\ufeff" + json
                    : "{\"padding\":\"" + "x".repeat(300_000) + "\"," + json.substring(1)).getBytes(StandardCharsets.UTF_8);
            case 5 -> (json + pick(in, List.of(" x", "}", "{}", ",", "\u0000"))).getBytes(StandardCharsets.UTF_8);
            default -> pick(in, List.of("", "null", "[]", "\"x\"", "1", "{", "{\"a\":}", "[null]", "{\"\":1}",
                    "\u0000", "<xml/>", "a=1&b=2")).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A query string ("" or "?…") of known and unknown parameters with hostile, sometimes broken, values. */
    static Gen<String> query(List<String> names) {
        return in -> {
            int count = between(in, 0, 4);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < count; i++) {
                sb.append(i == 0 ? '?' : '&');
                String name = between(in, 0, 9) < 8 ? pick(in, names) : encoded(in, text().generate(in));
                sb.append(name).append('=').append(between(in, 0, 3) == 0 ? pick(in, BROKEN_ESCAPES)
                        : encoded(in, between(in, 0, 1) == 0 ? text().generate(in) : plausible(in)));
            }
            return sb.toString();
        };
    }

    /** Values that are nearly right for list filters: numbers, boxes, dates, intervals. */
    private static String plausible(RandomnessSource in) {
        return pick(in, List.of("10", "0", "-1", "1.5", "99999999999999999999", "35,49,38,51", "38,51,35,49",
                "-181,0,0,1", "NaN,1,2,3", "1,2,3", "2025-04-24", "2025-04-01/..", "../2025-01-01", "2025-13-01",
                "2025-04-24T06:10:00Z", "2026-01-01/2025-01-01", "a/b/c", "true", "false", "csv", "json", "xml",
                "oblast", "day", "week", "month", "reported", "Explosions/Remote violence", "Kharkiv", "eyJ4IjoxfQ",
                "Yampil near Lyman", "UA", "50.45", "30.52", "91", "-180.0001", "1e400",
                // CQL2 filters and their languages, well formed and nearly so
                "killed > 2", "killed >", "placeName LIKE 'x\\'", "S_INTERSECTS(geometry, BBOX(35,49,38,51))",
                "S_INTERSECTS(geometry, POLYGON((30 46, 31 47, 31 46, 30 47, 30 46)))",
                "T_DURING(occurredOn, INTERVAL('2025-01-01', '..'))", "occurredOn = DATE('+99999-01-01')",
                "(((((killed = 1)))))", "cql2-text", "cql2-json", "{\"op\":\"=\",\"args\":[{\"property\":\"killed\"},1]}",
                "{\"op\":\"like\",\"args\":[{\"property\":\"placeName\"},{\"property\":\"admin1\"}]}",
                "S_WITHIN(geometry, BBOX(177,65,-177,70))", "kml",
                // sort keys and coordinate reference systems, known and not
                "-killed,occurredOn", "+injured", "date,-", "placeName", "http://www.opengis.net/def/crs/EPSG/0/3857",
                "http://www.opengis.net/def/crs/EPSG/0/4326", "EPSG:3857", "http://www.opengis.net/def/crs/EPSG/0/32636",
                "http://www.opengis.net/def/crs/OGC/1.3/CRS84"));
    }

    /** Percent-encoding of the UTF-8 of {@code s}; a lone surrogate, which UTF-8 cannot hold, as the bytes of its CESU form. */
    static String encoded(RandomnessSource in, String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1)))) {
                sb.append(String.format("%%%02X%%%02X%%%02X", 0xE0 | (c >> 12), 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F)));
                continue;
            }
            int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
            for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                int u = b & 0xFF;
                if (Character.isLetterOrDigit(u) && u < 0x80 || u == '-' || u == '.' || u == '_' || u == '~') {
                    sb.append((char) u);
                } else {
                    sb.append(String.format("%%%02X", u));
                }
            }
            i = end - 1;
        }
        return sb.toString();
    }

    /** A media type for a body: mostly {@code right}, sometimes another, a malformed one or none. */
    static Gen<String> contentType(String right) {
        return usually(right, List.of("application/json", "application/json; charset=utf-8",
                "application/json; charset=ISO-8859-1", "application/geo+json", "application/merge-patch+json",
                "text/plain", "application/xml", "text/csv", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", "*/*", "application/", "no type at all", ";;;", "application/json;",
                "APPLICATION/JSON", "application/problem+json", ""));
    }

    /** An Authorization header value, or null for none; {@code valid} is a token the service accepts. */
    static Gen<String> authorization(String valid, List<String> unfit) {
        return in -> switch (between(in, 0, 9)) {
            case 0 -> null;
            case 1 -> pick(in, unfit);
            case 2 -> pick(in, List.of("Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "bearer " + valid, "Bearer  " + valid,
                    "Bearer " + valid + "x", "Bearer a.b.c", "Bearer ...", "Bearer eyJhbGciOiJub25lIn0.e30.",
                    "Bearer " + "A".repeat(between(in, 100, 15_000)), "Token " + valid));
            default -> "Bearer " + valid;
        };
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ContainerNode<?>> objects(JsonNode tree) {
        List<ContainerNode<?>> objects = new ArrayList<>();
        if (tree.isObject()) {
            objects.add((ObjectNode) tree);
        }
        tree.elements().forEachRemaining(child -> objects.addAll(objects(child)));
        return objects;
    }

    /** A place in the tree: a member of an object or an element of an array. */
    private record Slot(ContainerNode<?> parent, String name, int index) {

        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(name);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                slots.add(new Slot(object, name, -1));
                collect(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }
}
