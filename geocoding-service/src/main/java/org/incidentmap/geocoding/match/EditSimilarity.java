package org.incidentmap.geocoding.match;

/**
 * 1 - (optimal string alignment distance / longer length): a typo costs one edit, and so does
 * a swap of neighbours ("Kramatorks"). Used to grade trigram candidates, whose pg_trgm
 * similarity punishes one slip in a short name too hard.
 */
final class EditSimilarity {

    private EditSimilarity() {
    }

    static double of(String a, String b) {
        int n = a.length();
        int m = b.length();
        if (n == 0 || m == 0) {
            return n == m ? 1 : 0;
        }
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return 1.0 - (double) d[n][m] / Math.max(n, m);
    }
}
