package io.digitstudio.ui.widgets;

import java.util.function.Predicate;

/** The start of a text that fits the room it has, cut only after a whole word and then ended with "…". */
public final class TextFit {
    /** What ends a text that says only its start. */
    public static final String ELLIPSIS = "…";
    /** Marks that would dangle before the "…" at the end of a cut: the word before them ends the start. */
    private static final String DANGLING = ",;:.–—-(";

    private TextFit() {
    }

    /**
     * The whole {@code text} if it {@code fits}, else its longest start that ends after a whole word, with "…" after it,
     * that fits; "…" alone when not even the first word does. A comma, colon or dot right after the last word is left
     * out before the "…".
     */
    public static String cut(String text, Predicate<String> fits) {
        if (fits.test(text)) return text;
        java.util.List<String> starts = new java.util.ArrayList<>();
        for (int i = 1; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i)) || Character.isWhitespace(text.charAt(i - 1))) continue;
            String start = trimmed(text.substring(0, i));
            if (!start.isEmpty()) starts.add(start + ELLIPSIS);
        }
        // a longer start never takes less room: the longest that fits, by halving
        int lo = 0, hi = starts.size() - 1, best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (fits.test(starts.get(mid))) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best < 0 ? ELLIPSIS : starts.get(best);
    }

    private static String trimmed(String start) {
        int end = start.length();
        while (end > 0 && (Character.isWhitespace(start.charAt(end - 1)) || DANGLING.indexOf(start.charAt(end - 1)) >= 0)) end--;
        return start.substring(0, end);
    }
}
