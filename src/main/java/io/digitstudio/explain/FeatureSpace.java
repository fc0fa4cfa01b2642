package io.digitstudio.explain;

import io.digitstudio.nn.Config;
import io.digitstudio.nn.Graph;
import io.digitstudio.nn.Host;
import io.digitstudio.nn.Linear;
import io.digitstudio.nn.Link;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.Variable;
import io.digitstudio.nn.Workspace;

import java.util.List;
import java.util.Map;

/**
 * The network's own view of an input: what its last linear layer reads (the output of the step before it). Two
 * digits close here are close in what decides the answer, which pixels alone do not say. A network whose only linear
 * layer is its first reads pixels, and then its feature space is the input itself.
 */
public final class FeatureSpace {
    private final Network net;
    /** The step whose output is the feature vector; -1 for the input. */
    private final int step;
    private final String layer;
    private final int size;
    private final Workspace workspace = new Workspace();

    private FeatureSpace(Network net, int step, String layer, int size) {
        this.net = net;
        this.step = step;
        this.layer = layer;
        this.size = size;
    }

    /** The feature space of {@code net}; fails when the network ends in no linear layer. */
    public static FeatureSpace of(Network net) {
        String last = null;
        for (Map.Entry<String, Link> e : net.children().entrySet()) if (e.getValue() instanceof Linear) last = e.getKey();
        if (last == null) throw new IllegalArgumentException("the network has no linear layer to read features from");
        List<String> names = net.stepNames();
        int at = -1;
        for (int i = 0; i < names.size(); i++) if (names.get(i).split(" · ")[0].equals(last)) at = i;
        if (at < 0) throw new IllegalArgumentException("no step of the network runs its layer " + last);
        int step = at - 1;
        FeatureSpace probe = new FeatureSpace(net, step, last, -1);
        int size = probe.features(new float[net.inputSize()], 1).length;
        return new FeatureSpace(net, step, last, size);
    }

    /**
     * The feature space of a copy of {@code net} (its own buffers, the same weights): a background thread builds an
     * index through it while the original keeps answering drawings.
     */
    public static FeatureSpace ofCopy(Network net) {
        Network copy = new Network(net.spec(), net.inputShape(), net.classes(), new io.digitstudio.data.Rng(0));
        Map<String, io.digitstudio.nn.Parameter> mine = net.namedParams();
        for (Map.Entry<String, io.digitstudio.nn.Parameter> e : copy.namedParams().entrySet()) {
            e.getValue().copyFrom(Host.toArray(mine.get(e.getKey()).data()));
        }
        Map<String, io.digitstudio.nn.Persistent> persistents = net.namedPersistents();
        for (Map.Entry<String, io.digitstudio.nn.Persistent> e : copy.namedPersistents().entrySet()) {
            io.digitstudio.nn.Persistent from = persistents.get(e.getKey());
            if (from.isScalar()) e.getValue().setScalar(from.scalar());
            else e.getValue().copyFrom(from.values());
        }
        return of(copy);
    }

    public Network network() {
        return net;
    }

    /** Values per example. */
    public int size() {
        return size;
    }

    /** The layer whose input the features are ("l3", "fc4"). */
    public String layer() {
        return layer;
    }

    /** E.g. "what fc4 reads (500 values)". */
    public String describe() {
        return "what " + layer + " reads (" + size + " values)";
    }

    /** The features of {@code n} inputs held one after the other in {@code inputs}: n rows of {@link #size()} values. */
    public synchronized float[] features(float[] inputs, int n) {
        if (inputs.length != n * net.inputSize()) throw new IllegalArgumentException(n + " inputs of " + net.inputSize() + " values, got " + inputs.length);
        if (step < 0) return inputs.clone();
        float[][] out = new float[1][];
        try (Workspace.Scope s = workspace.enter(); Graph.Mode nb = Graph.noBackprop(); Graph.Mode test = Config.testMode()) {
            net.forward(Variable.of(inputs, net.batchShape(n)), (i, name, v) -> {
                if (i == step) out[0] = Host.toArray(v.data());
            });
        }
        return out[0];
    }

    /** One input's features. */
    public float[] features(float[] input) {
        return features(input, 1);
    }
}
