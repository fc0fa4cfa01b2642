package io.digitstudio.nn;

/**
 * Classifies inputs with a model: forward in test mode (dropout off) without a graph, then softmax. Holds its own workspace, so repeated
 * predictions (a user drawing) allocate no native memory; calls are serialised, so one predictor may be shared.
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
        try (Graph.Mode g = Graph.noBackprop(); Graph.Mode t = Config.testMode(); Workspace.Scope s = workspace.enter()) {
            float[] p = Host.toArray(F.softmax(model.forward(Variable.of(flat, model.batchShape(n)))).data());
            int k = model.classes();
            for (int i = 0; i < n; i++) {
                float[] probs = java.util.Arrays.copyOfRange(p, i * k, (i + 1) * k);
                int best = F.argmax(probs, 0, k);
                out[i] = new Prediction(best, probs[best], probs);
            }
        }
        return out;
    }
}
