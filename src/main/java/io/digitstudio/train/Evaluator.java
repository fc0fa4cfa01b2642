package io.digitstudio.train;

import io.digitstudio.data.Dataset;
import io.digitstudio.data.ExampleBatch;
import io.digitstudio.data.SerialIterator;
import io.digitstudio.nn.F;
import io.digitstudio.nn.Graph;
import io.digitstudio.nn.Config;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.Variable;
import io.digitstudio.nn.Workspace;

import java.util.function.DoubleConsumer;

/**
 * Loss and accuracy of a model over a whole dataset, in batches, in test mode (dropout off) without recording a graph. Means are over examples,
 * so the short last batch counts for what it holds.
 */
public final class Evaluator {
    private final Dataset dataset;
    private final int batchSize;
    private final Workspace workspace = new Workspace();
    private final ExampleBatch batch = new ExampleBatch();

    public Evaluator(Dataset dataset, int batchSize) {
        this.dataset = dataset;
        this.batchSize = batchSize;
    }

    public record Result(double loss, double accuracy, int count) {
    }

    public Result evaluate(Network model) {
        return evaluate(model, null, null);
    }

    /** Evaluates, reporting progress (0..1) now and then and giving up early (returning null) if {@code control} stops. */
    public Result evaluate(Network model, DoubleConsumer progress, TrainingControl control) {
        SerialIterator it = new SerialIterator(dataset.size(), batchSize, false, false, 0);
        double lossSum = 0;
        double accSum = 0;
        int count = 0;
        int batches = 0;
        try (Graph.Mode ignored = Graph.noBackprop(); Graph.Mode test = Config.testMode()) {
            while (it.hasNext()) {
                if (control != null && control.isStopRequested()) return null;
                batch.concatExamples(dataset, it.next());
                int n = batch.size();
                try (Workspace.Scope s = workspace.enter()) {
                    Variable y = model.forward(Variable.of(batch.x(), model.batchShape(n)));
                    lossSum += (double) F.softmaxCrossEntropy(y, batch.t()).item() * n;
                    accSum += (double) F.accuracy(y, batch.t()).item() * n;
                }
                count += n;
                if (progress != null && (++batches & 15) == 0) progress.accept((double) count / dataset.size());
            }
        }
        return new Result(lossSum / count, accSum / count, count);
    }
}
