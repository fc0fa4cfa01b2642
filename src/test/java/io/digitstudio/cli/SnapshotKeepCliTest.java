package io.digitstudio.cli;

import io.digitstudio.runs.RunStore;
import io.digitstudio.runs.TrainingSession;
import io.digitstudio.train.StopAt;
import io.digitstudio.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The run history's snapshots: those a branch was made from stay, and {@code runs show} names the points there are. */
class SnapshotKeepCliTest {
    @TempDir
    Path dir;

    private Path runs() {
        return dir.resolve("runs");
    }

    private CliTest.Run cli(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--runs-dir", runs().toString()));
        return CliTest.run(a.toArray(String[]::new));
    }

    /** A recorded run of 1,000 examples in batches of 128, snapshotted every epoch and stopped after iteration {@code stop}. */
    private String stoppedRun(long stop) {
        io.digitstudio.nn.Nd4jSetup.init();
        TrainingConfig c = TrainingConfig.tutorial().withUnits(20).withOptimizer("momentum-sgd", 0.1, null).withLimits(1000, 200).withEpochs(3);
        TrainingSession s = TrainingSession.builder(new RunStore(runs()), "cli").config(c).snapshots(1, null, null).build();
        s.loop().addExtension(new StopAt(stop));
        assertEquals(TrainingSession.Verdict.STOPPED, s.run().verdict());
        return s.runId();
    }

    @Test
    void resumingAParentKeepsTheSnapshotsItsBranchesWereMadeFrom() throws Exception {
        String id = stoppedRun(20); // epochs 1 and 2 snapshotted, stopped 56 % into epoch 3
        assertTrue(Files.exists(runs().resolve(id).resolve("snapshot_iter_20.npz")));
        CliTest.Run mid = cli("train", "--branch", id + "@epoch:2.56", "--out", dir.resolve("mid.npz").toString());
        assertEquals(0, mid.code(), mid.err());
        CliTest.Run first = cli("train", "--branch", id + "@epoch:1", "--out", dir.resolve("first.npz").toString());
        assertEquals(0, first.code(), first.err());

        // four more epochs snapshotted, of which the newest 3 are kept: never the two points the branches start from
        CliTest.Run resumed = cli("train", "--resume", id, "--epochs", "7", "--out", dir.resolve("parent.npz").toString());
        assertEquals(0, resumed.code(), resumed.err());
        Path folder = runs().resolve(id);
        assertTrue(Files.exists(folder.resolve("snapshot_iter_20.npz")), "the mid-epoch branch point");
        assertTrue(Files.exists(folder.resolve("snapshot_epoch_0001.npz")), "the epoch-1 branch point");
        assertFalse(Files.exists(folder.resolve("snapshot_epoch_0002.npz")), "no branch started there: pruned");
        assertFalse(Files.exists(folder.resolve("snapshot_epoch_0004.npz")), "the newest 3 of the others are kept");
        for (int e = 5; e <= 7; e++) assertTrue(Files.exists(folder.resolve(String.format("snapshot_epoch_%04d.npz", e))), "epoch " + e);

        // as many epochs as the first branches trained: a branch's default is the parent's epochs as its record has them
        // now, 7 since the resume
        for (String point : List.of("epoch:2.56", "epoch:1")) {
            CliTest.Run again = cli("train", "--branch", id + "@" + point, "--epochs", "3", "--out", dir.resolve(point.replace(':', '-') + "-again.npz").toString());
            assertEquals(0, again.code(), point + ": " + again.err());
        }
        BranchCliTest.assertSameWeights(dir.resolve("mid.npz"), dir.resolve("epoch-2.56-again.npz"));

        // the resume is shown at its exact point
        CliTest.Run show = cli("runs", "show", id);
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("resumed     at epoch 2.56 (iteration 20)"), show.out());
        // the points one can branch from, as --branch takes them
        assertTrue(show.out().contains("snapshots   epoch:1 (iteration 8), epoch:2.56 (iteration 20), epoch:5 (iteration 40), epoch:6 (iteration 47),"
                + " epoch:7 (iteration 55) in " + folder + "\n"), show.out());
    }

    @Test
    void aRunStoppedBeforeItsFirstEpochEndedHasNoBestEpochYet() {
        String id = stoppedRun(3);
        CliTest.Run show = cli("runs", "show", id);
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("accuracy    no best epoch yet: no epoch has ended, so none was validated\n"), show.out());
        assertFalse(show.out().contains("(epoch 0)"), show.out());
        assertTrue(show.out().contains("snapshots   epoch:0.38 (iteration 3) in "), show.out());
    }
}
