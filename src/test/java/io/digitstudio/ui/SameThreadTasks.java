package io.digitstudio.ui;

import io.digitstudio.ui.core.TaskExecutor;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** Runs every task at once on the calling thread (JabRef's CurrentThreadTaskExecutor): view models under plain JUnit. */
public final class SameThreadTasks implements TaskExecutor {
    private static <T> CompletableFuture<T> now(Callable<T> work) {
        try {
            return CompletableFuture.completedFuture(work.call());
        } catch (Exception | Error e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public <T> CompletableFuture<T> compute(Callable<T> work) {
        return now(work);
    }

    @Override
    public <T> CompletableFuture<T> train(Callable<T> work) {
        return now(work);
    }

    @Override
    public void onUi(Runnable r) {
        r.run();
    }
}
