package io.digitstudio.explain;

import io.digitstudio.data.LabeledImages;

import java.util.List;

/**
 * The training images as their grey levels (one byte a pixel, as MNIST stores them), searched exactly by squared
 * Euclidean distance in whole numbers (a quarter of the memory floats would take), after a first pass over a short
 * {@link Projection} of each image that rules out the images that provably cannot be near enough. Distances are
 * given on the inputs' scale (grey levels over 255).
 */
public final class PixelIndex implements NearestSearch {
    private final int count;
    private final int dim;
    private final byte[] pixels;
    private final byte[] labels;
    private final Projection projection;
    /** Each image's squared length in grey levels. */
    private final long[] norms;

    private PixelIndex(int count, int dim, byte[] pixels, byte[] labels) {
        this.count = count;
        this.dim = dim;
        this.pixels = pixels;
        this.labels = labels;
        this.norms = new long[count];
        for (int r = 0; r < count; r++) {
            long n = 0;
            for (int j = r * dim; j < (r + 1) * dim; j++) n += (pixels[j] & 0xff) * (pixels[j] & 0xff);
            norms[r] = n;
        }
        this.projection = Projection.of(count, dim, (r, out) -> {
            for (int j = 0; j < dim; j++) out[j] = pixels[r * dim + j] & 0xff;
        });
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

    /** Bytes the index takes in memory: the grey levels, the labels, and their projection for the first pass. */
    public long bytes() {
        return (long) pixels.length + labels.length + 8L * norms.length + projection.bytes();
    }

    /** {@code query}: inputs in [0, 1], rounded to grey levels as the training images are. */
    @Override
    public List<Neighbour> nearest(float[] query, int k) {
        int[] q = greys(query);
        float[] qf = new float[dim];
        int[] at = new int[dim];
        int nz = 0;
        long qq = 0;
        for (int j = 0; j < dim; j++) {
            qf[j] = q[j];
            qq += (long) q[j] * q[j];
            if (q[j] != 0) at[nz++] = j;
        }
        int[] where = java.util.Arrays.copyOf(at, nz);
        long norm = qq;
        // |x - q|^2 = |x|^2 + |q|^2 - 2 x.q in whole numbers is the same number the full comparison gives, and x.q
        // reads only the query's inked pixels; whole-number distances are exact, so the bound needs no room for rounding
        return projection.nearest(qf, k, (r, bound) -> sparseDistance(r, q, where, norm), 0).result(this, true, 1 / 255.0);
    }

    /** The k nearest by comparing every image: what {@link #nearest} must always equal. */
    List<Neighbour> scan(float[] query, int k) {
        int[] q = greys(query);
        TopK top = new TopK(Math.min(k, count));
        for (int r = 0; r < count; r++) {
            double d = distance(r, q, top.bound());
            if (d <= top.bound()) top.offer(d, r);
        }
        return top.result(this, true, 1 / 255.0);
    }

    private int[] greys(float[] query) {
        if (query.length != dim) throw new IllegalArgumentException("a query of " + query.length + " values for images of " + dim);
        int[] q = new int[dim];
        for (int j = 0; j < dim; j++) q[j] = Math.round(Math.max(0, Math.min(1, query[j])) * 255);
        return q;
    }

    private long sparseDistance(int r, int[] q, int[] where, long qq) {
        int base = r * dim;
        long dot = 0;
        for (int j : where) dot += (pixels[base + j] & 0xff) * q[j];
        return norms[r] + qq - 2 * dot;
    }

    /** Image {@code r}'s squared distance to {@code q} in grey levels, or a partial sum above {@code limit}. */
    private double distance(int r, int[] q, double limit) {
        long bound = limit >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) limit;
        int base = r * dim;
        int s = 0;
        int j = 0;
        // a row of 784 grey levels sums to at most 784 * 255^2, well inside an int
        while (j < dim) {
            int end = Math.min(dim, j + 112);
            for (; j < end; j++) {
                int d = (pixels[base + j] & 0xff) - q[j];
                s += d * d;
            }
            if (s > bound) return Double.POSITIVE_INFINITY;
        }
        return s;
    }
}
