package org.incidentmap.incident.domain;

/** A WGS 84 position, longitude first as in GeoJSON. */
public record Point(double lon, double lat) {
}
