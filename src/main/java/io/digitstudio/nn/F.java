package io.digitstudio.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The functions, as Chainer's {@code chainer.functions} (imported as F in the tutorial). */
public final class F {
    private F() {
    }

    /** {@code x W^T + b} for x (n, in), W (out, in), b (out) or null. */
    public static Variable linear(Variable x, Variable w, Variable b) {
        return b == null ? new LinearFunction(false).apply(x, w) : new LinearFunction(true).apply(x, w, b);
    }

    public static Variable relu(Variable x) {
        return new Activation(Activation.Kind.RELU).apply(x);
    }

    public static Variable sigmoid(Variable x) {
        return new Activation(Activation.Kind.SIGMOID).apply(x);
    }

    public static Variable tanh(Variable x) {
        return new Activation(Activation.Kind.TANH).apply(x);
    }

    /** Softmax over axis 1 of a (n, classes) array. */
    public static Variable softmax(Variable x) {
        return new Softmax().apply(x);
    }

    /**
     * Mean softmax cross entropy of logits x (n, classes) against integer labels t; labels equal to -1 are ignored
     * and the mean is over the others, as in Chainer's default.
     */
    public static Variable softmaxCrossEntropy(Variable x, int[] t) {
        return new SoftmaxCrossEntropy(t).apply(x);
    }

    /** Fraction of rows whose arg-max equals the label (ties go to the first index, as numpy's argmax); no gradient. */
    public static Variable accuracy(Variable y, int[] t) {
        long[] shape = y.shape();
        int n = (int) shape[0];
        int k = (int) shape[1];
        if (t.length < n) throw new IllegalArgumentException(t.length + " labels for " + n + " rows");
        float[] v = Host.read(y.data(), 2);
        int correct = 0;
        int counted = 0;
        for (int r = 0; r < n; r++) {
            if (t[r] == SoftmaxCrossEntropy.IGNORE) continue;
            counted++;
            if (argmax(v, r * k, k) == t[r]) correct++;
        }
        INDArray out = Workspace.alloc();
        out.data().put(0, counted == 0 ? 0f : (float) correct / counted);
        return new Variable(out);
    }

    /** The index of the largest value in each row of a (n, classes) array. */
    public static int[] argmax(Variable y) {
        long[] shape = y.shape();
        int n = (int) shape[0];
        int k = (int) shape[1];
        float[] v = Host.read(y.data(), 2);
        int[] out = new int[n];
        for (int r = 0; r < n; r++) out[r] = argmax(v, r * k, k);
        return out;
    }

    /** Index (0..k-1) of the largest of v[offset..offset+k); the first one on ties, like numpy. */
    static int argmax(float[] v, int offset, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) if (v[offset + j] > v[offset + best]) best = j;
        return best;
    }
}
