package io.digitstudio.runs;

import io.digitstudio.io.ModelFiles;
import io.digitstudio.io.ModelInfo;
import io.digitstudio.io.NpyArray;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.train.RunOptions;
import io.digitstudio.train.StopAt;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.train.TrainingLoop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Branching in the middle of an epoch, where a run stopped (as the Train view stops a paused run to branch it). */
class BranchTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    private static Map<String, NpyArray> weights(TrainingLoop loop) {
        return ModelFiles.toArrays(loop.model(), ModelInfo.NONE);
    }

    @Test
    void aBranchInTheMiddleOfAnEpochWithUnchangedSettingsIsTheParentsContinuationBitForBit() {
        RunStore store = new RunStore(dir.resolve("runs"));
        // an exponential schedule, so that the rate in force and the schedule's state must come along too
        TrainingConfig c = TrainingConfig.tutorial().withUnits(20).withOptimizer("momentum-sgd", 0.1, null).withLimits(1000, 200).withEpochs(3);
        TrainingSession parent = TrainingSession.builder(store, "cli").config(c).options(new RunOptions("exponential:0.5", 0, 0, false, "")).build();
        parent.loop().addExtension(new StopAt(20));
        TrainingSession.Outcome stopped = parent.run();
        assertEquals(TrainingSession.Verdict.STOPPED, stopped.verdict());
        assertEquals("snapshot_iter_20.npz", stopped.stopSnapshot().getFileName().toString());

        TrainingSession.Resumable at20 = TrainingSession.locateBranch(store, parent.runId() + "@20");
        TrainingSession branch = TrainingSession.builder(store, "gui").branch(at20).build();
        assertNotEquals(parent.runId(), branch.runId());
        assertEquals(20, branch.loop().iteration());
        assertEquals(TrainingSession.Verdict.LEARNED, branch.run().verdict());

        TrainingSession resumed = TrainingSession.builder(store, "cli").resume(TrainingSession.locate(store, parent.runId())).build();
        assertEquals(parent.runId(), resumed.runId());
        resumed.run();
        assertEquals(resumed.loop().iteration(), branch.loop().iteration());
        Map<String, NpyArray> a = weights(resumed.loop());
        Map<String, NpyArray> b = weights(branch.loop());
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertArrayEquals(v.data(), b.get(k).data(), k));
        assertEquals(resumed.loop().optimizer().get("lr"), branch.loop().optimizer().get("lr"));

        RunSummary r = store.find(branch.runId());
        assertEquals(new RunSettings.Branch(parent.runId(), 20, 2, 2 + 560 / 1000.0, r.settings().branchedFrom().parentSeconds()), r.settings().branchedFrom(), "2,560 examples drawn of 1,000");
        assertEquals(3, r.epochsDone());
        assertEquals(RunStatus.FINISHED, r.status());
    }

    @Test
    void aBranchsTimeIsItsOwnAndItsParentsIsKeptApart() {
        RunStore store = new RunStore(dir.resolve("runs"));
        TrainingConfig c = TrainingConfig.tutorial().withUnits(20).withOptimizer("momentum-sgd", 0.1, null).withLimits(1000, 200).withEpochs(3);
        TrainingSession parent = TrainingSession.builder(store, "cli").config(c).build();
        parent.loop().addExtension(new StopAt(20));
        long[] now = {0};
        parent.loop().setClock(() -> now[0] += 1_000_000_000L); // a second a reading
        parent.run();
        double parentTime = store.find(parent.runId()).seconds();
        assertTrue(parentTime > 0);

        TrainingSession.Resumable at20 = TrainingSession.locateBranch(store, parent.runId() + "@iteration:20");
        TrainingSession branch = TrainingSession.builder(store, "gui").branch(at20).snapshots(1, null, 3).build();
        branch.loop().setClock(() -> 7L); // a branch that takes no time at all
        assertEquals(0.0, branch.run().result().seconds(), 0.0, "what Train's \"Took\" shows");
        RunSummary r = store.find(branch.runId());
        assertEquals(0.0, r.seconds(), 0.0, "what Runs and 'runs list' show");
        double kept = r.settings().branchedFrom().parentSeconds();
        assertTrue(kept >= parentTime && kept < parentTime + 10, "the parent's time up to the point, kept apart: " + kept + ", " + parentTime);
        assertEquals(io.digitstudio.train.Snapshot.trainedSeconds(at20.arrays()), r.settings().branchedFrom().parentSeconds(), 0.0);
        // the log's time goes on from the parent's
        java.util.List<Map<String, Double>> log = store.log(r);
        assertEquals(r.settings().branchedFrom().parentSeconds(), log.get(log.size() - 1).get("elapsed_time"), 0.0);
        assertEquals(r.settings().branchedFrom().parentSeconds(), branch.loop().inheritedTime(), 0.0);

        // resumed to train longer, it is still its own time; the parent's stays apart in its snapshots
        TrainingSession longer = TrainingSession.builder(store, "cli").resume(TrainingSession.locate(store, branch.runId())).epochs(4).build();
        longer.loop().setClock(() -> 9L);
        assertEquals(0.0, longer.run().result().seconds(), 0.0);
        assertEquals(0.0, store.find(branch.runId()).seconds(), 0.0);
        assertEquals(kept, longer.loop().inheritedTime(), 0.0);

        // a branch of the branch: its parent's time is the branch's own, and the line's time is carried on
        TrainingSession.Resumable at3 = TrainingSession.locateBranch(store, branch.runId() + "@epoch:3");
        TrainingSession grandchild = TrainingSession.builder(store, "cli").branch(at3).config(at3.config().withEpochs(5)).build();
        grandchild.loop().setClock(() -> 11L);
        grandchild.run();
        RunSummary g = store.find(grandchild.runId());
        assertEquals(0.0, g.seconds(), 0.0);
        assertEquals(0.0, g.settings().branchedFrom().parentSeconds(), 0.0);
        assertEquals(kept, grandchild.loop().inheritedTime(), 0.0);
    }

    @Test
    void aNewRateReplacesTheRateInForceAndTheScheduleStartsOverFromIt() {
        RunStore store = new RunStore(dir.resolve("runs"));
        TrainingConfig c = TrainingConfig.tutorial().withUnits(20).withOptimizer("momentum-sgd", 0.1, null).withLimits(1000, 200).withEpochs(3);
        TrainingSession parent = TrainingSession.builder(store, "cli").config(c).options(new RunOptions("exponential:0.5", 0, 0, false, ""))
                .snapshots(1, null, 3).build();
        parent.run();
        TrainingSession.Resumable at2 = TrainingSession.locateBranch(store, parent.runId() + "@epoch:2");
        assertEquals(0.025, at2.arrays().get("updater/optimizer:main/hyperparam/lr").toDoubles()[0], 1e-12, "the parent's rate in force");
        TrainingSession branch = TrainingSession.builder(store, "cli").branch(at2).config(at2.config().withOptimizer("momentum-sgd", 0.04, null)).build();
        branch.run();
        // epoch 3 trains at 0.04, and the schedule halves it at its end
        assertEquals(0.04, branch.loop().reports().get(2).lr(), 1e-12);
        assertEquals(0.02, branch.loop().optimizer().get("lr"), 1e-12);
    }
}
