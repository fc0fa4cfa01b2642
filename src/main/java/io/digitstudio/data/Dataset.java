package io.digitstudio.data;

/**
 * A labelled dataset of fixed-size float examples (with their shape and number of classes), indexed like Chainer's datasets. Features are copied into a
 * caller's buffer so that a batch can be assembled without allocating per example.
 */
public interface Dataset {
    int size();

    /** Number of floats per example (784 for MNIST). */
    int featureSize();

    /** The shape of one example, whose product is {@link #featureSize()}: (1, 28, 28) for MNIST's grey images. */
    default int[] exampleShape() {
        return new int[]{featureSize()};
    }

    /** How many classes the labels mean: at least the largest label plus one (10 for MNIST, 47 for EMNIST Balanced). */
    int classes();

    /** Copies example {@code index}'s features into {@code dst} starting at {@code offset}. */
    void copyFeatures(int index, float[] dst, int offset);

    /**
     * Copies the features of examples {@code indices[from]} … {@code indices[to - 1]} into {@code dst}, one after another
     * from {@code offset}: a batch's rows, as {@link #copyFeatures(int, float[], int)} copies each.
     */
    default void copyFeatures(int[] indices, int from, int to, float[] dst, int offset) {
        int d = featureSize();
        for (int i = from; i < to; i++) copyFeatures(indices[i], dst, offset + (i - from) * d);
    }

    int label(int index);

    default float[] features(int index) {
        float[] x = new float[featureSize()];
        copyFeatures(index, x, 0);
        return x;
    }
}
