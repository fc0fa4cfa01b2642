package io.digitstudio.serial;

/**
 * Chainer's {@code Serializer}: one method, {@code serialize(Serializer)}, writes an object's state and reads it back,
 * because the same calls do both. Writing, each call stores its value and returns it; reading, it returns the stored
 * value (arrays are filled in place). {@link #child} names a part ({@code updater/optimizer:main/l1/W/v}). The NPZ
 * back-ends keep Chainer's snapshot keys.
 */
public interface Serializer {
    /** The entries of a part of the object, under {@code name/}. */
    Serializer child(String name);

    /** True when restoring state, false when saving it. */
    boolean isReader();

    /** Whether the stored state has this key (reading); true when writing. */
    boolean contains(String key);

    long value(String key, long value);

    double value(String key, double value);

    boolean value(String key, boolean value);

    /** Writes {@code values}, or reads into them (the stored array must have as many values) and returns them. */
    float[] floats(String key, float[] values);

    /**
     * As {@link #floats(String, float[])} for an array of this shape: written with it (as Chainer's keys have
     * {@code l1/W} as (out, in)); read, a stored array of this shape, or flat with as many values, fills {@code values}.
     */
    default float[] floats(String key, float[] values, long[] shape) {
        return floats(key, values);
    }

    /** Writes {@code values} (null: nothing), or returns the stored ones (null when there are none). */
    int[] ints(String key, int[] values);

    /** Writes {@code value} as text (Chainer keeps strings, e.g. LogReport's log as JSON), or returns the stored text. */
    String text(String key, String value);

    /** Writes {@code values} (null: nothing), or returns the stored ones (null when there are none). */
    double[] doubles(String key, double[] values);

    /** Writes {@code values} (null: nothing), or returns the stored ones (null when there are none). */
    long[] longs(String key, long[] values);

    /** Reading: the keys stored under this part, relative to it (nested ones with their '/'); writing: none. */
    java.util.List<String> keys();

    /** As {@link #value(String, double)}, but reading a key that is not stored keeps {@code value}. */
    default double optional(String key, double value) {
        return isReader() && !contains(key) ? value : value(key, value);
    }

    /** As {@link #value(String, long)}, but reading a key that is not stored keeps {@code value}. */
    default long optional(String key, long value) {
        return isReader() && !contains(key) ? value : value(key, value);
    }

    /** A value that may be absent: null is not written, and reading a key that is not stored gives null. */
    default Double nullable(String key, Double value) {
        if (isReader()) return contains(key) ? value(key, 0.0) : null;
        if (value != null) value(key, value.doubleValue());
        return value;
    }
}
