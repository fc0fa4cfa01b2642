package io.digitstudio.data;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class LabeledImagesTest {
    /**
     * A batch's rows copied four examples at a time hold, bit for bit, what copying each example gives, for batches
     * of every length up to a few past a multiple of four, from anywhere in the index list, an example repeated too.
     */
    @Test
    void aBatchCopiedFourAtATimeHoldsEachExamplesFeatures() {
        LabeledImages set = Mnist.bundled().test();
        int d = set.featureSize();
        Random r = new Random(7);
        int[] indices = new int[23];
        for (int i = 0; i < indices.length; i++) indices[i] = r.nextInt(set.size());
        indices[5] = indices[2];
        for (int from = 0; from < 4; from++) {
            for (int to = from; to <= indices.length; to++) {
                float[] bulk = new float[(to - from) * d + 3];
                float[] each = new float[bulk.length];
                java.util.Arrays.fill(bulk, -1);
                java.util.Arrays.fill(each, -1);
                set.copyFeatures(indices, from, to, bulk, 3);
                for (int i = from; i < to; i++) set.copyFeatures(indices[i], each, 3 + (i - from) * d);
                for (int k = 0; k < bulk.length; k++) {
                    assertEquals(Float.floatToRawIntBits(each[k]), Float.floatToRawIntBits(bulk[k]), "from " + from + " to " + to + " at " + k);
                }
            }
        }
        int[] outside = {0, 1, 2, set.size()};
        assertThrows(IndexOutOfBoundsException.class, () -> set.copyFeatures(outside, 0, 4, new float[4 * d], 0));
    }
}
