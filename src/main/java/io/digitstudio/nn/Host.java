package io.digitstudio.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Moves float32 arrays between ND4J's native memory and Java arrays in one bulk copy each way. Element-wise kernels
 * run on the Java side: for a few thousand floats a compiled Java loop is done before a native op's call overhead
 * alone is paid (decision record 0001).
 */
public final class Host {
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[10][0]);

    private Host() {
    }

    /** A reusable per-thread array of at least {@code n} floats; slots 0-9 are independent. */
    public static float[] scratch(int slot, long n) {
        float[][] s = SCRATCH.get();
        if (s[slot].length < n) s[slot] = new float[(int) n];
        return s[slot];
    }

    /** Copies the whole array into {@code dst} (which must hold {@code a.length()} floats) and returns it. */
    public static float[] read(INDArray a, float[] dst) {
        NativeFloats.read(a, 0, dst, 0, (int) a.length());
        return dst;
    }

    /** Copies the array into scratch slot {@code slot}. */
    public static float[] read(INDArray a, int slot) {
        return read(a, scratch(slot, a.length()));
    }

    public static void write(float[] src, INDArray a) {
        NativeFloats.write(src, 0, a, 0, (int) a.length());
    }

    public static float[] toArray(INDArray a) {
        return read(a, new float[(int) a.length()]);
    }
}
