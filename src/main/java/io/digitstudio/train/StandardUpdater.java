package io.digitstudio.train;

import io.digitstudio.data.AugmentedDataset;
import io.digitstudio.data.BatchPrefetcher;
import io.digitstudio.data.Dataset;
import io.digitstudio.data.ExampleBatch;
import io.digitstudio.data.SerialIterator;
import io.digitstudio.nn.F;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.Variable;
import io.digitstudio.nn.Workspace;
import io.digitstudio.optim.DivergedException;
import io.digitstudio.optim.Optimizer;

/**
 * Chainer's {@code StandardUpdater} on one core: the next batch, forward, the loss function, {@code cleargrads},
 * {@code backward}, {@code optimizer.update()}. While a step trains, the next batch is assembled on a helper thread
 * (not across an epoch's end, so that what a snapshot records there is exactly as without prefetching).
 */
public class StandardUpdater implements Updater {
    final SerialIterator iterator;
    final Dataset train;
    final Network model;
    final Optimizer optimizer;
    final LossFunction lossFunction;
    private final Workspace workspace = new Workspace();
    private final BatchPrefetcher prefetcher;
    private float loss;
    private float accuracy;
    private int batchSize;
    private long augmentStateBeforePrefetch;
    private boolean prefetchPending;

    public StandardUpdater(SerialIterator iterator, Dataset train, Network model, Optimizer optimizer, LossFunction lossFunction) {
        this.iterator = iterator;
        this.train = train;
        this.model = model;
        this.optimizer = optimizer;
        this.lossFunction = lossFunction;
        this.prefetcher = new BatchPrefetcher(train);
    }

    @Override
    public String update() {
        int[] indices = iterator.next();
        prefetchPending = false;
        batchSize = indices.length;
        return step(indices);
    }

    /** The step for the batch at {@code indices}, which the iterator has just handed out. */
    String step(int[] indices) {
        ExampleBatch batch = prefetcher.take(indices);
        if (prefetches() && !iterator.isNewEpoch()) {
            notePrefetch();
            prefetcher.prefetch(iterator.peekNext());
        }
        loss = forwardBackward(batch);
        if (!Float.isFinite(loss)) return "the loss became " + (Float.isNaN(loss) ? "NaN" : "infinite");
        return update(null);
    }

    /** Whether the next batch is assembled ahead of time (one core trains: the helper thread has the other). */
    boolean prefetches() {
        return true;
    }

    /** The optimizer's update with these gradient ranges (null: the model's own); null, or why it was refused. */
    final String update(Optimizer.GradientRange gradients) {
        try {
            optimizer.update(gradients);
            return null;
        } catch (DivergedException ex) {
            return ex.getMessage();
        }
    }

    /** Forward, loss and accuracy, then, if the loss is finite, backward: the gradients are left in the model. */
    private float forwardBackward(ExampleBatch batch) {
        try (Workspace.Scope s = workspace.enter()) {
            Variable y = model.forward(Variable.of(batch.x(), model.batchShape(batch.size())));
            Variable l = lossFunction.apply(y, batch.t());
            float value = l.item();
            if (!Float.isFinite(value)) return value;
            accuracy = F.accuracy(y, batch.t()).item();
            model.cleargrads();
            l.backward();
            return value;
        }
    }

    /**
     * Keeps the augmentation's random state from before the next batch is assembled ahead of time, so that a snapshot
     * taken when the run stops between two steps records the state that batch starts from.
     */
    private void notePrefetch() {
        if (train instanceof AugmentedDataset aug) {
            augmentStateBeforePrefetch = aug.rng().state();
            prefetchPending = true;
        }
    }

    @Override
    public long augmentRngState(AugmentedDataset aug) {
        return prefetchPending ? augmentStateBeforePrefetch : aug.rng().state();
    }

    void setResult(float loss, float accuracy) {
        this.loss = loss;
        this.accuracy = accuracy;
    }

    @Override
    public float loss() {
        return loss;
    }

    @Override
    public float accuracy() {
        return accuracy;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public void close() {
        prefetcher.close();
    }
}
