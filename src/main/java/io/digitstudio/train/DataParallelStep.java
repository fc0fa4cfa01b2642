package io.digitstudio.train;

import io.digitstudio.data.Dataset;
import io.digitstudio.data.ExampleBatch;
import io.digitstudio.nn.Cores;
import io.digitstudio.nn.F;
import io.digitstudio.nn.NativeFloats;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.Parameter;
import io.digitstudio.nn.Replicas;
import io.digitstudio.nn.Variable;
import io.digitstudio.nn.Workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * The forward and backward passes of one training step, split across the cores: each core takes a contiguous part of
 * the batch through its copy of the network (its own workspace, activations and gradients), and the gradients are then
 * combined, each weighted by its part's share of the batch, always in part order, so the result is the same bits
 * every time for a given number of parts, and equals the one-core gradient up to float rounding. The combination runs
 * inside the optimizer's update ({@link #gradients()}), range by range on the cores that update those ranges, and
 * leaves the combined gradient in the network's own parameters, as after {@code loss.backward()}.
 */
final class DataParallelStep {
    /** Fewer examples than this per core cost more in coordination than they save. */
    static final int MIN_PART = 16;

    private final Replicas replicas;
    private final List<List<Parameter>> params = new ArrayList<>();
    private float[] losses = new float[0];
    private float[] accuracies = new float[0];
    private int[][] labels = new int[0][];
    private float[][] reads = new float[0][];
    private final double[] weights = new double[64];
    private float loss;
    private float accuracy;

    private final LossFunction lossFunction;

    DataParallelStep(Network model) {
        this(model, LossFunction.SOFTMAX_CROSS_ENTROPY);
    }

    DataParallelStep(Network model, LossFunction lossFunction) {
        this.replicas = new Replicas(model);
        this.lossFunction = lossFunction;
    }

    /** How many parts a batch of {@code n} splits into with the cores in use (1: train as before, on one core). */
    static int parts(int n) {
        return Replicas.parts(n, MIN_PART);
    }

    /** Native arrays the parts' workspaces have allocated (stops growing once every part is warm). */
    long allocations() {
        return replicas.allocations();
    }

    /** Mean loss of the last step (over the examples with a label, as the one-core loss). */
    float loss() {
        return loss;
    }

    /** Accuracy of the last step, over all its examples. */
    float accuracy() {
        return accuracy;
    }

    /**
     * Runs forward and backward for {@code batch} in {@code parts} parts; the optimizer's update then combines the
     * gradients ({@link #gradients()}).
     */
    void run(ExampleBatch batch, int parts) {
        run(null, null, batch.x(), batch.t(), batch.size(), batch.featureSize(), parts);
    }

    /**
     * The same for the examples at {@code indices} of {@code data}, each part copying its own examples in (a dataset
     * that draws no random numbers can be read by several threads at once).
     */
    void run(Dataset data, int[] indices, int parts) {
        int n = indices.length, d = data.featureSize();
        if (ownX.length < n * d) ownX = new float[n * d];
        if (ownT.length < n) ownT = new int[n];
        run(data, indices, ownX, ownT, n, d, parts);
    }

    private float[] ownX = new float[0];
    private int[] ownT = new int[0];

