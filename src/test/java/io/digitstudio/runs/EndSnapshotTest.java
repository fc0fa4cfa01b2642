package io.digitstudio.runs;

import io.digitstudio.io.Json;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.train.RunOptions;
import io.digitstudio.train.StopAt;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.train.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The snapshot a stopped run leaves to resume from, and what is told when it cannot be written. */
class EndSnapshotTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    private TrainingSession stoppedAt20(RunStore store) {
        TrainingConfig c = TrainingConfig.tutorial().withUnits(20).withOptimizer("momentum-sgd", 0.1, null).withLimits(1000, 200).withEpochs(3);
        TrainingSession s = TrainingSession.builder(store, "cli").config(c).options(RunOptions.NONE).build();
        s.loop().addExtension(new StopAt(20));
        return s;
    }

    @Test
    void aStoppedRunLeavesItsEndToResumeFrom() {
        RunStore store = new RunStore(dir.resolve("runs"));
        TrainingSession s = stoppedAt20(store);
        TrainingSession.Outcome o = s.run();
        assertEquals(TrainingSession.Verdict.STOPPED, o.verdict());
        assertEquals(s.snapshotDir().resolve("snapshot_iter_20.npz"), o.stopSnapshot());
        assertTrue(Files.isRegularFile(o.stopSnapshot()));
        assertEquals(List.of(), o.result().warnings());
    }

    @Test
    void anEndSnapshotThatCannotBeWrittenIsAWarningTheRecordTellsToo() throws Exception {
        RunStore store = new RunStore(dir.resolve("runs"));
        TrainingSession s = stoppedAt20(store);
        // a folder where the snapshot goes: the file cannot take its place
        Path blocker = s.snapshotDir().resolve("snapshot_iter_20.npz");
        Files.createDirectories(blocker);
        Files.writeString(blocker.resolve("keep.txt"), "the user's");
        TrainingSession.Outcome o = s.run();
        assertEquals(TrainingSession.Verdict.STOPPED, o.verdict(), "the run keeps how it ended");
        assertNull(o.stopSnapshot(), "no snapshot to resume from is claimed");
        assertEquals(1, o.result().warnings().size(), o.result().warnings().toString());
        String warning = o.result().warnings().get(0);
        assertTrue(warning.startsWith("end snapshot failed as the run ended: could not write snapshot_iter_20.npz"), warning);
        RunSummary r = store.find(s.runId());
        assertEquals(RunStatus.STOPPED, r.status());
        assertEquals(o.result().warnings(), Json.parseObject(Files.readString(r.folder().resolve("status.json"))).get("warnings"),
                "the run's folder says what the window and the command line say");
        assertEquals("the user's", Files.readString(blocker.resolve("keep.txt")));
    }
}
