package org.incidentmap.geocoding.geoparse;

import java.util.Locale;
import org.incidentmap.geocoding.match.Candidate;

/**
 * A span of text that names (or looks like it names) a place, or names something a place name
 * could be mistaken for.
 *
 * @param place       the resolved gazetteer entry; null when unresolved and for every kind but place and region
 * @param kind        what the span names
 * @param evidence    why it resolved to the place (or country); null when it did not resolve
 * @param countryCode the ISO 3166 code when the span names a country
 */
public record Mention(String text, int start, int end, boolean incidentLocation, String reason, Candidate place,
        Kind kind, Evidence evidence, String countryCode) {

    /** What a span names. */
    public enum Kind {
        PLACE, REGION, COUNTRY, PERSON, ORGANISATION,
        /** A river, bridge, reservoir, dam or power plant, even one named after a place. */
        FEATURE,
        /** A weapon, a date word or anything else that is not a place. */
        OTHER;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a span met its place: the first four hold anywhere, the last only inside a locative frame. */
    public enum Evidence {
        /** The place's own name, or its name as listed in the text's script. */
        EXACT,
        /** A listed alternate or former name (Kiev, Artemovsk). */
        VARIANT,
        /** Another transliteration of a listed name (Харків for Kharkiv, Vinnitsa for Vinnytsia). */
        TRANSLITERATION,
        /** An inflected Ukrainian or Russian form whose dictionary lemma is a listed name (у Херсоні). */
        INFLECTED,
        /** A similar spelling (same consonant skeleton or trigrams), accepted only after "in", "near", "у", "під"… */
        FUZZY_IN_FRAME;

        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
