package org.incidentmap.incident.extraction;

/** How exactly a place pins an incident; {@link #code()} is the wire value of {@code geoPrecision}. */
public enum GeoPrecision {
    SETTLEMENT(1),
    REGION(2),
    COUNTRY(3);

    private final int code;

    GeoPrecision(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Maps geocoding-service's {@code precision} property ("settlement", "region", "country"). */
    public static GeoPrecision fromWire(String value) {
        return switch (value) {
            case "settlement" -> SETTLEMENT;
            case "region" -> REGION;
            case "country" -> COUNTRY;
            default -> throw new IllegalArgumentException("unknown precision: " + value);
        };
    }
}
