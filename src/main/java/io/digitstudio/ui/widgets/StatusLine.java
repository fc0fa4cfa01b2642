package io.digitstudio.ui.widgets;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * A status line: a message on the left and figures on the right (progress, epoch, speed). When both fit side by side
 * they share one row; when they do not (a long message, a large UI scale) the message takes a row of its own above
 * the figures and wraps there, so that neither is cut to "…" nor squeezed to a column of single letters.
 */
public final class StatusLine extends Region {
    private static final double GAP = 8;
    private final Label message;
    private final Region figures;

    public StatusLine(Label message, Region figures) {
        this.message = message;
        this.figures = figures;
        message.setWrapText(true);
        getChildren().addAll(message, figures);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private boolean oneRow(double width) {
        Insets in = getInsets();
        return message.prefWidth(-1) + GAP + figures.prefWidth(-1) <= width - in.getLeft() - in.getRight();
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + message.prefWidth(-1) + GAP + figures.prefWidth(-1) + in.getRight();
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + figures.minWidth(-1) + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        if (width < 0) return in.getTop() + Math.max(message.prefHeight(-1), figures.prefHeight(-1)) + in.getBottom();
        double inner = width - in.getLeft() - in.getRight();
        if (oneRow(width)) return in.getTop() + Math.max(message.prefHeight(-1), figures.prefHeight(-1)) + in.getBottom();
        return in.getTop() + message.prefHeight(inner) + GAP / 2 + figures.prefHeight(-1) + in.getBottom();
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
            layoutInArea(message, x, y, w - fw - GAP, h, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(figures, x + w - fw, y, fw, h, 0, HPos.RIGHT, VPos.CENTER);
        } else {
            double mh = message.prefHeight(w);
            layoutInArea(message, x, y, w, mh, 0, HPos.LEFT, VPos.TOP);
            layoutInArea(figures, x + w - fw, y + mh + GAP / 2, fw, fh, 0, HPos.RIGHT, VPos.CENTER);
        }
    }
}
