package io.digitstudio.io;

import io.digitstudio.serial.Serializer;

import java.util.Map;

/**
 * Reads an object's state back from NPZ entries under a key prefix (Chainer's {@code NpzDeserializer}); a missing or
 * misshapen entry is a {@link FormatException} that names the file and the key.
 */
public final class NpzDeserializer implements Serializer {
    private final Map<String, NpyArray> source;
    private final String prefix;
    private final String file;

    /** Reads {@code prefix + key} from {@code source}; {@code file} names it in messages. */
    public NpzDeserializer(Map<String, NpyArray> source, String prefix, String file) {
        this.source = source;
        this.prefix = prefix;
        this.file = file;
    }

    @Override
    public Serializer child(String name) {
        return new NpzDeserializer(source, prefix + name + "/", file);
    }

    @Override
    public boolean isReader() {
        return true;
    }

    @Override
    public boolean contains(String key) {
        return source.containsKey(prefix + key);
    }

    private NpyArray get(String key) {
        NpyArray v = source.get(prefix + key);
        if (v == null) throw new FormatException(file + ": missing key '" + prefix + key + "'");
        return v;
    }

    private NpyArray scalar(String key) {
        NpyArray v = get(key);
        if (v.count() != 1) throw new FormatException(file + ": '" + prefix + key + "' should hold one value, has shape " + v.shapeString());
        return v;
    }

    @Override
    public long value(String key, long value) {
        NpyArray v = scalar(key);
        return v.dtype().isFloat() ? (long) v.toDoubles()[0] : v.toLongs()[0];
    }

    @Override
    public double value(String key, double value) {
        return scalar(key).toDoubles()[0];
    }

    @Override
    public boolean value(String key, boolean value) {
        return value(key, 0L) != 0;
    }

    @Override
    public float[] floats(String key, float[] values) {
        float[] read = get(key).toFloats();
        if (read.length != values.length) {
            throw new FormatException(file + ": '" + prefix + key + "' holds " + read.length + " values, expected " + values.length);
        }
        System.arraycopy(read, 0, values, 0, read.length);
        return values;
    }

    @Override
    public float[] floats(String key, float[] values, long[] shape) {
        NpyArray a = get(key);
        boolean flat = a.shape().length == 1 && a.count() == values.length;
        if (!flat && !java.util.Arrays.equals(a.shape(), shape)) {
            throw new FormatException(file + ": " + prefix + key + " has shape " + a.shapeString() + " but its network needs " + Npy.shapeString(shape));
        }
        if (a.dtype() != DType.FLOAT32 && a.dtype() != DType.FLOAT64) {
            throw new FormatException(file + ": " + prefix + key + " has dtype " + a.dtype().descr() + ", expected float32 (<f4)");
        }
        return floats(key, values);
    }

    @Override
    public String text(String key, String value) {
        NpyArray a = get(key);
        if (a.dtype() != DType.UINT8 || a.shape().length != 1) throw new FormatException(file + ": '" + prefix + key + "' is not text");
        return a.toText();
    }

    @Override
    public double[] doubles(String key, double[] values) {
        NpyArray v = source.get(prefix + key);
        return v == null ? null : v.toDoubles();
    }

    @Override
    public long[] longs(String key, long[] values) {
        NpyArray v = source.get(prefix + key);
        if (v == null) return null;
        if (v.dtype().isFloat()) throw new FormatException(file + ": '" + prefix + key + "' should hold integers, has " + v.dtype().descr());
        return v.toLongs();
    }

    @Override
    public java.util.List<String> keys() {
        java.util.List<String> k = new java.util.ArrayList<>();
        for (String key : source.keySet()) if (key.startsWith(prefix)) k.add(key.substring(prefix.length()));
        return k;
    }

    @Override
    public int[] ints(String key, int[] values) {
        NpyArray v = source.get(prefix + key);
        return v == null ? null : v.toInts();
    }
}
