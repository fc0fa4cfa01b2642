package io.digitstudio.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chainer's {@code ExponentialShift(attr, rate, init, target)}: sets the optimizer's hyper-parameter to
 * {@code init · rate^t} at the t-th trigger (every epoch by default), stopping at {@code target} if given; before the
 * first iteration it sets {@code init} (by default the optimizer's value then).
 */
public final class ExponentialShift implements Extension {
    private final String attr;
    private final double rate;
    private Double init;
    private final Double target;
    private final Trigger trigger;
    private long t;
    private Double lastValue;

    public ExponentialShift(String attr, double rate, Double init, Double target, Trigger trigger) {
        if (!(rate >= 0) || !Double.isFinite(rate)) throw new IllegalArgumentException("ExponentialShift does not support a negative rate, got " + rate);
        this.attr = attr;
        this.rate = rate;
        this.init = init;
        this.target = target;
        this.trigger = trigger;
    }

    public ExponentialShift(String attr, double rate) {
        this(attr, rate, null, null, Trigger.everyEpochs(1));
    }

    @Override
    public String name() {
        return "ExponentialShift";
    }

    @Override
    public Trigger trigger() {
        return trigger;
    }

    @Override
    public int priority() {
        return PRIORITY_EDITOR;
    }

    @Override
    public void initialize(TrainingLoop loop) {
        if (init == null) init = loop.optimizer().get(attr);
        set(loop, lastValue != null ? lastValue : init);
    }

    @Override
    public void call(TrainingLoop loop) {
        t++;
        double value = init * Math.pow(rate, t);
        if (target != null) {
            if (rate > 1 ? value / target > 1 : value / target < 1) value = target;
        }
        set(loop, value);
    }

    /** The value at the t-th call, as {@link #call} computes it (for checks against Chainer's formula). */
    public static double valueAt(double init, double rate, Double target, long t) {
        double value = init * Math.pow(rate, t);
        if (target != null && (rate > 1 ? value / target > 1 : value / target < 1)) value = target;
        return value;
    }

    private void set(TrainingLoop loop, double value) {
        loop.optimizer().set(attr, value);
        lastValue = value;
    }

    @Override
    public Map<String, Double> state() {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("_t", (double) t);
        if (lastValue != null) s.put("_last_value", lastValue);
        if (init != null) s.put("_init", init);
        return s;
    }

    @Override
    public void restore(Map<String, Double> state) {
        t = state.getOrDefault("_t", 0.0).longValue();
        lastValue = state.get("_last_value");
        if (state.containsKey("_init")) init = state.get("_init");
    }
}
