package io.digitstudio.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

/** The few array kernels the functions share: BLAS matrix products, and element-wise loops run through {@link Host}. */
final class Kernels {
    private Kernels() {
    }

    /**
     * c = op(a) · op(b), overwriting c: one call straight into the OpenBLAS that ND4J ships. ND4J's own
     * {@code Nd4j.gemm} goes through its custom-op machinery, which costs 10-15 microseconds more per call.
     */
    static void matmul(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c) {
        if (a.rank() != 2 || b.rank() != 2 || c.rank() != 2) throw new IllegalArgumentException("matmul needs 2-d arrays");
        matmul(a, (int) a.size(0), (int) a.size(1), transA, b, (int) b.size(0), (int) b.size(1), transB, c);
    }

    /**
     * c = op(a) · op(b) where each array's memory is read as a row-major matrix of the given rows and columns, whatever
     * its own shape: an (n, c, h, w) input is an (n, c·h·w) matrix, as Chainer's Linear flattens it.
     */
    static void matmul(INDArray a, int ar, int ac, boolean transA, INDArray b, int br, int bc, boolean transB, INDArray c) {
        int m = transA ? ac : ar;
        int k = transA ? ar : ac;
        int kb = transB ? bc : br;
        int n = transB ? br : bc;
        if (k != kb || a.length() != (long) ar * ac || b.length() != (long) br * bc || c.length() != (long) m * n) {
            throw new IllegalArgumentException("matmul shapes do not fit: (" + ar + ", " + ac + ")" + (transA ? "^T" : "")
                    + " x (" + br + ", " + bc + ")" + (transB ? "^T" : "") + " -> " + java.util.Arrays.toString(c.shape()));
        }
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans, m, n, k,
                1f, NativeFloats.pointer(a), ac, NativeFloats.pointer(b), bc, 0f, NativeFloats.pointer(c), n);
    }

    /** dst += src, element-wise. */
    static void addInto(INDArray dst, INDArray src) {
        float[] d = Host.read(dst, 0);
        float[] s = Host.read(src, 1);
        int n = (int) dst.length();
        for (int i = 0; i < n; i++) d[i] += s[i];
        Host.write(d, dst);
    }

    /** Adds row vector {@code b} to every row of {@code y} (shape (n, m)), in place. */
    static void addRowVector(INDArray y, INDArray b) {
        int m = (int) b.length();
        int n = (int) (y.length() / m);
        float[] yv = Host.read(y, 0);
        float[] bv = Host.read(b, 1);
        for (int r = 0, o = 0; r < n; r++, o += m) {
            for (int j = 0; j < m; j++) yv[o + j] += bv[j];
        }
        Host.write(yv, y);
    }

    /** out[j] = sum over rows of g[r, j]. */
    static void columnSums(INDArray g, INDArray out) {
        int m = (int) out.length();
        int n = (int) (g.length() / m);
        float[] gv = Host.read(g, 0);
        float[] s = Host.scratch(1, m);
        java.util.Arrays.fill(s, 0, m, 0f);
        for (int r = 0, o = 0; r < n; r++, o += m) {
            for (int j = 0; j < m; j++) s[j] += gv[o + j];
        }
        Host.write(s, out);
    }
}
