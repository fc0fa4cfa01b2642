package io.digitstudio.train;

import io.digitstudio.data.Dataset;
import io.digitstudio.data.ExampleBatch;
import io.digitstudio.nn.Host;
import io.digitstudio.nn.Inspector;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.Parameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Training health, as DL4J's UI shows it: every {@code every} iterations, for each parameter the mean and standard
 * deviation of its values, its gradient and its last update, and the update:parameter ratio (mean |update| over mean
 * |value|, whose log10 is about -3 in a healthy run); and, on a fixed probe batch, the share of each ReLU step's units
 * that never fire. Read-only: the probe runs in test mode and draws no random numbers, so a run is the same with it or
 * without it. Only attached while someone looks; between samples it costs one comparison per iteration, and on the
 * iteration before a sample one copy of the parameters.
 */
public final class LayerStats implements Extension {
    /** One parameter's figures at a sample. */
    public record ParamStats(String name, double mean, double std, double gradMean, double gradStd, double updateMean, double updateStd,
                             double ratio) {
        /** log10 of the update:parameter ratio (-inf when nothing moved). */
        public double log10Ratio() {
            return Math.log10(ratio);
        }
    }

    /** All parameters' figures at one iteration, and each ReLU step's share of units that never fired on the probe. */
    public record Sample(long iteration, double epochDetail, List<ParamStats> params, Map<String, Double> dead) {
    }

    private final int every;
    private final Consumer<Sample> sink;
    private final Dataset probe;
    private final Map<String, float[]> before = new LinkedHashMap<>();
    private final Map<String, float[]> now = new LinkedHashMap<>();
    private final Map<String, float[]> grads = new LinkedHashMap<>();
    private Map<String, Double> lastDead = Map.of();
    private int samples;
    /** The dead-unit check (a forward pass of the probe) runs at every this many samples. */
    static final int DEAD_EVERY = 4;
    /**
     * Iterations between samples as the app takes them: about 9 an epoch of the tutorial, enough for the chart, and a
     * small share of the MLP's training time ({@code bench --health on} prints it).
     */
    public static final int DEFAULT_EVERY = 50;
    private long copiedAt = -1;
    private volatile boolean enabled = true;

    /**
     * @param every  iterations between samples (at least 2: the update is the difference from the iteration before)
     * @param sink   told of each sample on the training thread (keep it quick)
     * @param probe  examples for the dead-unit check (the first 64, every {@value #DEAD_EVERY} samples), or null for none
     */
    public LayerStats(int every, Consumer<Sample> sink, Dataset probe) {
        if (every < 2) throw new IllegalArgumentException("sample every 2 iterations or more, got " + every);
        this.every = every;
        this.sink = sink;
        this.probe = probe;
    }

    @Override
    public String name() {
        return "LayerStats";
    }

    @Override
    public Trigger trigger() {
        return Trigger.EVERY_ITERATION;
    }

    /** Turns sampling on or off during a run (off: one read of a flag per iteration). */
    public void setEnabled(boolean on) {
        enabled = on;
    }

    private long spentNanos;

    /** Time spent sampling so far (what the statistics cost the run). */
    public double spentSeconds() {
        return spentNanos / 1e9;
    }

    @Override
    public void call(TrainingLoop loop) {
        if (!enabled) return;
        long it = loop.iteration();
        boolean copy = (it + 1) % every == 0;
        boolean sample = !copy && it % every == 0 && copiedAt == it - 1;
        if (!copy && !sample) return;
        long t0 = System.nanoTime();
        work(loop, it, copy);
        spentNanos += System.nanoTime() - t0;
    }

    private void work(TrainingLoop loop, long it, boolean copy) {
        if (copy) {
            // the values before the next update, to tell what that update changed
            for (Map.Entry<String, Parameter> e : loop.model().namedParams().entrySet()) {
                float[] dst = before.computeIfAbsent(e.getKey(), k -> new float[e.getValue().size()]);
                if (dst.length == e.getValue().size()) Host.read(e.getValue().data(), dst);
            }
            copiedAt = it;
        } else {
            sink.accept(sample(loop, it));
        }
    }

    private Sample sample(TrainingLoop loop, long it) {
        List<ParamStats> stats = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : loop.model().namedParams().entrySet()) {
            Parameter p = e.getValue();
            float[] prev = before.get(e.getKey());
            // buffers kept from sample to sample: sampling allocates only its small records
            float[] v = Host.read(p.data(), now.computeIfAbsent(e.getKey(), k -> new float[p.size()]));
            float[] g = grads.computeIfAbsent(e.getKey(), k -> new float[p.size()]);
            if (p.grad() == null) java.util.Arrays.fill(g, 0);
            else Host.read(p.grad(), g);
            stats.add(of(e.getKey(), v, g, prev));
        }
        if (probe != null && samples++ % DEAD_EVERY == 0) lastDead = dead(loop.model(), probe);
        return new Sample(it, loop.iterator().epochDetail(), stats, lastDead);
    }

    /** The figures of one parameter from its values, gradient and values before the last update. */
    public static ParamStats of(String name, float[] now, float[] grad, float[] before) {
        double[] v = meanStd(now, null);
        double[] g = meanStd(grad, null);
        double[] u = meanStd(now, before);
        double absValue = 0;
        double absUpdate = 0;
        for (int i = 0; i < now.length; i++) {
            absValue += Math.abs(now[i]);
            absUpdate += Math.abs((double) now[i] - before[i]);
        }
        return new ParamStats(name, v[0], v[1], g[0], g[1], u[0], u[1], absValue == 0 ? Double.NaN : absUpdate / absValue);
    }

    /** Mean and (population) standard deviation of {@code a}, or of {@code a - b} when b is given. */
    static double[] meanStd(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += b == null ? a[i] : (double) a[i] - b[i];
        double mean = sum / a.length;
        double sq = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (b == null ? a[i] : (double) a[i] - b[i]) - mean;
            sq += d * d;
        }
        return new double[]{mean, Math.sqrt(sq / a.length)};
    }

    /** For each ReLU step, the share of its units that are zero for every probe example. */
    public static Map<String, Double> dead(Network net, Dataset probe) {
        int n = Math.min(64, probe.size());
        ExampleBatch b = new ExampleBatch();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        b.concatExamples(probe, idx);
        Map<String, boolean[]> fired = new LinkedHashMap<>();
        for (Inspector.Activation a : Inspector.activations(net, b.x(), n)) {
            if (!a.relu()) continue;
            int units = a.values().length / n;
            boolean[] f = fired.computeIfAbsent(a.name(), k -> new boolean[units]);
            for (int i = 0; i < n; i++) for (int j = 0; j < units; j++) f[j] |= a.values()[i * units + j] > 0;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        fired.forEach((name, f) -> {
            int deadUnits = 0;
            for (boolean x : f) if (!x) deadUnits++;
            out.put(name, (double) deadUnits / f.length);
        });
        return out;
    }
}
