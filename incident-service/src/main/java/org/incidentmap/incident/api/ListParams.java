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
import org.incidentmap.incident.store.IncidentFilter;
import org.incidentmap.incident.store.IncidentStream;

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
        return new IncidentFilter(bbox(q.getFirst("bbox")), interval[0], interval[1],
                blankToNull(q.getFirst("eventType")), status, blankToNull(q.getFirst("admin1")),
                minKilled == null ? null : (int) QueryParams.longValue("minKilled", minKilled, 0, 0, Integer.MAX_VALUE),
                cql(q.getFirst("filter"), q.getFirst("filter-lang")));
    }

    /** A CQL2 filter in the language {@code filter-lang} names (cql2-text when absent), or null when there is none. */
    static Expression cql(String filter, String language) {
        String lang = blankToNull(language);
        if (lang != null && !lang.equals("cql2-text") && !lang.equals("cql2-json")) {
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

    static IncidentStream.Cursor cursor(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        IncidentStream.Cursor cursor = IncidentStream.Cursor.decode(text);
        if (cursor == null) {
            throw InvalidInputException.of("cursor", "is not a cursor from a next link");
        }
        return cursor;
    }

    static double[] bbox(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw InvalidInputException.of("bbox", "must be minLon,minLat,maxLon,maxLat");
        }
        double[] box = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                box[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("bbox", "must be four numbers minLon,minLat,maxLon,maxLat");
            }
            if (!Double.isFinite(box[i])) {
                throw InvalidInputException.of("bbox", "must be finite numbers");
            }
        }
        // minLon east of maxLon is a box across the antimeridian, which OGC API – Features allows
        if (box[0] < -180 || box[0] > 180 || box[2] < -180 || box[2] > 180 || box[1] < -90 || box[3] > 90
                || box[1] > box[3]) {
            throw InvalidInputException.of("bbox", "must be minLon,minLat,maxLon,maxLat within -180..180 and -90..90,"
                    + " minLat not above maxLat");
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
