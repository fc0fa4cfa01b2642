package io.digitstudio.ui.train;

import java.util.concurrent.CountDownLatch;

/**
 * Pauses a run after the given iteration, on the training thread: where a user's Pause lands, made exact, so that a
 * test waits on the paused run's published state and never on how fast it trains. The run stays paused until resumed
 * (the user's Pause, then Resume, does it: a Pause the run already honours).
 */
public final class PauseAt implements io.digitstudio.train.Extension {
    final long iteration;
    /** Counted down once the run has paused there. */
    public final CountDownLatch paused = new CountDownLatch(1);

    PauseAt(long iteration) {
        this.iteration = iteration;
    }

    /** Makes the next run {@code run} starts pause after {@code iteration} (call on the FX thread, before Start). */
    public static PauseAt nextRun(RunControl run, long iteration) {
        PauseAt p = new PauseAt(iteration);
        run.alsoWatch(p);
        return p;
    }

    @Override
    public String name() {
        return "PauseAt";
    }

    @Override
    public io.digitstudio.train.Trigger trigger() {
        return io.digitstudio.train.Trigger.EVERY_ITERATION;
    }

    @Override
    public void call(io.digitstudio.train.TrainingLoop loop) {
        if (loop.iteration() != iteration) return;
        loop.control().pause();
        paused.countDown();
    }
}
