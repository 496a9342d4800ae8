package org.incidentmap.incident.extraction;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A count of people or things as written: digits ("2,000", "1.2 million"), number words ("one",
 * "twenty-one", "a dozen") or a singular person ("a woman").
 *
 * <p>Qualifiers: "at least", "more than", "over", "no fewer than", "dozens" make the figure a lower
 * bound ({@code atLeast}); "nearly", "almost", "about", "around", "some", "up to" make it approximate,
 * which is <em>not</em> a lower bound — "nearly 500" means fewer than 500, so {@code atLeast} stays false.
 * Following ACLED's convention "dozens" counts as at least 12 and "hundreds" as at least 100.
 *
 * @param firstToken index of the first token of the number itself (after any qualifier)
 * @param lastToken  index of its last token
 * @param qualifierToken index of the first qualifier token, or {@code firstToken} when unqualified
 */
record NumberPhrase(long value, boolean atLeast, boolean approximate, int qualifierToken, int firstToken,
        int lastToken) {

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
            "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    private static final Map<String, Long> SCALES = Map.of("hundred", 100L, "thousand", 1_000L, "million", 1_000_000L);
    /** Nouns that make "a"/"an" count as one person: "a woman was killed". */
    private static final Set<String> SINGLE_PERSON = Set.of("man", "woman", "child", "boy", "girl", "person",
            "civilian", "resident", "teenager", "pensioner", "driver", "soldier", "serviceman", "policeman",
            "rescuer", "worker", "volunteer", "paramedic", "journalist", "baby", "toddler", "infant");
    private static final Set<String> LOWER_BOUND_ONE_WORD = Set.of("over");
    private static final Set<String> APPROXIMATE_ONE_WORD = Set.of("nearly", "almost", "about", "around",
            "approximately", "roughly", "some", "circa", "approx");
    private static final Set<String> LOWER_BOUND_TWO_WORDS = Set.of("at least", "more than", "no fewer",
            "no less", "upwards of", "in excess", "just over", "well over");
    private static final Set<String> APPROXIMATE_TWO_WORDS = Set.of("up to", "close to", "just under");

    /** Reads a number starting exactly at token {@code i}, or returns null. */
    static NumberPhrase at(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        String w = t.lower();
        long value;
        int last = i;
        boolean atLeast = false;
        if (t.isDigits()) {
            if (t.text().contains(".") && !followedByScale(tokens, i)) {
                return null;
            }
            double d = Double.parseDouble(t.text().replace(",", ""));
            if (followedByScale(tokens, i)) {
                d *= SCALES.get(tokens.get(i + 1).lower());
                last = i + 1;
            }
            value = Math.round(d);
        } else if (UNITS.containsKey(w) || TENS.containsKey(w) || w.contains("-") && isCompound(w)) {
            value = wordValue(w);
            if (TENS.containsKey(w) && i + 1 < tokens.size() && UNITS.containsKey(tokens.get(i + 1).lower())
                    && UNITS.get(tokens.get(i + 1).lower()) < 10) {
                value += UNITS.get(tokens.get(i + 1).lower());
                last = i + 1;
            }
            if (followedByScale(tokens, last)) {
                value *= SCALES.get(tokens.get(last + 1).lower());
                last++;
            }
        } else if ((w.equals("a") || w.equals("an")) && i + 1 < tokens.size()) {
            String next = tokens.get(i + 1).lower();
            if (isAge(tokens, i + 1)) {
                // "a 64-year-old man": one person; the age is not a count
                value = 1;
                last = i + 3;
            } else if (next.equals("dozen")) {
                value = 12;
                last = i + 1;
            } else if (SINGLE_PERSON.contains(next)) {
                value = 1;
                last = afterAge(tokens, i + 1);
            } else {
                return null;
            }
        } else if (w.equals("the") && i + 1 < tokens.size() && SINGLE_PERSON.contains(tokens.get(i + 1).lower())) {
            // "the driver died of his injuries": one person, named by the noun
            value = 1;
            last = afterAge(tokens, i + 1);
        } else if (w.equals("dozens")) {
            value = 12;
            atLeast = true;
        } else if (w.equals("hundreds")) {
            value = 100;
            atLeast = true;
        } else {
            return null;
        }
        return qualified(tokens, value, atLeast, i, last);
    }

    private static NumberPhrase qualified(List<Token> tokens, long value, boolean atLeast, int first, int last) {
        String one = first >= 1 ? tokens.get(first - 1).lower() : "";
        String two = first >= 2 ? tokens.get(first - 2).lower() + " " + one : "";
        if (LOWER_BOUND_TWO_WORDS.contains(two)) {
            return new NumberPhrase(value, true, false, first - 2, first, last);
        }
        if (APPROXIMATE_TWO_WORDS.contains(two)) {
            return new NumberPhrase(value, false, true, first - 2, first, last);
        }
        if (LOWER_BOUND_ONE_WORD.contains(one)) {
            return new NumberPhrase(value, true, false, first - 1, first, last);
        }
        if (APPROXIMATE_ONE_WORD.contains(one)) {
            return new NumberPhrase(value, false, true, first - 1, first, last);
        }
        boolean orMore = last + 2 < tokens.size() && tokens.get(last + 1).lower().equals("or")
                && tokens.get(last + 2).lower().equals("more");
        return new NumberPhrase(value, atLeast || orMore, false, first, first, last);
    }

    /** "a man aged 57": the age after the noun belongs to it. */
    private static int afterAge(List<Token> tokens, int noun) {
        boolean aged = noun + 2 < tokens.size() && tokens.get(noun + 1).lower().equals("aged")
                && tokens.get(noun + 2).isDigits();
        return aged ? noun + 2 : noun;
    }

    private static boolean isAge(List<Token> tokens, int i) {
        return i + 2 < tokens.size() && tokens.get(i).isDigits() && tokens.get(i + 1).text().equals("-")
                && tokens.get(i + 2).lower().startsWith("year");
    }

    private static boolean followedByScale(List<Token> tokens, int i) {
        return i + 1 < tokens.size() && SCALES.containsKey(tokens.get(i + 1).lower());
    }

    private static boolean isCompound(String w) {
        String[] parts = w.split("-");
        return parts.length == 2 && TENS.containsKey(parts[0]) && UNITS.containsKey(parts[1]);
    }

    private static long wordValue(String w) {
        if (w.contains("-")) {
            String[] parts = w.split("-");
            return TENS.get(parts[0]) + UNITS.get(parts[1]);
        }
        return UNITS.containsKey(w) ? UNITS.get(w) : TENS.get(w);
    }
}
