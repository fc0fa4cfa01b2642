package io.digitstudio.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/** {@code y = x W^T + b}, x flattened to (n, in) as Chainer does: one sgemm and a bias pass forward; two sgemms and a column sum backward. */
final class LinearFunction extends Function {
    private final boolean hasBias;

    LinearFunction(boolean hasBias) {
        this.hasBias = hasBias;
    }

    @Override
    protected INDArray forward(INDArray[] xs) {
        INDArray x = xs[0];
        INDArray w = xs[1];
        int n = (int) x.size(0);
        if (w.rank() != 2 || x.rank() < 2 || x.length() != n * w.size(1)) {
            throw new IllegalArgumentException("linear: x " + Arrays.toString(x.shape()) + " does not fit W " + Arrays.toString(w.shape()));
        }
        INDArray y = Workspace.alloc(n, w.size(0));
        // Chainer's Linear flattens every axis after the first: (n, c, h, w) is read as (n, c*h*w), in C order
        Kernels.matmul(x, n, (int) w.size(1), false, w, (int) w.size(0), (int) w.size(1), true, y);
        if (hasBias) Kernels.addRowVector(y, xs[2]);
        return y;
    }

    @Override
    protected void backward(INDArray[] xs, INDArray y, INDArray gy, INDArray[] gxs) {
        INDArray x = xs[0];
        INDArray w = xs[1];
        int n = (int) x.size(0);
        int out = (int) w.size(0);
        int in = (int) w.size(1);
        if (gxs[0] != null) Kernels.matmul(gy, n, out, false, w, out, in, false, gxs[0]);
        if (gxs[1] != null) Kernels.matmul(gy, n, out, true, x, n, in, false, gxs[1]);
        if (hasBias && gxs[2] != null) Kernels.columnSums(gy, gxs[2]);
    }
}
