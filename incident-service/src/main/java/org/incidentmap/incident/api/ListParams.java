package org.incidentmap.incident.api;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.incidentmap.incident.domain.InvalidInputException;
import org.incidentmap.incident.filter.Cql2Exception;
import org.incidentmap.incident.filter.Cql2Json;
import org.incidentmap.incident.filter.Cql2Text;
import org.incidentmap.incident.filter.Expression;
import org.incidentmap.incident.store.Crs;
import org.incidentmap.incident.store.IncidentFilter;
import org.incidentmap.incident.store.IncidentStream;
import org.incidentmap.incident.store.SortOrder;

/** Parses the list's query parameters; unknown or malformed ones are problems naming the parameter. */
final class ListParams {

    static final Set<String> FILTERS = Set.of("bbox", "datetime", "eventType", "status", "admin1", "minKilled");
    private static final Set<String> STATUSES = Set.of("reported", "verified", "disputed", "retracted");

    private ListParams() {
    }

    static void rejectUnknown(MultivaluedMap<String, String> query, Set<String> allowed) {
        for (String name : query.keySet()) {
            if (!allowed.contains(name)) {
                throw InvalidInputException.of(name.isEmpty() ? "query" : name,
                        "unknown query parameter '" + name + "'; known ones are " + allowed);
            }
        }
    }

    static IncidentFilter filter(MultivaluedMap<String, String> q) {
        LocalDate[] interval = datetime(q.getFirst("datetime"));
        String status = blankToNull(q.getFirst("status"));
        if (status != null && !STATUSES.contains(status)) {
            throw InvalidInputException.of("status", "must be one of " + STATUSES);
        }
        String minKilled = q.getFirst("minKilled");
        Crs bboxCrs = crs("bbox-crs", q.getFirst("bbox-crs"));
        return new IncidentFilter(bbox(q.getFirst("bbox"), bboxCrs), bboxCrs, interval[0], interval[1],
                blankToNull(q.getFirst("eventType")), status, blankToNull(q.getFirst("admin1")),
                minKilled == null ? null : (int) QueryParams.longValue("minKilled", minKilled, 0, 0, Integer.MAX_VALUE),
                cql(q.getFirst("filter"), q.getFirst("filter-lang")));
    }

    /**
     * A CQL2 filter in the language {@code filter-lang} names (cql2-text when absent), or null when
     * there is none. {@code cql-text}, the draft's name that GDAL before 3.7 sends, is read as CQL2
     * text: the comparisons, AND/OR/NOT, LIKE, IN and BETWEEN GDAL writes are the same in both.
     */
    static Expression cql(String filter, String language) {
        String lang = blankToNull(language);
        if (lang != null && !lang.equals("cql2-text") && !lang.equals("cql2-json") && !lang.equals("cql-text")) {
            throw InvalidInputException.of("filter-lang", "must be cql2-text or cql2-json");
        }
        if (blankToNull(filter) == null) {
            return null;
        }
        try {
            return "cql2-json".equals(lang) ? Cql2Json.parse(filter) : Cql2Text.parse(filter);
        } catch (Cql2Exception e) {
            throw InvalidInputException.of("filter", "at " + e.where() + ": " + e.getMessage());
        }
    }

    /** {@code count=true} asks for "numberMatched"; absent or false leaves the count out. */
    static boolean count(String text) {
        if (text == null || text.isBlank() || text.equals("false")) {
            return false;
        }
        if (!text.equals("true")) {
            throw InvalidInputException.of("count", "must be true or false");
        }
        return true;
    }

    /** The cursor of a next link of a listing in {@code order}. */
    static IncidentStream.Cursor cursor(String text, SortOrder order) {
        if (text == null || text.isBlank()) {
            return null;
        }
        IncidentStream.Cursor cursor = order.decode(text);
        if (cursor == null) {
            throw InvalidInputException.of("cursor", "is not a cursor from a next link of this sortby");
        }
        return cursor;
    }

    /** OGC's {@code sortby}: occurredOn (or date), killed, injured, each with {@code -} for descending. */
    static SortOrder sortBy(String text) {
        try {
            return SortOrder.parse(text);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("sortby", e.getMessage());
        }
    }

    /** A CRS URI of {@code name} (crs, bbox-crs): CRS84 when absent. */
    static Crs crs(String name, String uri) {
        try {
            return Crs.of(uri);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(name, e.getMessage());
        }
    }

    /**
     * Four numbers, or six when the client adds a minimum and maximum height (OGC API – Features
     * allows both); incidents are points on the ground, so the heights are checked and dropped.
     * The box is in {@code crs}'s axis order; it comes back in the order {@link Crs#box} gives.
     */
    static double[] bbox(String text, Crs crs) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",");
        if (parts.length != 4 && parts.length != 6) {
            throw InvalidInputException.of("bbox", "must be minLon,minLat,maxLon,maxLat (or with minHeight and maxHeight)");
        }
        double[] numbers = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("bbox", "must be four (or six) numbers minLon,minLat,maxLon,maxLat");
            }
            if (!Double.isFinite(numbers[i])) {
                throw InvalidInputException.of("bbox", "must be finite numbers");
            }
        }
        double[] box = crs.box(parts.length == 4 ? numbers : new double[] {numbers[0], numbers[1], numbers[3], numbers[4]});
        // minLon east of maxLon is a box across the antimeridian, which OGC API – Features allows
        if (!crs.valid(box)) {
            throw InvalidInputException.of("bbox", crs == Crs.EPSG_3857
                    ? "must be minX,minY,maxX,maxY in Web Mercator metres, min not above max"
                    : "must be minLon,minLat,maxLon,maxLat within -180..180 and -90..90, minLat not above maxLat"
                            + (crs == Crs.EPSG_4326 ? " (EPSG:4326 takes them latitude first)" : ""));
        }
        return box;
    }

    /** An RFC 3339 date or date-time, or an interval "a/b" with ".." (or nothing) for an open end. */
    static LocalDate[] datetime(String text) {
        if (text == null || text.isBlank()) {
            return new LocalDate[2];
        }
        List<String> ends = List.of(text.split("/", -1));
        if (ends.size() > 2) {
            throw InvalidInputException.of("datetime", "must be a date, a date-time or an interval a/b");
        }
        LocalDate from = date(ends.get(0));
        LocalDate to = ends.size() == 1 ? from : date(ends.get(1));
        if (from != null && to != null && from.isAfter(to)) {
            throw InvalidInputException.of("datetime", "the interval ends before it starts");
        }
        return new LocalDate[] {from, to};
    }

    private static LocalDate date(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.equals("..")) {
            return null;
        }
        try {
            return t.length() == 10 ? LocalDate.parse(t) : OffsetDateTime.parse(t).toLocalDate();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("datetime", "'" + t + "' is not an RFC 3339 date or date-time");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
