package org.incidentmap.geocoding.geoparse;

import org.incidentmap.geocoding.match.Candidate;

/** A span of text that names (or looks like it names) a place; {@code place} null when unresolved. */
public record Mention(String text, int start, int end, boolean incidentLocation, String reason, Candidate place) {
}
