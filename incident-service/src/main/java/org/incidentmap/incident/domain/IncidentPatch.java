package org.incidentmap.incident.domain;

import java.util.Set;

/**
 * A validated JSON merge patch: {@code present} names the properties the client sent (a property
 * sent as null clears it); {@code point} applies when {@code moves} is set. {@code form} is how the
 * client wrote it, so that problems found later against the stored incident name the field as sent.
 */
public record IncidentPatch(IncidentFields fields, Set<String> present, boolean moves, Point point, String reason,
        Form form) {

    public IncidentPatch(IncidentFields fields, Set<String> present, boolean moves, Point point, String reason) {
        this(fields, present, moves, point, reason, Form.FLAT);
    }

    /** The two shapes a patch may take, and where each puts a property and the position. */
    public enum Form {
        /** Properties at the top level beside latitude/longitude. */
        FLAT("", "latitude", "longitude"),
        /** A partial GeoJSON Feature: a Point geometry and a subset of the properties. */
        FEATURE("properties.", "geometry.coordinates[1]", "geometry.coordinates[0]");

        private final String propertyPrefix;
        private final String latitude;
        private final String longitude;

        Form(String propertyPrefix, String latitude, String longitude) {
            this.propertyPrefix = propertyPrefix;
            this.latitude = latitude;
            this.longitude = longitude;
        }

        public String property(String name) {
            return propertyPrefix + name;
        }

        public String latitude() {
            return latitude;
        }

        public String longitude() {
            return longitude;
        }
    }
}
