package io.digitstudio.runs;

import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.train.Extension;
import io.digitstudio.train.RunOptions;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.train.TrainingLoop;
import io.digitstudio.train.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The points of a run that branches start from, as a run asks for them at every snapshot it writes. */
class BranchPointsTest {
    @TempDir
    Path dir;

    /** Writes run {@code id}'s settings as its recorder does; {@code parent} null: no branch. */
    private static void record(RunStore store, String id, String parent, long iteration) throws Exception {
        Files.createDirectories(store.root().resolve(id));
        RunSettings.Branch b = parent == null ? null : new RunSettings.Branch(parent, iteration, 1, 1.0);
        RunSettings s = new RunSettings(id, Instant.parse("2026-12-05T00:00:00Z"), "cli", TrainingConfig.tutorial(), RunOptions.NONE, "MNIST",
                "MNIST (bundled)", "ab", 60000, 10000, "", "", Map.of(), b);
        RunStore.write(store.root().resolve(id).resolve(RunStore.SETTINGS), s.toJsonText());
    }

    private static String id(int n) {
        return String.format(Locale.ROOT, "%08x", n);
    }

    @Test
    void eachRunsSettingsAreReadOnceHoweverOftenTheRunAsks() throws Exception {
        RunStore store = new RunStore(dir.resolve("runs"));
        String parent = id(0xa0);
        record(store, parent, null, 0);
        // a history of 60 other runs: three branches of the run (two from the same point), two of another run
        for (int i = 1; i <= 60; i++) {
            String p = i == 7 || i == 30 ? id(1) : i == 11 ? parent : i == 42 || i == 50 ? parent : null;
            record(store, id(i), p, i == 11 ? 8 : 20);
        }
        BranchPoints points = store.branchPoints(parent);
        assertEquals(Set.of(8L, 20L), points.iterations());
        assertEquals(61, points.settingsRead(), "the first time, every run's settings");
        for (int snapshot = 0; snapshot < 5; snapshot++) assertEquals(Set.of(8L, 20L), points.iterations());
        assertEquals(61, points.settingsRead(), "asked again, none: no run's parent changes");

        // another process records a branch: its folder first, its settings a moment later
        Path made = Files.createDirectory(store.root().resolve(id(0xb1)));
        assertEquals(Set.of(8L, 20L), points.iterations());
        assertEquals(61, points.settingsRead(), "a folder without settings yet is read once they are there");
        record(store, id(0xb1), parent, 40);
        assertEquals(Set.of(8L, 20L, 40L), points.iterations());
        assertEquals(62, points.settingsRead(), "only the new run's");
        record(store, id(0xb2), id(1), 40);
        assertEquals(Set.of(8L, 20L, 40L), points.iterations(), "a branch of another run pins nothing here");
        assertEquals(63, points.settingsRead());

        // a branch deleted meanwhile no longer keeps its point; the other branch from 20 still keeps that one
        RunStore.deleteTree(store.root().resolve(id(11)));
        RunStore.deleteTree(store.root().resolve(id(42)));
        assertEquals(Set.of(20L, 40L), points.iterations());
        assertEquals(63, points.settingsRead());
        assertTrue(Files.isDirectory(made));
        // a fresh look at the history reads every run's settings once more, and agrees
        BranchPoints fresh = store.branchPoints(parent);
        assertEquals(points.iterations(), fresh.iterations());
        assertEquals(61, fresh.settingsRead(), "the run, 58 others left of the 60, and the two recorded since");
    }

    @Test
    void aRunHistoryThatDoesNotExistYetHasNoBranches() {
        BranchPoints points = new RunStore(dir.resolve("none")).branchPoints(id(1));
        assertEquals(Set.of(), points.iterations());
        assertEquals(0, points.settingsRead());
    }

    @Test
    void aBranchRecordedWhileTheParentTrainsKeepsItsSnapshot() {
        Nd4jSetup.init();
        RunStore store = new RunStore(dir.resolve("runs"));
        TrainingConfig c = TrainingConfig.tutorial().withUnits(10).withOptimizer("momentum-sgd", 0.1, null).withLimits(500, 100).withEpochs(4);
        TrainingSession parent = TrainingSession.builder(store, "cli").config(c).snapshots(1, null, 1).build();
        TrainingSession[] branch = new TrainingSession[1];
        // at the end of epoch 2, before its snapshot, another history reader records a branch from epoch 1's
        parent.loop().addExtension(new Extension() {
            @Override
            public String name() {
                return "branchElsewhere";
            }

            @Override
            public void call(TrainingLoop loop) {
                if (loop.iterator().epoch() != 2) return;
                RunStore other = new RunStore(store.root());
                branch[0] = TrainingSession.builder(other, "cli").branch(TrainingSession.locateBranch(other, parent.runId() + "@epoch:1")).build();
            }
        });
        assertEquals(TrainingSession.Verdict.LEARNED, parent.run().verdict());
        Path folder = store.root().resolve(parent.runId());
        assertTrue(Files.exists(folder.resolve("snapshot_epoch_0001.npz")), "where the branch starts");
        assertFalse(Files.exists(folder.resolve("snapshot_epoch_0002.npz")));
        assertFalse(Files.exists(folder.resolve("snapshot_epoch_0003.npz")));
        assertTrue(Files.exists(folder.resolve("snapshot_epoch_0004.npz")), "the newest one kept");
        assertEquals(4, branch[0].run().result().last().epoch(), "the branch trains from its point to its end");
    }
}
