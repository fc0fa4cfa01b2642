package io.digitstudio.data;

/**
 * A batch as arrays, Chainer's {@code concat_examples}: features row after row in one float array and labels in an
 * int array, both reused from batch to batch, so assembling a batch is plain Java copies with no native call per
 * example (the network then takes the whole matrix in one bulk copy).
 */
public final class ExampleBatch {
    private float[] x = new float[0];
    private int[] t = new int[0];
    private int size;
    private int featureSize;

    /** Fills this batch with the examples at {@code indices} and returns it. */
    public ExampleBatch concatExamples(Dataset dataset, int[] indices) {
        int d = dataset.featureSize();
        int n = indices.length;
        if (x.length < n * d) x = new float[n * d];
        if (t.length < n) t = new int[n];
        dataset.copyFeatures(indices, 0, n, x, 0);
        for (int i = 0; i < n; i++) t[i] = dataset.label(indices[i]);
        this.size = n;
        this.featureSize = d;
        return this;
    }

    /** Features, {@code size() * featureSize()} of them; the array may be longer. */
    public float[] x() {
        return x;
    }

    /** Labels, {@code size()} of them; the array may be longer. */
    public int[] t() {
        return t;
    }

    public int size() {
        return size;
    }

    public int featureSize() {
        return featureSize;
    }
}
