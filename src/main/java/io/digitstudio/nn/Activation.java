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
                for (int i = 0; i < n; i++) v[i] = v[i] > 0f ? v[i] : 0f;
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
                for (int i = 0; i < n; i++) g[i] = yv[i] > 0f ? g[i] : 0f;
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
