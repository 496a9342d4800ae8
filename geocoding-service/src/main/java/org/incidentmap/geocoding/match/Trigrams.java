package org.incidentmap.geocoding.match;

import java.util.Arrays;

/** Trigram similarity of two normalised names, computed the way pg_trgm does (words padded, sets compared). */
final class Trigrams {

    private Trigrams() {
    }

    static double similarity(String a, String b) {
        long[] x = trigrams(a);
        long[] y = trigrams(b);
        if (x.length == 0 || y.length == 0) {
            return 0;
        }
        int common = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length;) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (x.length + y.length - common);
    }

    /**
     * The distinct trigrams, sorted, each packed into a long (three UTF-16 units): ranking
     * compares every candidate's name with every form of the query, so sets of substrings
     * cost more than the database lookup.
     */
    private static long[] trigrams(String s) {
        long[] out = new long[s.length() * 3 + 3];
        int n = 0;
        for (String word : s.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String padded = "  " + word + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                out[n++] = (long) padded.charAt(i) << 32 | (long) padded.charAt(i + 1) << 16 | padded.charAt(i + 2);
            }
        }
        long[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }
}
