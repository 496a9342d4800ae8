package org.incidentmap.incident.ingest.geoparse;

/** Body of geocoding-service's {@code POST /geoparse}. */
public record GeoparseRequest(String text) {
}
