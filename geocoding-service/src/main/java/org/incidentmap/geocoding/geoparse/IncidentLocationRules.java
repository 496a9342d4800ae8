package org.incidentmap.geocoding.geoparse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a place-like mention is a likely incident location, from the words around
 * it: military groupings named after places ("Centre group", "Dnepr group of forces"),
 * people's names (a title before, a verb of speech after), diplomatic venues (talks,
 * negotiations or a summit nearby, or a well-known venue outside the war zone).
 */
final class IncidentLocationRules {

    private static final Pattern GROUPING_AFTER = Pattern.compile(
            "^\\s*(?:group|grouping|battlegroup|battalion|brigade|operational|army|forces|troops|unit|division)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GROUPING_BEFORE = Pattern.compile(
            "\\b(?:group|grouping|groupings|battalion|brigade)\\s+[\"“«]?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PERSON_BEFORE = Pattern.compile(
            "\\b(?:president|mr|mrs|ms|dr|minister|general|gen|governor|mayor|commander|spokesman|spokeswoman|"
                    + "spokesperson|colonel|col|lieutenant|sergeant|envoy|ambassador|prime minister|chief|head|deputy|"
                    + "senator|adviser|advisor)\\.?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PERSON_AFTER = Pattern.compile(
            "^\\s*(?:said|says|told|wrote|added|stated|claimed|announced|reported)\\b|^'s\\s+(?:office|spokes)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DIPLOMACY = Pattern.compile(
            "\\b(?:talks|negotiations|negotiators|summit|meeting|met|delegation|delegations|envoys|peace|ceasefire deal|"
                    + "mediated|mediation|hosted|host|diplomats|diplomatic|conference|memorandum|agreement|accords)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Places where talks about the war are held, never incident sites for this map. */
    private static final Set<String> VENUES = Set.of("istanbul", "abu dhabi", "geneva", "florida", "miami", "riyadh",
            "jeddah", "doha", "washington", "palm beach", "mar a lago", "alaska", "anchorage", "davos", "munich",
            "brussels", "paris", "london", "berlin", "vatican", "rome", "ankara", "antalya", "budapest", "helsinki",
            "vienna", "new york", "beijing", "minsk");
    /** Countries where the war's strikes happen. */
    private static final Set<String> WAR_ZONE = Set.of("UA", "RU");
    private static final int WINDOW = 60;
    private static final Pattern LOCATIVE_BEFORE = Pattern.compile("\\b(?:in|at|near|outside|to)\\s+$");

    static final String GROUPING = "military grouping named after a place";
    static final String PERSON = "person's name";

    private IncidentLocationRules() {
    }

    record Verdict(boolean incidentLocation, String reason) {
    }

    static Verdict judge(String text, int start, int end, String folded, String country) {
        String before = text.substring(Math.max(0, start - WINDOW), start);
        String after = text.substring(end, Math.min(text.length(), end + WINDOW));
        String sentence = sentence(text, start, end);
        if (GROUPING_AFTER.matcher(after).find() || GROUPING_BEFORE.matcher(before).find()) {
            return new Verdict(false, GROUPING);
        }
        if (PERSON_BEFORE.matcher(before).find() || PERSON_AFTER.matcher(after).find()) {
            return new Verdict(false, PERSON);
        }
        boolean venue = VENUES.contains(folded);
        boolean diplomacy = DIPLOMACY.matcher(sentence).find();
        if (venue || diplomacy && (country == null || !WAR_ZONE.contains(country))) {
            return new Verdict(false, "diplomatic venue");
        }
        if (country == null) {
            return new Verdict(false, "not found in the gazetteer");
        }
        if (diplomacy && before.toLowerCase(Locale.ROOT).matches("(?s).*\\b(?:in|at)\\s*$")) {
            return new Verdict(false, "diplomatic venue");
        }
        return new Verdict(true, "place named in the report");
    }

    /** An unresolved name is still reported when it is a known venue or follows a locative preposition ("talks in Istanbul"). */
    static boolean looksLikePlace(String text, int start, String folded) {
        return VENUES.contains(folded) || LOCATIVE_BEFORE.matcher(text.substring(Math.max(0, start - 12), start)).find();
    }

    private static String sentence(String text, int start, int end) {
        int from = start;
        while (from > 0 && ".!?\n".indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        int to = end;
        while (to < text.length() && ".!?\n".indexOf(text.charAt(to)) < 0) {
            to++;
        }
        return text.substring(from, to);
    }
}
