package org.incidentmap.incident.geocoder;

/** Body of geocoding-service's {@code POST /geoparse}. */
public record GeoparseRequest(String text) {
}
