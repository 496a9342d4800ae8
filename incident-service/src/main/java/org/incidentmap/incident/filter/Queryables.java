package org.incidentmap.incident.filter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incident properties a filter may name, each with its SQL column and its type: the one list
 * behind the CQL2 translation and the queryables document the gateway serves. Arrays (weapons,
 * targets), sources and claims are left out: CQL2's basic operators do not reach into them.
 */
public final class Queryables {

    /** A property's or literal's type as CQL2 sees it; integers and other numbers compare with each other. */
    public enum Type {
        STRING, INTEGER, NUMBER, BOOLEAN, DATE, GEOMETRY;

        boolean comparableWith(Type other) {
            return this == other || numeric() && other.numeric();
        }

        boolean numeric() {
            return this == INTEGER || this == NUMBER;
        }

        /** How a filter's message names it. */
        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One queryable: its name in the Feature's properties, its column in the incident view, type and title. */
    public record Queryable(String name, String column, Type type, String title, List<String> values) {

        Map<String, Object> schema() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("title", title);
            switch (type) {
                case STRING -> s.put("type", "string");
                case INTEGER -> s.put("type", "integer");
                case NUMBER -> s.put("type", "number");
                case BOOLEAN -> s.put("type", "boolean");
                case DATE -> {
                    s.put("type", "string");
                    s.put("format", "date");
                    s.put("x-ogc-role", "primary-instant");
                }
                case GEOMETRY -> {
                    s.put("format", "geometry-point");
                    s.put("x-ogc-role", "primary-geometry");
                }
            }
            if (!values.isEmpty()) {
                s.put("enum", values);
            }
            return s;
        }
    }

    private static final List<Queryable> ALL = List.of(
            of("geometry", "i.geom", Type.GEOMETRY, "The incident's point (EPSG:4326)"),
            of("eventType", "i.event_type", Type.STRING, "ACLED event type"),
            of("subEventType", "i.sub_event_type", Type.STRING, "ACLED sub-event type"),
            of("occurredOn", "i.occurred_on", Type.DATE, "The day the incident happened"),
            of("timePrecision", "i.time_precision", Type.INTEGER, "1 day, 2 week, 3 month"),
            of("geoPrecision", "i.geo_precision", Type.INTEGER, "1 settlement, 2 near or part of a region, 3 region"),
            of("placeName", "i.place_name", Type.STRING, "Settlement or place name"),
            of("admin1", "i.admin1", Type.STRING, "Oblast"),
            of("admin2", "i.admin2", Type.STRING, "Raion"),
            of("country", "i.country", Type.STRING, "ISO 3166-1 alpha-2 country code"),
            of("killed", "i.killed", Type.INTEGER, "Killed (null: unknown)"),
            of("killedAtLeast", "i.killed_at_least", Type.BOOLEAN, "Whether killed is a lower bound"),
            of("injured", "i.injured", Type.INTEGER, "Injured (null: unknown)"),
            of("injuredAtLeast", "i.injured_at_least", Type.BOOLEAN, "Whether injured is a lower bound"),
            new Queryable("status", "i.status", Type.STRING, "Review status",
                    List.of("reported", "verified", "disputed", "retracted")),
            of("actor", "i.actor", Type.STRING, "The acting party, when known"),
            of("version", "i.version", Type.INTEGER, "Revision number of the incident"));

    private static final Map<String, Queryable> BY_NAME = index();

    private Queryables() {
    }

    private static Queryable of(String name, String column, Type type, String title) {
        return new Queryable(name, column, type, title, List.of());
    }

    private static Map<String, Queryable> index() {
        Map<String, Queryable> byName = new LinkedHashMap<>();
        ALL.forEach(q -> byName.put(q.name(), q));
        return byName;
    }

    /** The queryable of that exact name (property names are case-sensitive, as in the Feature). */
    public static Optional<Queryable> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /**
     * The queryables as a JSON Schema (2020-12) document, OGC API – Features Part 3's form; {@code id}
     * is the address it is served at.
     */
    public static Map<String, Object> schema(String id) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        doc.put("$id", id);
        doc.put("type", "object");
        doc.put("title", "Incidents");
        doc.put("description", "The properties a CQL2 filter on incidents may name");
        Map<String, Object> properties = new LinkedHashMap<>();
        ALL.forEach(q -> properties.put(q.name(), q.schema()));
        doc.put("properties", properties);
        doc.put("additionalProperties", false);
        return doc;
    }
}
