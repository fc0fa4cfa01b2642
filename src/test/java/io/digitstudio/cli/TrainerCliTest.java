package io.digitstudio.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The trainer's options on the command line: schedules, the log, early stopping, keeping the best model. */
class TrainerCliTest {
    @TempDir
    Path dir;

    @Test
    void anExponentialShiftHalvesTheRateEachEpochAndTheLogSaysSo() throws Exception {
        Path log = dir.resolve("log.json");
        Path out = dir.resolve("m.npz");
        CliTest.Run r = CliTest.run("train", "--lr-shift", "exponential:0.5", "--epochs", "3", "--log", log.toString(), "--keep-best",
                "--train-size", "3000", "--test-size", "500", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = CliTest.epochLines(r.out());
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("epoch:01 ") && lines.get(0).endsWith(" lr:0.01"), lines.get(0));
        assertTrue(lines.get(1).endsWith(" lr:0.005"), lines.get(1));
        assertTrue(lines.get(2).endsWith(" lr:0.0025"), lines.get(2));
        String json = Files.readString(log);
        assertTrue(json.startsWith("[\n    {\n        \"main/loss\": "), json);
        assertEquals(3, json.split("\"epoch\": ").length - 1);
        assertTrue(json.contains("\"validation/main/accuracy\": ") && json.contains("\"elapsed_time\": ") && json.contains("\"iteration\": 24"), json);
        assertTrue(Files.exists(dir.resolve("m-best.npz")));
        assertTrue(r.out().contains("saved the best model (epoch "), r.out());
        // without a schedule the tutorial's lines are unchanged
        CliTest.Run plain = CliTest.run("train", "--epochs", "1", "--train-size", "1000", "--test-size", "200", "--out", dir.resolve("p.npz").toString());
        assertFalse(plain.out().contains("lr:"), plain.out());
    }

    @Test
    void initModelStartsFromSavedWeightsOfTheSameNetwork() throws Exception {
        Path base = dir.resolve("base.npz");
        assertEquals(0, CliTest.run("train", "--units", "20", "--epochs", "6", "--train-size", "3000", "--test-size", "500", "--out", base.toString()).code());
        double before = io.digitstudio.io.ModelFiles.loadNpz(base).info().testAccuracy();
        // one more epoch at a small rate from the saved weights: starts where they were, not from scratch
        CliTest.Run tuned = CliTest.run("train", "--units", "20", "--init-model", base.toString(), "--epochs", "1", "--lr", "0.001",
                "--train-size", "3000", "--test-size", "500", "--out", dir.resolve("tuned.npz").toString());
        assertEquals(0, tuned.code(), tuned.err());
        double after = Double.parseDouble(tuned.out().replaceAll("(?s).*val_accuracy:([0-9.]+).*", "$1"));
        assertTrue(after > before - 0.02, "fine-tuned " + after + " from " + before);
        CliTest.Run scratch = CliTest.run("train", "--units", "20", "--epochs", "1", "--lr", "0.001", "--train-size", "3000", "--test-size", "500",
                "--out", dir.resolve("scratch.npz").toString());
        double fresh = Double.parseDouble(scratch.out().replaceAll("(?s).*val_accuracy:([0-9.]+).*", "$1"));
        assertTrue(after > fresh + 0.1, "from the saved weights " + after + ", from scratch " + fresh);
        CliTest.Run wrong = CliTest.run("train", "--model", "lenet", "--init-model", base.toString(), "--out", dir.resolve("w.npz").toString());
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("base.npz holds MLP 784-20-20-10 (linear 20, relu, linear 20, relu, linear 10), not the run's network"), wrong.err());
    }

    @Test
    void badScheduleOptionsAreOneLineErrors() {
        CliTest.Run r = CliTest.run("train", "--lr-shift", "exponential:-1", "--out", dir.resolve("m.npz").toString());
        assertEquals(2, r.code());
        assertEquals("digitstudio train: error: --lr-shift exponential:-1: the rate must be a positive number, got -1 (see 'digitstudio train --help')", r.err().strip());
        CliTest.Run kind = CliTest.run("train", "--lr-shift", "cosine:3", "--out", dir.resolve("m.npz").toString());
        assertEquals(2, kind.code());
        assertTrue(kind.err().contains("expected exponential:RATE, linear:START:END or step:RATE@E1,E2,..."), kind.err());
        CliTest.Run early = CliTest.run("train", "--early-stop", "0", "--out", dir.resolve("m.npz").toString());
        assertEquals(2, early.code());
        assertFalse(Files.exists(dir.resolve("m.npz")));
    }

    @Test
    void aResumedRunKeepsItsScheduleAndRefusesAnother() throws Exception {
        Path snaps = dir.resolve("snaps");
        Path out = dir.resolve("m.npz");
        // the whole schedule in one run, to compare with; a second run stops after the first epoch and is resumed
        CliTest.Run whole = CliTest.run("train", "--lr-shift", "step:0.1@2", "--epochs", "2",
                "--train-size", "2000", "--test-size", "300", "--out", dir.resolve("whole.npz").toString());
        assertEquals(0, whole.code(), whole.err());
        CliTest.Run first = CliTest.run("train", "--lr-shift", "step:0.1@2", "--epochs", "1", "--snapshot-every", "1", "--snapshot-dir", snaps.toString(),
                "--train-size", "2000", "--test-size", "300", "--out", out.toString());
        assertEquals(0, first.code(), first.err());
        Path snap = snaps.resolve("snapshot_epoch_0001.npz");
        CliTest.Run other = CliTest.run("train", "--resume", snap.toString(), "--lr-shift", "exponential:0.5");
        assertEquals(2, other.code());
        assertTrue(other.err().contains("--lr-shift exponential:0.5 contradicts the snapshot, which was set up with step:0.1@2"), other.err());
        CliTest.Run resumed = CliTest.run("train", "--resume", snap.toString(), "--epochs", "2");
        assertEquals(0, resumed.code(), resumed.err());
        // the resumed second epoch is the one the whole run printed, with the stepped rate
        String a = whole.out().strip().lines().skip(1).findFirst().orElseThrow().replaceAll("time:[0-9.]+s", "");
        String b = resumed.out().strip().lines().findFirst().orElseThrow().replaceAll("time:[0-9.]+s", "");
        assertEquals(a, b);
        assertTrue(b.endsWith(" lr:0.001"), b);
    }
}
