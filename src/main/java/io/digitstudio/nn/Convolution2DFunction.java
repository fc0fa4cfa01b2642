package io.digitstudio.nn;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

/**
 * Chainer's {@code convolution_2d} for x (n, c, h, w) and W (out, c, kh, kw), as im2col and a matrix product, one image
 * at a time: image i's columns (c·kh·kw, oh·ow) are in the core's cache when the product reads them and W·col lands
 * directly in image i's (out, oh·ow) block, so nothing is transposed. When a backward pass may follow, each image's
 * columns are written to their own block of a batch-sized buffer, which backward reads for W's gradient (accumulated
 * image by image in the product) instead of rebuilding them; when x needs a gradient, backward multiplies by W^T and
 * adds the columns back (col2im).
 *
 * <p>A network's {@code conv, relu, maxpool} runs as this one function with the ReLU and Chainer's max pooling
 * ({@code cover_all}) applied to each image's block while it is still in cache; it keeps each pooled value's argmax for
 * backward. The result and the gradients are bit for bit those of the three functions in a row (ReLU and max do not
 * round), a tested identity; the feature map before pooling never goes to memory.
 *
 * <p>Why this way (decision record 0001, measured by the test code's {@code ConvBench}): per image, the columns stay in
 * the core's cache and nothing is transposed, where libnd4j's own conv2d ops and one batch-wide im2col send a
 * batch-sized column buffer and its transposes through memory.
 *
 * <p>With two {@link Cores} each takes half the images forward; backward, W's gradient is accumulated on one core while
 * the other computes x's. Every value is computed as on one core, so the bits do not depend on the count.
 */
final class Convolution2DFunction extends Function {
    private final int stride;
    private final int pad;
    private final boolean hasBias;
    private final boolean relu;
    private final int poolK;
    private final int poolS;
    private final int poolPad;
    private int n, c, h, w, out, kh, kw, oh, ow, ph, pw;
    private short[] argmax;
    /** Every image's columns (n, k, p) as forward made them, for W's gradient; null when forward did not keep them. */
    private INDArray columns;

    /**
     * Forward keeps every image's columns for backward when they take at most this many floats (LeNet's second
     * convolution on one core: 4.1 million, 16 MB): rebuilding them (im2col, thousands of short row copies per image,
     * and the copy into native memory) cost more than reading them back. A larger layer rebuilds them, so a wide custom
     * network's training does not hold hundreds of megabytes of columns. Tests lower it to compare both ways.
     */
    static long keepColumnsMax = 8L << 20;

    Convolution2DFunction(int stride, int pad, boolean hasBias) {
        this(stride, pad, hasBias, false, 0, 0, 0);
    }

    /** With {@code relu} and/or max pooling ({@code poolK} > 0) applied to the output, fused. */
    Convolution2DFunction(int stride, int pad, boolean hasBias, boolean relu, int poolK, int poolS, int poolPad) {
        this.stride = stride;
        this.pad = pad;
        this.hasBias = hasBias;
        this.relu = relu;
        this.poolK = poolK;
        this.poolS = poolS;
        this.poolPad = poolPad;
    }

