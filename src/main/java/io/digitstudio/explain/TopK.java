package io.digitstudio.explain;

import java.util.ArrayList;
import java.util.List;

/**
 * The k smallest (distance, index) pairs seen, kept sorted by insertion: k is small (8), the stream long (60,000). Of
 * two equal distances the lower index ranks first, whatever order they come in.
 */
final class TopK {
    private final double[] dist;
    private final int[] index;
    private int size;

    TopK(int k) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        dist = new double[k];
        index = new int[k];
    }

    /** The distance a candidate must beat to get in. */
    double bound() {
        return size < dist.length ? Double.POSITIVE_INFINITY : dist[size - 1];
    }

    void offer(double d, int i) {
        if (size == dist.length && !before(d, i, dist[size - 1], index[size - 1])) return;
        int at = size == dist.length ? size - 1 : size++;
        while (at > 0 && before(d, i, dist[at - 1], index[at - 1])) {
            dist[at] = dist[at - 1];
            index[at] = index[at - 1];
            at--;
        }
        dist[at] = d;
        index[at] = i;
    }

    private static boolean before(double d, int i, double e, int j) {
        return d < e || d == e && i < j;
    }

    /** The indices kept, nearest first. */
    int[] indices() {
        return java.util.Arrays.copyOf(index, size);
    }

    /** The pairs, nearest first, with {@code squared} distances turned into distances. */
    List<Neighbour> result(NearestSearch labels, boolean squared, double scale) {
        List<Neighbour> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            double d = squared ? Math.sqrt(Math.max(0, dist[i])) : dist[i];
            out.add(new Neighbour(index[i], labels.label(index[i]), d * scale));
        }
        return out;
    }
}
