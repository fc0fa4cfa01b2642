package io.digitstudio.train;

import io.digitstudio.data.Dataset;
import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.SerialIterator;
import io.digitstudio.nn.Network;
import io.digitstudio.optim.Optimizer;

/**
 * Chainer's data-parallel updater on the cores of one machine: each step's batch is split between them
 * ({@link DataParallelStep}), and their gradients are combined in a fixed order inside the optimizer's update, so a
 * run repeats bit for bit with the same number of cores. A batch too small to split trains on one core.
 */
public final class DataParallelUpdater extends StandardUpdater {
    private final DataParallelStep parallel;

    public DataParallelUpdater(SerialIterator iterator, Dataset train, Network model, Optimizer optimizer, LossFunction lossFunction) {
        super(iterator, train, model, optimizer, lossFunction);
        this.parallel = new DataParallelStep(model, lossFunction);
    }

    @Override
    String step(int[] indices) {
        int parts = DataParallelStep.parts(indices.length);
        if (parts <= 1) return super.step(indices);
        // each part reads its own examples when the dataset allows several readers
        if (train instanceof LabeledImages) parallel.run(train, indices, parts);
        else parallel.run(takeBatch(indices), parts);
        setResult(parallel.loss(), parallel.accuracy());
        if (!Float.isFinite(parallel.loss())) return "the loss became " + (Float.isNaN(parallel.loss()) ? "NaN" : "infinite");
        return update(parallel.gradients());
    }

    /** Several cores train: assembling the next batch ahead of time would only take a core from them. */
    @Override
    boolean prefetches() {
        return false;
    }

    private final io.digitstudio.data.ExampleBatch own = new io.digitstudio.data.ExampleBatch();

    private io.digitstudio.data.ExampleBatch takeBatch(int[] indices) {
        return own.concatExamples(train, indices);
    }

    /** Native arrays the parts' workspaces have allocated (stops growing once every part is warm). */
    long allocations() {
        return parallel.allocations();
    }
}