    @Override
    protected INDArray forward(INDArray[] xs) {
        INDArray x = xs[0];
        INDArray wt = xs[1];
        if (x.rank() != 4 || wt.rank() != 4 || x.size(1) != wt.size(1)) {
            throw new IllegalArgumentException("convolution2d: x " + Arrays.toString(x.shape()) + " does not fit W " + Arrays.toString(wt.shape()));
        }
        n = (int) x.size(0);
        c = (int) x.size(1);
        h = (int) x.size(2);
        w = (int) x.size(3);
        out = (int) wt.size(0);
        kh = (int) wt.size(2);
        kw = (int) wt.size(3);
        oh = ConvGeometry.outSize(h, kh, stride, pad, false);
        ow = ConvGeometry.outSize(w, kw, stride, pad, false);
        if (oh < 1 || ow < 1) {
            throw new IllegalArgumentException("convolution2d: a " + kh + "x" + kw + " kernel does not fit a " + h + "x" + w + " input");
        }
        boolean pool = poolK > 0;
        ph = pool ? ConvGeometry.outSize(oh, poolK, poolS, poolPad, true) : oh;
        pw = pool ? ConvGeometry.outSize(ow, poolK, poolS, poolPad, true) : ow;
        if (ph < 1 || pw < 1) throw new IllegalArgumentException("a " + poolK + "x" + poolK + " pooling window does not fit a " + oh + "x" + ow + " input");
        int k = c * kh * kw;
        int p = oh * ow;
        boolean post = relu || pool;
        float[] xv = Host.read(x, 7);
        // a backward pass may follow (the flag is this thread's: read it here, not on the helper)
        columns = Graph.backpropEnabled() && (long) n * k * p <= keepColumnsMax ? Workspace.alloc(n, k, p) : null;
        INDArray y = Workspace.alloc(n, out, ph, pw);
        float[] pooled = pool ? Host.scratch(9, (long) n * out * ph * pw) : null;
        if (pool) argmax = Workspace.shorts(n * out * ph * pw);
        float[] tile = null;
        if (hasBias) { // each image's block starts as the bias, and the product adds onto it (beta = 1)
            float[] bv = Host.read(xs[2], 0);
            tile = Host.scratch(5, (long) out * p);
            for (int o = 0; o < out; o++) Arrays.fill(tile, o * p, (o + 1) * p, bv[o]);
        }
        // each core takes half the images, with its own native buffers (taken here: the helper has no workspace)
        int half = Cores.count() > 1 ? n / 2 : n;
        boolean own = columns == null;
        INDArray[] buffers = {own ? Workspace.alloc(k, p) : null, post ? Workspace.alloc(out, p) : null, own ? Workspace.alloc(k, p) : null, post ? Workspace.alloc(out, p) : null};
        float[] bias = tile;
        INDArray cols = columns;
        Cores.both(() -> forwardImages(0, half, xv, wt, y, buffers[0], cols, buffers[1], bias, pooled),
                () -> forwardImages(half, n, xv, wt, y, buffers[2], cols, buffers[3], bias, pooled));
        if (pool) Host.write(pooled, y);
        // the pointers do not own the memory: outside a workspace nothing else keeps these arrays from being freed
        java.lang.ref.Reference.reachabilityFence(buffers);
        return y;
    }

