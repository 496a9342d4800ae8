package org.incidentmap.incident.geocoder;

/**
 * One name found by {@code POST /geoparse}.
 *
 * @param incidentLocation whether the service reads the name as where something happened
 * @param reason           why it decided so (e.g. "venue of talks")
 * @param place            the best geocoding match, null when none is confident
 */
public record GeoparseMention(String text, int start, int end, boolean incidentLocation, String reason,
        PlaceFeature place) {
}
