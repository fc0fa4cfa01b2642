package io.digitstudio.ui.runs;

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
     * A branch's part of its curve: its log begins with its parent's epochs up to the branching point (the branch
     * carries them), so the curve is drawn from the parent's last epoch before the branch ({@code epochsDone}) on, where
     * it leaves the parent's curve. Smoothed over the whole log first, so that it meets the parent's smoothed curve there.
     */
    public static List<double[]> fromBranchPoint(List<double[]> points, List<Map<String, Double>> log, int epochsDone, XAxis x) {
        double from = Double.NEGATIVE_INFINITY;
        for (Map<String, Double> e : log) {
            Double epoch = e.get("epoch");
            Double at = e.get(x == XAxis.EPOCH ? "epoch" : "elapsed_time");
            if (epoch != null && at != null && epoch == epochsDone) from = at;
        }
        if (from == Double.NEGATIVE_INFINITY && epochsDone > 0) from = x == XAxis.EPOCH ? epochsDone : Double.NEGATIVE_INFINITY;
        List<double[]> out = new ArrayList<>();
        for (double[] p : points) if (p[0] >= from) out.add(p);
        return out;
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

    static String lossKey(Set s) {
        return s == Set.VALIDATION ? "validation/main/loss" : "main/loss";
    }

    static String accuracyKey(Set s) {
        return s == Set.VALIDATION ? "validation/main/accuracy" : "main/accuracy";
    }
}
