package org.incidentmap.incident.api;

import org.incidentmap.incident.domain.InvalidInputException;

/** Query parameters arrive as strings so that a bad value is a problem naming it, not a 404. */
final class QueryParams {

    private QueryParams() {
    }

    static long longValue(String name, String raw, long fallback, long min, long max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "must be an integer");
        }
        if (value < min || value > max) {
            throw InvalidInputException.of(name, "must be between " + min + " and " + max);
        }
        return value;
    }
}
