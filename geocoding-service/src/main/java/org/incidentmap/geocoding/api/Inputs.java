package org.incidentmap.geocoding.api;

import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks of request input shared by the resources; each failure names the field. */
final class Inputs {

    /** Longest name query accepted. */
    static final int MAX_QUERY = 1000;
    /** Longest context or geoparse text accepted. */
    static final int MAX_TEXT = 5000;
    static final int MAX_LIMIT = 50;
    static final int MAX_BATCH = 1000;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
    /** Regular expressions match by code point, so only a surrogate that is not half of a pair matches. */
    private static final Pattern LONE_SURROGATE = Pattern.compile("[\\x{D800}-\\x{DFFF}]");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    private Inputs() {
    }

    static void onlyParameters(UriInfo uri, Set<String> allowed) {
        for (String name : uri.getQueryParameters().keySet()) {
            if (!allowed.contains(name)) {
                throw new BadRequest(name.isEmpty() ? "query" : name, "unknown parameter; allowed: " + allowed);
            }
        }
    }

    static String query(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequest(field, field + " must not be empty");
        }
        return text(field, value, MAX_QUERY);
    }

    static String text(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new BadRequest(field, field + " must be at most " + max + " characters");
        }
        if (CONTROL.matcher(value).find()) {
            throw new BadRequest(field, field + " must not contain control characters");
        }
        if (LONE_SURROGATE.matcher(value).find()) {
            throw new BadRequest(field, field + " must not contain a lone UTF-16 surrogate (it is no character)");
        }
        return value;
    }

    static String country(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!COUNTRY.matcher(value).matches()) {
            throw new BadRequest("country", "country must be an ISO 3166-1 alpha-2 code such as UA");
        }
        return value;
    }

    static int limit(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like any other limit out of range
        }
        throw new BadRequest("limit", "limit must be an integer between 1 and " + MAX_LIMIT);
    }

    static double coordinate(String field, String value, double bound) {
        if (value == null || value.isBlank()) {
            throw new BadRequest(field, field + " is required");
        }
        double d;
        try {
            d = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new BadRequest(field, field + " must be a number");
        }
        if (!Double.isFinite(d) || d < -bound || d > bound) {
            throw new BadRequest(field, field + " must be between " + -bound + " and " + bound);
        }
        return d;
    }
}
