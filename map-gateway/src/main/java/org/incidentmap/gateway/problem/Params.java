package org.incidentmap.gateway.problem;

/** Parsing of the query parameters several endpoints share, failing with the parameter's name. */
public final class Params {

    private Params() {
    }

    /**
     * A bbox as minLon,minLat,maxLon,maxLat in WGS 84 degrees (or minLon,minLat,minHeight,maxLon,
     * maxLat,maxHeight), or null when absent. A minLon east of maxLon is a box across the
     * antimeridian, as OGC API – Features allows.
     */
    public static double[] bbox(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",");
        if (parts.length != 4 && parts.length != 6) {
            throw new BadParameterException(name, name + " must be minLon,minLat,maxLon,maxLat (or with minHeight and maxHeight)");
        }
        double[] numbers = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new BadParameterException(name, name + " must contain four (or six) numbers");
            }
        }
        // the heights of a six-number box are dropped: incidents are points on the ground
        double[] box = parts.length == 4 ? numbers : new double[] {numbers[0], numbers[1], numbers[3], numbers[4]};
        if (!(box[0] >= -180 && box[0] <= 180 && box[2] >= -180 && box[2] <= 180
                && box[1] >= -90 && box[3] <= 90 && box[1] <= box[3])) {
            throw new BadParameterException(name, name + " must be minLon,minLat,maxLon,maxLat within -180..180, -90..90");
        }
        return box;
    }

    /** Whether the point lies in a box {@link #bbox} parsed, the antimeridian crossed or not. */
    public static boolean contains(double[] box, double lon, double lat) {
        boolean lonInside = box[0] <= box[2] ? lon >= box[0] && lon <= box[2] : lon >= box[0] || lon <= box[2];
        return lonInside && lat >= box[1] && lat <= box[3];
    }

    /** A non-negative integer, or null when absent. */
    public static Long nonNegative(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the parameter's name
        }
        throw new BadParameterException(name, name + " must be a non-negative integer");
    }
}
