package io.digitstudio.runs;

import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.train.EpochReport;
import io.digitstudio.train.RunOptions;
import io.digitstudio.train.StopAt;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.train.TrainingLoop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A run stopped at any iteration and resumed by its id keeps the log an uninterrupted run keeps: every epoch's entry,
 * the same figures bit for bit (the times aside), whether it stopped in the middle of an epoch or just as one ended.
 */
class StopAndResumeTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    /** 1,000 examples in batches of 128: epochs end at iterations 8, 16 and 24. */
    private static final TrainingConfig THREE = TrainingConfig.tutorial().withUnits(20).withOptimizer("momentum-sgd", 0.1, null)
            .withLimits(1000, 200).withEpochs(3);

    private static List<Map<String, Double>> withoutTimes(List<Map<String, Double>> log) {
        List<Map<String, Double>> out = new ArrayList<>();
        for (Map<String, Double> e : log) {
            Map<String, Double> m = new LinkedHashMap<>(e);
            m.remove("elapsed_time");
            m.remove(EpochReport.TRAIN_SECONDS);
            m.remove(EpochReport.VAL_SECONDS);
            out.add(m);
        }
        return out;
    }

    private List<Map<String, Double>> uninterrupted() {
        RunStore store = new RunStore(dir.resolve("straight"));
        TrainingSession s = TrainingSession.builder(store, "cli").config(THREE).options(RunOptions.NONE).build();
        assertEquals(TrainingSession.Verdict.LEARNED, s.run().verdict());
        List<Map<String, Double>> log = store.log(store.find(s.runId()));
        assertEquals(3, log.size());
        return log;
    }

    /** Stops a run where {@code stop} has it stop, checks what its record says, resumes it by its id and gives its log. */
    private List<Map<String, Double>> stoppedAndResumed(Consumer<TrainingLoop> stop, long stoppedAt, int epochsAtStop) {
        RunStore store = new RunStore(dir.resolve("stopped"));
        TrainingSession s = TrainingSession.builder(store, "cli").config(THREE).options(RunOptions.NONE).build();
        stop.accept(s.loop());
        TrainingSession.Outcome o = s.run();
        assertEquals(TrainingSession.Verdict.STOPPED, o.verdict());
        assertEquals(stoppedAt, s.loop().iteration());
        assertNotNull(o.stopSnapshot(), "a stopped run can be resumed");
        RunSummary r = store.find(s.runId());
        assertEquals(RunStatus.STOPPED, r.status());
        assertEquals(epochsAtStop, r.epochsDone(), "the epochs 'runs list' shows for the stopped run");
        assertEquals(epochsAtStop, store.log(r).size());

        TrainingSession resumed = TrainingSession.builder(store, "cli").resume(TrainingSession.locate(store, s.runId())).build();
        assertEquals(s.runId(), resumed.runId());
        assertEquals(TrainingSession.Verdict.LEARNED, resumed.run().verdict());
        return store.log(store.find(s.runId()));
    }

    @Test
    void aRunStoppedInTheMiddleOfAnEpochResumesToTheUninterruptedLog() {
        List<Map<String, Double>> straight = uninterrupted();
        List<Map<String, Double>> resumed = stoppedAndResumed(l -> l.addExtension(new StopAt(12)), 12, 1);
        assertEquals(withoutTimes(straight), withoutTimes(resumed));
    }

    @Test
    void aRunStoppedAsAnEpochsLastBatchTrainsKeepsThatEpochAndResumesToTheUninterruptedLog() {
        List<Map<String, Double>> straight = uninterrupted();
        // the user's Stop (or Ctrl-C) comes while the 16th batch, the last of epoch 2, trains: read on the loop's clock
        // as the update is timed, before the epoch's validation
        long[] now = {0};
        List<Map<String, Double>> resumed = stoppedAndResumed(l -> l.setClock(() -> {
            if (l.iteration() == 16) l.control().requestStop();
            return now[0] += 1_000_000L; // a millisecond a reading: the run's times, which the comparison leaves out
        }), 16, 2);
        assertEquals(withoutTimes(straight), withoutTimes(resumed));
    }

    @Test
    void aRunStoppedByAnExtensionAtAnEpochsEndResumesToTheUninterruptedLog() {
        List<Map<String, Double>> straight = uninterrupted();
        List<Map<String, Double>> resumed = stoppedAndResumed(l -> l.addExtension(new StopAt(16)), 16, 2);
        assertEquals(withoutTimes(straight), withoutTimes(resumed));
    }
}
