package io.digitstudio.train;

/**
 * Chainer's {@code LinearShift(attr, value_range, time_range)}: the hyper-parameter is {@code v1} up to the
 * {@code t1}-th call, moves linearly to {@code v2} by the {@code t2}-th, and stays there; set before the first iteration.
 */
public final class LinearShift extends Shift {
    private final double v1;
    private final double v2;
    private final long t1;
    private final long t2;

    public LinearShift(String attr, double v1, double v2, long t1, long t2, Trigger trigger) {
        super(attr, trigger);
        if (t2 <= t1) throw new IllegalArgumentException("LinearShift needs t1 < t2, got " + t1 + " and " + t2);
        this.v1 = v1;
        this.v2 = v2;
        this.t1 = t1;
        this.t2 = t2;
    }

    @Override
    public String name() {
        return "LinearShift";
    }

    /** Chainer's {@code _compute_next_value} at call count t. */
    public static double valueAt(double v1, double v2, long t1, long t2, long t) {
        if (t <= t1) return v1;
        if (t >= t2) return v2;
        double rate = (double) (t - t1) / (t2 - t1);
        return v1 + rate * (v2 - v1);
    }

    @Override
    public void initialize(TrainingLoop loop) {
        set(loop, lastValue != null ? lastValue : valueAt(v1, v2, t1, t2, t));
    }

    @Override
    public void call(TrainingLoop loop) {
        t++;
        set(loop, valueAt(v1, v2, t1, t2, t));
    }
}
