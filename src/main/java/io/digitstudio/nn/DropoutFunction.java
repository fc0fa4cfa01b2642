package io.digitstudio.nn;

import io.digitstudio.data.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Chainer's {@code dropout} in training mode: each element is kept with probability 1 − ratio and scaled by
 * 1 / (1 − ratio), so the expected value is unchanged; the mask is kept for backward. The random numbers come from
 * the caller's seeded generator, so runs repeat and resume exactly.
 */
final class DropoutFunction extends Function {
    private final float ratio;
    private final Rng rng;
    private INDArray mask;

    DropoutFunction(double ratio, Rng rng) {
        if (!(ratio >= 0 && ratio < 1)) throw new IllegalArgumentException("dropout ratio must be in [0, 1), got " + ratio);
        this.ratio = (float) ratio;
        this.rng = rng;
    }

    @Override
    protected INDArray forward(INDArray[] xs) {
        INDArray x = xs[0];
        int len = (int) x.length();
        float scale = 1f / (1f - ratio);
        float[] m = Host.scratch(0, len);
        for (int i = 0; i < len; i++) m[i] = rng.nextDouble() >= ratio ? scale : 0f;
        mask = Workspace.alloc(x.shape());
        Host.write(m, mask);
        float[] v = Host.read(x, 1);
        for (int i = 0; i < len; i++) v[i] *= m[i];
        INDArray y = Workspace.alloc(x.shape());
        Host.write(v, y);
        return y;
    }

    @Override
    protected void backward(INDArray[] xs, INDArray y, INDArray gy, INDArray[] gxs) {
        if (gxs[0] == null) return;
        int len = (int) gy.length();
        float[] g = Host.read(gy, 0);
        float[] m = Host.read(mask, 1);
        for (int i = 0; i < len; i++) g[i] *= m[i];
        Host.write(g, gxs[0]);
    }
}
