package io.digitstudio.ui.draw;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.text.Text;

/**
 * The active model's line above the answer ("Model: name · layers · data · test accuracy"): as tall as a run's model's
 * whole text takes at the UI's scale ({@link #TYPICAL}, two lines at least), so that most models' texts move neither the
 * answer nor anything below it, and a run's model is named whole at any scale (its type grows with the scale while the
 * line's width stays). A text longer than that leaves out the parts that say least ({@link ModelText#fit}); the name, a
 * run's id and the test accuracy stay whole, and a name too long for the room takes the lines it needs: a name cut in
 * its middle names no model. The whole text is the line's accessible text and, above the model file's place, its
 * tooltip's.
 */
final class ModelLine extends Label {
    static final int LINES = 2;
    /** A run's model's whole text, as long as most: the line keeps the room it takes in the line's font. */
    static final String TYPICAL = "Model: run 0123abcd · 2026-12-31 23:59 · 784-100-100-10 · MNIST · test accuracy 99.99%";

    private final StringProperty full = new SimpleStringProperty("");
    /** The model's name, the part of the whole text that may itself hold " · " (a run's name, its id and its date). */
    private final StringProperty name = new SimpleStringProperty("");
    /** Measures a text in the line's font, off the scene. */
    private final Text measure = new Text();

    ModelLine() {
        setWrapText(true);
        // as a label's skin measures its own text
        measure.setBoundsType(javafx.scene.text.TextBoundsType.LOGICAL_VERTICAL_CENTER);
        accessibleTextProperty().bind(full);
        full.addListener((o, a, b) -> refit());
        name.addListener((o, a, b) -> refit());
        widthProperty().addListener((o, a, b) -> refit());
        fontProperty().addListener((o, a, b) -> {
            refit();
            requestLayout();
        });
        // a text of more lines than the line keeps (a long name) makes it taller
        textProperty().addListener((o, a, b) -> requestLayout());
    }

    /** The whole text, of which the line shows what fits. */
    StringProperty fullProperty() {
        return full;
    }

    /** The model's name, as the whole text has it after "Model: ". */
    StringProperty nameProperty() {
        return name;
    }

    private void refit() {
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        // a pixel spare: the label's skin wraps its own text, and rounds
        int lines = reservedLines(getWidth());
        setText(room <= 0 ? full.get() : broken(ModelText.fit(full.get(), name.get(), s -> lines(broken(s, room - 1), room - 1) <= lines), room - 1));
    }

    /**
     * {@code s} with a line break inside each word wider than {@code room}, after a hyphen or before a dot, as late as
     * the word's head fits the line it starts on: "Model: fine-tuned-" over "20261207-050834.npz". A label wraps such
     * a word at whatever character fills the line ("fine-tuned-20261207-050" over "834.npz"), as it breaks no line
     * before a digit after a hyphen. The lines are followed as the label fills them: words whole, between spaces.
     */
    private String broken(String s, double room) {
        StringBuilder out = new StringBuilder();
        double space = width(" ");
        double line = 0; // the width of the line so far
        for (String word : s.split(" ", -1)) {
            double before = line == 0 ? 0 : line + space;
            if (out.length() > 0) out.append(' ');
            double w = width(word);
            if (before + w <= room) {
                line = before + w;
                out.append(word);
                continue;
            }
            if (w <= room) {
                // the label starts a new line with it
                line = w;
                out.append(word);
                continue;
            }
            String rest = word;
            double at = before;
            while (width(rest) > room - at) {
                int cut = -1;
                for (int i = rest.length() - 1; i > 0 && cut < 0; i--) {
                    boolean point = rest.charAt(i - 1) == '-' || rest.charAt(i) == '.';
                    if (point && at + width(rest.substring(0, i)) <= room) cut = i;
                }
                if (cut < 0) {
                    if (at == 0) break; // no point to break at: the label breaks it
                    at = 0; // the label starts a new line with it
                    continue;
                }
                out.append(rest, 0, cut).append('\n');
                rest = rest.substring(cut);
                at = 0;
            }
            out.append(rest);
            line = at + width(rest);
        }
        return out.toString();
    }

    private double width(String s) {
        measure.setFont(getFont());
        measure.setWrappingWidth(0);
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
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

    /**
     * How many lines the line keeps at {@code width} (its own width when not given): those {@link #TYPICAL} takes there
     * in the line's font, {@link #LINES} at least.
     */
    private int reservedLines(double width) {
        double w = width > 0 ? width : getWidth() > 0 ? getWidth() : getMaxWidth();
        double room = w - snappedLeftInset() - snappedRightInset();
        return room <= 1 || room > 1e6 ? LINES : Math.max(LINES, lines(TYPICAL, room - 1));
    }

    /**
     * The room of {@link #reservedLines} lines of the font at {@code width}, or of the lines the text shown takes there
     * when it takes more (a long name, whole).
     */
    private double room(double width) {
        double one = measured("X", 0);
        double w = width > 0 ? width : getWidth() > 0 ? getWidth() : getMaxWidth();
        double wrap = w - snappedLeftInset() - snappedRightInset() - 1;
        int lines = Math.max(reservedLines(width), getText() == null || wrap <= 0 || wrap > 1e6 ? 0 : lines(getText(), wrap));
        return snapSizeY(Math.ceil(one * lines + getLineSpacing() * (lines - 1)) + snappedTopInset() + snappedBottomInset());
    }

    @Override
    protected double computeMinHeight(double width) {
        return room(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        return room(width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return room(width);
    }
}
