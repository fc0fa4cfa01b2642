package io.digitstudio.train;

import io.digitstudio.serial.Serializer;

/**
 * Something that runs alongside the training loop, after Chainer's {@code training.Extension}: it is called when its
 * {@link #trigger()} fires (checked after every iteration, extensions with a higher {@link #priority()} first),
 * {@link #initialize} runs before the first iteration (also when resuming), and {@link #finalize(TrainingLoop)} after
 * the last, always: also when the run is stopped, diverges or a listener or extension throws. An extension reads and
 * adds observations ({@link TrainingLoop#observation()}) and may keep state that snapshots save ({@link #serialize}).
 */
public interface Extension {
    /** Runs before the ones that read observations (Chainer's PRIORITY_WRITER): e.g. evaluation. */
    int PRIORITY_WRITER = 300;
    /** Changes the run (Chainer's PRIORITY_EDITOR): e.g. learning-rate schedules. */
    int PRIORITY_EDITOR = 200;
    /** Reads observations (Chainer's PRIORITY_READER): e.g. logs. */
    int PRIORITY_READER = 100;

    /** A short name, unique within a run; snapshots keep the state under it. */
    String name();

    default Trigger trigger() {
        return Trigger.EVERY_EPOCH;
    }

    default int priority() {
        return PRIORITY_READER;
    }

    default void initialize(TrainingLoop loop) {
    }

    void call(TrainingLoop loop);

    /**
     * The loop is about to wait in a pause ({@code paused} true), or goes on after one (false); on the training thread,
     * between iterations. Nothing by default.
     */
    default void paused(TrainingLoop loop, boolean paused) {
    }

    /**
     * Always runs once the loop ends, whatever ended it, in priority order; the extensions that {@link #recordsTheEnd()
     * record the end} after all others. One that throws here, after a run that did not fail, leaves the run's outcome
     * as it was, with a warning in its result: the model is whole, only the end's bookkeeping failed.
     */
    default void finalize(TrainingLoop loop) {
    }

    /**
     * Whether this extension records how the run ended (its model and its status, as a run's folder does): it is
     * finalized after every other extension, so that it records the end as the result finally says it, warnings
     * included; and its own failure there fails the run, since then no model is kept. False by default.
     */
    default boolean recordsTheEnd() {
        return false;
    }

    /**
     * Saves or restores what a snapshot keeps of this extension (Chainer's {@code serialize}); restoring happens before
     * {@link #initialize} when resuming. Nothing by default.
     */
    default void serialize(Serializer s) {
    }
}
