package io.digitstudio.runs.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SweepRunnerTest {
    @TempDir
    Path dir;

    @Test
    void aFailedPointIsToldByItsCommandsErrorLineWhateverTheCommandsName() throws Exception {
        Path log = dir.resolve("0001.log");
        Files.writeString(log, String.join("\n",
                "epoch:01 train_loss:2.3 val_loss:2.3 val_accuracy:0.1",
                "digitstudio train: error: the loss became NaN at iteration 12; no model was saved",
                "recorded as run 3fa2c1d0") + "\n");
        assertEquals("the loss became NaN at iteration 12; no model was saved", SweepRunner.lastError(log));
    }

    @Test
    void withoutAnErrorLineTheCommandsLastLineInItsOwnNameTellsWhy() throws Exception {
        Path log = dir.resolve("0002.log");
        Files.writeString(log, "digitstudio train: interrupted at epoch 0.50 (iteration 234); no model was saved\nsome other line\n");
        assertEquals("interrupted at epoch 0.50 (iteration 234); no model was saved", SweepRunner.lastError(log));
        Files.writeString(log, "digitstudio: error: unknown option '--bogus'\n");
        assertEquals("unknown option '--bogus'", SweepRunner.lastError(log));
    }
}
