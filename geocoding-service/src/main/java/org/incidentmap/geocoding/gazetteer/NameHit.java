package org.incidentmap.geocoding.gazetteer;

/** A place found by one of its names: which key found it, how, and under what name. */
public record NameHit(String key, Kind kind, String matchedName, String matchedNorm, boolean preferred, Place place) {

    /** How the key met the name. */
    public enum Kind {
        /** The normalised forms are equal. */
        EXACT,
        /** The transliteration skeletons are equal. */
        SKELETON,
        /** Trigram similarity above pg_trgm's threshold. */
        FUZZY
    }
}
