package org.incidentmap.incident.extraction;

/**
 * A mention tied to a point on the map.
 *
 * @param incidentLocation false when the resolver judged the mention not to be where something happened
 *                         (geocoding-service's /geoparse decides this from context)
 */
public record ResolvedPlace(PlaceMention mention, String name, double lon, double lat, GeoPrecision precision,
        String admin1, String country, boolean incidentLocation) {
}
