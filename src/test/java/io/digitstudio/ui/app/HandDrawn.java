package io.digitstudio.ui.app;

import io.digitstudio.data.PenStroke;

import java.util.ArrayList;
import java.util.List;

/**
 * Digits as a hand draws them on the Draw view's canvas, for the scripted window: each digit's strokes in a unit box,
 * placed and scaled where asked. Deterministic, so a screenshot shows the same drawing every time.
 */
final class HandDrawn {
    private HandDrawn() {
    }

    /** The strokes of {@code digit} in the box at (x, y) of size w by h, with a pen {@code pen} wide. */
    static List<PenStroke> digit(int digit, double x, double y, double w, double h, double pen) {
        List<PenStroke> out = new ArrayList<>();
        for (double[][] unit : unitStrokes(digit)) {
            List<double[]> pts = new ArrayList<>();
            for (double[] p : unit) pts.add(new double[]{x + p[0] * w, y + p[1] * h});
            out.add(new PenStroke(pts, pen));
        }
        return out;
    }

    /** The digits of {@code number} side by side across a canvas {@code size} wide, as one writes a number. */
    static List<PenStroke> number(String number, double size) {
        int n = number.length();
        double gap = size * 0.05;
        double w = Math.min(size * 0.16, (size - gap * (n + 1)) / n);
        double h = w * 1.7;
        double left = (size - (n * w + (n - 1) * gap)) / 2;
        double top = (size - h) / 2;
        List<PenStroke> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.addAll(digit(number.charAt(i) - '0', left + i * (w + gap), top, w, h, Math.max(8, w * 0.22)));
        }
        return out;
    }

    private static double[][][] unitStrokes(int digit) {
        return switch (digit) {
            case 0 -> new double[][][]{arc(0.5, 0.5, 0.4, 0.47, -90, 275)};
            case 1 -> new double[][][]{line(0.3, 0.2, 0.58, 0.03, 0.55, 0.97)};
            case 2 -> new double[][][]{join(arc(0.5, 0.3, 0.38, 0.27, 190, 390), line(0.1, 0.97, 0.92, 0.97))};
            case 3 -> new double[][][]{join(arc(0.48, 0.27, 0.36, 0.24, 200, 450), arc(0.48, 0.73, 0.4, 0.24, -90, 160))};
            case 4 -> new double[][][]{line(0.6, 0.03, 0.08, 0.66, 0.95, 0.66), line(0.7, 0.3, 0.7, 0.97)};
            case 5 -> new double[][][]{join(line(0.85, 0.04, 0.25, 0.04, 0.2, 0.46), arc(0.5, 0.69, 0.38, 0.28, -140, 150))};
            case 6 -> new double[][][]{join(line(0.78, 0.04, 0.5, 0.14, 0.3, 0.35, 0.16, 0.65), arc(0.5, 0.71, 0.34, 0.26, 180, 540))};
            case 7 -> new double[][][]{line(0.06, 0.05, 0.94, 0.05, 0.4, 0.97)};
            case 8 -> new double[][][]{join(arc(0.5, 0.26, 0.28, 0.23, 90, 450), arc(0.5, 0.73, 0.35, 0.25, -90, 270))};
            case 9 -> new double[][][]{join(arc(0.5, 0.3, 0.36, 0.27, 0, 360), line(0.86, 0.3, 0.78, 0.97))};
            default -> throw new IllegalArgumentException("not a digit: " + digit);
        };
    }

    private static double[][] arc(double cx, double cy, double rx, double ry, double a0, double a1) {
        int n = 24;
        double[][] p = new double[n + 1][];
        for (int i = 0; i <= n; i++) {
            double a = Math.toRadians(a0 + (a1 - a0) * i / n);
            p[i] = new double[]{cx + rx * Math.cos(a), cy + ry * Math.sin(a)};
        }
        return p;
    }

    private static double[][] join(double[][]... parts) {
        List<double[]> all = new ArrayList<>();
        for (double[][] part : parts) all.addAll(List.of(part));
        return all.toArray(double[][]::new);
    }

    private static double[][] line(double... xy) {
        double[][] p = new double[xy.length / 2][];
        for (int i = 0; i < p.length; i++) p[i] = new double[]{xy[2 * i], xy[2 * i + 1]};
        return p;
    }
}
