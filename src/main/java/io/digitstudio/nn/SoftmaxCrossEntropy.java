package io.digitstudio.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mean cross entropy of softmax(x) against integer labels, fused: forward keeps the probabilities so that backward is
 * {@code (softmax(x) - onehot(t)) * gloss / count}. Labels stay on the Java side.
 */
final class SoftmaxCrossEntropy extends Function {
    static final int IGNORE = -1;

    private final int[] t;
    private float[] probabilities;
    private int counted;

    SoftmaxCrossEntropy(int[] t) {
        this.t = t;
    }

    @Override
    protected INDArray forward(INDArray[] xs) {
        INDArray x = xs[0];
        if (x.rank() != 2) throw new IllegalArgumentException("softmaxCrossEntropy needs (n, classes) logits");
        int n = (int) x.size(0);
        int k = (int) x.size(1);
        if (t.length < n) throw new IllegalArgumentException(t.length + " labels for " + n + " rows");
        float[] v = Host.read(x, Workspace.floats(n * k)); // kept for backward, reused next iteration
        double total = 0;
        counted = 0;
        for (int r = 0; r < n; r++) {
            int o = r * k;
            float max = v[o];
            for (int j = 1; j < k; j++) max = Math.max(max, v[o + j]);
            int label = t[r];
            if (label != IGNORE && (label < 0 || label >= k)) throw new IllegalArgumentException("label " + label + " out of range 0.." + (k - 1));
            float logit = label == IGNORE ? 0f : v[o + label];
            double sum = 0;
            for (int j = 0; j < k; j++) { // one exp per element, kept for the probabilities
                float e = (float) Math.exp(v[o + j] - max);
                v[o + j] = e;
                sum += e;
            }
            if (label != IGNORE) {
                total -= logit - max - Math.log(sum); // log-softmax form: no underflow for unlikely labels
                counted++;
            }
            float inv = (float) (1.0 / sum);
            for (int j = 0; j < k; j++) v[o + j] *= inv;
        }
        probabilities = v;
        INDArray loss = Workspace.alloc();
        loss.data().put(0, counted == 0 ? 0f : (float) (total / counted));
        return loss;
    }

    @Override
    protected void backward(INDArray[] xs, INDArray y, INDArray gy, INDArray[] gxs) {
        if (gxs[0] == null) return;
        INDArray x = xs[0];
        int n = (int) x.size(0);
        int k = (int) x.size(1);
        float scale = counted == 0 ? 0f : gy.getFloat(0) / counted;
        float[] g = Host.scratch(4, (long) n * k);
        for (int r = 0; r < n; r++) {
            int o = r * k;
            if (t[r] == IGNORE) {
                java.util.Arrays.fill(g, o, o + k, 0f);
                continue;
            }
            for (int j = 0; j < k; j++) g[o + j] = probabilities[o + j] * scale;
            g[o + t[r]] -= scale;
        }
        Host.write(g, gxs[0]);
    }
}
