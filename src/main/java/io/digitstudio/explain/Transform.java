package io.digitstudio.explain;

import java.util.Locale;

/**
 * One way to move a prepared digit (a square grey image, ink high): shift right, rotate, scale about the image's
 * centre (where MNIST's preparation puts the centre of mass), or thicken and thin the strokes. Each has nine values
 * from one end to the other, the middle one leaving the digit as it is.
 */
public enum Transform {
    SHIFT("Shift", "px", -4, 4),
    ROTATE("Rotate", "°", -30, 30),
    SCALE("Scale", "×", 0.7, 1.3),
    THICKNESS("Thicken / thin", "px", -1, 1);

    /** Values along each transform. */
    public static final int STEPS = 9;

    private final String title;
    private final String unit;
    private final double from;
    private final double to;

    Transform(String title, String unit, double from, double to) {
        this.title = title;
        this.unit = unit;
        this.from = from;
        this.to = to;
    }

    public String title() {
        return title;
    }

    public String unit() {
        return unit;
    }

    /** The {@code i}-th of the {@link #STEPS} values, from one end to the other. */
    public double value(int i) {
        return from + (to - from) * i / (STEPS - 1);
    }

    /** The value that leaves the digit as it is. */
    public double identity() {
        return value(STEPS / 2);
    }

    /** E.g. "+2 px", "-15°", "1.15×". */
    public String format(double v) {
        return switch (this) {
            case SCALE -> String.format(Locale.ROOT, "%.2f×", v);
            case ROTATE -> String.format(Locale.ROOT, "%+.1f°", v).replace(".0°", "°");
            default -> String.format(Locale.ROOT, "%+.2f px", v).replace(".00 px", " px").replace("+0 px", "0 px");
        };
    }

    /** {@code image} ({@code side} × {@code side}, row by row) moved by {@code v}. */
    public float[] apply(float[] image, int side, double v) {
        return switch (this) {
            case SHIFT -> affine(image, side, 1, 0, 0, 1, v, 0);
            case ROTATE -> {
                double a = Math.toRadians(v);
                yield affine(image, side, Math.cos(a), -Math.sin(a), Math.sin(a), Math.cos(a), 0, 0);
            }
            case SCALE -> affine(image, side, v, 0, 0, v, 0, 0);
            case THICKNESS -> thickness(image, side, v);
        };
    }

    /**
     * The image under the map p' = c + M (p - c) + t, M = [[a, b], [c, d]] about the centre c, sampled back
     * bilinearly (a pixel that maps from outside the image is empty).
     */
    static float[] affine(float[] img, int side, double a, double b, double c, double d, double tx, double ty) {
        double det = a * d - b * c;
        double ia = d / det, ib = -b / det, ic = -c / det, id = a / det;
        double centre = (side - 1) / 2.0;
        float[] out = new float[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double px = x - centre - tx, py = y - centre - ty;
                double sx = ia * px + ib * py + centre, sy = ic * px + id * py + centre;
                out[y * side + x] = (float) bilinear(img, side, sx, sy);
            }
        }
        return out;
    }

    private static double bilinear(float[] img, int side, double x, double y) {
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        double fx = x - x0, fy = y - y0;
        // exact grid points read the pixel itself (no rounding drift from a zero weight times a neighbour)
        if (Math.abs(fx) < 1e-9 && Math.abs(fy) < 1e-9) return at(img, side, x0, y0);
        return (1 - fy) * ((1 - fx) * at(img, side, x0, y0) + fx * at(img, side, x0 + 1, y0))
                + fy * ((1 - fx) * at(img, side, x0, y0 + 1) + fx * at(img, side, x0 + 1, y0 + 1));
    }

    private static double at(float[] img, int side, int x, int y) {
        return x < 0 || y < 0 || x >= side || y >= side ? 0 : img[y * side + x];
    }

    /**
     * Thicker strokes for v > 0, thinner for v < 0: a grey dilation (or erosion) over the pixel and its four
     * neighbours, blended in by |v| (one pass is about a pixel on each side of a stroke).
     */
    static float[] thickness(float[] img, int side, double v) {
        if (v == 0) return img.clone();
        boolean grow = v > 0;
        float[] morph = new float[img.length];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float m = img[y * side + x];
                float[] n = {(float) at(img, side, x - 1, y), (float) at(img, side, x + 1, y), (float) at(img, side, x, y - 1), (float) at(img, side, x, y + 1)};
                for (float q : n) m = grow ? Math.max(m, q) : Math.min(m, q);
                morph[y * side + x] = m;
            }
        }
        double t = Math.min(1, Math.abs(v));
        float[] out = new float[img.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) (img[i] + (morph[i] - img[i]) * t);
        return out;
    }
}
