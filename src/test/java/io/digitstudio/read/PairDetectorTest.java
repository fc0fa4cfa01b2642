package io.digitstudio.read;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.nn.Nd4jSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled {@link PairDetector} on examples {@link PairDetectorTrainer} makes from MNIST digits it never trained on. */
class PairDetectorTest {
    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    /** 0.981 when the weights were made; a stale or foreign resource (or a preparation that changed) falls far below. */
    @Test
    void tellsOneDigitFromTwoTouchingOnHeldOutDigits() {
        // the first thousand of the held-out examples the trainer validates on
        LabeledImages heldOut = PairDetectorTrainer.examples(io.digitstudio.data.Mnist.bundled().train(), PairDetectorTrainer.SOURCES,
                io.digitstudio.data.Mnist.bundled().train().size(), 1000, PairDetectorTrainer.SEED + 1);
        float[][] xs = new float[heldOut.size()][784];
        for (int i = 0; i < xs.length; i++) heldOut.copyFeatures(i, xs[i], 0);
        double[] two = PairDetector.bundled().two(xs);
        int right = 0, ones = 0, onesRight = 0;
        for (int i = 0; i < xs.length; i++) {
            boolean saysTwo = two[i] >= 0.5;
            if (saysTwo == (heldOut.label(i) == 1)) right++;
            if (heldOut.label(i) == 0) {
                ones++;
                if (!saysTwo) onesRight++;
            }
        }
        double accuracy = (double) right / xs.length;
        assertTrue(accuracy >= 0.97, "held-out accuracy " + accuracy);
        // a single digit taken for two would be cut: the reader relies on few of those
        assertTrue((double) onesRight / ones >= 0.97, "single digits judged single: " + onesRight + "/" + ones);
    }
}
