package io.digitstudio.nn;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The names a mistyped word may have meant, for the "did you mean" of every name the user types: a command, a preset,
 * an optimizer, a layer of a network spec (which the app's spec box shows as the command line does).
 */
public final class NearWords {
    private NearWords() {
    }

    /**
     * The names {@code word} may have meant, nearest first: those within one edit (a letter added, dropped, changed, or
     * two neighbours swapped), or two for a word of six letters or more.
     */
    public static List<String> nearest(String word, Collection<String> names) {
        String w = word.toLowerCase(Locale.ROOT);
        int most = w.length() >= 6 ? 2 : 1;
        return names.stream().filter(n -> edits(w, n.toLowerCase(Locale.ROOT)) <= most)
                .sorted(Comparator.comparingInt((String n) -> edits(w, n.toLowerCase(Locale.ROOT))).thenComparing(n -> n))
                .toList();
    }

    /** "; did you mean maxpool?" for up to three guesses, or nothing when there are none. */
    public static String didYouMean(List<String> guesses) {
        return guesses.isEmpty() ? "" : "; did you mean " + String.join(" or ", guesses.subList(0, Math.min(3, guesses.size()))) + "?";
    }

    /** The edits from {@code a} to {@code b}, a swap of neighbours counting as one (optimal string alignment). */
    private static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
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
