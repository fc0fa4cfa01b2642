package io.digitstudio.train;

/**
 * After each training iteration: the epoch being trained (1-based), the global iteration count, Chainer's
 * epochDetail, this batch's loss and accuracy, and the learning rate its update used.
 */
public record IterationEvent(int epoch, long iteration, long totalIterations, double epochDetail, double loss,
                             double accuracy, double elapsedSeconds, double lr) {
    /** Without a learning rate (NaN). */
    public IterationEvent(int epoch, long iteration, long totalIterations, double epochDetail, double loss, double accuracy, double elapsedSeconds) {
        this(epoch, iteration, totalIterations, epochDetail, loss, accuracy, elapsedSeconds, Double.NaN);
    }
}
