package io.digitstudio.ui.widgets;

import javafx.scene.control.Label;
import javafx.scene.text.Text;

import java.util.List;

/**
 * A wrapping label as wide and as tall as the widest and tallest of the texts it may show, measured in its own font at
 * the width it is given: when its text comes, goes or changes between them, nothing beside or below it moves. No text
 * is empty room (one blank line at least), and every text shows whole, never cut to "…": one longer than those it was
 * told of still gets its room.
 */
public final class SteadyLabel extends Label {
    private final List<String> room;
    /** Measures a text in the label's font, off the scene. */
    private final Text measure = new Text();

    {
        // as a label's skin measures its own text
        measure.setBoundsType(javafx.scene.text.TextBoundsType.LOGICAL_VERTICAL_CENTER);
    }

    /** A label that keeps the room of each of {@code texts}, whatever it says. */
    public SteadyLabel(List<String> texts) {
        room = List.copyOf(texts);
        setWrapText(true);
    }

    /** How wide {@code s} is on one line, or how tall wrapped at {@code wrap} (0: not wrapped). */
    private javafx.geometry.Bounds measured(String s, double wrap) {
        measure.setFont(getFont());
        measure.setLineSpacing(getLineSpacing());
        measure.setWrappingWidth((int) wrap);
        measure.setText(s);
        return measure.getLayoutBounds();
    }

    @Override
    protected double computePrefWidth(double height) {
        double widest = 0;
        for (String s : room) widest = Math.max(widest, measured(s, 0).getWidth());
        return Math.max(super.computePrefWidth(height), snapSizeX(Math.ceil(widest) + 1 + snappedLeftInset() + snappedRightInset()));
    }

    @Override
    protected double computePrefHeight(double width) {
        // wrapped as the label's skin wraps its own text: at the width less the padding
        double wrap = width > 0 ? Math.max(1, width - snappedLeftInset() - snappedRightInset()) : 0;
        double tallest = 0;
        for (String s : room) tallest = Math.max(tallest, measured(s, wrap).getHeight());
        return Math.max(super.computePrefHeight(width), snapSizeY(Math.ceil(tallest) + snappedTopInset() + snappedBottomInset()));
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }
}
