package org.incidentmap.geocoding.match;

/**
 * One name to resolve, with optional free-text context and ISO country filter, and how strictly
 * its spelling must match a gazetteer name.
 */
public record GeocodeQuery(String q, String context, String country, Matching matching) {

    /** How far a query's spelling may stray from a gazetteer name. */
    public enum Matching {
        /** Exact, alternate and transliterated names, skeletons and trigrams: a name the user typed as a place. */
        LOOSE,
        /**
         * Exact and alternate names, and other transliterations of them (same
         * {@link NameNormalizer#transliterationKey}): a capitalised word of running text, which is
         * a place only on that evidence.
         */
        PRECISE
    }

    public GeocodeQuery(String q, String context, String country) {
        this(q, context, country, Matching.LOOSE);
    }
}
