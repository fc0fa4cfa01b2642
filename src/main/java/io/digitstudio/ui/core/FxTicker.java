package io.digitstudio.ui.core;

import javafx.application.Platform;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a task on the UI thread every few tens of milliseconds while started, at most one queued at a time; or once, a
 * while from now ({@link #later}). Unlike an AnimationTimer or a Timeline it does not make JavaFX pulse 60 times a
 * second: the scene is laid out and painted only when the task changed something. During a run on every core a pulse
 * takes a core from a training part and holds the whole step (decision record 0005).
 */
public final class FxTicker {
    /** One daemon thread for every view's timing: it only hands tasks to the UI thread. */
    private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "digitstudio-ui-clock");
        t.setDaemon(true);
        return t;
    });

    private final Runnable task;
    private final long periodMillis;
    private final AtomicBoolean queued = new AtomicBoolean();
    private ScheduledFuture<?> ticking;

    public FxTicker(long periodMillis, Runnable task) {
        this.periodMillis = periodMillis;
        this.task = task;
    }

    /** Runs a task on the UI thread once, a while from now: {@link #later} in the app, by hand in tests. */
    @FunctionalInterface
    public interface Later {
        void run(long delayMillis, Runnable task);
    }

    /** Runs {@code task} on the UI thread once, {@code delayMillis} ms from now. */
    public static void later(long delayMillis, Runnable task) {
        CLOCK.schedule(() -> Platform.runLater(task), delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Starts ticking (UI thread); starting a started ticker does nothing. */
    public void start() {
        if (ticking != null) return;
        ticking = CLOCK.scheduleWithFixedDelay(() -> {
            if (queued.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    queued.set(false);
                    if (ticking != null) task.run();
                });
            }
        }, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops ticking (UI thread); a tick already queued is dropped. */
    public void stop() {
        if (ticking == null) return;
        ticking.cancel(false);
        ticking = null;
    }
}
