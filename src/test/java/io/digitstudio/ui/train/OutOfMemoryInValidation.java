package io.digitstudio.ui.train;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a run run out of memory in the middle of its first validation, as a native allocation past the bound that
 * {@code -Xmx512m} sets does: the run's loss throws an {@link OutOfMemoryError} at the validation's second batch, on
 * whichever thread of the cores computes it. The loss is this test extension's own, set as the run starts.
 */
public final class OutOfMemoryInValidation implements io.digitstudio.train.Extension {
    /** What the error says. */
    public static final String MESSAGE = "Cannot allocate new FloatPointer(25600)";
    private final AtomicInteger validated = new AtomicInteger();

    private OutOfMemoryInValidation() {
    }

    /** Makes the next run {@code run} starts fail so (call on the FX thread, before Start). */
    public static void nextRun(RunControl run) {
        run.alsoWatch(new OutOfMemoryInValidation());
    }

    @Override
    public String name() {
        return "OutOfMemoryInValidation";
    }

    @Override
    public void initialize(io.digitstudio.train.TrainingLoop loop) {
        loop.setLossFunction((y, t) -> {
            if (!io.digitstudio.nn.Config.train() && validated.incrementAndGet() == 2) throw new OutOfMemoryError(MESSAGE);
            return io.digitstudio.nn.F.softmaxCrossEntropy(y, t);
        });
    }

    @Override
    public void call(io.digitstudio.train.TrainingLoop loop) {
    }
}
