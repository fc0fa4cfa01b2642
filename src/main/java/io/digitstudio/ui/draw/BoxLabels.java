package io.digitstudio.ui.draw;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Where the label of each digit of a number goes on the canvas ("8 99.6%" under its box), so that no two labels overlap
 * however close the digits stand: under its box, else in a row further down, else above it; when its whole text finds
 * no free place, its short text (the digit alone) is tried the same way. The canvas's accessible text says each
 * digit's whole text.
 */
final class BoxLabels {
    /** A label's text and its place: left, top, width and height, in canvas pixels. */
    record Place(String text, double x, double y, double w, double h) {
        boolean overlaps(Place o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }

        boolean inside(double width, double height) {
            return x >= 0 && y >= 0 && x + w <= width && y + h <= height;
        }
    }

    /** Room around a label's text, left and right. */
    static final double PAD = 2;
    /** Rows tried below a box and above it. */
    static final int ROWS = 3;

    private BoxLabels() {
    }

    /**
     * The labels of boxes {@code boxes} ({x, y, w, h} each, in reading order) in a {@code width} x {@code height}
     * canvas: {@code full} texts where they fit, else {@code brief} ones, each {@code line} tall and as wide as its text
     * ({@code measure}) and {@link #PAD}. The first of the candidate places that is inside the canvas and overlaps no
     * label placed before wins; with none free, the brief text goes where it overlaps least.
     */
    static List<Place> place(List<double[]> boxes, List<String> full, List<String> brief, ToDoubleFunction<String> measure,
                             double line, double width, double height) {
        List<Place> out = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            Place chosen = null;
            for (String text : new String[]{full.get(i), brief.get(i)}) {
                for (Place p : candidates(boxes.get(i), text, measure.applyAsDouble(text) + 2 * PAD, line, width, height)) {
                    if (p.inside(width, height) && out.stream().noneMatch(p::overlaps)) {
                        chosen = p;
                        break;
                    }
                }
                if (chosen != null) break;
            }
            if (chosen == null) {
                double least = Double.MAX_VALUE;
                for (Place p : candidates(boxes.get(i), brief.get(i), measure.applyAsDouble(brief.get(i)) + 2 * PAD, line, width, height)) {
                    if (!p.inside(width, height)) continue;
                    double overlap = 0;
                    for (Place o : out) {
                        overlap += Math.max(0, Math.min(p.x + p.w, o.x + o.w) - Math.max(p.x, o.x)) * Math.max(0, Math.min(p.y + p.h, o.y + o.h) - Math.max(p.y, o.y));
                    }
                    if (overlap < least) {
                        least = overlap;
                        chosen = p;
                    }
                }
            }
            if (chosen != null) out.add(chosen);
        }
        return out;
    }

    /**
     * Where a label {@code w} wide may go for box {@code b}, best first: rows under the box, then rows above it; its
     * left edge at the box's, moved in when that would put it past the canvas's right edge.
     */
    private static List<Place> candidates(double[] b, String text, double w, double line, double width, double height) {
        double x = Math.max(0, Math.min(b[0], width - w));
        List<Place> out = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) out.add(new Place(text, x, b[1] + b[3] + r * line, w, line));
        for (int r = 0; r < ROWS; r++) out.add(new Place(text, x, b[1] - (r + 1) * line, w, line));
        return out;
    }
}
