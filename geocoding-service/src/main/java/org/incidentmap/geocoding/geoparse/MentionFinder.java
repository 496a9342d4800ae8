package org.incidentmap.geocoding.geoparse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.incidentmap.geocoding.match.NameNormalizer;
import org.incidentmap.geocoding.match.QueryParser;

/**
 * Finds the spans of a text that may name places: runs of capitalised words (Latin or
 * Cyrillic), a following region word included ("Kharkiv region"), common capitalised words
 * that are never places (weekdays, months, nationalities) left out.
 */
final class MentionFinder {

    private static final Pattern RUN = Pattern.compile(
            "\\p{Lu}[\\p{L}'’ʼ-]*(?:[ ]\\p{Lu}[\\p{L}'’ʼ-]*){0,2}(?:[ ](?:oblast|region|district|raion|область|району?|region's))?");

    private static final Set<String> NEVER_PLACES = Set.of("the", "a", "an", "on", "in", "at", "of", "and", "but", "after",
            "before", "during", "overnight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december", "russian", "russians", "ukrainian", "ukrainians", "russia's",
            "ukraine's", "according", "officials", "police", "emergency", "service", "ministry", "defence", "defense",
            "forces", "armed", "air", "force", "general", "staff", "governor", "mayor", "president", "head",
            "regional", "military", "administration", "it", "he", "she", "they", "we", "i", "this", "there",
            "at least", "shahed", "iskander", "kinzhal", "kalibr", "telegram", "reuters", "ap", "afp", "bbc", "tass",
            "interfax", "kyiv independent", "ukrinform", "un", "nato", "eu", "us", "uk", "storm", "shadow", "himars");

    private MentionFinder() {
    }

    /** A candidate span: character offsets into the text. */
    record Span(String text, int start, int end) {
    }

    static List<Span> find(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher m = RUN.matcher(text);
        while (m.find()) {
            String[] words = m.group().split(" ");
            // Drop never-place words at the start ("On Monday Kharkiv" -> "Kharkiv").
            int skip = 0;
            int offset = m.start();
            while (skip < words.length && NEVER_PLACES.contains(words[skip].toLowerCase(Locale.ROOT))) {
                offset += words[skip].length() + 1;
                skip++;
            }
            if (skip == words.length) {
                continue;
            }
            String span = text.substring(offset, m.end());
            if (span.length() >= 3 && QueryParser.countryCode(NameNormalizer.fold(span)) == null) {
                spans.add(new Span(span, offset, m.end()));
            }
        }
        return spans;
    }
}
