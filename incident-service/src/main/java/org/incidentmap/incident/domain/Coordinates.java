package org.incidentmap.incident.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a position a client sent: finite, in range, and not latitude and longitude swapped —
 * a point outside the country it is tagged with whose swapped coordinates fall inside it.
 */
public final class Coordinates {

    /** Rough bounding boxes (minLon, minLat, maxLon, maxLat) of the countries incidents are tagged with. */
    private static final Map<String, double[]> COUNTRY_BOUNDS = Map.of(
            "UA", new double[] {22.1, 44.3, 40.3, 52.4},
            "RU", new double[] {19.6, 41.1, 180.0, 82.0},
            "BY", new double[] {23.1, 51.2, 32.8, 56.2},
            "MD", new double[] {26.6, 45.4, 30.2, 48.5},
            "PL", new double[] {14.1, 49.0, 24.2, 54.9});

    private Coordinates() {
    }

    /** Errors for the position, named with {@code latField}/{@code lonField}; empty when it is acceptable. */
    public static List<FieldError> check(Double lat, Double lon, String country, String latField, String lonField) {
        List<FieldError> errors = new ArrayList<>();
        if (lat == null || lon == null) {
            if (lat != null || lon != null) {
                errors.add(new FieldError(lat == null ? latField : lonField, "latitude and longitude go together"));
            }
            return errors;
        }
        if (!Double.isFinite(lat)) {
            errors.add(new FieldError(latField, "must be a finite number"));
        } else if (lat < -90 || lat > 90) {
            errors.add(new FieldError(latField, "must be between -90 and 90"));
        }
        if (!Double.isFinite(lon)) {
            errors.add(new FieldError(lonField, "must be a finite number"));
        } else if (lon < -180 || lon > 180) {
            errors.add(new FieldError(lonField, "must be between -180 and 180"));
        }
        if (errors.isEmpty() && looksSwapped(lat, lon, country)) {
            errors.add(new FieldError(latField, "latitude " + lat + " / longitude " + lon
                    + " lies outside " + country + " but the swapped pair lies inside: latitude and longitude look swapped"));
        }
        return errors;
    }

    static boolean looksSwapped(double lat, double lon, String country) {
        double[] box = country == null ? null : COUNTRY_BOUNDS.get(country);
        return box != null && !inside(box, lon, lat) && inside(box, lat, lon);
    }

    private static boolean inside(double[] box, double lon, double lat) {
        return lon >= box[0] && lat >= box[1] && lon <= box[2] && lat <= box[3];
    }
}
