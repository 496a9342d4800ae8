package org.incidentmap.geocoding.gazetteer;

/** A gazetteer entry as the matcher and the API see it; admin names resolved from their codes. */
public record Place(long geonameid, String name, double latitude, double longitude, String featureClass,
        String featureCode, String country, String admin1Code, String admin1, String admin2, long population,
        double importance) {

    public boolean isRegion() {
        return "A".equals(featureClass);
    }

    /** Great-circle distance in kilometres. */
    public double distanceKm(double lat, double lon) {
        return Geo.distanceKm(latitude, longitude, lat, lon);
    }
}
