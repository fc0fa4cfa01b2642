package io.digitstudio.train;

/**
 * Stop and pause requests and hyper-parameter changes, honoured by the loop between iterations. A paused loop waits on a monitor (no core is
 * burnt) until resumed or stopped. Thread-safe: the UI calls it from its own thread.
 */
public final class TrainingControl {
    private volatile boolean stopRequested;
    private boolean paused;
    private boolean stopWhenParked;
    private java.util.function.LongSupplier clock = System::nanoTime;
    /** Nanoseconds the loop has waited parked by pauses; whether it waits now, and since when. Guarded by this. */
    private long parkedNanos;
    private boolean parked;
    private long parkedSince;
    private final java.util.concurrent.ConcurrentLinkedQueue<java.util.Map.Entry<String, Double>> changes = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * Asks the loop to set a hyper-parameter of its optimizer (ConvNetJS's live "change"): applied before the next
     * iteration's update, for every parameter, and kept in snapshots. From any thread.
     */
    public void requestChange(String name, double value) {
        changes.add(java.util.Map.entry(name, value));
    }

    /** The changes asked for since the last call, oldest first. */
    java.util.List<java.util.Map.Entry<String, Double>> takeChanges() {
        if (changes.isEmpty()) return java.util.List.of(); // asked every iteration: nothing made when nothing changed
        java.util.List<java.util.Map.Entry<String, Double>> out = new java.util.ArrayList<>();
        for (java.util.Map.Entry<String, Double> c; (c = changes.poll()) != null; ) out.add(c);
        return out;
    }

    public void requestStop() {
        stopRequested = true;
        synchronized (this) {
            notifyAll();
        }
    }

    public boolean isStopRequested() {
        return stopRequested;
    }

    public synchronized void pause() {
        paused = true;
    }

    /** Continues a paused run (and forgets a {@link #stopAtPause} it has not reached yet). */
    public synchronized void resume() {
        paused = false;
        stopWhenParked = false;
        notifyAll();
    }

    /**
     * Ends a paused run where it pauses: at the boundary between two iterations, as a Stop there would, but never in the
     * middle of an epoch's validation, which a pause lets finish first. The state the run ends in is the one it was
     * paused at, so that a snapshot of it continues exactly from there. Does nothing to a run that is not paused.
     */
    public synchronized void stopAtPause() {
        if (!paused) return;
        stopWhenParked = true;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /** Whether the loop waits in a pause now (a pause asked for is honoured between iterations, after a validation). */
    public synchronized boolean isParked() {
        return parked;
    }

    /** The clock pauses are measured with (the loop's, see {@link TrainingLoop#setClock}). */
    synchronized void setClock(java.util.function.LongSupplier nanos) {
        this.clock = nanos;
    }

    /** Nanoseconds the loop has spent parked by pauses, a pause under way included: time that is not the run's. */
    synchronized long parkedNanos() {
        return parkedNanos + (parked ? clock.getAsLong() - parkedSince : 0);
    }

    /**
     * {@link #awaitRunnable()}, with {@code parking} run before the loop waits in a pause and {@code going} once it goes
     * on from one (not when it stops there): outside the monitor, so that Pause and Continue never wait for them.
     */
    boolean awaitRunnable(Runnable parking, Runnable going) throws InterruptedException {
        boolean parks;
        synchronized (this) {
            parks = paused && !stopRequested && !stopWhenParked;
        }
        if (parks) parking.run();
        boolean goes = awaitRunnable();
        if (parks && goes) going.run();
        return goes;
    }

    /** Blocks while paused; returns false if a stop was requested. */
    boolean awaitRunnable() throws InterruptedException {
        synchronized (this) {
            if (paused && !stopRequested && !stopWhenParked) {
                parked = true;
                parkedSince = clock.getAsLong();
                try {
                    while (paused && !stopRequested && !stopWhenParked) wait();
                } finally {
                    parkedNanos += clock.getAsLong() - parkedSince;
                    parked = false;
                }
            }
            if (paused && stopWhenParked) stopRequested = true;
        }
        return !stopRequested;
    }
}
