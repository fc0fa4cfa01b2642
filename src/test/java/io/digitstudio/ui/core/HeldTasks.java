package io.digitstudio.ui.core;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * A task executor whose workers' work waits until the test runs it, in the order it chooses (what a view shows while
 * its data is read); work for the UI runs at once.
 */
public final class HeldTasks implements TaskExecutor {
    /** The work handed to the workers and not run yet, oldest first. */
    public final Deque<Runnable> held = new ArrayDeque<>();

    @Override
    public <T> CompletableFuture<T> compute(Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        held.add(() -> {
            try {
                f.complete(work.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    @Override
    public <T> CompletableFuture<T> train(Callable<T> work) {
        return compute(work);
    }

    @Override
    public void onUi(Runnable r) {
        r.run();
    }

    /** Runs the held work, oldest first, and what it hands on, until none is left. */
    public void release() {
        while (!held.isEmpty()) held.pollFirst().run();
    }
}
