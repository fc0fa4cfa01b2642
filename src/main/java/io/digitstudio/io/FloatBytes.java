package io.digitstudio.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * float32 values to and from bytes one at a time, never through a byte buffer's {@code asFloatBuffer()} view: a heap
 * or read-only buffer's view is a FloatBuffer class of its own, and its loading while a run trains throws away the
 * training code's compiled copies of NativeFloats' bulk copies, which C2 makes on the premise that the direct buffer
 * is the only FloatBuffer class loaded (decision 0008). The bytes are the same as the view's.
 */
public final class FloatBytes {
    private FloatBytes() {
    }

    /** The values as little-endian float32 bytes. */
    public static byte[] littleEndian(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; i++) b.putFloat(i * 4, values[i]);
        return b.array();
    }

    /** Reads {@code n} floats from the buffer's position on, in its byte order, into {@code dst} from {@code at}. */
    public static void read(ByteBuffer b, float[] dst, int at, int n) {
        if (b.remaining() < n * 4L) throw new java.nio.BufferUnderflowException();
        for (int i = 0; i < n; i++) dst[at + i] = b.getFloat();
    }
}
