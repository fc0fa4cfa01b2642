package io.digitstudio.runs;

import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.train.Extension;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.train.TrainingLoop;
import io.digitstudio.train.TrainingResult;
import io.digitstudio.train.Trigger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A run's duration, on a clock the test moves by hand: every iteration takes one second, a pause and the time between
 * an interruption and a resume take a thousand, and only the iterations' seconds are the run's.
 */
class RunDurationTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    /** Each iteration moves the clock one second on; at iteration {@code pauseAt} the run pauses. */
    private static Extension ticking(AtomicLong now, long pauseAt) {
        return new Extension() {
            @Override
            public String name() {
                return "Tick";
            }

            @Override
            public Trigger trigger() {
                return Trigger.EVERY_ITERATION;
            }

            @Override
            public void call(TrainingLoop loop) {
                now.addAndGet(SECOND);
                if (loop.iteration() == pauseAt) loop.control().pause();
            }
        };
    }

    private static TrainingConfig config(int epochs) {
        return TrainingConfig.tutorial().withEpochs(epochs).withUnits(10).withLimits(300, 100);
    }

    @Test
    void pausedTimeIsNotTheRuns() throws Exception {
        RunStore store = new RunStore(dir);
        TrainingSession s = TrainingSession.builder(store, "gui").config(config(2)).build();
        TrainingLoop loop = s.loop();
        AtomicLong now = new AtomicLong(5 * SECOND);
        loop.setClock(now::get);
        loop.addExtension(ticking(now, 2));
        TrainingSession.Outcome[] out = new TrainingSession.Outcome[1];
        Thread worker = new Thread(() -> out[0] = s.run());
        worker.start();
        // the worker parks itself before the third iteration; the pause then lasts a thousand seconds
        while (worker.getState() != Thread.State.WAITING) {
            assertTrue(worker.isAlive());
            Thread.onSpinWait();
        }
        now.addAndGet(1000 * SECOND);
        loop.control().resume();
        worker.join();

        TrainingResult r = out[0].result();
        assertEquals(TrainingResult.Outcome.COMPLETED, r.outcome());
        long iterations = loop.iteration();
        assertEquals(iterations, r.seconds(), 1e-9, "the Train view's Took: one second an iteration, the pause left out");
        assertEquals(iterations, loop.elapsedTime(), 1e-9);
        RunSummary run = store.find(s.runId());
        assertEquals(r.seconds(), run.seconds(), 0, "the history's time is the same figure");
        List<Map<String, Double>> log = store.log(run);
        // written during the last iteration, before or after its tick: never with the pause's thousand seconds
        assertEquals(iterations, log.get(log.size() - 1).get("elapsed_time"), 1 + 1e-9, "and the log's elapsed_time");
    }

    @Test
    void theTimeBetweenAnInterruptionAndAResumeIsNotTheRuns() {
        RunStore store = new RunStore(dir);
        TrainingSession first = TrainingSession.builder(store, "cli").config(config(1)).snapshots(1, null, 3).build();
        AtomicLong now = new AtomicLong(0);
        first.loop().setClock(now::get);
        first.loop().addExtension(ticking(now, -1));
        first.run();
        long before = first.loop().iteration();
        assertEquals(before, store.find(first.runId()).seconds(), 1e-9);

        // a day later, the run goes on for another epoch
        now.addAndGet(86_400 * SECOND);
        TrainingSession resumed = TrainingSession.builder(store, "cli").resume(TrainingSession.locate(store, first.runId())).epochs(2).build();
        resumed.loop().setClock(now::get);
        resumed.loop().addExtension(ticking(now, -1));
        TrainingResult r = resumed.run().result();
        long iterations = resumed.loop().iteration();
        assertTrue(iterations > before);
        assertEquals(iterations, r.seconds(), 1e-9, "both sessions' iterations, not the day between them");
        assertEquals(r.seconds(), store.find(first.runId()).seconds(), 0);
    }
}
