package io.digitstudio.train;

import io.digitstudio.nn.Config;
import io.digitstudio.nn.F;
import io.digitstudio.nn.Graph;
import io.digitstudio.nn.Host;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.Variable;
import io.digitstudio.nn.Workspace;

import java.util.List;
import java.util.function.Consumer;

/**
 * A few inputs the user watches (pinned digits), classified by the training network as it learns: at the start, every
 * {@code every} iterations and as soon as the inputs change, all of them as one small batch. Read-only: the batch runs
 * in test mode without a graph (dropout passes inputs through and draws no random numbers, batch normalization uses
 * its running averages and leaves them as they are), in a workspace of its own, on the training thread between two
 * updates; so a run is bit for bit the same with it or without it. The inputs may be set from any thread.
 */
public final class InputProbe implements Extension {
    /**
     * The class probabilities of {@code inputs} at {@code iteration}: row i is {@code inputs.get(i)}'s, or null when the
     * network takes another size of input.
     */
    public record Outputs(long iteration, double epochDetail, List<float[]> inputs, float[][] probabilities) {
    }

    private final int every;
    private final Consumer<Outputs> sink;
    private volatile List<float[]> inputs = List.of();
    private List<float[]> evaluated;
    private final Workspace workspace = new Workspace();
    private float[] batch = new float[0];
    private float[] out = new float[0];
    private long spentNanos;

    /**
     * @param every iterations between two evaluations (at least 1)
     * @param sink  told of each evaluation on the training thread (keep it quick)
     */
    public InputProbe(int every, Consumer<Outputs> sink) {
        if (every < 1) throw new IllegalArgumentException("evaluate every 1 iteration or more, got " + every);
        this.every = every;
        this.sink = sink;
    }

    /** The inputs to classify from the next iteration on (the list and its arrays are not changed afterwards). */
    public void setInputs(List<float[]> xs) {
        inputs = List.copyOf(xs);
    }

    @Override
    public String name() {
        return "InputProbe";
    }

    @Override
    public Trigger trigger() {
        return Trigger.EVERY_ITERATION;
    }

    @Override
    public void initialize(TrainingLoop loop) {
        List<float[]> xs = inputs;
        if (!xs.isEmpty()) evaluate(loop, xs);
    }

    @Override
    public void call(TrainingLoop loop) {
        List<float[]> xs = inputs;
        if (xs.isEmpty()) return;
        if (xs == evaluated && loop.iteration() % every != 0) return;
        evaluate(loop, xs);
    }

    /** Time spent classifying so far (what the probe costs the run). */
    public double spentSeconds() {
        return spentNanos / 1e9;
    }

    private void evaluate(TrainingLoop loop, List<float[]> xs) {
        long t0 = System.nanoTime();
        evaluated = xs;
        Network net = loop.model();
        int d = net.inputSize();
        int k = net.classes();
        int n = 0;
        for (float[] x : xs) if (x.length == d) n++;
        float[][] probabilities = new float[xs.size()][];
        if (n > 0) {
            if (batch.length < n * d) batch = new float[n * d];
            if (out.length < n * k) out = new float[n * k];
            int row = 0;
            for (float[] x : xs) if (x.length == d) System.arraycopy(x, 0, batch, row++ * d, d);
            try (Graph.Mode g = Graph.noBackprop(); Graph.Mode t = Config.testMode(); Workspace.Scope s = workspace.enter()) {
                Variable p = F.softmax(net.forward(Variable.ofPart(batch, 0, net.batchShape(n))));
                Host.read(p.data(), out);
            }
            row = 0;
            for (int i = 0; i < xs.size(); i++) {
                if (xs.get(i).length != d) continue;
                probabilities[i] = java.util.Arrays.copyOfRange(out, row * k, (row + 1) * k);
                row++;
            }
        }
        sink.accept(new Outputs(loop.iteration(), loop.iterator().epochDetail(), xs, probabilities));
        spentNanos += System.nanoTime() - t0;
    }
}
