package org.incidentmap.incident.extraction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * Lemmas and part-of-speech tags of Ukrainian and Russian words from LanguageTool's morfologik
 * dictionaries ({@code ukrainian.dict} from dict_uk, {@code russian.dict} from AOT). The dictionaries
 * are read once and shared; a lookup object is cheap but not thread-safe, so each extraction takes
 * its own {@link #lookup(Language)}.
 */
final class Morphology {

    private static final Dictionary UKRAINIAN = read("/org/languagetool/resource/uk/ukrainian.dict");
    private static final Dictionary RUSSIAN = read("/org/languagetool/resource/ru/russian.dict");

    /** One analysis of a word form ("двох" is два/numr and двоє/numr); the lemma as {@link #normalised} spells it. */
    record Reading(String lemma, String tag) {
    }

    private final DictionaryLookup lookup;

    private Morphology(Dictionary dictionary) {
        this.lookup = new DictionaryLookup(dictionary);
    }

    static Morphology lookup(Language language) {
        return new Morphology(language == Language.RU ? RUSSIAN : UKRAINIAN);
    }

    /**
     * Every reading of the word as written (proper names are listed capitalised: "Сумах" is Суми/prop:geo),
     * else of its lower-case form (common words are listed in lower case, so a capital at a sentence start
     * must not hide them).
     */
    List<Reading> readings(String word) {
        String w = word.replace('’', '\'').replace('ʼ', '\'');
        List<Reading> out = analyse(w);
        String lower = w.toLowerCase(Locale.ROOT);
        return out.isEmpty() && !lower.equals(w) ? analyse(lower) : out;
    }

    private List<Reading> analyse(String w) {
        List<Reading> out = new ArrayList<>();
        for (WordData d : lookup.lookup(w)) {
            out.add(new Reading(normalised(d.getStem().toString()), d.getTag() == null ? "" : d.getTag().toString()));
        }
        return out;
    }

    /** A word as the extractor's own word lists spell it: lower case, the apostrophe ', ё as е. */
    static String normalised(String word) {
        return word.toLowerCase(Locale.ROOT).replace('’', '\'').replace('ʼ', '\'').replace('ё', 'е');
    }

    private static Dictionary read(String resource) {
        try {
            return Dictionary.read(Morphology.class.getResource(resource));
        } catch (IOException e) {
            throw new UncheckedIOException("morphology dictionary " + resource + " unreadable", e);
        }
    }
}
