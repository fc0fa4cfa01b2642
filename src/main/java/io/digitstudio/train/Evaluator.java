package io.digitstudio.train;

import io.digitstudio.data.Dataset;
import io.digitstudio.data.ExampleBatch;
import io.digitstudio.data.LabeledImages;
import io.digitstudio.nn.F;
import io.digitstudio.nn.Graph;
import io.digitstudio.nn.Host;
import io.digitstudio.nn.Config;
import io.digitstudio.nn.Cores;
import io.digitstudio.nn.Replicas;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.Variable;
import io.digitstudio.nn.Workspace;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.function.DoubleConsumer;

/**
 * Loss and accuracy of a model over a whole dataset, in batches, in test mode (dropout off) without recording a graph. Means are over examples,
 * so the short last batch counts for what it holds.
 */
public final class Evaluator {
    private final Dataset dataset;
    private final int batchSize;
    private final Workspace workspace = new Workspace();
    /** Each example's predicted class as the pass goes, reused from one evaluation to the next (training validates every epoch). */
    private int[] tallied = new int[0];
    private boolean tallying;

    public Evaluator(Dataset dataset, int batchSize) {
        this.dataset = dataset;
        this.batchSize = batchSize;
    }

    /**
     * Means over the set; with {@code collect}, also each example's predicted label and its probability, taken from
     * the same forward pass (no second pass over the data).
     */
    public record Result(double loss, double accuracy, int count, int[] predictions, float[] confidences, ConfusionMatrix confusion) {
        public Result(double loss, double accuracy, int count) {
            this(loss, accuracy, count, null, null, null);
        }
    }

    /** Evaluates and keeps every example's prediction. */
    public Result evaluateCollecting(Network model) {
        return evaluate(model, null, true);
    }

    /**
     * Makes every later evaluation also count its confusion matrix from the logits it computes anyway (an argmax per
     * example, no extra pass and no allocation beyond the matrix handed out), so training can show one per epoch. The
     * matrix knows which examples each cell counts, so a view can show exactly those.
     */
    public Evaluator tallyConfusion(boolean on) {
        tallying = on;
        return this;
    }

    /** The loss reported (the run's own, as Chainer's Evaluator reports its target's); softmax cross entropy by default. */
    public Evaluator lossFunction(LossFunction f) {
        this.lossFunction = f;
        return this;
    }

    private LossFunction lossFunction = LossFunction.SOFTMAX_CROSS_ENTROPY;

    public Result evaluate(Network model) {
        return evaluate(model, null);
    }

    /**
     * Evaluates, reporting progress (0..1) now and then. It runs to the end: a run's validation is part of the iteration
     * that ends its epoch, which a Stop lets finish (as Chainer's trainer runs an iteration's extensions before it stops).
     */
    public Result evaluate(Network model, DoubleConsumer progress) {
        return evaluate(model, progress, false);
    }

    private Result evaluate(Network model, DoubleConsumer progress, boolean collect) {
        return evaluateInParts(model, progress, collect, parts(model));
    }

    /** How many cores share a pass out. */
    private int parts(Network model) {
        int parts = Math.min(Cores.count(), (dataset.size() + batchSize - 1) / batchSize);
        // a dataset that draws random numbers must be read in order, by one thread: only plain images are shared out
        if (!model.dataParallel() || !(dataset instanceof LabeledImages)) parts = 1;
        return Math.max(1, parts);
    }

    /** Native arrays the passes' workspaces have taken so far (they stop growing once each part has met its batch sizes). */
    long allocations() {
        return workspace.allocations() + (replicas == null ? 0 : replicas.allocations());
    }

    /**
     * Takes now, in each part's workspace, every array that passes over {@code model} will take: one batch of each
     * size a part meets, of zeros, through the part's copy of the network and the tutorial's loss (a run's own loss is
     * its code, called on its data only), results dropped. A run does this before its first step. The training step
     * and the validation share the layers' forward code and {@link Workspace}'s lookup, and the step's compiled code
     * has only ever found its shapes there: met first at the end of epoch 1, the validation's new shapes take a branch
     * that code has never taken, and the JIT throws the step's code away and compiles it again during epoch 2
     * (decision 0008). Prepared, the validation's first pass finds each array, as the warm step does. Reads no example
     * (a dataset may draw random numbers) and changes nothing a pass reads.
     */
    public void prepare(Network model) {
        int parts = parts(model);
        if (parts > 1 && (replicas == null || replicas.main() != model)) replicas = new Replicas(model);
        for (int p = 0; p < parts && parts > 1; p++) replicas.get(p);
        int batches = (dataset.size() + batchSize - 1) / batchSize;
        int d = dataset.featureSize();
        float[] zeros = new float[batchSize * d];
        int[] labels = new int[batchSize];
        Cores.parallel(parts, p -> {
            Network net = parts == 1 ? model : replicas.get(p);
            Workspace space = parts == 1 ? workspace : replicas.workspace(p);
            double[] sums = new double[parts];
            int[] predicted = new int[batchSize];
            try (Graph.Mode ignored = Graph.noBackprop(); Graph.Mode test = Config.testMode()) {
                int done = -1;
                for (int bi = p; bi < batches; bi += parts) {
                    int n = Math.min(batchSize, dataset.size() - bi * batchSize);
                    if (n == done) continue;
                    batch(net, space, LossFunction.SOFTMAX_CROSS_ENTROPY, zeros, labels, n, 0, null, null, predicted, sums, sums, p);
                    done = n;
                }
            }
        });
    }

