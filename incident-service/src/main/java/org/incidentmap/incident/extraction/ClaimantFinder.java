package org.incidentmap.incident.extraction;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds who a figure is attributed to: "according to X", "X said", ", X said." and the like. */
final class ClaimantFinder {

    private static final String SAY = "(?:said|says|say|reported|reports|claimed|claims|stated|confirmed|"
            + "announced|put|puts|set|sets|estimated|estimates|boasted|told|added|wrote|insisted|counted|recorded|"
            + "admitted|admits|acknowledged|acknowledges|tallied|documented|verified)";
    private static final Pattern ACCORDING_TO = Pattern.compile(
            "according to ((?:the )?[\\p{L}’'.\\- ]{2,80}?)(?=[,.;:]|$| on | in | as | who | which )");
    private static final Pattern TRAILING = Pattern.compile(",\\s*((?:the |a |an )?[\\p{L}’'.\\- ]{2,60}?)\\s+"
            + SAY + "\\b[^,]{0,40}[.;]?\\s*$");
    private static final Pattern TRAILING_INVERTED = Pattern.compile(",\\s*" + SAY
            + "\\s+((?:the |a |an )?[\\p{L}’'.\\- ]{2,60}?)\\s*[.;]?\\s*$");
    private static final Pattern LEADING = Pattern.compile("^\\s*(?:(?:but|and|while|meanwhile|however),?\\s+)?"
            + "((?:the |a |an )?[\\p{L}’'.\\- ]{2,70}?)\\s+" + SAY + "\\b");
    private static final Set<String> ADVERBS = Set.of("finally", "also", "now", "later", "earlier", "separately",
            "meanwhile", "previously", "already", "then");
    private static final int MAX_WORDS = 10;

    private ClaimantFinder() {
    }

    static String find(String clause) {
        for (Pattern p : new Pattern[] {ACCORDING_TO, TRAILING, TRAILING_INVERTED, LEADING}) {
            Matcher m = p.matcher(clause);
            if (m.find()) {
                String who = tidy(m.group(1));
                if (who != null) {
                    return who;
                }
            }
        }
        return null;
    }

    private static String tidy(String raw) {
        String[] words = raw.trim().split("\\s+");
        int end = words.length;
        while (end > 0 && ADVERBS.contains(words[end - 1].toLowerCase(Locale.ROOT))) {
            end--;
        }
        if (end == 0 || end > MAX_WORDS) {
            return null;
        }
        String who = String.join(" ", Arrays.copyOf(words, end));
        String lower = who.toLowerCase(Locale.ROOT);
        if (lower.matches("(?:it|this|that|there|he|she|they|we)") || Character.isDigit(who.charAt(0))) {
            return null;
        }
        return who;
    }
}
