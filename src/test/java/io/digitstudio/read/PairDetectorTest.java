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

    /**
     * The pieces the reader itself cuts from numbers of digits it never trained on ({@link ReaderPieces}): a digit with
     * a scrap of its neighbour, a digit cut short, a pair cut where the segmenter cuts. Trained on synthetic pairs
     * alone, the detector judged 0.887 of these right and was sure that 35 of 745 single digits were two; 0.962 and 1
     * when the weights were made.
     */
    @Test
    void tellsOneFromTwoInTheReadersOwnPieces() {
        LabeledImages heldOut = PairDetectorTrainer.pieces(io.digitstudio.data.Mnist.bundled().train(), PairDetectorTrainer.SOURCES,
                io.digitstudio.data.Mnist.bundled().train().size(), 1000, PairDetectorTrainer.SEED + 3);
        float[][] xs = new float[heldOut.size()][784];
        for (int i = 0; i < xs.length; i++) heldOut.copyFeatures(i, xs[i], 0);
        double[] two = PairDetector.bundled().two(xs);
        int right = 0, ones = 0, onesSure = 0;
        for (int i = 0; i < xs.length; i++) {
            if ((two[i] >= 0.5) == (heldOut.label(i) == 1)) right++;
            if (heldOut.label(i) == 0) {
                ones++;
                if (two[i] >= NumberReader.SURE_TWO) onesSure++;
            }
        }
        double accuracy = (double) right / xs.length;
        assertTrue(accuracy >= 0.94, "held-out pieces judged right: " + accuracy);
        // a single digit the reader pays for as two is cut in two or misread
        assertTrue((double) onesSure / ones <= 0.01, "single-digit pieces judged surely two: " + onesSure + "/" + ones);
    }
}
