package io.digitstudio.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/** {@code y = x W^T + b}: one sgemm and a bias pass forward; two sgemms and a column sum backward. */
final class LinearFunction extends Function {
    private final boolean hasBias;

    LinearFunction(boolean hasBias) {
        this.hasBias = hasBias;
    }

    @Override
    protected INDArray forward(INDArray[] xs) {
        INDArray x = xs[0];
        INDArray w = xs[1];
        if (x.rank() != 2 || w.rank() != 2 || x.size(1) != w.size(1)) {
            throw new IllegalArgumentException("linear: x " + Arrays.toString(x.shape()) + " does not fit W " + Arrays.toString(w.shape()));
        }
        INDArray y = Workspace.alloc(x.size(0), w.size(0));
        Kernels.matmul(x, false, w, true, y);
        if (hasBias) Kernels.addRowVector(y, xs[2]);
        return y;
    }

    @Override
    protected void backward(INDArray[] xs, INDArray y, INDArray gy, INDArray[] gxs) {
        if (gxs[0] != null) Kernels.matmul(gy, false, xs[1], false, gxs[0]);
        if (gxs[1] != null) Kernels.matmul(gy, true, xs[0], false, gxs[1]);
        if (hasBias && gxs[2] != null) Kernels.columnSums(gy, gxs[2]);
    }
}
