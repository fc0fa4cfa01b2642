package io.digitstudio.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One NumPy array held as little-endian bytes in C order, with accessors that convert to the Java arrays this project
 * uses. A shape of length 0 is a 0-d (scalar) array.
 */
public record NpyArray(DType dtype, long[] shape, byte[] data) {
    public NpyArray {
        long n = count(shape);
        if (n * dtype.size() != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + dtype + " needs " + n * dtype.size() + " bytes, got " + data.length);
        }
    }

    static long count(long[] shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }

    public long count() {
        return count(shape);
    }

    public String shapeString() {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) sb.append(i == 0 ? "" : ", ").append(shape[i]);
        return sb.append(")").toString();
    }

    private ByteBuffer buffer() {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    public static NpyArray ofFloats(float[] values, long... shape) {
        return new NpyArray(DType.FLOAT32, shape, FloatBytes.littleEndian(values)); // a run's snapshots write these
    }

    public static NpyArray ofDoubles(double[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(values);
        return new NpyArray(DType.FLOAT64, shape, b.array());
    }

    public static NpyArray ofInts(int[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        return new NpyArray(DType.INT32, shape, b.array());
    }

    public static NpyArray ofLongs(long[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return new NpyArray(DType.INT64, shape, b.array());
    }

    /**
     * Text as a 1-d uint8 array of its UTF-8 bytes: {@code numpy.load(allow_pickle=False)} reads it
     * ({@code bytes(a).decode()}), and no pickled object is needed.
     */
    public static NpyArray ofText(String text) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new NpyArray(DType.UINT8, new long[]{b.length}, b);
    }

    /** The text an {@link #ofText} array holds. */
    public String toText() {
        if (dtype != DType.UINT8 && dtype != DType.INT8) throw new IllegalArgumentException("not a text entry (dtype " + dtype.descr() + ")");
        return new String(data, java.nio.charset.StandardCharsets.UTF_8);
    }

    public static NpyArray scalar(double value) {
        return ofDoubles(new double[]{value});
    }

    public static NpyArray scalar(long value) {
        return ofLongs(new long[]{value});
    }

    /** The values as float32 (float64 and integers are converted). */
    public float[] toFloats() {
        int n = (int) count();
        float[] out = new float[n];
        ByteBuffer b = buffer();
        switch (dtype) {
            case FLOAT32 -> {
                FloatBytes.read(b, out, 0, n);
            }
            default -> {
                double[] d = toDoubles();
                for (int i = 0; i < n; i++) out[i] = (float) d[i];
            }
        }
        return out;
    }

    public double[] toDoubles() {
        int n = (int) count();
        double[] out = new double[n];
        ByteBuffer b = buffer();
        for (int i = 0; i < n; i++) {
            out[i] = switch (dtype) {
                case FLOAT32 -> b.getFloat(i * 4);
                case FLOAT64 -> b.getDouble(i * 8);
                case INT8 -> b.get(i);
                case UINT8, BOOL -> b.get(i) & 0xff;
                case INT16 -> b.getShort(i * 2);
                case INT32 -> b.getInt(i * 4);
                case INT64 -> b.getLong(i * 8);
            };
        }
        return out;
    }

    public long[] toLongs() {
        int n = (int) count();
        long[] out = new long[n];
        ByteBuffer b = buffer();
        for (int i = 0; i < n; i++) {
            out[i] = switch (dtype) {
                case INT8 -> b.get(i);
                case UINT8, BOOL -> b.get(i) & 0xff;
                case INT16 -> b.getShort(i * 2);
                case INT32 -> b.getInt(i * 4);
                case INT64 -> b.getLong(i * 8);
                case FLOAT32, FLOAT64 -> throw new FormatException("expected an integer array, found " + dtype.descr());
            };
        }
        return out;
    }

    public int[] toInts() {
        long[] l = toLongs();
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            if (l[i] != (int) l[i]) throw new FormatException("value " + l[i] + " does not fit in an int");
            out[i] = (int) l[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && a.dtype == dtype && Arrays.equals(a.shape, shape) && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray(" + dtype.descr() + ", " + shapeString() + ")";
    }
}
