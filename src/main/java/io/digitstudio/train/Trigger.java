package io.digitstudio.train;

/**
 * When an extension runs (Chainer's triggers): asked after every iteration, it says whether to fire now. Triggers may
 * keep state (an early-stopping trigger counts epochs without improvement), which they save with {@link #serialize}.
 */
public interface Trigger {
    boolean fire(TrainingLoop loop);

    /** Saves or restores what a snapshot keeps of this trigger (nothing by default). */
    default void serialize(io.digitstudio.serial.Serializer s) {
    }

    /** Fires after every iteration (asked every iteration: one shared object, nothing made per call). */
    Trigger EVERY_ITERATION = loop -> true;

    /** Fires at every epoch's end. */
    Trigger EVERY_EPOCH = loop -> crossed(loop, 1);

    /** Chainer's {@code IntervalTrigger(period, 'iteration')}: every {@code period} iterations. */
    static Trigger everyIterations(long period) {
        if (period < 1) throw new IllegalArgumentException("a trigger's period must be at least 1, got " + period);
        return period == 1 ? EVERY_ITERATION : loop -> loop.iteration() % period == 0;
    }

    /**
     * Chainer's {@code IntervalTrigger(period, 'epoch')}: when the iterator's epoch detail has just crossed a multiple of
     * {@code period} (so a batch that spans an epoch's end counts for the epoch it ends).
     */
    static Trigger everyEpochs(int period) {
        if (period < 1) throw new IllegalArgumentException("a trigger's period must be at least 1, got " + period);
        return period == 1 ? EVERY_EPOCH : loop -> crossed(loop, period);
    }

    /** True when the last iteration took the epoch detail across a multiple of {@code period}. */
    private static boolean crossed(TrainingLoop loop, int period) {
        double now = loop.iterator().epochDetail();
        double before = loop.iterator().previousEpochDetail();
        if (Double.isNaN(before)) before = 0;
        return Math.floor(before / period) != Math.floor(now / period);
    }
}
