package io.digitstudio.train;

import java.util.Map;

/**
 * Chainer's {@code ExponentialShift(attr, rate, init, target)}: sets the optimizer's hyper-parameter to
 * {@code init · rate^t} at the t-th trigger (every epoch by default), stopping at {@code target} if given; before the
 * first iteration it sets {@code init} (by default the optimizer's value then).
 */
public final class ExponentialShift extends Shift {
    private final double rate;
    private Double init;
    private final Double target;

    public ExponentialShift(String attr, double rate, Double init, Double target, Trigger trigger) {
        super(attr, trigger);
        if (!(rate >= 0) || !Double.isFinite(rate)) throw new IllegalArgumentException("ExponentialShift does not support a negative rate, got " + rate);
        this.rate = rate;
        this.init = init;
        this.target = target;
    }

    public ExponentialShift(String attr, double rate) {
        this(attr, rate, null, null, Trigger.everyEpochs(1));
    }

    @Override
    public String name() {
        return "ExponentialShift";
    }

    @Override
    public void initialize(TrainingLoop loop) {
        if (init == null) init = loop.optimizer().get(attr);
        set(loop, lastValue != null ? lastValue : init);
    }

    @Override
    public void call(TrainingLoop loop) {
        t++;
        set(loop, valueAt(init, rate, target, t));
    }

    /** The value at the t-th call, as {@link #call} computes it (for checks against Chainer's formula). */
    public static double valueAt(double init, double rate, Double target, long t) {
        double value = init * Math.pow(rate, t);
        if (target != null && (rate > 1 ? value / target > 1 : value / target < 1)) value = target;
        return value;
    }

    @Override
    public void serialize(io.digitstudio.serial.Serializer s) {
        super.serialize(s);
        Double i = s.nullable("_init", init);
        if (i != null) init = i;
    }
}
