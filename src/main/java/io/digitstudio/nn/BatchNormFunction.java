package io.digitstudio.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Chainer's {@code batch_normalization} (batch statistics, biased variance) or, given running statistics,
 * {@code fixed_batch_normalization}: {@code y = gamma (x − mean) / sqrt(var + eps) + beta} per channel (axis 1).
 * Backward, with batch statistics: {@code gx = gamma / std · (gy − mean(gy) − x̂ · mean(gy · x̂))}; with fixed ones the
 * statistics are constants, so {@code gx = gamma / std · gy}.
 */
final class BatchNormFunction extends Function {
    private final double eps;
    private final float[] fixedMean;
    private final float[] fixedVar;
    private double[] mean;
    private double[] invStd;
    private float[] batchMean;
    private float[] batchVar;

    BatchNormFunction(double eps, float[] fixedMean, float[] fixedVar) {
        this.eps = eps;
        this.fixedMean = fixedMean;
        this.fixedVar = fixedVar;
    }

    float[] batchMean() {
        return batchMean;
    }

    float[] batchVar() {
        return batchVar;
    }

    @Override
    protected INDArray forward(INDArray[] xs) {
        INDArray x = xs[0];
        int n = (int) x.size(0);
        int c = (int) x.size(1);
        int inner = (int) (x.length() / ((long) n * c));
        float[] v = Host.read(x, 0);
        float[] g = Host.toArray(xs[1]);
        float[] b = Host.toArray(xs[2]);
        mean = new double[c];
        invStd = new double[c];
        if (fixedMean == null) {
            batchMean = new float[c];
            batchVar = new float[c];
            long m = (long) n * inner;
            for (int ch = 0; ch < c; ch++) {
                double s = 0;
                for (int i = 0; i < n; i++) for (int j = 0, o = (i * c + ch) * inner; j < inner; j++) s += v[o + j];
                double mu = s / m;
                double q = 0;
                for (int i = 0; i < n; i++) for (int j = 0, o = (i * c + ch) * inner; j < inner; j++) {
                    double d = v[o + j] - mu;
                    q += d * d;
                }
                double var = q / m;
                mean[ch] = mu;
                invStd[ch] = 1.0 / Math.sqrt(var + eps);
                batchMean[ch] = (float) mu;
                batchVar[ch] = (float) var;
            }
        } else {
            for (int ch = 0; ch < c; ch++) {
                mean[ch] = fixedMean[ch];
                invStd[ch] = 1.0 / Math.sqrt(fixedVar[ch] + eps);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                double scale = g[ch] * invStd[ch];
                double shift = b[ch] - mean[ch] * scale;
                for (int j = 0, o = (i * c + ch) * inner; j < inner; j++) v[o + j] = (float) (v[o + j] * scale + shift);
            }
        }
        INDArray y = Workspace.alloc(x.shape());
        Host.write(v, y);
        return y;
    }

    @Override
    protected void backward(INDArray[] xs, INDArray y, INDArray gy, INDArray[] gxs) {
        INDArray x = xs[0];
        int n = (int) x.size(0);
        int c = (int) x.size(1);
        int inner = (int) (x.length() / ((long) n * c));
        long m = (long) n * inner;
        float[] xv = Host.read(x, 0);
        float[] g = Host.read(gy, 1);
        float[] gamma = Host.toArray(xs[1]);
        double[] sumG = new double[c];
        double[] sumGX = new double[c];
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                double mu = mean[ch], is = invStd[ch], a = 0, bsum = 0;
                for (int j = 0, o = (i * c + ch) * inner; j < inner; j++) {
                    a += g[o + j];
                    bsum += g[o + j] * (xv[o + j] - mu) * is;
                }
                sumG[ch] += a;
                sumGX[ch] += bsum;
            }
        }
        if (gxs[1] != null) {
            float[] out = new float[c];
            for (int ch = 0; ch < c; ch++) out[ch] = (float) sumGX[ch];
            Host.write(out, gxs[1]);
        }
        if (gxs[2] != null) {
            float[] out = new float[c];
            for (int ch = 0; ch < c; ch++) out[ch] = (float) sumG[ch];
            Host.write(out, gxs[2]);
        }
        if (gxs[0] != null) {
            float[] gx = Host.scratch(2, (long) n * c * inner);
            boolean fixed = fixedMean != null;
            for (int i = 0; i < n; i++) {
                for (int ch = 0; ch < c; ch++) {
                    double is = invStd[ch], scale = gamma[ch] * is, mu = mean[ch];
                    double mg = sumG[ch] / m, mgx = sumGX[ch] / m;
                    for (int j = 0, o = (i * c + ch) * inner; j < inner; j++) {
                        gx[o + j] = fixed ? (float) (scale * g[o + j])
                                : (float) (scale * (g[o + j] - mg - (xv[o + j] - mu) * is * mgx));
                    }
                }
            }
            Host.write(gx, gxs[0]);
        }
    }
}
