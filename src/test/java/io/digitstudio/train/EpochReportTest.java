package io.digitstudio.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EpochReportTest {
    /**
     * The time an epoch's line gives is the epoch's: its training and its validation, what the user waits between two
     * lines and what a peer's script times as its epoch (train_s + val_s), not the training alone.
     */
    @Test
    void theTutorialLinesTimeIsTheEpochsTrainingAndValidation() {
        EpochReport r = EpochReport.of(2, 938, 0.22915, 0.93, 0.18884, 0.9441, 0.3125, 0.0450, 0.01);
        assertEquals(0.3575, r.epochSeconds(), 1e-12);
        assertEquals("epoch:02 train_loss:0.2292 val_loss:0.1888 val_accuracy:0.9441 time:0.36s", r.tutorialLine());
    }
}
