package org.incidentmap.geocoding.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words that make a name a region ("Donetsk oblast", "Kharkivska oblast", "Belgorod region")
 * and the stems such a name is known by. Works on normalised names.
 */
public final class RegionWords {

    /** Words naming an administrative region (oblast level). */
    static final Set<String> REGION = Set.of("oblast", "oblasti", "obl", "region", "regions", "area", "province",
            "krai", "kray", "republic", "voivodeship", "county", "oblasts", "oblast s", "oblastu");
    /** Words naming a district; resolved to the named town with region precision. */
    static final Set<String> DISTRICT = Set.of("district", "raion", "rayon", "rajon", "raioni", "hromada", "community");

    /** Adjectival endings of region names: Kharkivska, Kharkovskaya, Odeska, Vinnytska, Donetskoi. */
    private static final Pattern ADJECTIVE = Pattern.compile("^(.{3,}?)(ka|kaya|kaia|koi|koy|koj|kiy|kyi|kyy|kii|kij)$");

    private RegionWords() {
    }

    /** Whether a normalised word names an oblast-level region ("oblast", "region", "oblasts"). */
    /**
     * The one-word names Ukrainian and Russian derive for an oblast from its centre (Kharkivshchyna,
     * Donechchyna, Kharkovshchina), folded to Latin: a name of this shape asks for the region.
     */
    private static final Pattern OBLAST_DERIVATIVE = Pattern.compile("^[a-z]{3,}(shchyna|shchina|chchyna|chchina|tchina|tchyna)$");

    static boolean isOblastDerivative(String normalised) {
        return OBLAST_DERIVATIVE.matcher(normalised).matches();
    }

    public static boolean isRegionWord(String normalised) {
        return REGION.contains(normalised);
    }

    /** Whether a normalised word names a district ("district", "raion", "hromada"). */
    public static boolean isDistrictWord(String normalised) {
        return DISTRICT.contains(normalised);
    }

    /** The stems a region name is also known by: Kharkivska -> kharkivsk, kharkiv. */
    public static List<String> stems(String normalised) {
        List<String> stems = new ArrayList<>(2);
        String[] words = normalised.split(" ");
        int end = words.length;
        while (end > 1 && (REGION.contains(words[end - 1]) || DISTRICT.contains(words[end - 1]) || "city".equals(words[end - 1]))) {
            end--;
        }
        String base = String.join(" ", java.util.Arrays.copyOf(words, end));
        if (!base.equals(normalised)) {
            stems.add(base);
        }
        Matcher adjective = ADJECTIVE.matcher(base);
        if (adjective.matches()) {
            // "kharkivs" -> kharkivs, kharkivsk, kharkiv; "donets" -> donetsk; "odes" -> odes (Odesa)
            String stem = adjective.group(1);
            stems.add(stem);
            stems.add(stem + "k");
            if (stem.endsWith("s")) {
                stems.add(stem.substring(0, stem.length() - 1));
            }
        }
        return stems;
    }
}
