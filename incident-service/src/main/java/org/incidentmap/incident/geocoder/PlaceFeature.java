package org.incidentmap.incident.geocoder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A GeoJSON Feature as geocoding-service returns it: a Point and the gazetteer entry's properties. */
// geocoding-service adds fields to its answers over time; a reader of them must not break on one
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlaceFeature(String type, Geometry geometry, Properties properties) {

    /** RFC 7946 Point: {@code coordinates} is [lon, lat]. */
    public record Geometry(String type, List<Double> coordinates) {
    }

    /** @param precision "settlement", "region" or "country" */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Properties(Long geonameid, String name, String matchedName, String featureClass,
            String featureCode, String admin1, String admin2, String country, Long population, Double score,
            String precision, Boolean ambiguous) {
    }
}
