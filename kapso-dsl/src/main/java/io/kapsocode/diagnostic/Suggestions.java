package io.kapsocode.diagnostic;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" suggestions for misspelt keys, ids and labels. */
public final class Suggestions {

    private Suggestions() {}

    /**
     * The candidate closest to {@code word} by edit distance, if it is close enough to be a plausible
     * typo (at most a third of the word's length, at least one edit allowed, never the whole word).
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(word.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(1, Math.max(word.length(), best == null ? 0 : best.length()) / 3);
        // a word must keep at least one of its characters: 'd' is no typo of 'a'
        boolean plausible =
                best != null && bestDistance <= allowed && bestDistance < Math.min(word.length(), best.length());
        return plausible ? Optional.of(best) : Optional.empty();
    }

    /** The suffix {@code " (did you mean 'x'?)"}, or an empty string. */
    public static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates)
                .map(s -> " (did you mean '" + s + "'?)")
                .orElse("");
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions, a common typo. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
