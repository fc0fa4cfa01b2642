package io.digitstudio.train;

/**
 * Watches a training run. Every method has an empty default, so a listener implements only what it needs. Methods are
 * called on the training thread: keep them quick, and hand work to other threads yourself (the GUI queues events).
 */
public interface TrainingListener {
    default void onStart(TrainingStart start) {
    }

    default void onIteration(IterationEvent event) {
    }

    /** Called while validation runs, with the fraction of the test set done. */
    default void onValidation(int epoch, double fractionDone) {
    }

    /**
     * The confusion matrix of an epoch's validation (rows true, columns predicted), tallied in the same pass; called
     * just before {@link #onEpoch}. The matrix is the listener's to keep.
     */
    default void onConfusion(int epoch, ConfusionMatrix matrix) {
    }

    default void onEpoch(EpochReport report) {
    }

    default void onEnd(TrainingResult result) {
    }
}
