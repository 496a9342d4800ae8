package org.incidentmap.gateway.upstream;

/**
 * A place geocoding-service completed a typed name to: its GeoNames id, name, oblast (admin1),
 * country, whether it is a settlement or a region, and where it is (WGS 84 degrees).
 */
public record GeocodedPlace(long geonameid, String name, String admin1, String country, String precision,
        double lat, double lon) {
}
