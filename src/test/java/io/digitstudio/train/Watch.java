package io.digitstudio.train;

import java.util.function.Consumer;

/**
 * A test's eyes on a run: an extension, fired every iteration, that hands each iteration, each epoch's report (with
 * its confusion matrix) and the end to the callbacks given.
 */
public final class Watch implements Extension {
    private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();
    private final String name = "Watch" + COUNT.incrementAndGet();
    private Consumer<TrainingStart> start = s -> {
    };
    private Consumer<IterationEvent> iteration = e -> {
    };
    private java.util.function.BiConsumer<EpochReport, ConfusionMatrix> epoch = (r, m) -> {
    };
    private Consumer<TrainingResult> end = r -> {
    };

    public Watch start(Consumer<TrainingStart> c) {
        start = c;
        return this;
    }

    public Watch iteration(Consumer<IterationEvent> c) {
        iteration = c;
        return this;
    }

    public Watch epoch(Consumer<EpochReport> c) {
        epoch = (r, m) -> c.accept(r);
        return this;
    }

    /** Each epoch's report with the confusion matrix of its validation. */
    public Watch epochWithMatrix(java.util.function.BiConsumer<EpochReport, ConfusionMatrix> c) {
        epoch = c;
        return this;
    }

    public Watch end(Consumer<TrainingResult> c) {
        end = c;
        return this;
    }

    /** Adds this watch to {@code loop} and returns the loop. */
    public TrainingLoop on(TrainingLoop loop) {
        loop.addExtension(this);
        return loop;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Trigger trigger() {
        return Trigger.EVERY_ITERATION;
    }

    @Override
    public void initialize(TrainingLoop loop) {
        start.accept(loop.startInfo());
    }

    @Override
    public void call(TrainingLoop loop) {
        iteration.accept(loop.iterationEvent());
        if (loop.iterator().isNewEpoch() && !loop.reports().isEmpty()) {
            EpochReport r = loop.reports().get(loop.reports().size() - 1);
            if (r.iteration() == loop.iteration()) epoch.accept(r, loop.lastConfusion());
        }
    }

    @Override
    public void finalize(TrainingLoop loop) {
        end.accept(loop.result());
    }
}
