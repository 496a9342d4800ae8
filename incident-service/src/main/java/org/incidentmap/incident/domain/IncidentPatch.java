package org.incidentmap.incident.domain;

import java.util.Set;

/**
 * A validated JSON merge patch: {@code present} names the properties the client sent (a property
 * sent as null clears it); {@code point} applies when {@code moves} is set.
 */
public record IncidentPatch(IncidentFields fields, Set<String> present, boolean moves, Point point, String reason) {
}
