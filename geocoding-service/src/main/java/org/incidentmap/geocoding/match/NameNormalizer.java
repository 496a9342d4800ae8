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
        String bare = APOSTROPHES.matcher(name).replaceAll("");
        // Most names are plain ASCII already; the transliterator is the costly step.
        String ascii = (isAscii(bare) ? bare : TO_ASCII.get().transliterate(bare)).toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(ascii).replaceAll(" ").trim();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
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
        String last = "";
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
            if (!symbol.isEmpty() && !symbol.equals(last)) {
                out.append(symbol);
                last = symbol;
            }
            i += step;
        }
        return out.toString();
    }

    /** Spellings of one sound in the transliteration systems of Ukrainian, Russian and Polish names, longest first. */
    private static final String[][] TRANSLITERATION_EQUIVALENTS = {
        {"shch", "S"}, {"szcz", "S"}, {"sch", "S"}, {"zh", "J"}, {"kh", "H"}, {"tch", "C"}, {"ch", "C"}, {"cz", "C"},
        {"sh", "X"}, {"sz", "X"}, {"ts", "Z"}, {"tz", "Z"}, {"ph", "f"}, {"gh", "h"}, {"g", "h"}, {"w", "v"},
        {"ya", "a"}, {"ia", "a"}, {"ja", "a"}, {"yu", "u"}, {"iu", "u"}, {"ju", "u"}, {"ye", "e"}, {"ie", "e"},
        {"je", "e"}, {"yo", "o"}, {"io", "o"}, {"jo", "o"}, {"yi", "i"}, {"iy", "i"}, {"ii", "i"}, {"yy", "i"},
        {"ij", "i"}, {"yj", "i"}, {"y", "i"}, {"j", "i"}};

    /**
     * The key on which spellings of one name by different transliteration systems meet while
     * other names with the same consonants do not: Vinnytsia and Vinnitsa, Mykolaiv and
     * Mykolayiv, Luhansk and Lugansk, Khmelnytskyi and Khmelnitsky share it; Turkey and Turka,
     * region and Reghin, which share a skeleton, do not. Vowels stay (only their iotated and
     * doubled spellings fold), so it is far stricter than the {@link #skeleton}.
     */
    public static String transliterationKey(String normalised) {
        String s = normalised.replace(" ", "");
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            String symbol = null;
            int step = 1;
            for (String[] equivalent : TRANSLITERATION_EQUIVALENTS) {
                if (s.startsWith(equivalent[0], i)) {
                    symbol = equivalent[1];
                    step = equivalent[0].length();
                    break;
                }
            }
            if (symbol == null) {
                symbol = String.valueOf(s.charAt(i));
            }
            if (out.isEmpty() || out.charAt(out.length() - 1) != symbol.charAt(0)) {
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
