package io.digitstudio.data;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * Assembles the next batch on a helper thread while the current one trains (the second core is otherwise idle
 * during a step). Two batches alternate; {@link #take} returns the prefetched one if it holds the asked-for indices,
 * else assembles it at once. The dataset is read by one thread at a time, in the same order as without prefetching,
 * so a dataset that draws random numbers (augmentation) draws exactly the same ones. What assembling a batch throws on
 * the helper (an error such as running out of memory too) is thrown by {@link #take}, on the trainer's thread.
 */
public final class BatchPrefetcher implements AutoCloseable {
    private final Dataset dataset;
    private final ExampleBatch[] batches = {new ExampleBatch(), new ExampleBatch()};
    private final Thread helper;
    private int current; // the batch the trainer holds; the helper fills the other one
    private final java.util.concurrent.atomic.AtomicReference<int[]> request = new java.util.concurrent.atomic.AtomicReference<>();
    private volatile int[] ready; // the indices of the filled batch, published after filling
    private volatile boolean busy;
    private volatile boolean closed;
    /** What the helper's last batch threw (published by {@code busy}'s write), for {@link #take} to throw; null: nothing. */
    private volatile Throwable failed;
    private int[] failedFor;

    public BatchPrefetcher(Dataset dataset) {
        this.dataset = dataset;
        this.helper = new Thread(this::work, "digitstudio-batches");
        helper.setDaemon(true);
        helper.start();
    }

    private void work() {
        while (!closed) {
            if (!busy) {
                LockSupport.park(this);
                continue;
            }
            int[] r = request.getAndSet(null); // claimed: from here on the trainer waits for this batch
            if (r != null) {
                try {
                    batches[1 - current].concatExamples(dataset, r);
                    ready = r;
                } catch (Throwable t) { // for the trainer to throw: a helper that died would leave it waiting for good
                    failedFor = r;
                    failed = t;
                }
            }
            busy = false;
        }
    }

    /** The batch for {@code indices}: the prefetched one if it matches, otherwise assembled now. */
    public ExampleBatch take(int[] indices) {
        // If the helper has not even started (its core was busy elsewhere), take the job back and do it here.
        if (request.getAndSet(null) != null) {
            busy = false;
            return batches[current].concatExamples(dataset, indices);
        }
        while (busy) Thread.onSpinWait(); // the helper is finishing this very batch
        Throwable f = failed;
        failed = null;
        if (f != null && Arrays.equals(failedFor, indices)) { // thrown on the trainer's thread, which ends the run
            ready = null;
            if (f instanceof RuntimeException e) throw e;
            if (f instanceof Error e) throw e;
            throw new IllegalStateException(f);
        }
        int[] r = ready;
        ready = null;
        if (r != null && Arrays.equals(r, indices)) {
            current = 1 - current;
            return batches[current];
        }
        return batches[current].concatExamples(dataset, indices);
    }

    /** Starts assembling the batch for {@code indices} in the background. */
    public void prefetch(int[] indices) {
        if (indices == null || closed) return;
        request.set(indices);
        busy = true;
        LockSupport.unpark(helper);
    }

    /** Stops the helper, waiting for a batch it is filling, so the dataset is left alone once this returns. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(helper);
        try {
            helper.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
