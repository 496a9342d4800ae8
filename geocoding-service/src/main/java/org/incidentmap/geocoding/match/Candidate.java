package org.incidentmap.geocoding.match;

import org.incidentmap.geocoding.gazetteer.Place;

/** A ranked answer: the place, the name it matched by, its score (0..1), precision and whether a rival was close. */
public record Candidate(Place place, String matchedName, double score, String precision, boolean ambiguous) {
}
