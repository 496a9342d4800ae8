package org.incidentmap.incident.geocoder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
/**
 * One name found by {@code POST /geoparse}.
 *
 * @param incidentLocation whether the service reads the name as where something happened
 * @param reason           why it decided so (e.g. "venue of talks")
 * @param place            the best geocoding match, null when none is confident
 * @param kind             what the name is (place, region, country, person, organisation, feature, other);
 *                         null from a service that does not say
 * @param evidence         how the name was matched (exact, variant, transliteration, inflected, fuzzy-in-frame)
 */
// geocoding-service adds fields to its answers over time; a reader of them must not break on one
@JsonIgnoreProperties(ignoreUnknown = true)
public record GeoparseMention(String text, int start, int end, boolean incidentLocation, String reason,
        PlaceFeature place, String kind, String evidence) {

    /** Countries, people, organisations and features named after places (a river, a bridge) are never incident places. */
    public boolean placeKind() {
        return kind == null || kind.equals("place") || kind.equals("region");
    }
}
