package io.digitstudio.ui;

/** Pen paths that stories and view-model tests draw on the canvas. */
public final class Strokes {
    private Strokes() {
    }

    /** An ellipse drawn clockwise from its top, in 40 steps: a 0 when alone. */
    public static double[][] loop(double cx, double cy, double rx, double ry) {
        double[][] p = new double[41][];
        for (int i = 0; i <= 40; i++) {
            double a = -Math.PI / 2 + 2 * Math.PI * i / 40;
            p[i] = new double[]{cx + rx * Math.cos(a), cy + ry * Math.sin(a)};
        }
        return p;
    }
}
