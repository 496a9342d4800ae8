package org.incidentmap.geocoding.api;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks of request input shared by the resources, within the configured bounds; each failure names the field. */
@Singleton
class Inputs {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
    /** Regular expressions match by code point, so only a surrogate that is not half of a pair matches. */
    private static final Pattern LONE_SURROGATE = Pattern.compile("[\\x{D800}-\\x{DFFF}]");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    private final ApiConfig bounds;

    Inputs(ApiConfig bounds) {
        this.bounds = bounds;
    }

    void onlyParameters(UriInfo uri, Set<String> allowed) {
        for (String name : uri.getQueryParameters().keySet()) {
            if (!allowed.contains(name)) {
                throw new BadRequest(name.isEmpty() ? "query" : name, "unknown parameter; allowed: " + allowed);
            }
        }
    }

    /** A non-empty list of at most {@code geocoding.api.max-batch} entries. */
    void batch(String field, List<?> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new BadRequest(field, field + " must be a non-empty array");
        }
        if (entries.size() > bounds.maxBatch()) {
            throw new BadRequest(field, "at most " + bounds.maxBatch() + " " + field + " per batch");
        }
    }

    String query(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequest(field, field + " must not be empty");
        }
        return checked(field, value, bounds.maxQuery());
    }

    /** A context or a text to geoparse; null stays null. */
    String text(String field, String value) {
        return checked(field, value, bounds.maxText());
    }

    private static String checked(String field, String value, int max) {
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

    String country(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!COUNTRY.matcher(value).matches()) {
            throw new BadRequest("country", "country must be an ISO 3166-1 alpha-2 code such as UA");
        }
        return value;
    }

    int limit(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= bounds.maxLimit()) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like any other limit out of range
        }
        throw new BadRequest("limit", "limit must be an integer between 1 and " + bounds.maxLimit());
    }

    double coordinate(String field, String value, double bound) {
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
