package io.digitstudio.ui.widgets;

/**
 * Where a long file path in a wrapping text may break: after its '/' only. JavaFX wraps a text at whitespace alone,
 * and breaks a word longer than the line wherever the line ends ("…/models/fine-t" over "uned-….npz"); a zero-width
 * space is no break for it. So a hair space (U+200A, about a tenth of an em, whitespace to JavaFX) follows each '/'
 * of a long path but its first (a line ending in the root's lone '/' is no place to break), and the path breaks
 * between its folders, never inside a name.
 */
public final class PathBreaks {
    /** The break opportunity put after each '/': a hair space. */
    public static final char BREAK = '\u200A';
    /** Paths shorter than this fit any line these texts get (a toast's or a dialog's), and keep their exact text. */
    static final int LONG = 24;

    private PathBreaks() {
    }

    /**
     * {@code text} with a break opportunity after each '/' but a leading one of each word of {@value #LONG} characters or
     * more that has one.
     */
    public static String at(String text) {
        if (text == null || text.indexOf('/') < 0) return text;
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0, n = text.length();
        while (i < n) {
            if (Character.isWhitespace(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int end = i;
            while (end < n && !Character.isWhitespace(text.charAt(end))) end++;
            String word = text.substring(i, end);
            if (word.length() < LONG || word.indexOf('/') < 0) {
                out.append(word);
            } else {
                for (int k = 0; k < word.length(); k++) {
                    out.append(word.charAt(k));
                    if (word.charAt(k) == '/' && k > 0 && k + 1 < word.length() && word.charAt(k + 1) != '/') out.append(BREAK);
                }
            }
            i = end;
        }
        return out.toString();
    }

    /** {@code text} without the break opportunities {@link #at} put in: what a screen reader reads. */
    public static String plain(String text) {
        return text == null ? null : text.replace(String.valueOf(BREAK), "");
    }
}
