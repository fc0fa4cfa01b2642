package io.digitstudio.train;

import java.util.ArrayList;
import java.util.List;

/**
 * A curve of any length thinned to at most {@code cap} points the way the app's charts thin theirs: of the points added
 * in order, every {@code stride}-th is kept plus the newest, {@code stride} doubling whenever the kept points would
 * pass the cap. So a 1-epoch and a 50-epoch run both span their first point to their last, evenly thinned. The rule is
 * here ({@link #stride}, {@link #shown}) for the window's chart series too, so a curve kept in a run's folder is the one
 * its chart drew. Only the kept points are held, in arrays made once: adding a point allocates nothing.
 */
public final class DecimatedPoints {
    private final int cap;
    private final double[] xs;
    private final double[] ys;
    /** The index among all points added of each kept one. */
    private final int[] index;
    private int kept;
    private int count;
    private int stride = 1;

    public DecimatedPoints(int cap) {
        if (cap < 4) throw new IllegalArgumentException("cap must be at least 4");
        this.cap = cap;
        xs = new double[cap + 1];
        ys = new double[cap + 1];
        index = new int[cap + 1];
    }

    /**
     * The stride that shows {@code count} points within {@code cap}: {@code stride} (the one so far, a power of two),
     * doubled until every {@code stride}-th point and the newest fit.
     */
    public static int stride(int count, int cap, int stride) {
        while ((count - 1) / stride + 2 > cap) stride *= 2;
        return stride;
    }

    /** Whether the point at {@code i} of {@code count} is shown at {@code stride}: every stride-th, and the newest. */
    public static boolean shown(int i, int count, int stride) {
        return i % stride == 0 || i == count - 1;
    }

    public void add(double x, double y) {
        // the newest point so far is kept only as the newest, unless the stride keeps it
        if (kept > 0 && !shown(index[kept - 1], count + 1, stride)) kept--;
        xs[kept] = x;
        ys[kept] = y;
        index[kept] = count;
        kept++;
        count++;
        int s = stride(count, cap, stride);
        if (s != stride) {
            stride = s;
            int k = 0;
            for (int i = 0; i < kept; i++) {
                if (!shown(index[i], count, stride)) continue;
                xs[k] = xs[i];
                ys[k] = ys[i];
                index[k] = index[i];
                k++;
            }
            kept = k;
        }
    }

    /** The number of points kept (at most the cap). */
    public int size() {
        return kept;
    }

    public double x(int i) {
        return xs[check(i)];
    }

    public double y(int i) {
        return ys[check(i)];
    }

    private int check(int i) {
        if (i < 0 || i >= kept) throw new IndexOutOfBoundsException(i + " of " + kept + " points");
        return i;
    }

    /** The number of points added (not the number kept). */
    public int count() {
        return count;
    }

    /** The kept points as {@code {x, y}} pairs, in order (a new list). */
    public List<double[]> points() {
        List<double[]> out = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) out.add(new double[]{xs[i], ys[i]});
        return out;
    }
}
