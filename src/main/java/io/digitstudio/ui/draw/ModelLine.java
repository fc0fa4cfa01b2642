package io.digitstudio.ui.draw;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.text.Text;

/**
 * The active model's line above the answer ("Model: name · layers · data · test accuracy"): always two lines tall, so
 * that a model with a long name moves neither the answer nor anything below it. A text longer than two lines is
 * shortened where it says least: the name in its middle (its start and end tell most names apart), then the last parts.
 * The whole text is the line's accessible text and, above the model file's place, its tooltip's.
 */
final class ModelLine extends Label {
    static final int LINES = 2;
    /** A shortened name keeps at least this many of its characters before the last parts are left out. */
    static final int NAME_FLOOR = 12;
    static final String PARTS = " · ";
    static final String PREFIX = "Model: ";

    private final StringProperty full = new SimpleStringProperty("");
    /** Measures a text in the line's font, off the scene. */
    private final Text measure = new Text();

    ModelLine() {
        setWrapText(true);
        // as a label's skin measures its own text
        measure.setBoundsType(javafx.scene.text.TextBoundsType.LOGICAL_VERTICAL_CENTER);
        accessibleTextProperty().bind(full);
        full.addListener((o, a, b) -> refit());
        widthProperty().addListener((o, a, b) -> refit());
        fontProperty().addListener((o, a, b) -> {
            refit();
            requestLayout();
        });
    }

    /** The whole text, of which the line shows what fits. */
    StringProperty fullProperty() {
        return full;
    }

    private void refit() {
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        // a pixel spare: the label's skin wraps its own text, and rounds
        setText(room <= 0 ? full.get() : fit(full.get(), s -> lines(s, room - 1) <= LINES));
    }

    /**
     * What of {@code text} fits, by {@code fits}: the whole text; else its name shortened in the middle (to no fewer than
     * {@link #NAME_FLOOR} characters) with as many of its other parts as fit after it; else the name alone, shortened.
     */
    static String fit(String text, java.util.function.Predicate<String> fits) {
        if (fits.test(text)) return text;
        String body = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        String prefix = text.substring(0, text.length() - body.length());
        java.util.List<String> parts = java.util.List.of(body.split(java.util.regex.Pattern.quote(PARTS)));
        String name = parts.get(0);
        for (int keep = parts.size(); keep >= 1; keep--) {
            String rest = keep == 1 ? "" : PARTS + String.join(PARTS, parts.subList(1, keep));
            String s = shortest(name, Math.min(name.length(), NAME_FLOOR), n -> fits.test(prefix + n + rest));
            if (s != null) return prefix + s + rest;
        }
        String s = shortest(name, 0, n -> fits.test(prefix + n));
        return prefix + (s != null ? s : "…");
    }

    /**
     * The longest shortening of {@code name} (its middle left out for "…", at least {@code floor} of its characters
     * kept) that {@code fits}, or null when even the shortest does not.
     */
    private static String shortest(String name, int floor, java.util.function.Predicate<String> fits) {
        if (fits.test(name)) return name;
        int lo = floor, hi = name.length() - 1; // characters kept; a binary search for the most that fit
        String best = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            String s = middle(name, mid);
            if (fits.test(s)) {
                best = s;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    /** {@code name} with {@code keep} of its characters: its start and end, "…" between. */
    static String middle(String name, int keep) {
        int head = (keep + 1) / 2 + keep / 6, tail = keep - head;
        return name.substring(0, head).stripTrailing() + "…" + name.substring(name.length() - tail).stripLeading();
    }

    /** How many lines {@code s} takes wrapped at {@code room}, in the line's font. */
    private int lines(String s, double room) {
        return (int) Math.round(measured(s, room) / measured("X", 0));
    }

    private double measured(String s, double wrap) {
        measure.setFont(getFont());
        measure.setLineSpacing(getLineSpacing());
        measure.setWrappingWidth(wrap);
        measure.setText(s);
        return measure.getLayoutBounds().getHeight();
    }

    /** {@link #LINES} lines of the font, whatever the text. */
    private double room() {
        double one = measured("X", 0);
        return snapSizeY(Math.ceil(one * LINES + getLineSpacing() * (LINES - 1)) + snappedTopInset() + snappedBottomInset());
    }

    @Override
    protected double computeMinHeight(double width) {
        return room();
    }

    @Override
    protected double computePrefHeight(double width) {
        return room();
    }

    @Override
    protected double computeMaxHeight(double width) {
        return room();
    }
}
