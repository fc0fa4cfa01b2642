package io.digitstudio.train;

import java.util.Map;

/**
 * Chainer's {@code WarmupShift(attr, warmup_start, warmup_iter, init)}: starts the hyper-parameter at
 * {@code warmupStart} and moves it evenly to {@code init} over the first {@code warmupIter} calls (every iteration),
 * {@code (t·init + (warmupIter − t)·warmupStart) / warmupIter}, then leaves it alone.
 */
public final class WarmupShift implements Extension {
    private final String attr;
    private final double warmupStart;
    private final long warmupIter;
    private final double init;
    private long t;

    public WarmupShift(String attr, double warmupStart, long warmupIter, double init) {
        if (warmupIter < 1) throw new IllegalArgumentException("a warm-up needs at least one iteration, got " + warmupIter);
        this.attr = attr;
        this.warmupStart = warmupStart;
        this.warmupIter = warmupIter;
        this.init = init;
    }

    @Override
    public String name() {
        return "WarmupShift";
    }

    @Override
    public Trigger trigger() {
        return Trigger.EVERY_ITERATION;
    }

    @Override
    public int priority() {
        return PRIORITY_EDITOR;
    }

    public static double valueAt(double warmupStart, double init, long warmupIter, long t) {
        return (t * init + (warmupIter - t) * warmupStart) / warmupIter;
    }

    @Override
    public void initialize(TrainingLoop loop) {
        if (t == 0) loop.optimizer().set(attr, warmupStart);
    }

    @Override
    public void call(TrainingLoop loop) {
        t++;
        if (t <= warmupIter) loop.optimizer().set(attr, valueAt(warmupStart, init, warmupIter, t));
    }

    @Override
    public void serialize(io.digitstudio.serial.Serializer s) {
        t = s.optional("_t", t);
    }
}
