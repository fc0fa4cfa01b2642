package io.digitstudio.train;

/**
 * Stop and pause requests, honoured by the loop between iterations. A paused loop waits on a monitor (no core is
 * burnt) until resumed or stopped. Thread-safe: the UI calls it from its own thread.
 */
public final class TrainingControl {
    private volatile boolean stopRequested;
    private boolean paused;

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

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /** Blocks while paused; returns false if a stop was requested. */
    boolean awaitRunnable() throws InterruptedException {
        synchronized (this) {
            while (paused && !stopRequested) wait();
        }
        return !stopRequested;
    }
}
