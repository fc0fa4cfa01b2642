package io.digitstudio.train;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.nn.Cores;
import io.digitstudio.nn.Nd4jSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The garbage a warm training step makes, in bytes: a budget, not a unit test. The count depends on the JIT (what its
 * escape analysis keeps off the heap) and so on the machine and the moment, so it runs in the {@code budgets} profile
 * ({@code mvn -Pbudgets test}), not in {@code mvn verify}.
 */
@Tag("budget")
class HotPathAllocationBudgetTest {
    static LabeledImages test;
    private final int cores = Cores.count();

    @BeforeAll
    static void data() {
        Nd4jSetup.init();
        test = Mnist.bundled().test().head(200);
    }

    @AfterEach
    void restoreCores() {
        Cores.setCount(cores);
    }

    /** Bytes the training thread and the helper cores have allocated so far. */
    private static long allocated() {
        var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = bean.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("digitstudio-core")) sum += bean.getThreadAllocatedBytes(t.getId());
        }
        return sum;
    }

    /**
     * A warm two-core step allocates only its define-by-run graph (the Variables and Function nodes of one forward
     * pass, a few kilobytes), not its arrays, buffers or native pointers: garbage made in the hot path becomes young
     * collections that stop both parts. The step is followed as every session follows it (its training-loss curve).
     */
    @Test
    void aWarmStepAllocatesOnlyItsGraph() {
        Cores.setCount(2);
        TrainingConfig cfg = TrainingConfig.tutorial().withEpochs(6).withBatchSize(32);
        TrainingLoop loop = TrainingLoop.create(cfg, Mnist.bundled().train().head(20000), test, "t");
        int perEpoch = loop.iterator().batchesPerEpoch(); // 625
        long from = 5L * perEpoch + 50, to = 6L * perEpoch - 50; // inside the sixth epoch: no validation between
        long[] at = new long[2];
        loop.addExtension(new LossCurve()); // every session follows its run's training loss
        loop.addExtension(new Extension() {
            @Override
            public String name() {
                return "meter";
            }

            @Override
            public Trigger trigger() {
                return Trigger.EVERY_ITERATION;
            }

            @Override
            public void call(TrainingLoop l) {
                if (l.iteration() == from) at[0] = allocated();
                if (l.iteration() == to) at[1] = allocated();
            }
        });
        loop.run();
        double perStep = (at[1] - at[0]) / (double) (to - from);
        assertTrue(at[0] > 0 && perStep < 12_000, "a warm step allocated " + perStep + " bytes");
    }
}
