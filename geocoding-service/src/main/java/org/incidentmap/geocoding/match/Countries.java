package org.incidentmap.geocoding.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Country names in English, Ukrainian and Russian, from the JDK's locale data (CLDR: "Turkey",
 * "Туреччина", "Турция" for every ISO 3166 country) plus the few other names in common use that
 * CLDR gives no locale ({@code gazetteer/country-names.txt}). Keys are normalised names, so a
 * Cyrillic name is found by either of its transliterations.
 */
public final class Countries {

    private static final Locale[] LANGUAGES = {Locale.ENGLISH, Locale.forLanguageTag("uk"), Locale.forLanguageTag("ru")};
    private static final Map<String, String> BY_NAME = load();

    private Countries() {
    }

    /** The ISO code of the country a normalised name stands for, or null. */
    public static String code(String normalised) {
        return BY_NAME.get(normalised);
    }

    /** The ISO code of the country a name in any spelling stands for, or null. */
    public static String codeOfName(String name) {
        for (String form : NameNormalizer.normalise(name)) {
            String code = BY_NAME.get(form);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    /** The country's English name, for display. */
    public static String englishName(String code) {
        return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    }

    private static Map<String, String> load() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            for (Locale language : LANGUAGES) {
                put(names, country.getDisplayCountry(language), code);
            }
        }
        try (InputStream in = Countries.class.getResourceAsStream("/gazetteer/country-names.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing gazetteer/country-names.txt");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                for (String name : c[1].split(",")) {
                    put(names, name.strip(), c[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(names);
    }

    private static void put(Map<String, String> names, String name, String code) {
        // A display name that is the code itself means the JDK has no name in that language.
        if (name.isBlank() || name.equals(code)) {
            return;
        }
        for (String form : NameNormalizer.normalise(name)) {
            names.putIfAbsent(form, code);
        }
        String bare = name.startsWith("the ") ? name.substring(4) : null;
        if (bare != null) {
            put(names, bare, code);
        }
    }
}
