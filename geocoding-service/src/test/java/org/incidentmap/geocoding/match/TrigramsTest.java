package org.incidentmap.geocoding.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The expected figures are what PostgreSQL's pg_trgm similarity() returns for the same pairs. */
class TrigramsTest {

    @Test
    void similarityAgreesWithPgTrgm() {
        assertEquals(0.45454547, Trigrams.similarity("kharkiv", "kharkov"), 1e-6);
        assertEquals(0.6875, Trigrams.similarity("novo petrivka", "novopetrivka"), 1e-6);
        assertEquals(1.0, Trigrams.similarity("lyman", "lyman"), 1e-9);
        assertEquals(0.0, Trigrams.similarity("kyiv", "odesa"), 1e-9);
    }

    @Test
    void repeatedTrigramsCountOnce() {
        assertEquals(1.0, Trigrams.similarity("aaa", "aaa aaa"), 1e-9);
    }

    @Test
    void emptyNameIsSimilarToNothing() {
        assertEquals(0.0, Trigrams.similarity("", "kyiv"), 1e-9);
    }
}