    /**
     * Images {@code from} to {@code to}: im2col, one product each, then the fused ReLU and pooling. Any thread. Each
     * image's columns go to its block of {@code cols} when backward will read them there, else to {@code col}.
     */
    private void forwardImages(int from, int to, float[] xv, INDArray wt, INDArray y, INDArray col, INDArray cols, INDArray blockArray, float[] tile, float[] pooled) {
        int k = c * kh * kw;
        int p = oh * ow;
        boolean post = relu || poolK > 0;
        float[] cv = Host.scratch(6, (long) k * p);
        float[] block = post ? Host.scratch(8, (long) out * p) : null;
        FloatPointer colsP = cols == null ? null : NativeFloats.pointer(cols);
        FloatPointer ownP = cols == null ? NativeFloats.pointer(col) : null;
        FloatPointer wP = NativeFloats.pointer(wt);
        FloatPointer yP = NativeFloats.pointer(y);
        FloatPointer blockP = post ? NativeFloats.pointer(blockArray) : null;
        for (int i = from; i < to; i++) {
            im2col(xv, i, cv);
            FloatPointer colP = cols == null ? ownP : at(colsP, (long) i * k * p);
            colP.put(cv, 0, k * p);
            FloatPointer target = post ? blockP : at(yP, (long) i * out * p);
            if (hasBias) target.put(tile, 0, out * p);
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, out, p, k, 1f, wP, k, colP, p, hasBias ? 1f : 0f, target, p);
            if (!post) continue;
            blockP.get(block, 0, out * p);
            // Math.max compiles to vector max instructions; a ternary here costs a mispredicted branch per element
            if (relu) for (int j = 0, e = out * p; j < e; j++) block[j] = Math.max(block[j], 0f);
            if (poolK > 0) {
                maxPool(block, i, pooled);
            } else {
                NativeFloats.write(block, 0, y, i * out * p, out * p);
            }
        }
        java.lang.ref.Reference.reachabilityFence(y);
        java.lang.ref.Reference.reachabilityFence(cols);
    }

    /**
     * Chainer's max pooling of image i's block (cover_all, −∞ padding): the first maximum of each window in row-major
     * order, its window index kept for backward (−1 where the gradient is zero: an all-padding window, or after a ReLU
     * whose maximum is 0, since ReLU passes no gradient at 0).
     */
    private void maxPool(float[] block, int i, float[] pooled) {
        if (relu && poolK == 2 && poolS == 2 && poolPad == 0 && oh % 2 == 0 && ow % 2 == 0) {
            maxPool2x2(block, i, pooled);
            return;
        }
        int o2 = i * out * ph * pw;
        for (int o = 0; o < out; o++) {
            int base = o * oh * ow;
            for (int py = 0; py < ph; py++) {
                int y0 = py * poolS - poolPad;
                int ya = Math.max(y0, 0), yb = Math.min(y0 + poolK, oh);
                for (int px = 0; px < pw; px++, o2++) {
                    int x0 = px * poolS - poolPad;
                    int xa = Math.max(x0, 0), xb = Math.min(x0 + poolK, ow);
                    if (relu && poolK == 2 && ya == y0 && yb == y0 + 2 && xa == x0 && xb == x0 + 2) {
                        window2x2(block, base + y0 * ow + x0, pooled, o2);
                        continue;
                    }
                    float m = Float.NEGATIVE_INFINITY;
                    int best = -1;
                    for (int iy = ya; iy < yb; iy++) {
                        for (int ix = xa; ix < xb; ix++) {
                            float v = block[base + iy * ow + ix];
                            if (best < 0 || v > m) {
                                m = v;
                                best = (iy - y0) * poolK + (ix - x0);
                            }
                        }
                    }
                    pooled[o2] = m;
                    argmax[o2] = (short) (relu && !(m > 0f) ? -1 : best);
                }
            }
        }
    }

    /**
     * Max pooling 2x2 with stride 2 after a ReLU on a map of even height and width: every window lies inside the map,
     * so the loop runs window after window without computing and testing each window's bounds (a quarter off the
     * first convolution's pooling, timed alone).
     */
    private void maxPool2x2(float[] block, int i, float[] pooled) {
        int o2 = i * out * ph * pw;
        for (int o = 0; o < out; o++) {
            for (int py = 0; py < ph; py++) {
                int at = o * oh * ow + 2 * py * ow;
                for (int px = 0; px < pw; px++, o2++, at += 2) window2x2(block, at, pooled, o2);
            }
        }
    }

    /**
     * The 2x2 window at {@code at} after a ReLU, without branches (on real data they mispredict half the time). The sign
     * bit of a − b is 1 exactly when b > a (float subtraction is 0 only for equal values, and a ReLU leaves no −0), so
     * ties keep the first maximum in row-major order, as numpy's argmax does.
     */
    private void window2x2(float[] block, int at, float[] pooled, int o2) {
        float a = block[at], b = block[at + 1], c2 = block[at + ow], d = block[at + ow + 1];
        int s1 = Float.floatToRawIntBits(a - b) >>> 31;
        int s2 = Float.floatToRawIntBits(c2 - d) >>> 31;
        float m1 = Math.max(a, b), m2 = Math.max(c2, d);
        int s3 = Float.floatToRawIntBits(m1 - m2) >>> 31;
        int best = s1 + s3 * (2 + s2 - s1);
        float mm = Math.max(m1, m2);
        int dead = (Float.floatToRawIntBits(mm) - 1) >>> 31; // the maximum is 0: no gradient
        pooled[o2] = mm;
        argmax[o2] = (short) (best - dead * (best + 1));
    }

    /** A pointer {@code offset} floats into {@code base}'s memory (a new object: the base's position is left alone). */
    private static FloatPointer at(FloatPointer base, long offset) {
        return new FloatPointer(base).position(base.position() + offset);
    }

    /** Image i's columns: cv[(ci·kh + ki)·kw + kj][oy·ow + ox] = x[i][ci][oy·s + ki − pad][ox·s + kj − pad], zero outside. */
    private void im2col(float[] x, int i, float[] cv) {
        int o = 0;
        for (int ci = 0; ci < c; ci++) {
            int plane = (i * c + ci) * h * w;
            for (int ki = 0; ki < kh; ki++) {
                for (int kj = 0; kj < kw; kj++) {
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * stride + ki - pad;
                        if (iy < 0 || iy >= h) {
                            Arrays.fill(cv, o, o + ow, 0f);
                            o += ow;
                            continue;
                        }
                        int rowBase = plane + iy * w;
                        if (stride == 1 && kj - pad >= 0 && ow - 1 + kj - pad < w) {
                            copyRow(x, rowBase + kj - pad, cv, o, ow);
                            o += ow;
                            continue;
                        }
                        for (int ox = 0; ox < ow; ox++) {
                            int ix = ox * stride + kj - pad;
                            cv[o++] = ix >= 0 && ix < w ? x[rowBase + ix] : 0f;
                        }
                    }
                }
            }
        }
    }

    @Override
    protected void backward(INDArray[] xs, INDArray y, INDArray gy, INDArray[] gxs) {
        int k = c * kh * kw;
        int p = oh * ow;
        INDArray cols = columns;
        columns = null;
        float[] xv = cols == null ? Host.read(xs[0], 7) : null; // kept columns need no input to rebuild them from
        float[] g = Host.read(gy, 5);
        float[] yv = relu && poolK == 0 ? Host.read(y, 3) : null;
        boolean wantB = hasBias && gxs[2] != null;
        double[] sums = wantB ? SUMS.get() : null;
        if (wantB && sums.length < n * out) SUMS.set(sums = new double[n * out]);
        double[] imageSums = sums;
        // 1. every image's output gradient, through the fused pooling and ReLU, into one (n, out, oh*ow) array
        INDArray blocks = Workspace.alloc(n, out, p);
        int half = Cores.count() > 1 ? n / 2 : n;
        Cores.both(() -> outputGradients(0, half, g, yv, blocks, imageSums), () -> outputGradients(half, n, g, yv, blocks, imageSums));
        if (wantB) { // summed image by image in order, as one core would
            double[] gb = new double[out];
            for (int i = 0; i < n; i++) for (int o = 0; o < out; o++) gb[o] += imageSums[i * out + o];
            float[] b = Host.scratch(0, out);
            for (int o = 0; o < out; o++) b[o] = (float) gb[o];
            Host.write(b, gxs[2]);
        }
        // 2. W's gradient (image by image, in order) on this core, x's on the other
        INDArray colW = cols == null ? Workspace.alloc(k, p) : null;
        INDArray colX = Workspace.alloc(k, p);
        float[] gx = gxs[0] == null ? null : Host.scratch(9, (long) n * c * h * w);
        if (gx != null) Arrays.fill(gx, 0, n * c * h * w, 0f);
        INDArray wt = xs[1];
        INDArray gw = gxs[1];
        Cores.both(() -> {
            if (gw != null) weightGradient(xv, blocks, colW, cols, gw);
        }, () -> {
            if (gx != null) inputGradient(wt, blocks, colX, gx);
        });
        if (gx != null) Host.write(gx, gxs[0]);
        java.lang.ref.Reference.reachabilityFence(blocks);
        java.lang.ref.Reference.reachabilityFence(colW);
        java.lang.ref.Reference.reachabilityFence(colX);
        java.lang.ref.Reference.reachabilityFence(cols);
    }

    /** Per-thread sums of each image's output gradient per channel, for the bias gradient. */
    private static final ThreadLocal<double[]> SUMS = ThreadLocal.withInitial(() -> new double[0]);

    /** Images {@code from} to {@code to}: the gradient of the convolution's output, and its per-channel sums. */
    private void outputGradients(int from, int to, float[] g, float[] yv, INDArray blocks, double[] sums) {
        int p = oh * ow;
        float[] block = Host.scratch(8, (long) out * p + 1);
        int[] offsets = new int[Math.max(poolK * poolK, 1)]; // window index -> offset from the window's corner
        for (int a = 0; a < poolK * poolK; a++) offsets[a] = (a / poolK) * ow + a % poolK;
        for (int i = from; i < to; i++) {
            if (poolK > 0) {
                // each pooled gradient goes to its window's argmax; a dead one (−1) to a spare cell past the block,
                // so the loop has no unpredictable branch
                Arrays.fill(block, 0, out * p + 1, 0f);
                int o2 = i * out * ph * pw;
                int spare = out * p;
                for (int o = 0; o < out; o++) {
                    int base = o * p;
                    for (int py = 0; py < ph; py++) {
                        int rowStart = base + (py * poolS - poolPad) * ow - poolPad;
                        for (int px = 0; px < pw; px++, o2++) {
                            int a = argmax[o2];
                            int at = a < 0 ? spare : rowStart + px * poolS + offsets[a];
                            block[at] += a < 0 ? 0f : g[o2];
                        }
                    }
                }
            } else {
                System.arraycopy(g, i * out * p, block, 0, out * p);
                if (relu) for (int j = 0, o = i * out * p, e = out * p; j < e; j++) if (!(yv[o + j] > 0f)) block[j] = 0f;
            }
            if (sums != null) channelSums(block, out, p, sums, i * out);
            NativeFloats.write(block, 0, blocks, i * out * p, out * p);
        }
        java.lang.ref.Reference.reachabilityFence(blocks);
    }

    /**
     * gW = sum over images of block_i · col_i^T, accumulated in image order in the product itself, from the columns
     * forward kept ({@code cols}) or, without them, rebuilt image by image into {@code col}.
     */
    private void weightGradient(float[] xv, INDArray blocks, INDArray col, INDArray cols, INDArray gw) {
        int k = c * kh * kw;
        int p = oh * ow;
        float[] cv = cols == null ? Host.scratch(6, (long) k * p) : null;
        FloatPointer colsP = cols == null ? null : NativeFloats.pointer(cols);
        FloatPointer ownP = cols == null ? NativeFloats.pointer(col) : null;
        FloatPointer blocksP = NativeFloats.pointer(blocks);
        FloatPointer gwP = NativeFloats.pointer(gw);
        for (int i = 0; i < n; i++) {
            FloatPointer colP;
            if (cols == null) {
                colP = ownP;
                im2col(xv, i, cv);
                colP.put(cv, 0, k * p);
            } else {
                colP = at(colsP, (long) i * k * p);
            }
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, out, k, p, 1f, at(blocksP, (long) i * out * p), p, colP, p, i == 0 ? 0f : 1f, gwP, k);
        }
        java.lang.ref.Reference.reachabilityFence(col);
        java.lang.ref.Reference.reachabilityFence(cols);
        java.lang.ref.Reference.reachabilityFence(blocks);
    }

    /** gx_i = col2im(W^T · block_i), image by image. */
    private void inputGradient(INDArray wt, INDArray blocks, INDArray col, float[] gx) {
        int k = c * kh * kw;
        int p = oh * ow;
        float[] cv = Host.scratch(6, (long) k * p);
        FloatPointer colP = NativeFloats.pointer(col);
        FloatPointer blocksP = NativeFloats.pointer(blocks);
        FloatPointer wP = NativeFloats.pointer(wt);
        for (int i = 0; i < n; i++) {
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, k, p, out, 1f, wP, k, at(blocksP, (long) i * out * p), p, 0f, colP, p);
            colP.get(cv, 0, k * p);
            col2im(cv, i, gx);
        }
        java.lang.ref.Reference.reachabilityFence(col);
        java.lang.ref.Reference.reachabilityFence(blocks);
    }

    /** sums[at + o] = the sum of channel o's p values, in four independent chains (one running sum waits on every add). */
    private static void channelSums(float[] block, int out, int p, double[] sums, int at) {
        for (int o = 0; o < out; o++) {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int j = o * p, e = j + p;
            for (; j + 3 < e; j += 4) {
                s0 += block[j];
                s1 += block[j + 1];
                s2 += block[j + 2];
                s3 += block[j + 3];
            }
            for (; j < e; j++) s0 += block[j];
            sums[at + o] = (s0 + s1) + (s2 + s3);
        }
    }

    /**
     * A row of columns copied with System.arraycopy. A row of 8 floats (LeNet's second convolution, 4,000 rows per
     * image) is copied with a constant length: the compiler then moves the 8 floats itself instead of calling its
     * copying stub, which costs more than the copy (im2col of that layer in half the time, timed alone). Longer rows
     * are copied faster by the stub than in pieces of 8.
     */
    private static void copyRow(float[] src, int from, float[] dst, int to, int n) {
        if (n == 8) System.arraycopy(src, from, dst, to, 8);
        else System.arraycopy(src, from, dst, to, n);
    }

    /**
     * dst[to + j] += src[from + j] for j < n. A row of a convolution's columns is short (8 floats for LeNet's second
     * layer, added back 4,000 times per image), too short for the compiler's vector loop, which then runs element by
     * element. A row of 8 goes through a loop of constant length, which the compiler unrolls whole (col2im a third
     * faster than four at a time, timed alone); other rows go four at a time (about a fifth off col2im against one at a
     * time: perf, against the sgemm kernel's samples). The sums keep their order.
     */
    private static void addRow(float[] src, int from, float[] dst, int to, int n) {
        if (n == 8) {
            for (int j = 0; j < 8; j++) dst[to + j] += src[from + j];
            return;
        }
        int j = 0;
        for (; j + 3 < n; j += 4) {
            dst[to + j] += src[from + j];
            dst[to + j + 1] += src[from + j + 1];
            dst[to + j + 2] += src[from + j + 2];
            dst[to + j + 3] += src[from + j + 3];
        }
        for (; j < n; j++) dst[to + j] += src[from + j];
    }

    /** The adjoint of {@link #im2col}: every column entry is added back to the input pixel it was read from. */
    private void col2im(float[] cv, int i, float[] gx) {
        int o = 0;
        for (int ci = 0; ci < c; ci++) {
            int plane = (i * c + ci) * h * w;
            for (int ki = 0; ki < kh; ki++) {
                for (int kj = 0; kj < kw; kj++) {
                    for (int oy = 0; oy < oh; oy++, o += ow) {
                        int iy = oy * stride + ki - pad;
                        if (iy < 0 || iy >= h) continue;
                        int rowBase = plane + iy * w;
                        if (stride == 1 && kj - pad >= 0 && ow - 1 + kj - pad < w) {
                            addRow(cv, o, gx, rowBase + kj - pad, ow);
                            continue;
                        }
                        for (int ox = 0; ox < ow; ox++) {
                            int ix = ox * stride + kj - pad;
                            if (ix >= 0 && ix < w) gx[rowBase + ix] += cv[o + ox];
                        }
                    }
                }
            }
        }
    }
}
