package org.incidentmap.incident.store;

import java.util.Arrays;

/**
 * The coordinate reference systems a listing is offered in (OGC API – Features Part 2). Incidents
 * are stored in EPSG:4326 with longitude first, which is CRS84's axis order; EPSG:4326 proper is
 * latitude first, and EPSG:3857 is Web Mercator metres. PostGIS converts: the answers never carry
 * coordinates computed in Java.
 */
public enum Crs {
    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "i.geom"),
    EPSG_4326("http://www.opengis.net/def/crs/EPSG/0/4326", "ST_FlipCoordinates(i.geom)"),
    EPSG_3857("http://www.opengis.net/def/crs/EPSG/0/3857", "ST_Transform(i.geom, 3857)");

    /** Half the width of the Web Mercator world in metres. */
    private static final double MERCATOR_HALF_WORLD = 20037508.342789244;

    private final String uri;
    private final String geometrySql;

    Crs(String uri, String geometrySql) {
        this.uri = uri;
        this.geometrySql = geometrySql;
    }

    public String uri() {
        return uri;
    }

    /** The CRS a URI names, CRS84 when absent; any other is an IllegalArgumentException. */
    public static Crs of(String uri) {
        if (uri == null || uri.isBlank()) {
            return CRS84;
        }
        return Arrays.stream(values()).filter(c -> c.uri.equals(uri.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsupported CRS " + uri + "; supported: "
                        + Arrays.stream(values()).map(Crs::uri).toList()));
    }

    /** The incident's Feature text with its geometry in this CRS. */
    String featureSql() {
        if (this == CRS84) {
            return "CAST(i.feature AS text)";
        }
        return "CAST(jsonb_set(CAST(i.feature AS jsonb), '{geometry}', COALESCE(CAST(ST_AsGeoJSON(" + geometrySql
                + ") AS jsonb), 'null')) AS text)";
    }

    /**
     * A bbox given in this CRS put in CRS84's axis order (EPSG:4326's latitudes first swapped);
     * EPSG:3857 boxes stay in metres, {@link IncidentFilter} has PostGIS transform them.
     */
    public double[] box(double[] box) {
        return switch (this) {
            case CRS84 -> box;
            case EPSG_4326 -> new double[] {box[1], box[0], box[3], box[2]};
            case EPSG_3857 -> box;
        };
    }

    /** Whether a box in this CRS (after {@link #box}) lies within the world it describes. */
    public boolean valid(double[] box) {
        if (this == EPSG_3857) {
            return box[0] <= box[2] && box[1] <= box[3]
                    && Arrays.stream(box).allMatch(v -> Math.abs(v) <= MERCATOR_HALF_WORLD * 1.01);
        }
        return box[0] >= -180 && box[0] <= 180 && box[2] >= -180 && box[2] <= 180 && box[1] >= -90 && box[3] <= 90
                && box[1] <= box[3];
    }
}
