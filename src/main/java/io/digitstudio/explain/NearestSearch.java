package io.digitstudio.explain;

import java.util.List;

/** Finds the training examples nearest a query, exactly (every example is compared). */
public interface NearestSearch {
    /** The {@code k} nearest examples, nearest first; ties go to the lower index. */
    List<Neighbour> nearest(float[] query, int k);

    /** Examples searched. */
    int count();

    /** The label of example {@code i}. */
    int label(int i);
}
