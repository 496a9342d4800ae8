package org.incidentmap.incident.domain;

import java.util.Locale;

/** A WGS 84 position, longitude first as in GeoJSON. */
public record Point(double lon, double lat) {

    public String toGeoJson() {
        return String.format(Locale.ROOT, "{\"type\":\"Point\",\"coordinates\":[%s,%s]}",
                Double.toString(lon), Double.toString(lat));
    }
}
