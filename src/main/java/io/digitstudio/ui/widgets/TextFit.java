package io.digitstudio.ui.widgets;

import java.util.function.ToDoubleFunction;

/** The start of a text that fits a line, cut only between sentences or words: never inside a word, never "…". */
public final class TextFit {
    private TextFit() {
    }

    /**
     * The longest start of {@code text} whose width is at most {@code room}: the whole text if it fits, else its
     * first whole sentences, else its first whole words, else nothing.
     */
    public static String fit(String text, double room, ToDoubleFunction<String> width) {
        String best = sentences(text, room, width);
        if (!best.isEmpty()) return best;
        for (int i = 1; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i)) || Character.isWhitespace(text.charAt(i - 1))) continue;
            String s = text.substring(0, i);
            if (width.applyAsDouble(s) > room) break;
            best = s;
        }
        return best;
    }

    /** The longest start of {@code text} made of whole sentences whose width is at most {@code room}, or nothing. */
    public static String sentences(String text, double room, ToDoubleFunction<String> width) {
        if (width.applyAsDouble(text) <= room) return text;
        String best = "";
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1))) {
                String s = text.substring(0, i + 1);
                if (width.applyAsDouble(s) > room) break;
                best = s;
            }
        }
        return best;
    }
}
