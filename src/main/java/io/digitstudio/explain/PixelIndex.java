package io.digitstudio.explain;

import io.digitstudio.data.LabeledImages;

import java.util.List;

/**
 * The training images as their grey levels (one byte a pixel, as MNIST stores them), searched exhaustively by
 * squared Euclidean distance in whole numbers: exact, and a quarter of the memory floats would take. Distances are
 * given on the inputs' scale (grey levels over 255).
 */
public final class PixelIndex implements NearestSearch {
    private final int count;
    private final int dim;
    private final byte[] pixels;
    private final byte[] labels;

    private PixelIndex(int count, int dim, byte[] pixels, byte[] labels) {
        this.count = count;
        this.dim = dim;
        this.pixels = pixels;
        this.labels = labels;
    }

    public static PixelIndex of(LabeledImages train) {
        int n = train.size();
        int rows = train.rows();
        int cols = train.cols();
        byte[] p = new byte[Math.multiplyExact(n, rows * cols)];
        byte[] l = new byte[n];
        int at = 0;
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) p[at++] = (byte) train.pixel(i, r, c);
            l[i] = (byte) train.label(i);
        }
        return new PixelIndex(n, rows * cols, p, l);
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public int label(int i) {
        return labels[i] & 0xff;
    }

    /** The grey levels of example {@code i} as inputs in [0, 1]. */
    public float[] image(int i) {
        float[] out = new float[dim];
        for (int j = 0; j < dim; j++) out[j] = (pixels[i * dim + j] & 0xff) / 255f;
        return out;
    }

    public long bytes() {
        return (long) pixels.length + labels.length;
    }

    /** {@code query}: inputs in [0, 1], rounded to grey levels as the training images are. */
    @Override
    public List<Neighbour> nearest(float[] query, int k) {
        if (query.length != dim) throw new IllegalArgumentException("a query of " + query.length + " values for images of " + dim);
        int[] q = new int[dim];
        for (int j = 0; j < dim; j++) q[j] = Math.round(Math.max(0, Math.min(1, query[j])) * 255);
        TopK top = new TopK(Math.min(k, count));
        for (int r = 0, base = 0; r < count; r++, base += dim) {
            long bound = top.bound() == Double.POSITIVE_INFINITY ? Long.MAX_VALUE : (long) top.bound();
            int s = 0;
            int j = 0;
            boolean out = false;
            // a row of 784 grey levels sums to at most 784 * 255^2, well inside an int
            while (j < dim) {
                int end = Math.min(dim, j + 112);
                for (; j < end; j++) {
                    int d = (pixels[base + j] & 0xff) - q[j];
                    s += d * d;
                }
                if (s > bound) {
                    out = true;
                    break;
                }
            }
            if (!out) top.offer(s, r);
        }
        return top.result(this, true, 1 / 255.0);
    }
}
