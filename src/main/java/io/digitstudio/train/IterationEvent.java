package io.digitstudio.train;

/**
 * After each training iteration: the epoch being trained (1-based), the global iteration count, Chainer's
 * epochDetail, and this batch's loss and accuracy.
 */
public record IterationEvent(int epoch, long iteration, long totalIterations, double epochDetail, double loss,
                             double accuracy, double elapsedSeconds) {
}
