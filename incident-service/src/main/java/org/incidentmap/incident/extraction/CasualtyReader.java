package org.incidentmap.incident.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds killed and injured figures. A number counts when the words after it, through a short run of
 * people nouns and auxiliaries, reach killed/injured vocabulary ("two civilians lost their lives",
 * "18 injuries", "seven more were hurt"), or when a verb right before it says what happened ("killing
 * three", "took out two people", "wounded five", "the death toll rose to 12").
 */
final class CasualtyReader {

    private static final Set<String> KILLED_WORDS = Set.of("killed", "dead", "died", "deaths", "death",
            "fatality", "fatalities", "lives", "perished", "fatally", "dies", "bodies");
    private static final Set<String> INJURED_WORDS = Set.of("injured", "wounded", "hurt", "injuries", "injury",
            "hospitalised", "hospitalized", "wounds");
    /** Words allowed between a number and the casualty word: "two elderly civilians were reportedly killed". */
    private static final Set<String> FILLERS = Set.of("people", "persons", "person", "civilians", "civilian",
            "residents", "resident", "children", "child", "women", "woman", "men", "man", "teenagers", "boys",
            "girls", "adults", "elderly", "others", "other", "more", "of", "them", "its", "their", "his", "her",
            "lost", "were", "was", "have", "has", "had", "been", "are", "is", "being", "reportedly", "also",
            "later", "confirmed", "ukrainian", "russian", "local", "workers", "employees", "rescuers",
            "firefighters", "police", "officers", "passengers", "soldiers", "troops", "servicemen", "personnel",
            "military", "fighters", "medics", "paramedics", "journalists", "volunteers", "pensioners", "people’s",
            "seriously", "critically", "slightly", "badly", "severely", "mortally", "left", "reported", "now",
            "so", "far", "those", "who", "additional", "further", "another", "in", "total", "sustained",
            "suffered", "received", "with", "minor", "serious", "shrapnel", "sought", "needed", "required");
    /** "lost their lives", "cost 300 civilian lives"; not "saved lives" or "lives in Kyiv". */
    private static final Set<String> LIVES_LOST = Set.of("their", "civilian", "human", "people’s", "people's");
    /** "five people sought medical help": the wording of Ukrainian officials for the lightly injured. */
    private static final Set<String> MEDICAL_HELP = Set.of("help", "attention", "care", "assistance", "aid");
    private static final Set<String> MILITARY = Set.of("soldiers", "troops", "servicemen", "personnel",
            "military", "fighters", "serviceman", "soldier", "forces", "army", "mercenaries");
    /** "the past 24 hours", "30 km", "five times": a span or a measure, never people. */
    private static final Set<String> UNITS = Set.of("hour", "hours", "day", "days", "week", "weeks", "month",
            "months", "year", "years", "minute", "minutes", "km", "kilometres", "kilometers", "miles", "metres",
            "meters", "times", "percent", "per", "tonnes", "tons", "am", "pm", "a.m", "p.m", "o’clock",
            "o'clock");
    /** Verbs that take lives before a bare count: "claiming 27 lives", "cost 300 lives". */
    private static final Set<String> TAKING_LIVES = Set.of("claiming", "claimed", "claims", "cost", "costing",
            "took", "taking", "takes");
    private static final Pattern NOBODY_HURT = Pattern.compile("(?i)\\b(?:no(?:body| one|-one) (?:was|were|has been|"
            + "had been)? ?(?:hurt|injured|killed|harmed|wounded)|there (?:were|are|was) no (?:casualties|injuries|"
            + "victims)|no (?:reports of )?(?:casualties|injuries|victims) (?:were|was|have been|had been) "
            + "(?:reported|recorded)|no reports of (?:casualties|injuries|victims)|without (?:casualties|injuries)|"
            + "caused no casualties|no casualties)\\b");
    private static final Set<String> SUBCOUNT_MARKERS = Set.of("including", "among", "incl");
    private static final Pattern KILLED_BEFORE = Pattern.compile(
            "(?:\\bkilling|\\bkilled|\\btook out|\\bclaimed the lives of|\\bclaiming the lives of|\\blost|"
                    + "\\btoll\\b[\\p{L}\\s’',-]{0,70}?\\b(?:to|at|of|reached|hit)|\\bbodies of)\\s*$");
    private static final Pattern INJURED_BEFORE = Pattern.compile(
            "(?:\\binjuring|\\binjured|\\bwounding|\\bwounded|\\bhurting|\\bhurt)\\s*$");
    private static final int MAX_FORWARD = 8;
    private static final int BACKWARD_CHARS = 90;
    private static final int MAX_SUBJECT_TOKENS = 20;

    private CasualtyReader() {
    }

    static List<Casualty> read(String text, List<Token> tokens) {
        List<Casualty> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            NumberPhrase n = NumberPhrase.at(tokens, i);
            if (n == null || isNotACount(tokens, n)) {
                continue;
            }
            Casualty c = forward(tokens, n);
            if (c == null) {
                c = backward(text, tokens, n);
            }
            if (c == null) {
                c = subjectOfPassive(tokens, n);
            }
            if (c != null) {
                found.add(c);
                i = n.lastToken();
            }
        }
        return found.isEmpty() ? statedNone(text, tokens) : found;
    }

    private static boolean isNotACount(List<Token> tokens, NumberPhrase n) {
        int before = n.qualifierToken() - 1;
        if (before >= 0) {
            String prev = tokens.get(before).lower();
            if (SUBCOUNT_MARKERS.contains(prev) || prev.equals("day") || prev.equals("of") && before >= 1
                    && SUBCOUNT_MARKERS.contains(tokens.get(before - 1).lower())) {
                return true;
            }
        }
        int after = n.lastToken() + 1;
        if (after < tokens.size()) {
            String next = tokens.get(after).text();
            if (UNITS.contains(next.toLowerCase(Locale.ROOT))) {
                return true;
            }
            // "31%", "1,000-kilometre", "12:30", "nine-story": measurements and times, not people
            if (next.equals("%") || next.equals("-") || next.equals(":") || next.startsWith("-")) {
                return true;
            }
        }
        Token first = tokens.get(n.firstToken());
        return first.isDigits() && first.text().length() == 4 && !first.text().contains(",")
                && n.value() >= 1900 && n.value() <= 2100;
    }

    private static Casualty forward(List<Token> tokens, NumberPhrase n) {
        Casualty.Subject subject = Casualty.Subject.CIVILIAN_OR_UNSPECIFIED;
        int i = n.lastToken() + 1;
        int steps = 0;
        while (i < tokens.size() && steps < MAX_FORWARD) {
            String w = tokens.get(i).lower();
            if (w.equals(",") && i + 1 < tokens.size() && SUBCOUNT_MARKERS.contains(tokens.get(i + 1).lower())) {
                i = skipAside(tokens, i + 1);
                continue;
            }
            if (KILLED_WORDS.contains(w) && nextWord(tokens, i).equals("toll")) {
                // "the civilian death toll at over 2,000": the noun before it names whose toll, not one person
                return null;
            }
            if (KILLED_WORDS.contains(w) && !(w.equals("lives") && !livesLost(tokens, n, i))) {
                return casualty(Casualty.Kind.KILLED, n, subject, tokens, i);
            }
            if (INJURED_WORDS.contains(w) || w.equals("medical") && MEDICAL_HELP.contains(nextWord(tokens, i))) {
                return casualty(Casualty.Kind.INJURED, n, subject, tokens, i);
            }
            boolean nounRightAfterNumber = steps == 0 && tokens.get(i).isWord() && !tokens.get(i).isCapitalised();
            boolean placeName = tokens.get(i).isWord() && tokens.get(i).isCapitalised();
            if (!(FILLERS.contains(w) || nounRightAfterNumber || placeName) || NumberPhrase.at(tokens, i) != null) {
                return null;
            }
            if (MILITARY.contains(w)) {
                subject = Casualty.Subject.MILITARY;
            }
            i++;
            steps++;
        }
        return null;
    }

    /**
     * "Two employees of a power plant in Kurchatov, in Russia's Kursk region, were injured": a count that
     * opens the clause is the subject of the first "were/was … killed/injured" after it.
     */
    private static Casualty subjectOfPassive(List<Token> tokens, NumberPhrase n) {
        if (n.qualifierToken() != 0) {
            return null;
        }
        for (int i = n.lastToken() + 1; i + 1 < tokens.size() && i <= n.lastToken() + MAX_SUBJECT_TOKENS; i++) {
            if (NumberPhrase.at(tokens, i) != null) {
                return null;
            }
            String w = tokens.get(i).lower();
            if (w.equals("were") || w.equals("was") || w.equals("been")) {
                int k = i + 1;
                while (k < tokens.size() - 1 && FILLERS.contains(tokens.get(k).lower())
                        && !KILLED_WORDS.contains(tokens.get(k).lower())) {
                    k++;
                }
                String verb = tokens.get(k).lower();
                Casualty.Kind kind = KILLED_WORDS.contains(verb) ? Casualty.Kind.KILLED
                        : INJURED_WORDS.contains(verb) ? Casualty.Kind.INJURED : null;
                return kind == null ? null : casualty(kind, n, militaryNear(tokens, n)
                        ? Casualty.Subject.MILITARY : Casualty.Subject.CIVILIAN_OR_UNSPECIFIED, tokens, k);
            }
        }
        return null;
    }

    private static Casualty backward(String text, List<Token> tokens, NumberPhrase n) {
        int numberStart = tokens.get(n.qualifierToken()).start();
        int from = Math.max(tokens.get(0).start(), numberStart - BACKWARD_CHARS);
        String before = text.substring(from, numberStart).toLowerCase(Locale.ROOT);
        Casualty.Kind kind;
        if (KILLED_BEFORE.matcher(before).find()) {
            kind = Casualty.Kind.KILLED;
        } else if (INJURED_BEFORE.matcher(before).find()) {
            kind = Casualty.Kind.INJURED;
        } else {
            return null;
        }
        Casualty.Subject subject = militaryNear(tokens, n) ? Casualty.Subject.MILITARY
                : Casualty.Subject.CIVILIAN_OR_UNSPECIFIED;
        return casualty(kind, n, subject, tokens, n.lastToken());
    }

    /** "forces lost 9,000", "killed 40 soldiers": military words just before the verb or right after the number. */
    private static boolean militaryNear(List<Token> tokens, NumberPhrase n) {
        for (int i = Math.max(0, n.qualifierToken() - 4); i < Math.min(tokens.size(), n.lastToken() + 3); i++) {
            if (MILITARY.contains(tokens.get(i).lower())) {
                return true;
            }
        }
        return false;
    }

    private static Casualty casualty(Casualty.Kind kind, NumberPhrase n, Casualty.Subject subject,
            List<Token> tokens, int endToken) {
        return new Casualty(kind, n.value(), n.atLeast(), subject, tokens.get(n.qualifierToken()).start(),
                tokens.get(endToken).end());
    }

    /** "lost their lives", "claiming 27 lives", "cost 300 civilian lives"; not "saved 12 lives". */
    private static boolean livesLost(List<Token> tokens, NumberPhrase n, int lives) {
        if (LIVES_LOST.contains(tokens.get(lives - 1).lower())) {
            return true;
        }
        int before = n.qualifierToken() - 1;
        return lives == n.lastToken() + 1 && before >= 0 && TAKING_LIVES.contains(tokens.get(before).lower());
    }

    /**
     * "Nobody was hurt", "there were no casualties", "no reports of casualties": the text says nobody was
     * killed or injured, which is a figure (zero), not an unknown.
     */
    static List<Casualty> statedNone(String text, List<Token> tokens) {
        if (tokens.isEmpty()) {
            return List.of();
        }
        int from = tokens.get(0).start();
        int to = tokens.get(tokens.size() - 1).end();
        java.util.regex.Matcher m = NOBODY_HURT.matcher(text).region(from, to);
        if (!m.find()) {
            return List.of();
        }
        return List.of(new Casualty(Casualty.Kind.KILLED, 0, false, Casualty.Subject.CIVILIAN_OR_UNSPECIFIED,
                m.start(), m.end()), new Casualty(Casualty.Kind.INJURED, 0, false,
                Casualty.Subject.CIVILIAN_OR_UNSPECIFIED, m.start(), m.end()));
    }

    private static String nextWord(List<Token> tokens, int i) {
        return i + 1 < tokens.size() ? tokens.get(i + 1).lower() : "";
    }

    /** Skips ", including two children," so the count before it reaches its verb. */
    private static int skipAside(List<Token> tokens, int i) {
        while (i < tokens.size() && !tokens.get(i).text().equals(",")) {
            i++;
        }
        return i + 1;
    }
}
