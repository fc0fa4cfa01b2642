package io.digitstudio.data;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws digits the way people draw them on a canvas: thick round strokes, anywhere on the canvas, small or large,
 * slanted, either polarity. The shapes are simple pen paths per digit in a unit box; each drawing varies them at
 * random (seeded). Used to measure how well a model reads drawings, not to tune the preprocessing.
 */
final class DrawnDigits {
    private final Rng rng;

    DrawnDigits(long seed) {
        this.rng = new Rng(seed);
    }

    /** One drawing of {@code digit} on a {@code size x size} canvas. */
    BufferedImage draw(int digit, int size) {
        boolean whiteInk = rng.nextDouble() < 0.5;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(whiteInk ? Color.BLACK : Color.WHITE);
        g.fillRect(0, 0, size, size);
        double h = size * u(0.3, 0.9);
        double w = h * u(0.55, 0.8);
        double x0 = u(0.02, 0.98) * (size - w);
        double y0 = u(0.02, 0.98) * (size - h);
        AffineTransform t = new AffineTransform();
        t.translate(x0 + w / 2, y0 + h / 2);
        t.rotate(Math.toRadians(u(-10, 10)));
        t.shear(u(-0.3, 0.15), 0);
        t.scale(w, h);
        t.translate(-0.5, -0.5);
        float width = (float) (h * u(0.07, 0.16));
        g.setColor(whiteInk ? Color.WHITE : Color.BLACK);
        drawStrokes(g, digit, t, width);
        g.dispose();
        return img;
    }

    /** The pen paths of {@code digit} (in a unit box, jittered) drawn through {@code t} with a round pen. */
    void drawStrokes(Graphics2D g, int digit, AffineTransform t, float width) {
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (double[][] stroke : strokes(digit)) {
            Path2D.Double path = new Path2D.Double();
            for (int i = 0; i < stroke.length; i++) {
                double px = stroke[i][0] + u(-0.015, 0.015);
                double py = stroke[i][1] + u(-0.015, 0.015);
                if (i == 0) path.moveTo(px, py);
                else path.lineTo(px, py);
            }
            g.draw(t.createTransformedShape(path));
        }
    }

    /**
     * The pen paths of {@code digit} as a person draws them on the Draw view's canvas: jittered as {@link #draw} does,
     * in the box {@code x, y, w, h} (canvas pixels), with a pen {@code width} wide.
     */
    List<PenStroke> pen(int digit, double x, double y, double w, double h, double width) {
        List<PenStroke> out = new ArrayList<>();
        for (double[][] stroke : strokes(digit)) {
            List<double[]> points = new ArrayList<>();
            for (double[] p : stroke) {
                points.add(new double[]{x + w * (p[0] + u(-0.015, 0.015)), y + h * (p[1] + u(-0.015, 0.015))});
            }
            out.add(new PenStroke(points, width));
        }
        return out;
    }

    private double u(double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /** Points along an ellipse from angle a0 to a1 (degrees; y points down, so increasing angles go clockwise). */
    private static double[][] arc(double cx, double cy, double rx, double ry, double a0, double a1) {
        int n = Math.max(8, (int) Math.abs(a1 - a0) / 8);
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
        return all.toArray(new double[0][]);
    }

    private static double[][] line(double... xy) {
        double[][] p = new double[xy.length / 2][];
        for (int i = 0; i < p.length; i++) p[i] = new double[]{xy[2 * i], xy[2 * i + 1]};
        return p;
    }

    private double[][][] strokes(int digit) {
        return switch (digit) {
            case 0 -> new double[][][]{arc(0.5, 0.5, 0.36, 0.47, -90, 275)};
            case 1 -> rng.nextDouble() < 0.5 ? new double[][][]{line(0.55, 0.03, 0.5, 0.97)}
                    : new double[][][]{line(0.3, 0.2, 0.55, 0.03, 0.5, 0.97)};
            case 2 -> new double[][][]{join(arc(0.5, 0.3, 0.36, 0.27, 190, 390), line(0.1, 0.97, 0.92, 0.97))};
            case 3 -> new double[][][]{join(arc(0.48, 0.27, 0.34, 0.24, 200, 450), arc(0.48, 0.73, 0.4, 0.24, -90, 160))};
            case 4 -> new double[][][]{line(0.6, 0.03, 0.08, 0.66, 0.95, 0.66), line(0.7, 0.3, 0.7, 0.97)};
            case 5 -> new double[][][]{join(line(0.85, 0.04, 0.25, 0.04, 0.2, 0.46), arc(0.5, 0.69, 0.38, 0.28, -140, 150))};
            case 6 -> new double[][][]{join(line(0.78, 0.04, 0.5, 0.14, 0.3, 0.35, 0.16, 0.65), arc(0.5, 0.71, 0.34, 0.26, 180, 540))};
            case 7 -> new double[][][]{line(0.06, 0.05, 0.94, 0.05, 0.4, 0.97)};
            case 8 -> new double[][][]{join(arc(0.5, 0.26, 0.28, 0.23, 90, 450), arc(0.5, 0.73, 0.35, 0.25, -90, 270))};
            case 9 -> new double[][][]{join(arc(0.5, 0.3, 0.36, 0.27, 0, 360), line(0.86, 0.3, 0.78, 0.97))};
            default -> throw new IllegalArgumentException("digit " + digit);
        };
    }
}
