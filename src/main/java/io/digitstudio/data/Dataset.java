package io.digitstudio.data;

/**
 * A labelled dataset of fixed-size float feature vectors, indexed like Chainer's datasets. Features are copied into a
 * caller's buffer so that a batch can be assembled without allocating per example.
 */
public interface Dataset {
    int size();

    /** Number of floats per example (784 for MNIST). */
    int featureSize();

    /** Copies example {@code index}'s features into {@code dst} starting at {@code offset}. */
    void copyFeatures(int index, float[] dst, int offset);

    int label(int index);

    default float[] features(int index) {
        float[] x = new float[featureSize()];
        copyFeatures(index, x, 0);
        return x;
    }
}
