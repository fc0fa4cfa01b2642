package io.digitstudio.ui.widgets;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * A status line: a message on the left and figures on the right (progress, epoch, speed). Its height does not change
 * with what it says, so that the views above it never move under the pointer: a message longer than the room beside
 * the figures shows its first whole sentences there, or its first whole words when not even one sentence fits (its
 * whole text is its accessible text, and its view can show it in a tooltip). Only when not even a word fits does the
 * message take a row of its own above the figures and wrap there, so that neither is cut to "…" nor squeezed to a
 * column of single letters.
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
        // a screen reader reads the whole message, not the part that fits
        message.accessibleTextProperty().bind(text);
        text.addListener((o, a, b) -> requestLayout());
        getChildren().addAll(message, figures);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private String full() {
        String t = text.getValue();
        return t == null ? "" : t;
    }

    /** How wide the message's label is with {@code s} on one line. */
    private double widthOf(String s) {
        measure.setFont(message.getFont());
        measure.setWrappingWidth(0);
        measure.setText(s);
        return Math.ceil(measure.getLayoutBounds().getWidth()) + message.snappedLeftInset() + message.snappedRightInset() + 1;
    }

    /** What the message shows in a row shared with the figures in this width: its whole text, its first sentences or words, or nothing. */
    private String oneRowText(double width) {
        Insets in = getInsets();
        double room = width - in.getLeft() - in.getRight() - GAP - figures.prefWidth(-1);
        return TextFit.fit(full(), room, this::widthOf);
    }

    private boolean oneRow(double width) {
        return full().isEmpty() || !oneRowText(width).isEmpty();
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + widthOf(full()) + GAP + figures.prefWidth(-1) + in.getRight();
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + figures.minWidth(-1) + in.getRight();
    }

    /** The height of one line of the message, whatever it says. */
    private double lineHeight() {
        measure.setFont(message.getFont());
        measure.setWrappingWidth(0);
        measure.setText("Ag");
        return Math.ceil(measure.getLayoutBounds().getHeight()) + message.snappedTopInset() + message.snappedBottomInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double row = Math.max(lineHeight(), figures.prefHeight(-1));
        if (width < 0 || oneRow(width)) return in.getTop() + row + in.getBottom();
        double inner = width - in.getLeft() - in.getRight();
        measure.setFont(message.getFont());
        measure.setText(full());
        measure.setWrappingWidth(Math.max(1, inner - message.snappedLeftInset() - message.snappedRightInset()));
        double wrapped = Math.ceil(measure.getLayoutBounds().getHeight()) + message.snappedTopInset() + message.snappedBottomInset();
        return in.getTop() + wrapped + GAP / 2 + figures.prefHeight(-1) + in.getBottom();
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
        if (oneRow(getWidth())) {
            show(oneRowText(getWidth()));
            layoutInArea(message, x, y, w - fw - GAP, h, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(figures, x + w - fw, y, fw, h, 0, HPos.RIGHT, VPos.CENTER);
        } else {
            show(full());
            double mh = message.prefHeight(w);
            layoutInArea(message, x, y, w, mh, 0, HPos.LEFT, VPos.TOP);
            layoutInArea(figures, x + w - fw, y + mh + GAP / 2, fw, fh, 0, HPos.RIGHT, VPos.CENTER);
        }
    }

    private void show(String s) {
        if (!s.equals(message.getText())) message.setText(s);
    }
}
