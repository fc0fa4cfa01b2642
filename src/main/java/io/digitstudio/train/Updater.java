package io.digitstudio.train;

/**
 * Makes one training step, as Chainer's updaters do: the iterator's next batch, forward, the loss, {@code cleargrads},
 * {@code backward}, the optimizer's update. {@link StandardUpdater} trains on one core; {@link DataParallelUpdater}
 * splits each batch across the cores. The {@link TrainingLoop} calls {@link #update} once an iteration and reads what
 * it reports.
 */
public interface Updater extends AutoCloseable {
    /**
     * One step. Returns null when the weights were updated, or why the step was refused (the loss or an updated weight
     * would not have been finite); the weights are then those from before it.
     */
    String update();

    /** The loss of the last step (the loss function's mean over the batch). */
    float loss();

    /** The accuracy of the last step over its batch. */
    float accuracy();

    /** Examples in the last step's batch. */
    int batchSize();

    /** The augmentation's random state as a snapshot taken between two steps must record it. */
    long augmentRngState(io.digitstudio.data.AugmentedDataset aug);

    /** Releases what the updater holds between steps (a helper thread). */
    @Override
    void close();
}
