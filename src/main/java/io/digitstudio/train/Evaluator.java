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

    /**
     * Means over the set; with {@code collect}, also each example's predicted label and its probability, taken from
     * the same forward pass (no second pass over the data).
     */
    public record Result(double loss, double accuracy, int count, int[] predictions, float[] confidences) {
        public Result(double loss, double accuracy, int count) {
            this(loss, accuracy, count, null, null);
        }
    }

    /** Evaluates and keeps every example's prediction. */
    public Result evaluateCollecting(Network model) {
        return evaluate(model, null, null, true);
    }

    public Result evaluate(Network model) {
        return evaluate(model, null, null);
    }

    /** Evaluates, reporting progress (0..1) now and then and giving up early (returning null) if {@code control} stops. */
    public Result evaluate(Network model, DoubleConsumer progress, TrainingControl control) {
        return evaluate(model, progress, control, false);
    }

    private Result evaluate(Network model, DoubleConsumer progress, TrainingControl control, boolean collect) {
        int[] predictions = collect ? new int[dataset.size()] : null;
        float[] confidences = collect ? new float[dataset.size()] : null;
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
                    if (collect) {
                        float[] p = io.digitstudio.nn.Host.toArray(F.softmax(y).data());
                        int k = model.classes();
                        for (int i = 0; i < n; i++) {
                            int best = 0;
                            for (int j = 1; j < k; j++) if (p[i * k + j] > p[i * k + best]) best = j;
                            predictions[count + i] = best;
                            confidences[count + i] = p[i * k + best];
                        }
                    }
                }
                count += n;
                if (progress != null && (++batches & 15) == 0) progress.accept((double) count / dataset.size());
            }
        }
        return new Result(lossSum / count, accSum / count, count, predictions, confidences);
    }
}
