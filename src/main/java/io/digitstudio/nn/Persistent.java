package io.digitstudio.nn;

/**
 * A value a link keeps and saves but does not train (Chainer's persistent values): an array such as batch
 * normalization's running mean ({@code avg_mean}), or an integer scalar such as its update count {@code N}.
 */
public final class Persistent {
    private final float[] values;
    private long scalar;

    private Persistent(float[] values, long scalar) {
        this.values = values;
        this.scalar = scalar;
    }

    public static Persistent array(float[] values) {
        return new Persistent(values.clone(), 0);
    }

    public static Persistent scalar(long value) {
        return new Persistent(null, value);
    }

    public boolean isScalar() {
        return values == null;
    }

    /** The array itself (live: the link updates it in place). */
    public float[] values() {
        if (values == null) throw new IllegalStateException("a scalar has no array");
        return values;
    }

    public long scalar() {
        return scalar;
    }

    public void setScalar(long v) {
        if (values != null) throw new IllegalStateException("not a scalar");
        scalar = v;
    }

    /** Replaces the array's values; the length must match. */
    public void copyFrom(float[] v) {
        if (values == null || v.length != values.length) {
            throw new IllegalArgumentException((values == null ? "a scalar" : values.length + " values") + " cannot take " + v.length + " values");
        }
        System.arraycopy(v, 0, values, 0, v.length);
    }
}
