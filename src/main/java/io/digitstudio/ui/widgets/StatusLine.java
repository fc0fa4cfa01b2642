package io.digitstudio.ui.widgets;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * A status line: a message and figures (progress, epoch, speed), the message always whole, never cut to its first words
 * nor to "…". The line is two lines of text high: the figures keep its bottom right corner, the message's last line
 * lies beside them and ends before them, and a message too long for that one line breaks between words onto the line
 * above, which runs across the whole width. A message of one line or two moves nothing, neither the figures nor the
 * views above the line; only a message longer than that (a long path in an error) takes more lines above, and the line
 * grows for it rather than hide its end.
 */
public final class StatusLine extends Region {
    private static final double GAP = 8;
    private final javafx.beans.value.ObservableValue<String> text;
    private final Label message;
    private final Region figures;
    /** Measures a text in the message's font, off the scene. */
    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();

    /** A line showing {@code text} in {@code message} (which it sets), beside {@code figures}. */
    public StatusLine(javafx.beans.value.ObservableValue<String> text, Label message, Region figures) {
        this.text = text;
        this.message = message;
        this.figures = figures;
        message.setWrapText(true);
        // a screen reader reads the message as one text, without the breaks the line makes in it
        message.accessibleTextProperty().bind(text);
        text.addListener((o, a, b) -> requestLayout());
        getChildren().addAll(message, figures);
    }

    /** A view's status bar at the window's bottom edge: this line with the bar's id, style class and padding. */
    public static StatusLine bar(String id, javafx.beans.value.ObservableValue<String> text, Label message, Region figures) {
        StatusLine line = new StatusLine(text, message, figures);
        line.setId(id);
        line.getStyleClass().add("status-bar");
        line.setPadding(new Insets(4, 8, 4, 8));
        return line;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private String full() {
        String t = text.getValue();
        return t == null ? "" : t;
    }

    /** How wide {@code s} is on one line in the message's font. */
    private double widthOf(String s) {
        measure.setFont(message.getFont());
        measure.setWrappingWidth(0);
        measure.setText(s);
        return Math.ceil(measure.getLayoutBounds().getWidth()) + 1;
    }

    /** The height of one line of the message, whatever it says. */
    private double lineHeight() {
        measure.setFont(message.getFont());
        measure.setWrappingWidth(0);
        measure.setText("Ag");
        return Math.ceil(measure.getLayoutBounds().getHeight());
    }

    /** How high {@code s} is wrapped in the message's width {@code width} (the label's insets left out). */
    private double heightOf(String s, double width) {
        measure.setFont(message.getFont());
        measure.setText(s);
        measure.setWrappingWidth(Math.max(1, width));
        return Math.ceil(measure.getLayoutBounds().getHeight());
    }

    /**
     * The message laid out for a line {@code width} wide: its lines broken where the words meet, each as wide as the
     * line, the last one only as wide as the room left of the figures; {@code below} when a single word is wider than
     * that room (the figures then take a row under the message, which the label wraps itself).
     */
    private record Plan(String text, int lines, boolean below) {
    }

    private Plan plan(double width) {
        Insets in = getInsets();
        double all = width - in.getLeft() - in.getRight() - message.snappedLeftInset() - message.snappedRightInset();
        double last = all - GAP - figures.prefWidth(-1);
        String t = full().strip();
        if (t.isEmpty()) return new Plan("", 1, false);
        List<String> words = java.util.Arrays.asList(t.split("\\s+"));
        for (String w : words) if (widthOf(w) > last) return new Plan(t, 1, true);
        // greedily across the whole width, then the last line's words moved down until it ends before the figures
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : words) {
            String longer = line.isEmpty() ? w : line + " " + w;
            if (!line.isEmpty() && widthOf(longer) > all) {
                lines.add(line.toString());
                line = new StringBuilder(w);
            } else {
                line = new StringBuilder(longer);
            }
        }
        lines.add(line.toString());
        String end = lines.get(lines.size() - 1);
        if (widthOf(end) > last) {
            List<String> endWords = new ArrayList<>(java.util.Arrays.asList(end.split(" ")));
            List<String> moved = new ArrayList<>();
            while (widthOf(String.join(" ", endWords)) > last || moved.isEmpty()) moved.add(0, endWords.remove(endWords.size() - 1));
            lines.set(lines.size() - 1, String.join(" ", endWords));
            lines.add(String.join(" ", moved));
        }
        return new Plan(String.join("\n", lines), lines.size(), false);
    }

    /** The row the figures keep at the bottom: as high as a line of the message or as they are, whichever is higher. */
    private double figuresRow() {
        return Math.max(lineHeight(), figures.prefHeight(-1));
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + widthOf(full()) + message.snappedLeftInset() + message.snappedRightInset() + GAP + figures.prefWidth(-1) + in.getRight();
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + figures.minWidth(-1) + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double twoLines = lineHeight() + message.snappedTopInset() + message.snappedBottomInset() + figuresRow();
        if (width < 0) return in.getTop() + twoLines + in.getBottom();
        Plan p = plan(width);
        double content = p.below
                ? messageHeight(p, width) + GAP / 2 + figures.prefHeight(-1)
                : Math.max(twoLines, (p.lines - 1) * lineHeight() + message.snappedTopInset() + message.snappedBottomInset() + figuresRow());
        return in.getTop() + content + in.getBottom();
    }

    /** The message's label's height for this plan in a line {@code width} wide. */
    private double messageHeight(Plan p, double width) {
        Insets in = getInsets();
        double w = width - in.getLeft() - in.getRight() - message.snappedLeftInset() - message.snappedRightInset();
        return heightOf(p.text.isEmpty() ? "Ag" : p.text, w) + message.snappedTopInset() + message.snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft(), y = in.getTop();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        double fw = Math.min(w, figures.prefWidth(-1));
        double fh = figures.prefHeight(-1);
        Plan p = plan(getWidth());
        if (!p.text.equals(message.getText())) message.setText(p.text);
        double mh = messageHeight(p, getWidth());
        if (p.below) {
            layoutInArea(message, x, y, w, mh, 0, HPos.LEFT, VPos.TOP);
            layoutInArea(figures, x + w - fw, y + h - fh, fw, fh, 0, HPos.RIGHT, VPos.CENTER);
        } else {
            // the message's last line and the figures share the bottom row, centred on it
            double row = figuresRow();
            double lastLine = y + h - row / 2 - lineHeight() / 2 - message.snappedTopInset();
            double top = Math.max(y, lastLine - (Math.max(1, p.lines) - 1) * lineHeight());
            layoutInArea(message, x, top, w, mh, 0, HPos.LEFT, VPos.TOP);
            layoutInArea(figures, x + w - fw, y + h - row, fw, row, 0, HPos.RIGHT, VPos.CENTER);
        }
    }
}
