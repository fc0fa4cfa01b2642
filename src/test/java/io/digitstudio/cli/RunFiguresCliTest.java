package io.digitstudio.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** How the command line writes a run's figures: learning rates, the rate a schedule ends with, durations, the list's columns. */
class RunFiguresCliTest {
    @TempDir
    Path dir;

    private String runs() {
        return dir.resolve("runs").toString();
    }

    private static String id(CliTest.Run r) {
        String id = r.err().replaceAll("(?s).*recorded as run ([0-9a-f]{8}).*", "$1");
        assertEquals(8, id.length(), r.err());
        return id;
    }

    @Test
    void aScheduledRunShowsTheRateItWasSetUpWithAndTheOneItEndedWith() {
        // exponential:0.1 computes 0.010000000000000002 and 0.0010000000000000002
        CliTest.Run t = CliTest.run("train", "--units", "20", "--epochs", "3", "--lr", "0.1", "--lr-shift", "exponential:0.1", "--train-size", "300",
                "--test-size", "100", "--out", dir.resolve("m.npz").toString(), "--runs-dir", runs());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains(" lr:0.1\n") && t.out().contains(" lr:0.01\n") && t.out().contains(" lr:0.001\n"), t.out());
        String id = id(t);

        CliTest.Run show = CliTest.run("runs", "show", id, "--runs-dir", runs());
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("\nlr                  0.1 (0.001 at the end, exponential:0.1)\n"), show.out());
        assertTrue(show.out().contains("mean lr"), "the log's column says what its rate is:\n" + show.out());
        assertTrue(show.out().lines().anyMatch(l -> l.matches("\\s+2\\s+.*\\s0\\.01\\s+[0-9.]+s")), show.out());

        CliTest.Run list = CliTest.run("runs", "list", "--runs-dir", runs());
        assertTrue(list.out().contains("momentum-sgd lr=0.1 "), list.out());
    }

    @Test
    void aRunWithoutScheduleShowsOneRate() {
        CliTest.Run t = CliTest.run("train", "--units", "20", "--epochs", "1", "--lr", "0.0001", "--train-size", "300",
                "--test-size", "100", "--out", dir.resolve("m.npz").toString(), "--runs-dir", runs());
        String id = id(t);
        CliTest.Run show = CliTest.run("runs", "show", id, "--runs-dir", runs());
        assertTrue(show.out().contains("\nlr                  1e-4\n"), show.out());
        assertTrue(CliTest.run("runs", "list", "--runs-dir", runs()).out().contains("momentum-sgd lr=1e-4 "));
    }
}
