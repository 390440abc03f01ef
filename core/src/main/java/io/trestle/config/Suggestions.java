package io.trestle.config;

import java.util.Collection;
import java.util.Optional;

/** Finds the known name a mistyped one was probably meant to be. */
final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code typed} by edit distance, when close enough to be a typo:
     * one edit for names up to four letters, two for longer ones, three from nine letters on.
     * Ties go to the earliest candidate.
     */
    static Optional<String> closest(String typed, Collection<String> candidates) {
        int allowed = typed.length() <= 4 ? 1 : typed.length() <= 8 ? 2 : 3;
        String best = null;
        int bestDistance = allowed + 1;
        for (String candidate : candidates) {
            int d = distance(typed, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Edits (insert, delete, replace, swap two neighbours) to turn {@code a} into {@code b}:
     * the optimal-string-alignment distance, so {@code prot} is one edit from {@code port}.
     */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
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
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[n][m];
    }
}
