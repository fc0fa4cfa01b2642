package io.digitstudio.ui.runs;

import io.digitstudio.runs.RunSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a run's log into chart points: x by epoch or by wall time, TensorBoard's debiased exponential smoothing, and
 * the loss on a log10 scale if asked. Pure functions, so the view model's tests check the numbers directly.
 */
public final class RunCurves {
    private RunCurves() {
    }

    /** What the x axis counts. */
    public enum XAxis { EPOCH, WALL_TIME }

    /** Which of the log's curves: the training set's (per-epoch means) or the validation set's. */
    public enum Set { VALIDATION, TRAINING }

    /** Points (x, y) of {@code key} in the log; entries without a finite value (or, on a log scale, a positive one) are left out. */
    public static List<double[]> points(List<Map<String, Double>> log, String key, XAxis x, double smoothing, boolean log10) {
        List<double[]> raw = new ArrayList<>();
        for (Map<String, Double> e : log) {
            Double v = e.get(key);
            Double at = e.get(x == XAxis.EPOCH ? "epoch" : "elapsed_time");
            if (v == null || at == null || !Double.isFinite(v) || !Double.isFinite(at)) continue;
            if (log10 && v <= 0) continue;
            raw.add(new double[]{at, log10 ? Math.log10(v) : v});
        }
        return smooth(raw, smoothing);
    }

    /**
     * A branch's curve: the point where it leaves its parent's curve, then its own points. The point is at {@code at}
     * (the branch's exact epoch on the x axis, see {@link #branchX}), at the height the parent's drawn curve has there:
     * on the line between the parent's epochs around it, or, past the parent's last point (a parent stopped where it
     * branched), at that point's height. {@code parent} is the parent's curve drawn the same way (null when its log is
     * not at hand: then the parent's epochs the branch's own log begins with stand for it). Of the branch's points only
     * those after the branch point are its own: the epochs before are its parent's, already on the parent's curve.
     */
    public static List<double[]> fromBranchPoint(List<double[]> points, List<double[]> parent, double at) {
        List<double[]> before = parent;
        if (before == null) {
            before = new ArrayList<>();
            for (double[] p : points) if (p[0] <= at) before.add(p);
        }
        List<double[]> out = new ArrayList<>();
        double y = io.digitstudio.ui.widgets.Polyline.valueAt(before, at);
        if (Double.isFinite(y)) out.add(new double[]{at, y});
        for (double[] p : points) if (p[0] > at) out.add(p);
        return out;
    }

    /**
     * The parent's curve reaching the point where a branch leaves it ({@code start}, the branch curve's first point),
     * when the parent's last point lies before it: a parent stopped in the middle of an epoch has its last entry at the
     * epoch before, and its curve goes on level from there to where it stopped (as {@link #fromBranchPoint} takes its
     * height), so that the two curves meet. Otherwise the parent's curve as it is.
     */
    public static List<double[]> reaching(List<double[]> parent, double[] start) {
        if (parent.isEmpty() || start == null || !(parent.get(parent.size() - 1)[0] < start[0])) return parent;
        List<double[]> out = new ArrayList<>(parent);
        out.add(new double[]{start[0], start[1]});
        return out;
    }

    /**
     * Where on the x axis a branch leaves its parent: its exact epoch ({@link RunSettings.Branch#epochDetail()}, 2.33,
     * not the 2 epochs it had done), or by wall time the time there, between the epochs around it in the parent's log
     * (null: not at hand), else in the branch's own, else carried on from the last epoch at the pace of the run so far.
     */
    public static double branchX(RunSettings.Branch b, List<Map<String, Double>> own, List<Map<String, Double>> parent, XAxis x) {
        double d = b.epochDetail();
        if (x == XAxis.EPOCH) return d;
        double t = parent == null ? Double.NaN : timeAt(parent, d, false);
        if (Double.isNaN(t)) t = timeAt(own, d, false);
        if (Double.isNaN(t) && parent != null) t = timeAt(parent, d, true);
        if (Double.isNaN(t)) t = timeAt(own, d, true);
        return Double.isNaN(t) ? 0 : t;
    }

    /** The elapsed time at {@code epoch} by the log, between its epochs (the run starts at 0); NaN past its last unless {@code beyond}. */
    private static double timeAt(List<Map<String, Double>> log, double epoch, boolean beyond) {
        List<double[]> times = new ArrayList<>();
        times.add(new double[]{0, 0});
        for (Map<String, Double> e : log) {
            Double at = e.get("epoch");
            Double t = e.get("elapsed_time");
            if (at != null && t != null && Double.isFinite(at) && Double.isFinite(t) && at > times.get(times.size() - 1)[0]) times.add(new double[]{at, t});
        }
        double[] last = times.get(times.size() - 1);
        if (epoch <= last[0]) return io.digitstudio.ui.widgets.Polyline.valueAt(times, epoch);
        return beyond && last[0] > 0 ? last[1] + (epoch - last[0]) * last[1] / last[0] : Double.NaN;
    }

    /**
     * TensorBoard's smoothing: an exponential moving average with weight {@code w} (0: none, up to 0.999), divided by
     * {@code 1 - w^n} so that the first points are not pulled towards zero.
     */
    public static List<double[]> smooth(List<double[]> points, double w) {
        if (w <= 0) return points;
        List<double[]> out = new ArrayList<>(points.size());
        double last = 0;
        int n = 0;
        for (double[] p : points) {
            last = last * w + (1 - w) * p[1];
            n++;
            out.add(new double[]{p[0], last / (1 - Math.pow(w, n))});
        }
        return out;
    }

    /** An axis's bounds and the step between its ticks, each bound a tick. */
    public record Ticks(double lower, double upper, double unit) {
    }

    /**
     * An epoch axis from {@code min} to {@code max}: ticks on whole epochs only, a step of 1, 2, 5, 10, 20, 50… epochs, the
     * smallest that makes at most {@code most} steps, and bounds on the steps around the points (an axis of one epoch
     * runs from 0 to it). Epochs are whole numbers: a tick at 0.75 or 1.25 names no epoch.
     */
    public static Ticks epochTicks(double min, double max, int most) {
        int steps = Math.max(1, most);
        for (int k = 0; ; k++) {
            double unit = new double[]{1, 2, 5}[k % 3] * Math.pow(10, k / 3);
            double lower = Math.floor(min / unit) * unit;
            double upper = Math.ceil(max / unit) * unit;
            if (upper == lower) {
                // one point on a tick: the axis ends there, a step after the start (or begins there, at 0)
                if (lower >= unit) lower -= unit;
                else upper += unit;
            }
            if (Math.round((upper - lower) / unit) <= steps || unit >= 1e12) return new Ticks(lower, upper, unit);
        }
    }

    static String lossKey(Set s) {
        return s == Set.VALIDATION ? "validation/main/loss" : "main/loss";
    }

    static String accuracyKey(Set s) {
        return s == Set.VALIDATION ? "validation/main/accuracy" : "main/accuracy";
    }
}
