package io.digitstudio.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class RaceTest {
    private static final String TRAIN = """
            note: something on stderr
            epoch:01 train_loss:0.3928 val_loss:0.1868 val_accuracy:0.9453 time:0.78s
            epoch:02 train_loss:0.1497 val_loss:0.1257 val_accuracy:0.9626 time:0.48s
            epoch:03 train_loss:0.1052 val_loss:0.1030 val_accuracy:0.9731 time:0.35s
            saved mlp model to result.npz
            """;
    private static final String PEER = """
            torch 1.13.0a0 numpy 1.24.2 threads default 2 used 2 blas []
            epoch:01 train_loss:0.2940 val_loss:0.1835 val_accuracy:0.9453  (exact 0.9455)  train_s:0.612 val_s:0.031 foreign_cpu_s:0.1
            epoch:02 train_loss:0.1370 val_loss:0.1230 val_accuracy:0.9620  (exact 0.9621)  train_s:0.401 val_s:0.020 foreign_cpu_s:0.0
            total_s:1.2
            """;

    @Test
    void readsThePrintedEpochTimesAndTheLastAccuracy() {
        assertEquals(0.78 + 0.48 + 0.35, Race.printedSum(TRAIN), 1e-9);
        assertEquals(0.9731, Race.lastAccuracy(TRAIN), 0);
        assertThrows(IllegalStateException.class, () -> Race.printedSum("no epochs here"));
    }

    @Test
    void readsThePeersTrainAndValidationTimes() {
        double[] s = Race.peerSums(PEER);
        assertEquals(0.612 + 0.401, s[0], 1e-9);
        assertEquals(0.031 + 0.020, s[1], 1e-9);
        assertEquals(0.401 + 0.020, Race.peerEpoch2(PEER), 1e-9);
        assertThrows(IllegalStateException.class, () -> Race.peerEpoch2(PEER.replace("epoch:02", "epoch:03")));
    }

    @Test
    void aShortenedEpochOfOursIsScaledToTheWholeTrainingSet() {
        String out = "train_seconds_per_epoch:0.400 train_it_per_s:40 val_seconds_per_epoch:0.900 val_it_per_s:88 (medians of epochs 2-2)";
        assertEquals(1.3, Race.oursLenetEpoch(out, 0), 1e-9);
        assertEquals(0.4 * 30 + 0.9, Race.oursLenetEpoch(out, 2000), 1e-9);
    }

    @Test
    void theRatioIsTheMedianOfThePairsRatiosNotTheRatioOfMedians() {
        Map<String, Object> f = Race.figuresOf(List.of(new double[]{1, 2}, new double[]{3, 2}, new double[]{4, 10}), 0, 1, "a", "b");
        assertEquals(0.5, (Double) f.get("ratio_median"), 1e-12); // ratios 0.5, 1.5, 0.4
        assertEquals(3.0, (Double) f.get("a_median"));
        assertEquals(2.0, (Double) f.get("b_median"));
        assertEquals(1.5, (Double) f.get("ratio_pair_2"), 1e-12);
        assertEquals(2.5, Race.median(List.of(1.0, 4.0, Double.NaN, 2.0, 3.0)), 0);
    }
}
