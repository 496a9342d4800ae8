package org.incidentmap.geocoding.geoparse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.incidentmap.geocoding.match.NameNormalizer;

/**
 * A word of the text with its offsets, whether a sentence starts with it, and for a Cyrillic word
 * its dictionary readings.
 */
record Token(String text, int start, int end, boolean sentenceStart, String gapBefore, List<Morphology.Reading> readings) {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}'’ʼ-]*");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");
    /** Abbreviations ending in a full stop that do not end a sentence ("м. Херсон", "с. Липці", "обл.", "Gen. Ivanov"). */
    private static final Pattern ABBREVIATION = Pattern.compile("[\\p{IsCyrillic}&&\\p{Ll}]{1,3}|Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|St|Sen");

    static List<Token> of(String text, Language language) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        int last = 0;
        Token previous = null;
        while (m.find()) {
            String word = m.group();
            String gap = text.substring(last, m.start());
            boolean sentenceStart = previous == null || gap.indexOf('!') >= 0 || gap.indexOf('?') >= 0
                    || gap.indexOf('\n') >= 0 || gap.indexOf(':') >= 0
                    || gap.indexOf('.') >= 0 && !ABBREVIATION.matcher(previous.text()).matches();
            List<Morphology.Reading> readings = CYRILLIC.matcher(word).find() ? Morphology.readings(word, language) : List.of();
            previous = new Token(word, m.start(), m.end(), sentenceStart, gap, readings);
            tokens.add(previous);
            last = m.end();
        }
        return tokens;
    }

    boolean capitalised() {
        return Character.isUpperCase(text.codePointAt(0));
    }

    boolean cyrillic() {
        return CYRILLIC.matcher(text).find();
    }

    /** All letters upper case, two or more: an acronym (SBU, ЗСУ, NATO). */
    boolean acronym() {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    boolean hasDigit() {
        return text.chars().anyMatch(Character::isDigit);
    }

    /** The word without an English possessive ("Ukraine's" is Ukraine). */
    String bare() {
        return POSSESSIVE.matcher(text).replaceFirst("");
    }

    String lower() {
        return bare().toLowerCase(Locale.ROOT);
    }

    /** Whether the gap before this word is a single space or hyphen (a name may run on over it). */
    boolean joinedToPrevious() {
        return gapBefore.equals(" ") || gapBefore.equals("-");
    }

    /** The lower-case lemmas of a Cyrillic word, or its folded form for a Latin one. */
    List<String> lemmas() {
        if (readings.isEmpty()) {
            return List.of(cyrillic() ? lower() : NameNormalizer.fold(bare()));
        }
        return readings.stream().map(r -> r.lemma().toLowerCase(Locale.ROOT)).distinct().toList();
    }

    boolean hasReading(Morphology.Class kind) {
        return readings.stream().anyMatch(r -> r.kind() == kind);
    }

    /** A dictionary says it is a first name, surname or patronymic and never a place. */
    boolean personOnly() {
        return hasReading(Morphology.Class.PERSON) && !hasReading(Morphology.Class.GEO) && !hasReading(Morphology.Class.NOUN);
    }

    /**
     * A dictionary knows the word only as a word that names nothing (an adverb, a pronoun, a verb,
     * a preposition): its capital letter only starts a sentence. Nouns stay, since the Russian
     * dictionary does not tell place names from common nouns.
     */
    boolean functionWordOnly() {
        return !readings.isEmpty() && readings.stream().allMatch(r -> r.kind() == Morphology.Class.OTHER);
    }
}
