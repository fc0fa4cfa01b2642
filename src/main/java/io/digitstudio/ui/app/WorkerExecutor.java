package io.digitstudio.ui.app;

import io.digitstudio.ui.core.TaskExecutor;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The app's {@link TaskExecutor}: daemon workers, one for training, one for long background work (an index) and one for
 * everything else (so drawing stays responsive while a model trains), behind the engine's start-up. The first ND4J call unpacks native libraries and may
 * fail; every task waits for it, and if it failed every future fails with that reason, so no view waits forever.
 * Results are handed to the UI thread through {@code ui} (Platform.runLater in the app).
 */
public final class WorkerExecutor implements TaskExecutor, AutoCloseable {
    private final ExecutorService trainWorker = Executors.newSingleThreadExecutor(daemon("digitstudio-train"));
    private final ExecutorService computeWorker = Executors.newSingleThreadExecutor(daemon("digitstudio-compute"));
    private final ExecutorService backgroundWorker = Executors.newSingleThreadExecutor(r -> {
        Thread t = daemon("digitstudio-background").newThread(r);
        t.setPriority(Thread.MIN_PRIORITY); // drawing and training come first
        return t;
    });
    /** A thread for each piece of work apart (a sweep), for its whole length. */
    private final ExecutorService apartWorkers = Executors.newCachedThreadPool(daemon("digitstudio-apart"));
    private final Consumer<Runnable> ui;
    private final CompletableFuture<Void> engine;
    /** Tasks submitted whose result has not yet been handed to the UI thread. */
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();

    public WorkerExecutor(Runnable engineStart, Consumer<Runnable> ui) {
        this.ui = ui;
        this.engine = CompletableFuture.runAsync(engineStart, computeWorker);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Completes on the UI thread once the engine is up, or with the reason it could not start. */
    public CompletableFuture<Void> engineReady() {
        return onUiThread(engine, () -> { });
    }

    @Override
    public <T> CompletableFuture<T> compute(Callable<T> work) {
        return run(work, computeWorker);
    }

    @Override
    public <T> CompletableFuture<T> train(Callable<T> work) {
        return run(work, trainWorker);
    }

    @Override
    public <T> CompletableFuture<T> background(Callable<T> work) {
        return run(work, backgroundWorker);
    }

    @Override
    public <T> CompletableFuture<T> apart(Callable<T> work) {
        return run(work, apartWorkers);
    }

    @Override
    public void onUi(Runnable r) {
        ui.accept(r);
    }

    /**
     * Whether every task submitted so far has run and its result has been handed to the UI thread (with what the
     * submitter chained to it there): the window shows all there is to show until something new is asked.
     */
    public boolean idle() {
        return pending.get() == 0;
    }

    private <T> CompletableFuture<T> run(Callable<T> work, ExecutorService worker) {
        pending.incrementAndGet();
        CompletableFuture<T> done;
        try {
            done = engine.thenApplyAsync(ignored -> {
                try {
                    return work.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, worker);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            done = CompletableFuture.failedFuture(new IllegalStateException("the app is closing"));
        }
        return onUiThread(done, pending::decrementAndGet);
    }

    /** {@code f}'s outcome on the UI thread; {@code after} runs there once what was chained to it has run. */
    private <T> CompletableFuture<T> onUiThread(CompletableFuture<T> f, Runnable after) {
        CompletableFuture<T> out = new CompletableFuture<>();
        f.whenComplete((v, err) -> ui.accept(() -> {
            try {
                if (err != null) {
                    out.completeExceptionally(err instanceof CompletionException && err.getCause() != null ? err.getCause() : err);
                } else {
                    out.complete(v);
                }
            } finally {
                after.run();
            }
        }));
        return out;
    }

    @Override
    public void close() {
        trainWorker.shutdownNow();
        computeWorker.shutdownNow();
        backgroundWorker.shutdownNow();
        apartWorkers.shutdownNow();
        try {
            trainWorker.awaitTermination(2, TimeUnit.SECONDS);
            computeWorker.awaitTermination(2, TimeUnit.SECONDS);
            apartWorkers.awaitTermination(2, TimeUnit.SECONDS); // a sweep ends its runs' processes when interrupted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
