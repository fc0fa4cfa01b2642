package io.digitstudio.io;

import io.digitstudio.serial.Serializer;

import java.util.Map;

/** Writes an object's state into NPZ entries under a key prefix, as Chainer's {@code DictionarySerializer} does. */
public final class NpzSerializer implements Serializer {
    private final Map<String, NpyArray> target;
    private final String prefix;

    /** Entries go into {@code target} with keys {@code prefix + key} ({@code prefix} empty or ending in '/'). */
    public NpzSerializer(Map<String, NpyArray> target, String prefix) {
        this.target = target;
        this.prefix = prefix;
    }

    @Override
    public Serializer child(String name) {
        return new NpzSerializer(target, prefix + name + "/");
    }

    @Override
    public boolean isReader() {
        return false;
    }

    @Override
    public boolean contains(String key) {
        return true;
    }

    @Override
    public long value(String key, long value) {
        target.put(prefix + key, NpyArray.scalar(value));
        return value;
    }

    @Override
    public double value(String key, double value) {
        target.put(prefix + key, NpyArray.scalar(value));
        return value;
    }

    @Override
    public boolean value(String key, boolean value) {
        target.put(prefix + key, NpyArray.scalar(value ? 1L : 0L));
        return value;
    }

    @Override
    public float[] floats(String key, float[] values) {
        target.put(prefix + key, NpyArray.ofFloats(values, values.length));
        return values;
    }

    @Override
    public float[] floats(String key, float[] values, long[] shape) {
        target.put(prefix + key, NpyArray.ofFloats(values, shape));
        return values;
    }

    @Override
    public String text(String key, String value) {
        target.put(prefix + key, NpyArray.ofText(value));
        return value;
    }

    @Override
    public double[] doubles(String key, double[] values) {
        if (values != null) target.put(prefix + key, NpyArray.ofDoubles(values, values.length));
        return values;
    }

    @Override
    public long[] longs(String key, long[] values) {
        if (values != null) target.put(prefix + key, NpyArray.ofLongs(values, values.length));
        return values;
    }

    @Override
    public java.util.List<String> keys() {
        return java.util.List.of();
    }

    @Override
    public int[] ints(String key, int[] values) {
        if (values != null) target.put(prefix + key, NpyArray.ofInts(values, values.length));
        return values;
    }
}
