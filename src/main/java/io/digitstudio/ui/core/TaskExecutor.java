package io.digitstudio.ui.core;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Where view models send work that must not run on the UI thread (after JabRef's TaskExecutor). Every future returned
 * completes on the UI thread, so a view model's {@code whenComplete} may touch its properties; if the engine could not
 * start, the future fails with that reason instead of never running. Tests use a same-thread executor.
 */
public interface TaskExecutor {
    /** Short work (predictions, file reads and writes) on the compute worker. */
    <T> CompletableFuture<T> compute(Callable<T> work);

    /** A training run on its own worker, so drawing stays responsive while a model trains. */
    <T> CompletableFuture<T> train(Callable<T> work);

    /**
     * Long work that nobody waits for (building an index over the training set) on a worker of its own, so that
     * predictions on the compute worker are not held up behind it. Same-thread executors may run it at once.
     */
    default <T> CompletableFuture<T> background(Callable<T> work) {
        return compute(work);
    }

    /**
     * Long work that mostly waits (a sweep supervising its runs' processes) on a thread of its own for as long as it
     * takes, so that training and the other workers never queue behind it. Same-thread executors may run it at once.
     */
    default <T> CompletableFuture<T> apart(Callable<T> work) {
        return background(work);
    }

    /** Runs {@code r} on the UI thread, later. */
    void onUi(Runnable r);
}