    /**
     * One batch through {@code net}: its loss and accuracy sums (n times the means) added to part {@code p}'s, its
     * predictions collected or counted when asked.
     */
    private void batch(Network net, Workspace space, LossFunction loss, float[] x, int[] t, int n, int from, int[] predictions,
                       float[] confidences, int[] tallied, double[] lossSums, double[] accSums, int p) {
        try (Workspace.Scope s = space.enter()) {
            Variable y = net.forward(Variable.of(x, net.batchShape(n)));
            lossSums[p] += (double) loss.apply(y, t).item() * n;
            accSums[p] += (double) F.accuracy(y, t).item() * n;
            if (predictions != null) {
                float[] pr = Host.toArray(F.softmax(y).data());
                int m = net.classes();
                for (int i = 0; i < n; i++) {
                    int best = 0;
                    for (int j = 1; j < m; j++) if (pr[i * m + j] > pr[i * m + best]) best = j;
                    predictions[from + i] = best;
                    confidences[from + i] = pr[i * m + best];
                    tallied[from + i] = best;
                }
            } else if (tallied != null) {
                predictInto(tallied, from, y, n, net.classes());
            }
        }
    }

    /** Copies of the network evaluated last, one per core (kept: training evaluates the same network every epoch). */
    private Replicas replicas;
    private ExampleBatch[] partBatches = new ExampleBatch[0];

    /**
     * The batches shared out among {@code parts} cores: part p takes batches p, p + parts, …, each through its own copy
     * of the network (one part: the network itself, batch after batch), and the parts' sums are added in part order (the
     * same bits every time for a given number of parts; counts are exact whatever the order).
     */
    private Result evaluateInParts(Network model, DoubleConsumer progress, boolean collect, int parts) {
        if (parts > 1 && (replicas == null || replicas.main() != model)) replicas = new Replicas(model);
        for (int p = 0; p < parts && parts > 1; p++) replicas.get(p);
        int k = Math.max(model.classes(), dataset.classes());
        boolean tally = tallying || collect;
        if (partBatches.length < parts) {
            partBatches = java.util.Arrays.copyOf(partBatches, parts);
            for (int p = 0; p < parts; p++) if (partBatches[p] == null) partBatches[p] = new ExampleBatch();
        }
        if (tally && tallied.length != dataset.size()) tallied = new int[dataset.size()];
        int[] predictions = collect ? new int[dataset.size()] : null;
        float[] confidences = collect ? new float[dataset.size()] : null;
        double[] lossSums = new double[parts];
        double[] accSums = new double[parts];
        int batches = (dataset.size() + batchSize - 1) / batchSize;
        // the batches every part has done: said after each batch of part 0 (one writer, so the share never goes back);
        // every 16th of part 0's batches left a run's validation of a few batches at 0 % to its end
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        Cores.parallel(parts, p -> {
            Network net = parts == 1 ? model : replicas.get(p);
            Workspace space = parts == 1 ? workspace : replicas.workspace(p);
            ExampleBatch b = partBatches[p];
            int[] indices = new int[batchSize];
            try (Graph.Mode ignored = Graph.noBackprop(); Graph.Mode test = Config.testMode()) {
                for (int bi = p; bi < batches; bi += parts) {
                    int from = bi * batchSize, n = Math.min(batchSize, dataset.size() - from);
                    if (indices.length != n) indices = new int[n];
                    for (int i = 0; i < n; i++) indices[i] = from + i;
                    b.concatExamples(dataset, indices);
                    batch(net, space, lossFunction, b.x(), b.t(), n, from, predictions, confidences, tally ? tallied : null, lossSums, accSums, p);
                    int doneNow = done.incrementAndGet();
                    if (p == 0 && progress != null) progress.accept((double) doneNow / batches);
                }
            }
        });
        double lossSum = 0, accSum = 0;
        for (int p = 0; p < parts; p++) {
            lossSum += lossSums[p];
            accSum += accSums[p];
        }
        // from each example's prediction (copied into the matrix), so the matrix can say which examples a cell counts
        ConfusionMatrix matrix = tally ? ConfusionMatrix.of(dataset, tallied, k) : null;
        int count = dataset.size();
        return new Result(lossSum / count, accSum / count, count, predictions, confidences, matrix);
    }

    /** A batch's predictions, from {@code from} on: the argmax of the logits (softmax keeps the order, so it is the prediction). */
    private static void predictInto(int[] tallied, int from, Variable y, int n, int m) {
        INDArray a = y.data();
        float[] logits = a.isView() || a.ordering() != 'c' ? Host.toArray(a.dup('c')) : Host.read(a, 9);
        for (int i = 0; i < n; i++) {
            int best = 0;
            int o = i * m;
            for (int j = 1; j < m; j++) if (logits[o + j] > logits[o + best]) best = j;
            tallied[from + i] = best;
        }
    }
}
