package org.incidentmap.incident.filter;

import java.util.Locale;

/** The spatial functions of CQL2 that filters accept, each with the PostGIS function of the same meaning. */
public enum SpatialRelation {
    INTERSECTS("ST_Intersects"),
    /** The first geometry lies inside the second; a point on a polygon's boundary is not within it. */
    WITHIN("ST_Within");

    private final String function;

    SpatialRelation(String function) {
        this.function = function;
    }

    String function() {
        return function;
    }

    /** {@code S_INTERSECTS} or {@code s_within}, as the text and JSON encodings spell them. */
    static SpatialRelation named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).substring("S_".length()));
    }
}