    private void run(Dataset data, int[] indices, float[] x, int[] labels, int n, int d, int parts) {
        prepare(parts);
        Network main = replicas.main();
        Cores.parallel(parts, w -> {
            int from = w * n / parts, to = (w + 1) * n / parts;
            int m = to - from;
            if (data != null) read(data, indices, from, to, x, labels, d);
            Network net = replicas.get(w);
            if (this.labels[w].length < m) this.labels[w] = new int[m];
            int[] t = this.labels[w];
            System.arraycopy(labels, from, t, 0, m);
            try (Workspace.Scope s = replicas.workspace(w).enter()) {
                Variable y = net.forward(Variable.ofPart(x, from * d, main.batchShape(m)));
                Variable l = lossFunction.apply(y, t); // reads the first m labels
                losses[w] = l.item();
                accuracies[w] = F.accuracy(y, t).item();
                net.cleargrads();
                l.backward();
            }
        });
        // each part's mean is over its labelled examples: weight it by their share, as one mean over the batch would
        int labelled = 0;
        for (int i = 0; i < n; i++) if (labels[i] >= 0) labelled++;
        double lossSum = 0, accSum = 0;
        for (int w = 0; w < parts; w++) {
            int from = w * n / parts, to = (w + 1) * n / parts;
            int mine = 0;
            for (int i = from; i < to; i++) if (labels[i] >= 0) mine++;
            weights[w] = labelled == 0 ? (double) (to - from) / n : (double) mine / labelled;
            if (mine > 0 || labelled == 0) lossSum += weights[w] * losses[w];
            accSum += (double) (to - from) / n * accuracies[w];
        }
        loss = labelled == 0 ? Float.NaN : (float) lossSum;
        accuracy = (float) accSum;
        this.parts = parts;
    }

    private int parts;

    /**
     * Copies examples {@code from} … {@code to - 1} of the batch in.
     */
    private static void read(Dataset data, int[] indices, int from, int to, float[] x, int[] labels, int d) {
        data.copyFeatures(indices, from, to, x, from * d);
        for (int i = from; i < to; i++) labels[i] = data.label(indices[i]);
    }

    /**
     * The combined gradient, range by range, for {@link io.digitstudio.optim.Optimizer#update(io.digitstudio.optim.Optimizer.GradientRange)}:
     * grad = Σ weight_w · grad_w over the parts in order, handed straight to the update rule that uses it and written
     * into the network's own gradient too, on the core that updates that range (each element's sum has the same order
     * whoever computes it).
     */
    io.digitstudio.optim.Optimizer.GradientRange gradients() {
        return combiner;
    }

    private final io.digitstudio.optim.Optimizer.GradientRange combiner = this::fill;

    private void fill(Parameter p, int from, int to, int core, float[] into) {
        Integer j = index.get(p);
        if (j == null) throw new IllegalStateException(p.name() + " is not a parameter of the trained network");
        int m = to - from;
        float[] read = reads[core];
        for (int w = 0; w < parts; w++) {
            NativeFloats.read(params.get(w).get(j).grad(), from, read, 0, m);
            float k = (float) weights[w];
            if (w == 0) for (int i = 0; i < m; i++) into[from + i] = k * read[i];
            else for (int i = 0; i < m; i++) into[from + i] += k * read[i];
        }
        NativeFloats.write(into, from, p.grad(), from, m);
    }

    private final java.util.IdentityHashMap<Parameter, Integer> index = new java.util.IdentityHashMap<>();

    /** Copies, parameter lists and buffers for {@code parts} parts (made once; later steps reuse them). */
    private void prepare(int parts) {
        if (parts > weights.length) throw new IllegalArgumentException("at most " + weights.length + " parts, got " + parts);
        while (params.size() < parts) params.add(replicas.get(params.size()).params());
        if (index.isEmpty()) for (int j = 0; j < params.get(0).size(); j++) index.put(params.get(0).get(j), j);
        int buffers = Math.max(parts, Cores.count()); // the optimizer's cores fill ranges with these
        if (losses.length < parts) {
            losses = new float[parts];
            accuracies = new float[parts];
        }
        int biggest = 0;
        for (Parameter p : params.get(0)) biggest = Math.max(biggest, p.size());
        if (labels.length < buffers) {
            labels = java.util.Arrays.copyOf(labels, buffers);
            reads = java.util.Arrays.copyOf(reads, buffers);
        }
        for (int w = 0; w < buffers; w++) {
            if (labels[w] == null) labels[w] = new int[0];
            if (reads[w] == null || reads[w].length < biggest) reads[w] = new float[biggest];
        }
    }
}
