package io.digitstudio.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * Chainer's {@code max_pooling_2d} and {@code average_pooling_2d} over x (n, c, h, w) with a square window.
 * Max pooling pads with −∞ and covers the whole input by default ({@code cover_all=True}); its gradient goes to the
 * first maximum of each window in row-major order (numpy's argmax over Chainer's columns), found again in backward
 * from x so nothing is stored. Average pooling has no cover_all (as in Chainer), pads with zeros and divides by
 * the window's full area.
 */
final class Pooling2DFunction extends Function {
    enum Kind { MAX, AVERAGE }

    private final Kind kind;
    private final int k;
    private final int stride;
    private final int pad;
    private final boolean coverAll;

    Pooling2DFunction(Kind kind, int k, int stride, int pad, boolean coverAll) {
        if (k < 1 || stride < 1 || pad < 0) throw new IllegalArgumentException("pooling needs ksize, stride >= 1 and pad >= 0");
        if (kind == Kind.AVERAGE && coverAll) throw new IllegalArgumentException("average pooling does not support cover_all (as in Chainer)");
        this.kind = kind;
        this.k = k;
        this.stride = stride;
        this.pad = pad;
        this.coverAll = coverAll;
    }

    @Override
    protected INDArray forward(INDArray[] xs) {
        INDArray x = xs[0];
        if (x.rank() != 4) throw new IllegalArgumentException("pooling needs (n, c, h, w) input, got " + Arrays.toString(x.shape()));
        int planes = (int) (x.size(0) * x.size(1));
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        int oh = ConvGeometry.outSize(h, k, stride, pad, coverAll);
        int ow = ConvGeometry.outSize(w, k, stride, pad, coverAll);
        if (oh < 1 || ow < 1) throw new IllegalArgumentException("a " + k + "x" + k + " pooling window does not fit a " + h + "x" + w + " input");
        float[] xv = Host.read(x, 0);
        float[] yv = Host.scratch(1, (long) planes * oh * ow);
        float area = k * k;
        int o = 0;
        for (int pl = 0; pl < planes; pl++) {
            int base = pl * h * w;
            for (int oy = 0; oy < oh; oy++) {
                int y0 = oy * stride - pad;
                int ya = Math.max(y0, 0), yb = Math.min(y0 + k, h);
                for (int ox = 0; ox < ow; ox++) {
                    int x0 = ox * stride - pad;
                    int xa = Math.max(x0, 0), xb = Math.min(x0 + k, w);
                    if (kind == Kind.MAX) {
                        float m = Float.NEGATIVE_INFINITY;
                        for (int iy = ya; iy < yb; iy++) for (int ix = xa; ix < xb; ix++) m = Math.max(m, xv[base + iy * w + ix]);
                        yv[o++] = m;
                    } else {
                        float s = 0f;
                        for (int iy = ya; iy < yb; iy++) for (int ix = xa; ix < xb; ix++) s += xv[base + iy * w + ix];
                        yv[o++] = s / area;
                    }
                }
            }
        }
        INDArray y = Workspace.alloc(x.size(0), x.size(1), oh, ow);
        Host.write(yv, y);
        return y;
    }

    @Override
    protected void backward(INDArray[] xs, INDArray y, INDArray gy, INDArray[] gxs) {
        if (gxs[0] == null) return;
        INDArray x = xs[0];
        int planes = (int) (x.size(0) * x.size(1));
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        int oh = (int) y.size(2);
        int ow = (int) y.size(3);
        float[] xv = Host.read(x, 0);
        float[] g = Host.read(gy, 1);
        float[] gx = Host.scratch(2, (long) planes * h * w);
        Arrays.fill(gx, 0, planes * h * w, 0f);
        float area = k * k;
        int o = 0;
        for (int pl = 0; pl < planes; pl++) {
            int base = pl * h * w;
            for (int oy = 0; oy < oh; oy++) {
                int y0 = oy * stride - pad;
                int ya = Math.max(y0, 0), yb = Math.min(y0 + k, h);
                for (int ox = 0; ox < ow; ox++, o++) {
                    int x0 = ox * stride - pad;
                    int xa = Math.max(x0, 0), xb = Math.min(x0 + k, w);
                    if (kind == Kind.MAX) {
                        int best = -1;
                        float m = Float.NEGATIVE_INFINITY;
                        for (int iy = ya; iy < yb; iy++) {
                            for (int ix = xa; ix < xb; ix++) {
                                int at = base + iy * w + ix;
                                if (best < 0 || xv[at] > m) {
                                    m = xv[at];
                                    best = at;
                                }
                            }
                        }
                        if (best >= 0) gx[best] += g[o];
                    } else {
                        float share = g[o] / area;
                        for (int iy = ya; iy < yb; iy++) for (int ix = xa; ix < xb; ix++) gx[base + iy * w + ix] += share;
                    }
                }
            }
        }
        Host.write(gx, gxs[0]);
    }
}
