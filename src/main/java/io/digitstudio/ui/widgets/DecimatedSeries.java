package io.digitstudio.ui.widgets;

import io.digitstudio.train.DecimatedPoints;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A chart series that shows a whole run at any length with a bounded number of points: every point is kept in two
 * primitive arrays, and the chart shows every {@code stride}-th one plus the newest, {@code stride} doubling whenever
 * the shown points would pass the cap. So a 1-epoch and a 50-epoch run both span the chart from their first point to
 * their last, evenly thinned. A {@link LiveChart} draws it and redraws when told of a change. Which points it
 * shows is {@link DecimatedPoints}'s rule.
 */
public final class DecimatedSeries {
    private final String name;
    private final int cap;
    private final boolean markers;
    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private int n;
    private int stride = 1;
    /** Index into xs/ys of each shown point, in order. */
    private int[] shown = new int[64];
    private int shownCount;
    private final List<Runnable> listeners = new ArrayList<>();

    /**
     * @param markers give each point a visible marker (for series with a point per epoch, where a run of one epoch is
     *                one point and a line alone would show nothing)
     */
    public DecimatedSeries(String name, int cap, boolean markers) {
        if (cap < 4) throw new IllegalArgumentException("cap must be at least 4");
        this.name = name;
        this.cap = cap;
        this.markers = markers;
    }

    public String name() {
        return name;
    }

    /** Whether each shown point gets a marker. */
    public boolean markers() {
        return markers;
    }

    /** Called after every change (UI thread, as the changes). */
    public void addListener(Runnable r) {
        listeners.add(r);
    }

    public void add(double x, double y) {
        append(x, y);
        reshow();
    }

    /** Adds points (x, y pairs), telling the listeners once. */
    public void addAll(List<double[]> points) {
        if (points.isEmpty()) return;
        for (double[] p : points) append(p[0], p[1]);
        reshow();
    }

    private void append(double x, double y) {
        if (n == xs.length) {
            xs = Arrays.copyOf(xs, n * 2);
            ys = Arrays.copyOf(ys, n * 2);
        }
        xs[n] = x;
        ys[n] = y;
        n++;
    }

    /**
     * Picks the shown points: every stride-th (the stride doubled until they fit the cap) and the newest, by the rule a
     * run's kept curve is thinned with ({@link DecimatedPoints}), so the chart and the run's folder hold the same points.
     */
    private void reshow() {
        stride = DecimatedPoints.stride(n, cap, stride);
        shownCount = 0;
        for (int i = 0; i < n; i += stride) keep(i);
        if ((n - 1) % stride != 0) keep(n - 1);
        for (Runnable r : listeners) r.run();
    }

    private void keep(int i) {
        if (shownCount == shown.length) shown = Arrays.copyOf(shown, shownCount * 2);
        shown[shownCount++] = i;
    }

    /** The number of points the chart shows (at most the cap). */
    public int size() {
        return shownCount;
    }

    /** The x of the {@code i}-th shown point. */
    public double x(int i) {
        return xs[shown(i)];
    }

    /** The y of the {@code i}-th shown point. */
    public double y(int i) {
        return ys[shown(i)];
    }

    private int shown(int i) {
        if (i < 0 || i >= shownCount) throw new IndexOutOfBoundsException(i + " of " + shownCount + " shown points");
        return shown[i];
    }

    /** The number of points added (not the number shown). */
    public int count() {
        return n;
    }

    /** The smallest and largest y added, or null when empty (for fitting an axis). */
    public double[] yRange() {
        if (n == 0) return null;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, ys[i]);
            hi = Math.max(hi, ys[i]);
        }
        return new double[]{lo, hi};
    }

    public void clear() {
        n = 0;
        stride = 1;
        shownCount = 0;
        for (Runnable r : listeners) r.run();
    }
}
