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

    /**
     * Chainer's {@code convolution_2d}: x (n, c, h, w), W (out, c, kh, kw), b (out) or null; stride and pad apply to
     * both axes. Output (n, out, oh, ow) with oh = (h + 2 pad − kh) / stride + 1.
     */
    public static Variable convolution2d(Variable x, Variable w, Variable b, int stride, int pad) {
        if (stride < 1 || pad < 0) throw new IllegalArgumentException("convolution needs stride >= 1 and pad >= 0");
        return b == null ? new Convolution2DFunction(stride, pad, false).apply(x, w) : new Convolution2DFunction(stride, pad, true).apply(x, w, b);
    }

    /**
     * {@code max_pooling_2d(relu(convolution_2d(x, W, b, stride, pad)), poolK, poolS, poolPad)} as one fused function
     * (either step may be left out: {@code relu} false, {@code poolK} 0), with the same values and gradients as the
     * functions in a row; a network's {@code conv, relu, maxpool} runs this way.
     */
    public static Variable convolution2dBlock(Variable x, Variable w, Variable b, int stride, int pad, boolean relu, int poolK, int poolS, int poolPad) {
        if (stride < 1 || pad < 0 || poolK < 0 || (poolK > 0 && (poolS < 1 || poolPad < 0))) throw new IllegalArgumentException("bad convolution or pooling settings");
        Convolution2DFunction f = new Convolution2DFunction(stride, pad, b != null, relu, poolK, poolS, poolPad);
        return b == null ? f.apply(x, w) : f.apply(x, w, b);
    }

    /** Chainer's {@code max_pooling_2d(x, ksize, stride, pad)} with its default {@code cover_all=True}. */
    public static Variable maxPooling2d(Variable x, int ksize, int stride, int pad) {
        return maxPooling2d(x, ksize, stride, pad, true);
    }

    public static Variable maxPooling2d(Variable x, int ksize, int stride, int pad, boolean coverAll) {
        return new Pooling2DFunction(Pooling2DFunction.Kind.MAX, ksize, stride, pad, coverAll).apply(x);
    }

    /** Chainer's {@code average_pooling_2d(x, ksize, stride, pad)}: zero padding counted in the mean, no cover_all. */
    public static Variable averagePooling2d(Variable x, int ksize, int stride, int pad) {
        return new Pooling2DFunction(Pooling2DFunction.Kind.AVERAGE, ksize, stride, pad, false).apply(x);
    }

    /**
     * Chainer's {@code dropout(x, ratio)}: in training mode ({@link Config#train()}) zeroes each element with
     * probability {@code ratio} and scales the rest by 1 / (1 − ratio); in test mode returns x itself.
     */
    public static Variable dropout(Variable x, double ratio, io.digitstudio.data.Rng rng) {
        if (!(ratio >= 0 && ratio < 1)) throw new IllegalArgumentException("dropout ratio must be in [0, 1), got " + ratio);
        if (!Config.train()) return x;
        return new DropoutFunction(ratio, rng).apply(x);
    }

    /** Chainer's {@code reshape}; one axis may be −1. */
    public static Variable reshape(Variable x, long... shape) {
        return new ReshapeFunction(shape).apply(x);
    }

    /** (n, ...) to (n, rest): what Chainer's Linear does to its input implicitly. */
    public static Variable flatten(Variable x) {
        return reshape(x, x.shape()[0], -1);
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
