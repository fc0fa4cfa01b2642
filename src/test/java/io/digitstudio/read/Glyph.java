package io.digitstudio.read;

import io.digitstudio.data.LabeledImages;

/**
 * An MNIST digit's ink coverage, cropped to its ink and enlarged: what the synthetic photographs ({@link PaperPhotos})
 * and the pair detector's touching pairs ({@link PairDetectorTrainer}) are composed of. {@code c}: {@code w × h} values.
 */
record Glyph(int w, int h, float[] c) {
    float at(int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0f : c[y * w + x];
    }

    /**
     * Image {@code index} of {@code images} cropped to its ink and enlarged {@code scale} times (bilinear); with
     * {@code pen}, its soft edges sharpened like a pen's (MNIST's edges are soft at 28 pixels: enlarged, a blur).
     */
    static Glyph of(LabeledImages images, int index, double scale, boolean pen) {
        float[] m = new float[784];
        images.copyFeatures(index, m, 0);
        int x0 = 28, y0 = 28, x1 = -1, y1 = -1;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if (m[y * 28 + x] > 0.05f) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        int w = (int) Math.ceil((x1 - x0 + 1) * scale), h = (int) Math.ceil((y1 - y0 + 1) * scale);
        float[] c = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sx = x0 + (x + 0.5) / scale - 0.5, sy = y0 + (y + 0.5) / scale - 0.5;
                double v = bilinear(m, sx, sy);
                c[y * w + x] = (float) (pen ? Math.max(0, Math.min(1, (v - 0.25) / 0.5)) : v);
            }
        }
        return new Glyph(w, h, c);
    }

    private static double bilinear(float[] m, double x, double y) {
        int xa = (int) Math.floor(x), ya = (int) Math.floor(y);
        double fx = x - xa, fy = y - ya, s = 0;
        for (int dy = 0; dy <= 1; dy++) {
            for (int dx = 0; dx <= 1; dx++) {
                int xx = xa + dx, yy = ya + dy;
                if (xx < 0 || yy < 0 || xx >= 28 || yy >= 28) continue;
                s += (dx == 1 ? fx : 1 - fx) * (dy == 1 ? fy : 1 - fy) * m[yy * 28 + xx];
            }
        }
        return s;
    }

    /** Where glyph b (at row yb) goes so that it overlaps glyph a (at xa, ya) by {@code overlap} pixels at the closest row. */
    static int touchingAt(Glyph a, int xa, int ya, Glyph b, int yb, int overlap) {
        int best = Integer.MIN_VALUE;
        for (int y = Math.max(ya, yb); y < Math.min(ya + a.h, yb + b.h); y++) {
            int ra = -1, lb = -1;
            for (int x = a.w - 1; x >= 0 && ra < 0; x--) if (a.at(x, y - ya) >= 0.5f) ra = x;
            for (int x = 0; x < b.w && lb < 0; x++) if (b.at(x, y - yb) >= 0.5f) lb = x;
            if (ra < 0 || lb < 0) continue;
            // b's left edge in this row must not pass a's right edge by more than the overlap
            best = Math.max(best, xa + ra - lb + 1 - overlap);
        }
        return best == Integer.MIN_VALUE ? xa + a.w : best;
    }
}
