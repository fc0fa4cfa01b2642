package io.digitstudio.nn;

/**
 * Classifies inputs with a model: forward in test mode (dropout off) without a graph, then softmax. Holds its own workspace, so repeated
 * predictions (a user drawing) allocate no native memory; calls are serialised, so one predictor may be shared. Many
 * inputs at once (a gallery, a folder) are shared out among the cores, each part through its own copy of the model.
 */
public final class Predictor {
    private final Network model;
    private final Workspace workspace = new Workspace();

    public Predictor(Network model) {
        this.model = model;
    }

    public Network model() {
        return model;
    }

    public Prediction predict(float[] x) {
        return predict(new float[][]{x})[0];
    }

    public synchronized Prediction[] predict(float[][] xs) {
        int d = model.inputSize();
        int n = xs.length;
        float[] flat = new float[n * d];
        for (int i = 0; i < n; i++) {
            if (xs[i].length != d) throw new IllegalArgumentException("the model takes " + d + " values, got " + xs[i].length);
            System.arraycopy(xs[i], 0, flat, i * d, d);
        }
        Prediction[] out = new Prediction[n];
        int parts = model.dataParallel() ? Replicas.parts(n, MIN_PART) : 1;
        if (parts == 1) {
            try (Graph.Mode g = Graph.noBackprop(); Graph.Mode t = Config.testMode(); Workspace.Scope s = workspace.enter()) {
                classify(model, flat, 0, n, out);
            }
            return out;
        }
        if (replicas == null) replicas = new Replicas(model);
        for (int i = 0; i < parts; i++) replicas.get(i);
        Cores.parallel(parts, part -> {
            try (Graph.Mode g = Graph.noBackprop(); Graph.Mode t = Config.testMode(); Workspace.Scope s = replicas.workspace(part).enter()) {
                classify(replicas.get(part), flat, part * n / parts, (part + 1) * n / parts, out);
            }
        });
        return out;
    }

    /** Fewer inputs than this per core are classified faster on one. */
    static final int MIN_PART = 32;
    private Replicas replicas;

    /** Rows {@code from} to {@code to} of {@code flat} through {@code net}, into {@code out}. */
    private static void classify(Network net, float[] flat, int from, int to, Prediction[] out) {
        int n = to - from;
        float[] p = Host.toArray(F.softmax(net.forward(Variable.ofPart(flat, from * net.inputSize(), net.batchShape(n)))).data());
        int k = net.classes();
        for (int i = 0; i < n; i++) {
            float[] probs = java.util.Arrays.copyOfRange(p, i * k, (i + 1) * k);
            int best = F.argmax(probs, 0, k);
            out[from + i] = new Prediction(best, probs[best], probs);
        }
    }
}
