package io.digitstudio.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * Chainer's {@code reshape}: the same values in C order under another shape (one axis may be −1, inferred). The
 * arrays here are always contiguous, so this is a copy into a workspace buffer, and backward copies the gradient back.
 */
final class ReshapeFunction extends Function {
    private final long[] shape;

    ReshapeFunction(long[] shape) {
        this.shape = shape.clone();
    }

    static long[] resolve(long[] from, long[] to) {
        long total = 1;
        for (long d : from) total *= d;
        long known = 1;
        int free = -1;
        long[] out = to.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1 && free < 0) {
                free = i;
            } else if (out[i] < 1) {
                throw new IllegalArgumentException("cannot reshape to " + Arrays.toString(to));
            } else {
                known *= out[i];
            }
        }
        if (free >= 0 && known > 0 && total % known == 0) out[free] = total / known;
        long product = 1;
        for (long d : out) product *= d;
        if (product != total) throw new IllegalArgumentException("cannot reshape " + Arrays.toString(from) + " to " + Arrays.toString(to));
        return out;
    }

    @Override
    protected INDArray forward(INDArray[] xs) {
        INDArray y = Workspace.alloc(resolve(xs[0].shape(), shape));
        Host.write(Host.read(xs[0], 0), y);
        return y;
    }

    @Override
    protected void backward(INDArray[] xs, INDArray y, INDArray gy, INDArray[] gxs) {
        if (gxs[0] != null) Host.write(Host.read(gy, 0), gxs[0]);
    }
}
