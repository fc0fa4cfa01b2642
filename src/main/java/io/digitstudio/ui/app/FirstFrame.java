package io.digitstudio.ui.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The window's first frame, which the engine's start waits for: on two cores, loading the native libraries, the
 * built-in model and the data would otherwise compete with building and drawing the window. The limit only guards
 * against a window that never draws: it is longer than the slowest start seen on a loaded two-core machine, so the
 * engine never starts before the window is up.
 */
final class FirstFrame {
    static final Duration LIMIT = Duration.ofSeconds(60);
    private final CountDownLatch drawn = new CountDownLatch(1);

    /** The first frame has been drawn. */
    void drawn() {
        drawn.countDown();
    }

    /** Waits until the first frame has been drawn, or {@code limit} has passed; says whether it was drawn. */
    boolean await(Duration limit) throws InterruptedException {
        return drawn.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }
}
