package io.digitstudio.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Element-wise activations whose derivative is a function of the output alone (so only y is kept). */
final class Activation extends Function {
    enum Kind { RELU, SIGMOID, TANH }

    private final Kind kind;

    Activation(Kind kind) {
        this.kind = kind;
    }

    @Override
    protected INDArray forward(INDArray[] xs) {
        INDArray x = xs[0];
        INDArray y = Workspace.alloc(x.shape());
        float[] v = Host.read(x, 0);
        int n = (int) x.length();
        switch (kind) {
            case RELU -> {
                // Math.max compiles to a vector max, with no branch to mispredict on half the units; it also keeps
                // NaN, as numpy.maximum does in Chainer's relu
                for (int i = 0; i < n; i++) v[i] = Math.max(v[i], 0f);
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) v[i] = (float) (1.0 / (1.0 + Math.exp(-v[i])));
            }
            case TANH -> {
                for (int i = 0; i < n; i++) v[i] = (float) Math.tanh(v[i]);
            }
        }
        Host.write(v, y);
        return y;
    }

    @Override
    protected void backward(INDArray[] xs, INDArray y, INDArray gy, INDArray[] gxs) {
        float[] g = Host.read(gy, 0);
        float[] yv = Host.read(y, 1);
        int n = (int) y.length();
        switch (kind) {
            case RELU -> {
                // Chainer's gy * (y > 0) without a branch, so that it vectorises: y is 0 or positive (a positive float,
                // even the smallest subnormal, times 2^254 is at least 2^105), so the factor is exactly 0 or 1
                for (int i = 0; i < n; i++) g[i] = g[i] * Math.min(yv[i] * 0x1p127f * 0x1p127f, 1f);
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) g[i] = g[i] * yv[i] * (1f - yv[i]);
            }
            case TANH -> {
                for (int i = 0; i < n; i++) g[i] = g[i] * (1f - yv[i] * yv[i]);
            }
        }
        Host.write(g, gxs[0]);
    }
}
