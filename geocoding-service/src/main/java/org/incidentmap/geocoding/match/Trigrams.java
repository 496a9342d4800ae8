package org.incidentmap.geocoding.match;

import java.util.HashSet;
import java.util.Set;

/** Trigram similarity of two normalised names, computed the way pg_trgm does (words padded, sets compared). */
final class Trigrams {

    private Trigrams() {
    }

    static double similarity(String a, String b) {
        Set<String> x = trigrams(a);
        Set<String> y = trigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String t : x) {
            if (y.contains(t)) {
                common++;
            }
        }
        return (double) common / (x.size() + y.size() - common);
    }

    private static Set<String> trigrams(String s) {
        Set<String> out = new HashSet<>();
        for (String word : s.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String padded = "  " + word + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                out.add(padded.substring(i, i + 3));
            }
        }
        return out;
    }
}
