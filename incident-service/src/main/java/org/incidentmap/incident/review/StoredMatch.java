package org.incidentmap.incident.review;

import java.util.UUID;

/**
 * A stored incident a candidate reports again (same type and day, nearby), with the version and
 * figures the update proposal is made against.
 */
record StoredMatch(UUID incidentId, int version, String placeName, Integer killed, boolean killedAtLeast,
        Integer injured, boolean injuredAtLeast) {
}
