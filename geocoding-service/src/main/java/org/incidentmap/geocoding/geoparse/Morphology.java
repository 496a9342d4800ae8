package org.incidentmap.geocoding.geoparse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * Lemmas and proper-name classes of Ukrainian and Russian words, from the morfologik dictionaries
 * LanguageTool uses: dict_uk for Ukrainian (tags {@code prop:geo}, {@code prop:fname},
 * {@code prop:lname}, {@code prop:pname}) and the AOT-derived Russian one (tags {@code Name},
 * {@code Fam}, {@code Patr}; place names are plain inanimate nouns there). "Херсоні" gives
 * Херсон (geo), "Харківщині" Харківщина (geo), "Белгородской" белгородский (adjective),
 * "Гладков" a surname.
 */
final class Morphology {

    /** What a reading of a word says the word is. */
    enum Class {
        /** A geographic proper name (Ukrainian dictionary). */
        GEO,
        /** A first name, surname or patronymic. */
        PERSON,
        /** A proper name of another kind. */
        OTHER_PROPER,
        /** A common noun. */
        NOUN,
        /** An adjective ("Харківської", "Белгородской"). */
        ADJECTIVE,
        /** Any other part of speech. */
        OTHER
    }

    /** One reading of a word: its lemma and class; {@code nominative} when the word is that case. */
    record Reading(String lemma, Class kind, boolean nominative) {
    }

    private static final Dictionary UKRAINIAN = read("/org/languagetool/resource/uk/ukrainian.dict");
    private static final Dictionary RUSSIAN = read("/org/languagetool/resource/ru/russian.dict");
    // A lookup reuses buffers and is not thread-safe; the dictionaries it reads are immutable.
    private static final ThreadLocal<DictionaryLookup> UK = ThreadLocal.withInitial(() -> new DictionaryLookup(UKRAINIAN));
    private static final ThreadLocal<DictionaryLookup> RU = ThreadLocal.withInitial(() -> new DictionaryLookup(RUSSIAN));
    private static final Locale UK_LOCALE = Locale.forLanguageTag("uk");
    private static final Locale RU_LOCALE = Locale.forLanguageTag("ru");

    private Morphology() {
    }

    /** The readings of a Cyrillic word in the language given first, else in the other one. */
    static List<Reading> readings(String word, Language language) {
        List<Reading> first = language == Language.RUSSIAN ? russian(word) : ukrainian(word);
        if (!first.isEmpty()) {
            return first;
        }
        return language == Language.RUSSIAN ? ukrainian(word) : russian(word);
    }

    static List<Reading> ukrainian(String word) {
        List<Reading> out = new ArrayList<>();
        DictionaryLookup lookup = UK.get();
        // Proper names are stored capitalised, common words in lower case.
        addUkrainian(out, lookup.lookup(word));
        String lower = word.toLowerCase(UK_LOCALE);
        if (!lower.equals(word)) {
            addUkrainian(out, lookup.lookup(lower));
        }
        return out;
    }

    static List<Reading> russian(String word) {
        List<Reading> out = new ArrayList<>();
        for (WordData d : RU.get().lookup(word.toLowerCase(RU_LOCALE).replace('ё', 'е'))) {
            String tag = String.valueOf(d.getTag());
            Class kind;
            if (tag.startsWith("NN:Name") || tag.startsWith("NN:Fam") || tag.startsWith("NN:Patr")) {
                kind = Class.PERSON;
            } else if (tag.startsWith("NN")) {
                kind = Class.NOUN;
            } else if (tag.startsWith("ADJ")) {
                kind = Class.ADJECTIVE;
            } else {
                kind = Class.OTHER;
            }
            out.add(new Reading(String.valueOf(d.getStem()), kind, tag.endsWith(":Nom")));
        }
        return out;
    }

    private static void addUkrainian(List<Reading> out, List<WordData> data) {
        for (WordData d : data) {
            String tag = String.valueOf(d.getTag());
            Class kind;
            if (tag.contains(":prop")) {
                kind = tag.contains(":geo") ? Class.GEO
                        : tag.contains(":fname") || tag.contains(":lname") || tag.contains(":pname") ? Class.PERSON
                        : Class.OTHER_PROPER;
            } else if (tag.startsWith("noun")) {
                kind = Class.NOUN;
            } else if (tag.startsWith("adj")) {
                kind = Class.ADJECTIVE;
            } else {
                kind = Class.OTHER;
            }
            out.add(new Reading(String.valueOf(d.getStem()), kind, tag.contains(":v_naz")));
        }
    }

    private static Dictionary read(String resource) {
        URL url = Morphology.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing morphological dictionary " + resource);
        }
        try {
            return Dictionary.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
