package io.digitstudio.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Softmax over axis 1, computed stably (max subtracted first). */
final class Softmax extends Function {
    @Override
    protected INDArray forward(INDArray[] xs) {
        INDArray x = xs[0];
        int n = (int) x.size(0);
        int k = (int) x.size(1);
        float[] v = Host.read(x, 0);
        for (int r = 0; r < n; r++) softmaxRow(v, r * k, k);
        INDArray y = Workspace.alloc(x.shape());
        Host.write(v, y);
        return y;
    }

    /** In place: v[o..o+k) becomes its softmax. */
    static void softmaxRow(float[] v, int o, int k) {
        float max = v[o];
        for (int j = 1; j < k; j++) max = Math.max(max, v[o + j]);
        double sum = 0;
        for (int j = 0; j < k; j++) sum += Math.exp(v[o + j] - max);
        for (int j = 0; j < k; j++) v[o + j] = (float) (Math.exp(v[o + j] - max) / sum);
    }

    @Override
    protected void backward(INDArray[] xs, INDArray y, INDArray gy, INDArray[] gxs) {
        int n = (int) y.size(0);
        int k = (int) y.size(1);
        float[] yv = Host.read(y, 0);
        float[] g = Host.read(gy, 1);
        for (int r = 0; r < n; r++) {
            int o = r * k;
            double dot = 0;
            for (int j = 0; j < k; j++) dot += (double) yv[o + j] * g[o + j];
            for (int j = 0; j < k; j++) g[o + j] = (float) (yv[o + j] * (g[o + j] - dot));
        }
        Host.write(g, gxs[0]);
    }
}
