package org.incidentmap.geocoding.match;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a place name in any spelling into the keys it is matched by: normalised Latin forms
 * (case, diacritics, apostrophes, hyphens folded; Cyrillic transliterated both the Ukrainian
 * national 2010 way and the Russian-based way of older English news) and a consonant skeleton
 * on which the transliteration families meet (Kharkiv, Kharkov, Kharkiw, Харків, Харьков).
 * The same code keys the gazetteer at load time and the queries at search time.
 */
public final class NameNormalizer {

    private static final String UKRAINIAN_RULES = readRules("/gazetteer/ukrainian-latin-2010.txt");

    // ICU transliterators are not documented as thread-safe; one instance per thread.
    private static final ThreadLocal<Transliterator> UKRAINIAN = ThreadLocal.withInitial(
            () -> Transliterator.createFromRules("uk-Latin-2010", UKRAINIAN_RULES, Transliterator.FORWARD));
    private static final ThreadLocal<Transliterator> RUSSIAN = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Russian-Latin/BGN"));
    // Cyrillic is transliterated before folding and the loader drops names in other scripts, so
    // folding needs Latin-ASCII only (several times cheaper than Any-Latin).
    private static final ThreadLocal<Transliterator> TO_ASCII = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Latin-ASCII"));

    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    private static final Pattern APOSTROPHES = Pattern.compile("['`\"\u2019\u02BC\u02B9\u00B4\u2018]");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private NameNormalizer() {
    }

    /** The normalised Latin forms of a name: one for Latin input, two for Cyrillic input. */
    public static Set<String> normalise(String name) {
        Set<String> forms = new LinkedHashSet<>(2);
        if (CYRILLIC.matcher(name).find()) {
            forms.add(fold(UKRAINIAN.get().transliterate(name)));
            forms.add(fold(RUSSIAN.get().transliterate(name)));
        } else {
            forms.add(fold(name));
        }
        forms.remove("");
        return forms;
    }

    /** Case, diacritics, apostrophes and separators folded; words separated by one space. */
    public static String fold(String name) {
        String ascii = TO_ASCII.get().transliterate(APOSTROPHES.matcher(name).replaceAll("")).toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(ascii).replaceAll(" ").trim();
    }

    /**
     * The consonant skeleton of a normalised name: digraphs of the transliteration systems
     * reduced to one symbol (kh, zh, ch, sh, shch, ts, Polish cz/sz), g and h merged (Russian g,
     * Ukrainian h), w and v merged, vowels dropped (a leading vowel or y kept as "_"),
     * doubled letters collapsed, spaces removed.
     */
    public static String skeleton(String normalised) {
        String s = normalised.replace(" ", "");
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            String symbol;
            int step = 2;
            if (s.startsWith("shch", i)) {
                symbol = "S";
                step = 4;
            } else if (s.startsWith("zh", i)) {
                symbol = "J";
            } else if (s.startsWith("kh", i)) {
                symbol = "H";
            } else if (s.startsWith("ch", i) || s.startsWith("cz", i)) {
                symbol = "C";
            } else if (s.startsWith("sh", i) || s.startsWith("sz", i)) {
                symbol = "X";
            } else if (s.startsWith("ts", i) || s.startsWith("tz", i)) {
                symbol = "Z";
            } else if (s.startsWith("ph", i)) {
                symbol = "f";
            } else {
                step = 1;
                symbol = single(s.charAt(i), i == 0);
            }
            if (!symbol.isEmpty() && (out.isEmpty() || !out.toString().endsWith(symbol))) {
                out.append(symbol);
            }
            i += step;
        }
        return out.toString();
    }

    private static String single(char c, boolean first) {
        return switch (c) {
            case 'a', 'e', 'i', 'o', 'u', 'y', 'j' -> first ? "_" : "";
            case 'w' -> "v";
            case 'g' -> "h";
            case 'q' -> "k";
            case 'x' -> "ks";
            default -> String.valueOf(c);
        };
    }

    /** Every normalised form and skeleton of a name, for callers that look up both. */
    public static List<String> skeletons(Set<String> forms) {
        return forms.stream().map(NameNormalizer::skeleton).distinct().toList();
    }

    private static String readRules(String resource) {
        try (InputStream in = NameNormalizer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing transliteration rules " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
