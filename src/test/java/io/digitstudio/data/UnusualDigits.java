package io.digitstudio.data;

import io.digitstudio.read.DigitPreprocessor;

import java.util.ArrayList;
import java.util.List;

/**
 * Digits in one person's unusual hand, drawn by code on the Draw view's 320x320 canvas, each with a little random
 * jitter: 7s with a bar and a hooked top, 1s with a long flag and a base, and 4s drawn open with the bar sticking out
 * far to the left. The built-in model, trained on MNIST, reads many of them wrong, which is what fine-tuning is for.
 */
public final class UnusualDigits {
    private UnusualDigits() {
    }

    /** One drawing: its strokes, the label the writer meant, and the 28x28 input the network sees. */
    public record Drawing(List<PenStroke> strokes, int label, float[] input) {
    }

    public static final int[] LABELS = {7, 1, 4};

    /** {@code perLabel} drawings of each of 7, 1 and 4, in that order repeated (7, 1, 4, 7, 1, 4, ...). */
    public static List<Drawing> make(int perLabel, long seed) {
        Rng rng = new Rng(seed);
        List<Drawing> out = new ArrayList<>();
        for (int i = 0; i < perLabel; i++) {
            for (int label : LABELS) {
                List<PenStroke> s = strokes(label, rng);
                GreyImage img = StrokeRasterizer.render(s, 320, 320, false);
                out.add(new Drawing(s, label, DigitPreprocessor.toMnist(img)));
            }
        }
        return out;
    }

    static List<PenStroke> strokes(int label, Rng rng) {
        double dx = (rng.nextDouble() - 0.5) * 40;
        double dy = (rng.nextDouble() - 0.5) * 40;
        double w = 16 + rng.nextDouble() * 10;
        double j = 12;
        java.util.function.DoubleUnaryOperator jit = v -> v + (rng.nextDouble() - 0.5) * j;
        List<PenStroke> s = new ArrayList<>();
        switch (label) {
            case 7 -> {
                // a long serif down from the top-left, the top bar, the diagonal with a curled foot, and a bar across
                s.add(stroke(w, dx, dy, jit, 75, 190, 75, 80, 235, 80, 200, 150, 165, 230, 175, 262, 215, 258));
                s.add(stroke(w, dx, dy, jit, 110, 170, 250, 160));
            }
            case 1 -> {
                // a long flag, the stem, a wide base
                s.add(stroke(w, dx, dy, jit, 95, 140, 130, 105, 170, 65, 170, 250));
                s.add(stroke(w, dx, dy, jit, 95, 252, 250, 252));
            }
            default -> {
                // an open 4: a long slanted arm, a low bar reaching far left, a short stem
                s.add(stroke(w, dx, dy, jit, 140, 60, 110, 215, 60, 215, 255, 215));
                s.add(stroke(w, dx, dy, jit, 210, 130, 205, 270));
            }
        }
        return s;
    }

    private static PenStroke stroke(double w, double dx, double dy, java.util.function.DoubleUnaryOperator jit, double... xy) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            double[] a = {jit.applyAsDouble(xy[i]) + dx, jit.applyAsDouble(xy[i + 1]) + dy};
            if (!pts.isEmpty()) { // points every few pixels, as a mouse gives them
                double[] b = pts.get(pts.size() - 1);
                int steps = (int) Math.max(1, Math.hypot(a[0] - b[0], a[1] - b[1]) / 6);
                for (int k = 1; k < steps; k++) pts.add(new double[]{b[0] + (a[0] - b[0]) * k / steps, b[1] + (a[1] - b[1]) * k / steps});
            }
            pts.add(a);
        }
        return new PenStroke(pts, w);
    }
}
