package org.incidentmap.incident.filter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * CQL2 JSON to the same checked {@link Expression} as CQL2 text: {@code {"op": ..., "args": [...]}}
 * nodes, {@code {"property": name}}, GeoJSON Point and Polygon or {@code {"bbox": [...]}},
 * {@code {"date"|"timestamp": text}} and {@code {"interval": [start, end]}}. Failures name the
 * JSON Pointer of the member at fault.
 */
public final class Cql2Json {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", "<=", ">", ">=");

    private Cql2Json() {
    }

    public static Expression parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Cql2Exception("", "not JSON: " + e.getOriginalMessage());
        }
        if (root == null) {
            throw new Cql2Exception("", "not JSON");
        }
        return expression(root, "", 0);
    }

    private static Expression expression(JsonNode node, String at, int depth) {
        if (depth > Cql2Text.MAX_DEPTH) {
            throw new Cql2Exception(at, "the filter nests deeper than " + Cql2Text.MAX_DEPTH + " operations");
        }
        if (node.isBoolean()) {
            return new Expression.Constant(node.booleanValue());
        }
        String op = node.path("op").asText("").toLowerCase(Locale.ROOT);
        JsonNode args = node.path("args");
        if (!node.isObject() || op.isEmpty() || !args.isArray()) {
            throw new Cql2Exception(at, "expected an operation {\"op\": ..., \"args\": [...]} or true/false");
        }
        String a = at + "/args";
        try {
            switch (op) {
                case "and", "or" -> {
                    if (args.size() < 2) {
                        throw new Cql2Exception(a, op + " takes two or more arguments");
                    }
                    Expression e = expression(args.get(0), a + "/0", depth + 1);
                    for (int k = 1; k < args.size(); k++) {
                        Expression next = expression(args.get(k), a + "/" + k, depth + 1);
                        e = op.equals("and") ? new Expression.And(e, next) : new Expression.Or(e, next);
                    }
                    return e;
                }
                case "not" -> {
                    arity(args, 1, a);
                    return new Expression.Not(expression(args.get(0), a + "/0", depth + 1));
                }
                case "like" -> {
                    arity(args, 2, a);
                    return Checks.like(scalar(args.get(0), a + "/0"), scalar(args.get(1), a + "/1"), false, 0);
                }
                case "between" -> {
                    arity(args, 3, a);
                    return Checks.between(scalar(args.get(0), a + "/0"), scalar(args.get(1), a + "/1"),
                            scalar(args.get(2), a + "/2"), false, 0);
                }
                case "in" -> {
                    arity(args, 2, a);
                    if (!args.get(1).isArray() || args.get(1).isEmpty()) {
                        throw new Cql2Exception(a + "/1", "in takes a value and a non-empty array");
                    }
                    List<Operand> list = new ArrayList<>();
                    for (int k = 0; k < args.get(1).size(); k++) {
                        list.add(scalar(args.get(1).get(k), a + "/1/" + k));
                    }
                    return Checks.in(scalar(args.get(0), a + "/0"), list, false, 0);
                }
                case "isnull" -> {
                    arity(args, 1, a);
                    return new Expression.IsNull(scalar(args.get(0), a + "/0"), false);
                }
                case "s_intersects", "s_within" -> {
                    arity(args, 2, a);
                    return new Expression.SpatialPredicate(SpatialRelation.named(op), spatial(args.get(0), a + "/0"),
                            spatial(args.get(1), a + "/1"));
                }
                default -> {
                    if (COMPARISONS.contains(op)) {
                        arity(args, 2, a);
                        return Checks.comparison(scalar(args.get(0), a + "/0"), op, scalar(args.get(1), a + "/1"), 0);
                    }
                    if (op.startsWith("t_")) {
                        arity(args, 2, a);
                        return new Expression.Temporal(relation(op, at), period(args.get(0), a + "/0"),
                                period(args.get(1), a + "/1"));
                    }
                    throw new Cql2Exception(at + "/op", "unsupported operation '" + op + "'");
                }
            }
        } catch (Cql2Exception e) {
            throw e.unlocated() ? new Cql2Exception(at, e.getMessage()) : e;
        }
    }

    private static TemporalRelation relation(String op, String at) {
        try {
            return TemporalRelation.named(op);
        } catch (IllegalArgumentException e) {
            throw new Cql2Exception(at + "/op", "unsupported operation '" + op + "'");
        }
    }

    private static void arity(JsonNode args, int n, String at) {
        if (args.size() != n) {
            throw new Cql2Exception(at, "takes " + n + " argument" + (n == 1 ? "" : "s"));
        }
    }

    private static Operand scalar(JsonNode node, String at) {
        return rethrown(at, () -> {
            if (node.isTextual()) {
                return Operand.Literal.of(node.textValue());
            }
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return Operand.Literal.of(node.longValue());
            }
            if (node.isNumber()) {
                return Checks.number(node.asText(), 0);
            }
            if (node.isBoolean()) {
                return Operand.Literal.of(node.booleanValue());
            }
            if (node.has("property")) {
                return Checks.scalarProperty(node.path("property").asText(), 0);
            }
            if (node.has("date") || node.has("timestamp")) {
                return Operand.Literal.of(instant(node));
            }
            throw new Cql2Exception(0, "expected a string, number, boolean, {\"property\": ...}, {\"date\": ...} or {\"timestamp\": ...}");
        });
    }

    private static Spatial spatial(JsonNode node, String at) {
        return rethrown(at, () -> {
            if (node.has("property")) {
                return Checks.spatialProperty(node.path("property").asText(), 0);
            }
            if (node.has("bbox")) {
                double[] box = numbers(node.path("bbox"), 4);
                return Checks.bbox(box[0], box[1], box[2], box[3], 0);
            }
            JsonNode coordinates = node.path("coordinates");
            switch (node.path("type").asText()) {
                case "Point" -> {
                    double[] p = numbers(coordinates, 2);
                    return Spatial.Shape.point(Checks.position(p[0], p[1], 0));
                }
                case "Polygon" -> {
                    if (!coordinates.isArray() || coordinates.isEmpty()) {
                        throw new Cql2Exception(0, "a Polygon's coordinates are an array of rings");
                    }
                    List<List<double[]>> rings = new ArrayList<>();
                    for (JsonNode ring : coordinates) {
                        List<double[]> positions = new ArrayList<>();
                        for (JsonNode position : ring) {
                            double[] p = numbers(position, 2);
                            positions.add(Checks.position(p[0], p[1], 0));
                        }
                        if (positions.isEmpty()) {
                            throw new Cql2Exception(0, "a polygon's ring has at least four positions and ends where it starts");
                        }
                        rings.add(positions);
                    }
                    return Checks.polygon(rings, 0);
                }
                default -> throw new Cql2Exception(0,
                        "expected {\"property\": \"geometry\"}, a GeoJSON Point or Polygon, or {\"bbox\": [w, s, e, n]}");
            }
        });
    }

    private static double[] numbers(JsonNode array, int n) {
        if (!array.isArray() || array.size() != n) {
            throw new Cql2Exception(0, "expected " + n + " numbers");
        }
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            if (!array.get(k).isNumber()) {
                throw new Cql2Exception(0, "expected " + n + " numbers");
            }
            values[k] = array.get(k).doubleValue();
        }
        return values;
    }

    private static Period period(JsonNode node, String at) {
        return rethrown(at, () -> {
            if (node.has("property")) {
                return Checks.temporalProperty(node.path("property").asText(), 0);
            }
            if (node.has("interval")) {
                JsonNode ends = node.path("interval");
                if (!ends.isArray() || ends.size() != 2) {
                    throw new Cql2Exception(0, "an interval is [start, end]");
                }
                return Checks.interval(end(ends.get(0)), end(ends.get(1)), 0);
            }
            LocalDate day = instant(node);
            return new Period.Days(day, day);
        });
    }

    /** Null for the open end "..". */
    private static LocalDate end(JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue();
            return text.equals("..") ? null : text.length() == 10 ? Checks.date(text, 0) : Checks.timestamp(text, 0);
        }
        return instant(node);
    }

    private static LocalDate instant(JsonNode node) {
        if (node.path("date").isTextual()) {
            return Checks.date(node.path("date").textValue(), 0);
        }
        if (node.path("timestamp").isTextual()) {
            return Checks.timestamp(node.path("timestamp").textValue(), 0);
        }
        throw new Cql2Exception(0, "expected {\"date\": ...}, {\"timestamp\": ...}, {\"interval\": [...]} or {\"property\": ...}");
    }

    /** Checks report position 0 from here; the failure is given the pointer of the member checked. */
    private static <T> T rethrown(String at, Supplier<T> check) {
        try {
            return check.get();
        } catch (Cql2Exception e) {
            throw e.unlocated() ? new Cql2Exception(at, e.getMessage()) : e;
        }
    }
}
