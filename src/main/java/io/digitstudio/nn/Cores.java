package io.digitstudio.nn;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * How many cores the engine's functions may use, and a helper thread for the second one. Work is split so that every
 * value is computed exactly as on one core (each image on one thread, sums in the same order), so a run gives the same
 * bits whatever the count: {@link #both} runs two independent parts at once, or one after the other on one core.
 * Matrix products stay single-threaded inside (two small products at once beat one product on two threads).
 */
public final class Cores {
    private static volatile int count = Math.min(2, Runtime.getRuntime().availableProcessors());
    private static Helper helper;

    private Cores() {
    }

    /** Cores the engine uses: 1, or 2 (the default wherever the JVM sees two or more). */
    public static int count() {
        return count;
    }

    /** Sets the cores to use; more than 2 counts as 2 for now. */
    public static void setCount(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be at least 1, got " + n);
        count = Math.min(n, 2);
    }

    /**
     * Runs {@code a} on this thread and {@code b} on the helper at the same time (or both here, a first, on one core) and
     * returns when both are done; an exception in either is rethrown here.
     */
    static void both(Runnable a, Runnable b) {
        if (count < 2) {
            a.run();
            b.run();
            return;
        }
        Helper h = helper();
        h.start(b);
        Throwable mine = null;
        try {
            a.run();
        } catch (Throwable t) {
            mine = t;
        }
        Throwable theirs = h.await();
        Throwable first = mine != null ? mine : theirs;
        if (first instanceof RuntimeException r) throw r;
        if (first instanceof Error e) throw e;
        if (first != null) throw new IllegalStateException(first);
    }

    private static synchronized Helper helper() {
        if (helper == null) helper = new Helper();
        return helper;
    }

    /** One daemon thread that runs one task at a time; the caller waits for it by spinning briefly, then parking. */
    private static final class Helper implements Runnable {
        private final AtomicReference<Runnable> task = new AtomicReference<>();
        private final Thread thread;
        private volatile boolean done = true;
        private volatile Throwable failure;
        private volatile Thread waiter;

        Helper() {
            thread = new Thread(this, "digitstudio-core-2");
            thread.setDaemon(true);
            thread.start();
        }

        void start(Runnable r) {
            failure = null;
            done = false;
            task.set(r);
            LockSupport.unpark(thread);
        }

        Throwable await() {
            waiter = Thread.currentThread();
            for (int spins = 0; !done; spins++) {
                if (spins < 20_000) Thread.onSpinWait();
                else LockSupport.parkNanos(this, 50_000);
            }
            waiter = null;
            return failure;
        }

        @Override
        public void run() {
            while (true) {
                Runnable r = task.getAndSet(null);
                if (r == null) {
                    LockSupport.park(this);
                    continue;
                }
                try {
                    r.run();
                } catch (Throwable t) {
                    failure = t;
                }
                done = true;
                Thread w = waiter;
                if (w != null) LockSupport.unpark(w);
            }
        }
    }
}
