package org.incidentmap.incident.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/** A stretch of the report: a sentence, or a clause inside one. */
record Span(int start, int end) {

    /** ICU's English sentence rules with the abbreviation list, so "U.S. envoy" does not end a sentence. */
    private static final ULocale ENGLISH_WITH_ABBREVIATIONS = new ULocale("en@ss=standard");
    /** Where one sentence reports two events: "In Kherson, …, while Donetsk saw …; in Odesa …". */
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            ";|,\\s+while\\s|\\swhile\\s(?=in\\s|on\\s|at\\s|\\p{Lu})|,\\s+whereas\\s|,\\s+but\\s|"
                    + ",\\s+and\\s+(?=in\\s|on\\s|at\\s|near\\s|a\\s|an\\s|another\\s|\\d|(?:one|two|three|four|five|six|"
                    + "seven|eight|nine|ten)\\s)|\\s[–—]\\s");

    /** ICU's sentence rules for Ukrainian and Russian ("с. Головчино" and "г. Валуйки" may still break; no figure is lost by it). */
    private static final ULocale UKRAINIAN = new ULocale("uk");
    private static final ULocale RUSSIAN = new ULocale("ru");
    /** "загинули двоє, а ще п'ятеро поранені в Херсоні; в Одесі …", "…, тоді як у Сумах …". */
    private static final Pattern SLAVIC_CLAUSE_BREAK = Pattern.compile(
            ";|,\\s+(?:а|але|однак|проте|тоді як|тоді ж|но|однако|тогда как|в то время как|при этом)\\s|\\s[–—]\\s"
                    + "(?=(?:у|в|на|під|под|біля|возле)\\s+\\p{Lu})");

    String of(String text) {
        return text.substring(start, end);
    }

    boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    static List<Span> sentences(String text) {
        return sentences(text, Language.EN);
    }

    static List<Span> sentences(String text, Language language) {
        BreakIterator it = BreakIterator.getSentenceInstance(switch (language) {
            case EN -> ENGLISH_WITH_ABBREVIATIONS;
            case UK -> UKRAINIAN;
            case RU -> RUSSIAN;
        });
        it.setText(text);
        List<Span> out = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            Span s = trimmed(text, start, end);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    List<Span> clauses(String text, Language language) {
        List<Span> out = new ArrayList<>();
        Matcher m = (language.slavic() ? SLAVIC_CLAUSE_BREAK : CLAUSE_BREAK).matcher(text).region(start, end);
        int from = start;
        while (m.find()) {
            addTrimmed(text, from, m.start(), out);
            from = m.end();
        }
        addTrimmed(text, from, end, out);
        return out;
    }

    private static void addTrimmed(String text, int from, int to, List<Span> out) {
        Span s = trimmed(text, from, to);
        if (s != null) {
            out.add(s);
        }
    }

    private static Span trimmed(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return from < to ? new Span(from, to) : null;
    }
}
