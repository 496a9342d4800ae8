package org.incidentmap.geocoding.match;

import java.util.List;
import java.util.Set;

/**
 * A query taken apart: the normalised forms and skeletons of the name, whether a region or a
 * district was asked for, the country filter, and the terms of the context around it.
 */
public record ParsedQuery(String text, Set<String> forms, List<String> skeletons, Precision wanted, String country,
        List<ContextTerm> context) {

    /** What kind of place the words of the query ask for. */
    public enum Precision {
        /** No region word: a settlement, unless only a region has the name. */
        ANY,
        /** "oblast", "region": the admin1 region. */
        REGION,
        /** "district", "raion": the named town, reported with region precision. */
        DISTRICT
    }

    /** A name in the context ("near Lyman", "Donetsk oblast", "Russia"). */
    public record ContextTerm(Set<String> forms, Kind kind) {
        /** What the context word names. */
        public enum Kind { PLACE, REGION, COUNTRY }
    }
}
