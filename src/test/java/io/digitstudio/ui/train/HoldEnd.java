package io.digitstudio.ui.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a run's end on the training thread, before its record and model are written: the moment a slow step or a large
 * snapshot takes as a stopped run ends, made as long as a test needs to look at the window meanwhile. The run ends as it
 * would once {@link #release} is called.
 */
public final class HoldEnd implements io.digitstudio.train.Extension {
    /** Counted down once the run is ending and held. */
    public final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    private HoldEnd() {
    }

    /** Makes the next run {@code run} starts hold its end (call on the FX thread, before Start). */
    public static HoldEnd nextRun(RunControl run) {
        HoldEnd h = new HoldEnd();
        run.alsoWatch(h);
        return h;
    }

    /** Lets the held run end. */
    public void release() {
        released.countDown();
    }

    @Override
    public String name() {
        return "HoldEnd";
    }

    @Override
    public void call(io.digitstudio.train.TrainingLoop loop) {
    }

    @Override
    public void finalize(io.digitstudio.train.TrainingLoop loop) {
        held.countDown();
        try {
            // bounded, so that a story that fails before releasing it still lets the run end
            released.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
