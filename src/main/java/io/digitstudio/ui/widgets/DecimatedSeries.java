package io.digitstudio.ui.widgets;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart series that shows a whole run at any length with a bounded number of points: every point is kept in two
 * primitive arrays, and the chart gets every {@code stride}-th one plus the newest, {@code stride} doubling whenever
 * the shown points would pass the cap. So a 1-epoch and a 50-epoch run both span the chart from their first point to
 * their last, evenly thinned. When the stride changes the chart gets fresh Data objects (JavaFX's charts do not take
 * back a Data they have just had removed).
 */
public final class DecimatedSeries {
    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();
    private final int cap;
    private final boolean markers;
    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private int n;
    private int stride = 1;
    /** Index into xs/ys of each shown point. */
    private final List<Integer> shown = new ArrayList<>();

    /**
     * @param markers give each point a visible marker (for series with a point per epoch, where a run of one epoch is
     *                one point and a line alone would show nothing)
     */
    public DecimatedSeries(String name, int cap, boolean markers) {
        if (cap < 4) throw new IllegalArgumentException("cap must be at least 4");
        series.setName(name);
        this.cap = cap;
        this.markers = markers;
    }

    public XYChart.Series<Number, Number> series() {
        return series;
    }

    public void add(double x, double y) {
        addAll(List.of(new double[]{x, y}));
    }

    /** Adds points (x, y pairs) and updates the chart in one change where it can. */
    public void addAll(List<double[]> points) {
        if (points.isEmpty()) return;
        for (double[] p : points) {
            if (n == xs.length) {
                xs = java.util.Arrays.copyOf(xs, n * 2);
                ys = java.util.Arrays.copyOf(ys, n * 2);
            }
            xs[n] = p[0];
            ys[n] = p[1];
            n++;
        }
        int s = stride;
        while ((n - 1) / s + 2 > cap) s *= 2;
        ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        if (s != stride) {
            stride = s;
            shown.clear();
            List<XYChart.Data<Number, Number>> fresh = new ArrayList<>();
            for (int i : wanted(0)) fresh.add(point(i));
            data.setAll(fresh);
            return;
        }
        // same stride: drop a trailing "newest" point that is not on the grid, then append what is new
        int from = 0;
        if (!shown.isEmpty()) {
            int last = shown.get(shown.size() - 1);
            if (last % stride != 0) {
                shown.remove(shown.size() - 1);
                data.remove(data.size() - 1);
            }
            from = shown.isEmpty() ? 0 : shown.get(shown.size() - 1) + 1;
        }
        List<XYChart.Data<Number, Number>> added = new ArrayList<>();
        for (int i : wanted(from)) added.add(point(i));
        data.addAll(added);
    }

    /** The indices from {@code from} on that the chart shows, recording them as shown. */
    private List<Integer> wanted(int from) {
        List<Integer> out = new ArrayList<>();
        int first = (from + stride - 1) / stride * stride;
        for (int i = first; i < n; i += stride) out.add(i);
        if ((n - 1) % stride != 0) out.add(n - 1);
        shown.addAll(out);
        return out;
    }

    private XYChart.Data<Number, Number> point(int i) {
        XYChart.Data<Number, Number> d = new XYChart.Data<>(xs[i], ys[i]);
        if (markers) d.setNode(marker());
        return d;
    }

    private static Node marker() {
        StackPane p = new StackPane();
        p.getStyleClass().add("epoch-marker");
        return p;
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
        shown.clear();
        series.getData().clear();
    }
}
