package org.incidentmap.gateway.places;

import org.incidentmap.gateway.problem.BadParameterException;

/**
 * A place search as the map page types it: {@code q}, the start of a name (1 to 100 characters, no
 * control characters), and {@code limit}, how many places to list (1 to 10, the most
 * geocoding-service completes; 10 when absent).
 */
record PlaceQuery(String q, int limit) {

    static final int MAX_Q = 100;
    static final int MAX_LIMIT = 10;

    static PlaceQuery parse(String q, String limit) {
        return new PlaceQuery(q(q), limit(limit));
    }

    private static String q(String text) {
        String q = text == null ? "" : text.strip();
        if (q.isEmpty()) {
            throw new BadParameterException("q", "q is required: the start of a place name");
        }
        if (q.codePointCount(0, q.length()) > MAX_Q) {
            throw new BadParameterException("q", "q must be at most " + MAX_Q + " characters");
        }
        if (q.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadParameterException("q", "q must not contain control characters");
        }
        return q;
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return MAX_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below with the parameter's name
        }
        throw new BadParameterException("limit", "limit must be an integer from 1 to " + MAX_LIMIT);
    }
}
