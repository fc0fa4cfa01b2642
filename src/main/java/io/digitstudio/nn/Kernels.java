package io.digitstudio.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The few array kernels the functions share: BLAS matrix products, and element-wise loops run through {@link Host}. */
final class Kernels {
    private Kernels() {
    }

    /** c = op(a) · op(b), overwriting c (one BLAS sgemm). */
    static void matmul(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c) {
        Nd4j.gemm(a, b, c, transA, transB, 1.0, 0.0);
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
