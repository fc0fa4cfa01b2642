package io.digitstudio.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * How many cores the engine may use, and the worker threads that run its parallel parts. Work is always split the same
 * way for a given count and combined in a fixed order, so a run gives the same bits every time with that count.
 * Parallel parts never nest: a part that asks for parallel work again (a convolution inside a data-parallel training
 * step) runs it on its own thread, one piece after the other, computing exactly what the pieces would in parallel.
 * Matrix products stay single-threaded inside (small products in parallel beat one product on several threads).
 */
public final class Cores {
    /** More workers than this stop paying at these batch sizes (each would get fewer than 16 of 128 examples). */
    public static final int MAX_DEFAULT = 8;
    private static volatile int count = defaultCount();
    private static final List<Helper> helpers = new ArrayList<>();
    /** True on worker threads, and on the caller while it runs a parallel part: nested requests run in sequence. */
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

    private Cores() {
    }

    /** The default: the cores the JVM sees, at most {@link #MAX_DEFAULT}. */
    public static int defaultCount() {
        return Math.max(1, Math.min(MAX_DEFAULT, Runtime.getRuntime().availableProcessors()));
    }

    /** Cores the engine uses. */
    public static int count() {
        return count;
    }

    /** Sets the cores to use (1 to 64). */
    public static void setCount(int n) {
        if (n < 1 || n > 64) throw new IllegalArgumentException("threads must be between 1 and 64, got " + n);
        count = n;
    }

    /**
     * Runs {@code body.accept(0)} … {@code body.accept(parts - 1)} at the same time on this thread and worker threads,
     * and returns when all are done; an exception in any part is rethrown here (the lowest part's). Parts are claimed
     * in order by whichever thread is free, this one included: a worker that the system has not scheduled yet does not
     * hold the others up, this thread runs its part instead. A part must therefore compute the same whichever thread
     * runs it (its buffers belong to the part, not the thread). One part, or a call from inside parallel work, runs the
     * parts here in order.
     */
    public static void parallel(int parts, IntConsumer body) {
        if (parts <= 1 || INSIDE.get()) {
            for (int i = 0; i < parts; i++) body.accept(i);
            return;
        }
        List<Helper> hs = helpers(parts - 1);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        Throwable[] failures = new Throwable[parts];
        Thread caller = Thread.currentThread();
        Runnable claim = () -> {
            for (int i = next.getAndIncrement(); i < parts; i = next.getAndIncrement()) {
                try {
                    body.accept(i);
                } catch (Throwable t) {
                    failures[i] = t;
                }
                if (finished.incrementAndGet() == parts && Thread.currentThread() != caller) LockSupport.unpark(caller);
            }
        };
        INSIDE.set(true);
        try {
            for (int i = 0; i < parts - 1; i++) hs.get(i).start(claim);
            claim.run();
            // the parts others claimed are running: wait for them, watching closely at first (waitRound)
            long since = System.nanoTime();
            while (finished.get() < parts) waitOnce(System.nanoTime() - since, Cores.class, 20_000);
        } finally {
            INSIDE.set(false);
        }
        for (Throwable first : failures) {
            if (first == null) continue;
            if (first instanceof RuntimeException r) throw r;
            if (first instanceof Error e) throw e;
            throw new IllegalStateException(first);
        }
    }

    /**
     * Runs {@code a} on this thread and {@code b} on a worker at the same time when more than one core is in use (or
     * both here, a first) and returns when both are done.
     */
    static void both(Runnable a, Runnable b) {
        if (count < 2) {
            a.run();
            b.run();
            return;
        }
        parallel(2, i -> (i == 0 ? a : b).run());
    }

    private static synchronized List<Helper> helpers(int n) {
        while (helpers.size() < n) helpers.add(new Helper(helpers.size() + 2));
        return new ArrayList<>(helpers.subList(0, n));
    }

    /**
     * A short busy wait without the CPU's pause hint: on a virtual machine a pause loop makes the hypervisor take the
     * core away (pause-loop exiting), which costs a large part of a training step at each hand-over (decision record
     * 0003).
     */
    private static void spin() {
        for (int i = 0; i < 32; i++) SINK.lazySet(i);
    }

    /**
     * One round of a wait that has lasted {@code waited} ns, before the waiting thread parks: a bare spin at first, then
     * a yield. A yield hands the core to a thread of the process that is ready to run on it (the JIT compiler, the
     * window's threads) and returns at once when there is none. Why: on a machine with few cores, a thread that only
     * spins keeps the JIT compiler and the window's threads off its core, and they then take a core from a part of
     * the step, which holds the whole step (decision record 0003).
     */
    static Wait waitRound(long waited) {
        if (waited >= SPIN_NANOS) return Wait.PARK;
        return waited < YIELD_AFTER_NANOS ? Wait.SPIN : Wait.YIELD;
    }

    /**
     * Waits one round ({@link #waitRound}) of a wait that has lasted {@code waited} ns; a park lasts {@code parkNanos},
     * or until unparked when 0 (a worker is unparked when handed a task, the caller polls for its parts).
     */
    private static void waitOnce(long waited, Object blocker, long parkNanos) {
        switch (waitRound(waited)) {
            case SPIN -> spin();
            case YIELD -> Thread.yield();
            case PARK -> {
                if (parkNanos > 0) LockSupport.parkNanos(blocker, parkNanos);
                else LockSupport.park(blocker);
            }
        }
    }

    /** What a waiting thread does next. */
    enum Wait { SPIN, YIELD, PARK }

    /**
     * How long a wait spins before it yields: most waits between a step's parts end within a few microseconds, and a
     * yield costs a system call. {@code -Ddigitstudio.spinOnly=true} spins until parking, to measure the difference.
     */
    static final long YIELD_AFTER_NANOS = Boolean.getBoolean("digitstudio.spinOnly") ? Long.MAX_VALUE : 20_000L;

    private static final java.util.concurrent.atomic.AtomicInteger SINK = new java.util.concurrent.atomic.AtomicInteger();

    /** How long an idle worker keeps watching for its next task before it parks. */
    static final long SPIN_NANOS = 300_000L;

    /** One daemon thread that runs the tasks handed to it, one at a time, watching for the next before it parks. */
    private static final class Helper implements Runnable {
        private final AtomicReference<Runnable> task = new AtomicReference<>();
        private final Thread thread;

        Helper(int number) {
            thread = new Thread(this, "digitstudio-core-" + number);
            thread.setDaemon(true);
            thread.start();
        }

        void start(Runnable r) {
            // a task still waiting here was a region whose parts are all claimed by now: running it is harmless
            task.set(r);
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            INSIDE.set(true);
            long idleSince = System.nanoTime();
            while (true) {
                Runnable r = task.getAndSet(null);
                if (r == null) {
                    // a training step asks again within a millisecond: waking a parked thread takes tens of
                    // microseconds or more on a virtual machine, so keep watching for a while before parking (waitRound)
                    waitOnce(System.nanoTime() - idleSince, this, 0);
                    continue;
                }
                r.run();
                idleSince = System.nanoTime();
            }
        }
    }
}
