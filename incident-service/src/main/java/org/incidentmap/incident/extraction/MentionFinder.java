package org.incidentmap.incident.extraction;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Proposes capitalised names as place mentions and sets aside the ones that are not incident
 * locations: people (a title or a given name before them), military groupings ("Dnepr group of
 * forces", "Battlegroup Centre"), quoted nicknames, and diplomatic venues (talks, summits and visits
 * within a few words). Whether a remaining name is a place at all is the resolver's call.
 */
final class MentionFinder {

    /** Capitalised words that start sentences or qualify names but are never place names themselves. */
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "in", "on", "at", "of", "and", "but",
            "while", "down", "up", "over", "near", "outside", "elsewhere", "meanwhile", "later", "earlier",
            "overnight", "officials", "local", "russian", "ukrainian", "russia’s", "ukraine’s", "russia's",
            "ukraine's", "moscow's", "kyiv's", "regional", "governor", "mayor", "head", "police", "emergency",
            "state", "service", "services", "ministry", "defence", "defense", "air", "force", "forces",
            "general", "staff", "army", "president", "minister", "prime", "foreign", "secretary", "according",
            "also", "another", "two", "three", "four", "five", "one", "more", "nearly", "almost",
            "some", "several", "dozens", "this", "that", "these", "those", "there", "it", "its", "his", "her",
            "their", "they", "he", "she", "we", "after", "before", "during", "since", "as", "from", "to",
            "by", "for", "with", "without", "about", "against", "if", "when", "where", "which", "who",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
            "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "no", "not", "all", "both", "each", "un", "nato", "eu", "us",
            "u.s", "shahed", "shaheds", "iskander", "kalibr", "kinzhal", "oblast", "region",
            "city", "village", "town", "district", "community", "residents", "rescuers", "authorities",
            "separately", "further", "still", "fighting", "following", "across", "among", "what",
            "western", "eastern", "southern", "northern", "central", "national", "international", "human",
            "rights", "monitoring", "mission", "office", "council", "security", "european", "commission",
            "day", "days", "week", "night", "morning", "evening", "so", "then", "now", "today", "yesterday");
    private static final Set<String> REGION_WORDS = Set.of("region", "oblast", "province", "area", "regions",
            "krai", "republic", "district", "raion");
    private static final Set<String> TITLES = Set.of("president", "minister", "secretary", "envoy", "general",
            "mr", "mrs", "ms", "dr", "governor", "mayor", "spokesperson", "spokesman", "spokeswoman", "chief",
            "commander", "ambassador", "chancellor", "premier", "counterpart", "negotiator", "adviser",
            "advisor", "colonel", "lieutenant", "sergeant", "pope", "king", "senator", "lawmaker", "head");
    private static final Set<String> GIVEN_NAMES = Set.of("volodymyr", "vladimir", "rustem", "denys", "steve",
            "jared", "donald", "marco", "ursula", "boris", "hakan", "emmanuel", "olaf", "keir", "andriy",
            "andrii", "oleh", "oleg", "vitali", "vitaliy", "dmitry", "dmytro", "sergei", "serhiy", "serhii",
            "ivan", "ihor", "igor", "yulia", "olena", "mykola", "vadym", "vadim", "pavlo", "kyrylo", "oleksandr",
            "alexander", "aleksandr", "maria", "anna", "viktor", "yuriy", "yuri", "john", "joe", "antonio",
            "recep", "sergey", "valery", "valerii", "roman", "mark", "friedrich", "giorgia", "alexus", "tore",
            "petro", "vyacheslav", "ramzan", "yevgeny", "yevhen", "anatoliy", "kaja", "mette", "antony", "kamala",
            "pete", "keith", "peter", "kirill", "artem", "bohdan", "taras", "vasyl", "andrzej",
            "viktoria", "natalia", "tetiana", "svitlana", "ruslan", "maksym", "mikhail", "nikolai");
    private static final Set<String> GROUPING_AFTER = Set.of("group", "grouping", "groups", "battlegroup");
    private static final Set<String> GROUPING_BEFORE = Set.of("battlegroup", "group", "grouping");
    private static final Set<String> VENUE_CUES = Set.of("talks", "negotiations", "negotiators", "summit",
            "meeting", "meetings", "met", "meet", "convened", "discussions", "delegation", "delegations",
            "conference", "visit", "visited", "visiting", "trip", "heads", "travelled", "traveled", "travel",
            "embassy", "signed", "ceremony", "forum", "hosted", "hosts", "mediated", "mediation", "diplomats",
            "diplomatic", "consultations", "negotiated", "peace", "envoys", "envoy", "minister", "ministers",
            "counterpart", "deal", "agreement", "accord", "memorandum", "parliament", "speech", "flew",
            "arrived", "rally", "sanctions");
    private static final int VENUE_WINDOW = 6;

    private MentionFinder() {
    }

    /** Adds each name in the clause tokens to {@code kept}, or to {@code ignored} with its reason. */
    static void find(String text, List<Token> tokens, List<PlaceMention> kept, List<IgnoredMention> ignored) {
        int i = 0;
        while (i < tokens.size()) {
            if (!startsName(tokens, i)) {
                i++;
                continue;
            }
            int last = i;
            while (last + 1 < tokens.size() && continuesName(tokens, last + 1)) {
                last++;
            }
            int nameEnd = last;
            String lastWord = tokens.get(nameEnd).lower();
            boolean regionHint = false;
            if (REGION_WORDS.contains(lastWord) && nameEnd > i) {
                nameEnd--;
                regionHint = true;
            } else if (nameEnd + 1 < tokens.size() && (REGION_WORDS.contains(tokens.get(nameEnd + 1).lower())
                    || tokens.get(nameEnd + 1).lower().equals("regional"))) {
                // "the Kherson regional governor said": the region speaks, the city is not meant
                regionHint = true;
            } else if (sharesRegionWord(tokens, nameEnd)) {
                regionHint = true;
            }
            Token first = tokens.get(i);
            Token lastToken = tokens.get(nameEnd);
            String name = stripPossessive(text.substring(first.start(), lastToken.end()));
            PlaceMention mention = new PlaceMention(name, first.start(), first.start() + name.length(), regionHint,
                    countryHint(tokens, i));
            IgnoredMention.Reason reason = reason(text, tokens, i, last);
            if (reason == null) {
                kept.add(mention);
            } else {
                ignored.add(new IgnoredMention(mention, reason));
            }
            i = last + 1;
        }
    }

    /** "the Zhytomyr and Rivne regions": the plural region word covers the first name too. */
    private static boolean sharesRegionWord(List<Token> tokens, int nameEnd) {
        int k = nameEnd + 1;
        if (k + 2 >= tokens.size() || !(tokens.get(k).lower().equals("and") || tokens.get(k).text().equals(","))) {
            return false;
        }
        k++;
        while (k < tokens.size() && tokens.get(k).isWord() && tokens.get(k).isCapitalised()) {
            k++;
        }
        return k < tokens.size() && tokens.get(k).lower().equals("regions");
    }

    private static boolean startsName(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        // "Envoy Steve Witkoff", "Battlegroup Khortytsia": the leading word qualifies the name after it
        return t.isWord() && t.isCapitalised() && !NOT_NAMES.contains(t.lower()) && !TITLES.contains(t.lower())
                && !GROUPING_BEFORE.contains(t.lower());
    }

    private static boolean continuesName(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        Token prev = tokens.get(i - 1);
        boolean adjacent = t.start() - prev.end() <= 1;
        boolean regionWord = t.lower().equals("oblast") || t.lower().equals("region");
        return adjacent && t.isWord() && t.isCapitalised() && (regionWord || !NOT_NAMES.contains(t.lower()))
                && !endsPossessive(prev.text());
    }

    private static IgnoredMention.Reason reason(String text, List<Token> tokens, int first, int last) {
        if (insideQuotes(text, tokens.get(first).start())) {
            return IgnoredMention.Reason.QUOTED;
        }
        String before = first > 0 ? tokens.get(first - 1).lower() : "";
        String after = last + 1 < tokens.size() ? tokens.get(last + 1).lower() : "";
        if (GROUPING_AFTER.contains(after) || GROUPING_BEFORE.contains(before)
                || tokens.get(last).lower().equals("group")) {
            return IgnoredMention.Reason.MILITARY_GROUPING;
        }
        if (TITLES.contains(before) || GIVEN_NAMES.contains(tokens.get(first).lower())
                || last > first && GIVEN_NAMES.contains(tokens.get(first).lower())) {
            return IgnoredMention.Reason.PERSON;
        }
        for (int k = Math.max(0, first - VENUE_WINDOW); k < first; k++) {
            if (VENUE_CUES.contains(tokens.get(k).lower())) {
                return IgnoredMention.Reason.DIPLOMATIC_VENUE;
            }
        }
        if (after.equals(",") && last + 2 < tokens.size() && tokens.get(last + 2).lower().equals("where")) {
            for (int k = last + 3; k < Math.min(tokens.size(), last + 3 + VENUE_WINDOW); k++) {
                if (VENUE_CUES.contains(tokens.get(k).lower())) {
                    return IgnoredMention.Reason.DIPLOMATIC_VENUE;
                }
            }
        }
        return null;
    }

    /** Odd number of double quotes before the offset in its line means the name is quoted. */
    private static boolean insideQuotes(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset) + 1;
        int quotes = 0;
        for (int k = lineStart; k < offset; k++) {
            char c = text.charAt(k);
            if (c == '"') {
                quotes++;
            } else if (c == '“') {
                quotes = 1;
            } else if (c == '”') {
                quotes = 0;
            }
        }
        return quotes % 2 == 1;
    }

    private static String countryHint(List<Token> tokens, int first) {
        if (first == 0) {
            return null;
        }
        String prev = tokens.get(first - 1).lower();
        if (prev.startsWith("russia’s") || prev.startsWith("russia's") || prev.equals("russian")) {
            return "RU";
        }
        if (prev.startsWith("ukraine’s") || prev.startsWith("ukraine's") || prev.equals("ukrainian")) {
            return "UA";
        }
        return null;
    }

    private static boolean endsPossessive(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.endsWith("’s") || w.endsWith("'s");
    }

    private static String stripPossessive(String name) {
        return endsPossessive(name) ? name.substring(0, name.length() - 2) : name;
    }
}
