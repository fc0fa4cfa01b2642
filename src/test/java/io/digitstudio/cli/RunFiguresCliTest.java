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
        String id = (r.out() + r.err()).replaceAll("(?s).*recorded as run ([0-9a-f]{8}).*", "$1");
        assertEquals(8, id.length(), r.out() + r.err());
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
        assertTrue(list.out().lines().anyMatch(l -> l.matches(".*momentum-sgd lr=0\\.1(\\s.*)?")), list.out());
    }

    @Test
    void aRunWithoutScheduleShowsOneRate() {
        CliTest.Run t = CliTest.run("train", "--units", "20", "--epochs", "1", "--lr", "0.0001", "--train-size", "300",
                "--test-size", "100", "--out", dir.resolve("m.npz").toString(), "--runs-dir", runs());
        String id = id(t);
        CliTest.Run show = CliTest.run("runs", "show", id, "--runs-dir", runs());
        assertTrue(show.out().contains("\nlr                  1e-4\n"), show.out());
        assertTrue(CliTest.run("runs", "list", "--runs-dir", runs()).out().lines().anyMatch(l -> l.matches(".*momentum-sgd lr=1e-4(\\s.*)?")));
    }

    @Test
    void trainsLastLineAndTheHistoryGiveTheRunsTimeAsOneFigure() {
        CliTest.Run t = CliTest.run("train", "--units", "20", "--epochs", "1", "--train-size", "300", "--test-size", "100",
                "--out", dir.resolve("m.npz").toString(), "--runs-dir", runs());
        assertEquals(0, t.code(), t.err());
        List<String> out = t.out().strip().lines().toList();
        String last = out.get(out.size() - 1);
        assertTrue(last.matches("took \\d+:\\d\\d"), t.out());
        String took = last.substring("took ".length());
        String id = id(t);
        CliTest.Run show = CliTest.run("runs", "show", id, "--runs-dir", runs());
        assertTrue(show.out().contains("\nprogress    epoch 1 of 1, " + took + "\n"), show.out());
        String row = CliTest.run("runs", "list", "--runs-dir", runs()).out().lines().filter(l -> l.startsWith(id)).findFirst().orElseThrow();
        assertTrue(row.contains("  " + took + "  "), row);
    }

    @Test
    void theListKeepsItsColumnsWithALongStatusAndSaysWhyARunFailedToLearn() {
        // a warm-up of 5 epochs in a run of 1 at a tiny rate: the rate never gets anywhere, the run stays at chance
        CliTest.Run failed = CliTest.run("train", "--units", "20", "--epochs", "1", "--warmup", "5", "--lr", "1e-6", "--train-size", "300",
                "--test-size", "100", "--out", dir.resolve("f.npz").toString(), "--runs-dir", runs());
        assertEquals(0, failed.code(), failed.err());
        assertTrue(failed.err().contains("the run failed to learn") && failed.err().contains("its warm-up (5 epochs) is longer than the run (1 epoch)"),
                failed.err());
        String bad = id(failed);
        CliTest.Run fine = CliTest.run("train", "--units", "20", "--epochs", "2", "--lr", "0.1", "--train-size", "1000", "--test-size", "100",
                "--out", dir.resolve("g.npz").toString(), "--runs-dir", runs());
        String good = id(fine);

        CliTest.Run list = CliTest.run("runs", "list", "--runs-dir", runs());
        assertEquals(0, list.code(), list.err());
        List<String> lines = list.out().strip().lines().toList();
        assertEquals(3, lines.size(), list.out());
        String head = lines.get(0);
        String badRow = lines.stream().filter(l -> l.startsWith(bad)).findFirst().orElseThrow();
        String goodRow = lines.stream().filter(l -> l.startsWith(good)).findFirst().orElseThrow();
        assertTrue(badRow.contains("failed to learn"), list.out());
        // every column starts where its heading does, in both rows
        for (String column : List.of("STATUS", "NETWORK", "OPTIMIZER")) {
            int at = head.indexOf(column);
            for (String row : List.of(badRow, goodRow)) {
                assertEquals(' ', row.charAt(at - 1), column + " in\n" + list.out());
                assertNotEquals(' ', row.charAt(at), column + " in\n" + list.out());
            }
        }
        for (String column : List.of("EPOCHS", "BEST", "FINAL", "TIME")) {
            int end = head.indexOf(column) + column.length() - 1;
            for (String row : List.of(badRow, goodRow)) {
                assertNotEquals(' ', row.charAt(end), column + " ends where its heading ends:\n" + list.out());
                assertEquals(' ', row.charAt(end + 1), column + " ends where its heading ends:\n" + list.out());
            }
        }
        assertTrue(list.err().contains("run " + bad + " failed to learn: its warm-up (5 epochs) is longer than the run (1 epoch), so the learning rate"
                + " never reached 1e-6"), list.err());
        assertFalse(list.err().contains(good), list.err());
        CliTest.Run show = CliTest.run("runs", "show", bad, "--runs-dir", runs());
        assertTrue(show.out().contains("status      failed to learn (its warm-up (5 epochs) is longer than the run (1 epoch)"), show.out());
    }
}
