package io.digitstudio.train;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.nn.Host;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Parameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class TrainingLoopTest {
    static LabeledImages train;
    static LabeledImages test;

    @BeforeAll
    static void data() {
        Nd4jSetup.init();
        train = Mnist.bundled().train().head(6000);
        test = Mnist.bundled().test().head(1000);
    }

    private static TrainingConfig small(int epochs) {
        return TrainingConfig.tutorial().withEpochs(epochs).withUnits(50);
    }

    @Test
    void aShortRealRunLearns() {
        TrainingLoop loop = TrainingLoop.create(TrainingConfig.tutorial().withEpochs(3), train, test, "test");
        List<EpochReport> epochs = new ArrayList<>();
        AtomicInteger iterations = new AtomicInteger();
        new Watch().iteration(e -> {
            iterations.incrementAndGet();
            assertTrue(Double.isFinite(e.loss()));
        }).epoch(epochs::add).on(loop);
        TrainingResult result = loop.run();
        assertEquals(TrainingResult.Outcome.COMPLETED, result.outcome());
        assertEquals(3, epochs.size());
        assertEquals(3 * 47, iterations.get()); // ceil(6000/128) per epoch, last batch filled from the next epoch
        EpochReport last = epochs.get(2);
        assertTrue(last.valAccuracy() > 0.85, "val accuracy " + last.valAccuracy());
        assertTrue(last.trainLoss() < epochs.get(0).trainLoss());
        assertTrue(last.tutorialLine().matches("epoch:03 train_loss:\\d\\.\\d{4} val_loss:\\d\\.\\d{4} val_accuracy:0\\.\\d{4} time:.*"), last.tutorialLine());
    }

    @Test
    void aRunTakesItsValidationsArraysBeforeItsFirstStep() {
        int cores = io.digitstudio.nn.Cores.count();
        try {
            for (int c : new int[]{1, 2}) {
                io.digitstudio.nn.Cores.setCount(c);
                TrainingLoop loop = TrainingLoop.create(small(2), train.head(1000), test.head(300), "t");
                List<Long> atFirstStep = new ArrayList<>();
                new Watch().iteration(e -> {
                    if (atFirstStep.isEmpty()) atFirstStep.add(loop.validationAllocations());
                }).on(loop);
                assertEquals(TrainingResult.Outcome.COMPLETED, loop.run().outcome());
                assertTrue(atFirstStep.get(0) > 0, c + " cores: validation's arrays not taken before the first step");
                assertEquals(atFirstStep.get(0), loop.validationAllocations(), c + " cores: validation took new arrays");
            }
        } finally {
            io.digitstudio.nn.Cores.setCount(cores);
        }
    }

    @Test
    void sameSeedSameWeightsBitForBit() {
        float[] a = firstWeights(TrainingLoop.create(small(1), train.head(1000), test.head(200), "t"));
        float[] b = firstWeights(TrainingLoop.create(small(1), train.head(1000), test.head(200), "t"));
        float[] c = firstWeights(TrainingLoop.create(small(1).withSeed(1), train.head(1000), test.head(200), "t"));
        assertArrayEquals(a, b, 0f);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    private static float[] firstWeights(TrainingLoop loop) {
        loop.run();
        Parameter w = loop.model().namedParams().get("l1/W");
        return Host.toArray(w.data());
    }

    @Test
    void validationIsWeightedByExamples() {
        // 1000 test examples at batch 128: the last batch holds 104; a weighted mean over a batch-size-1 pass agrees
        TrainingLoop loop = TrainingLoop.create(small(1), train.head(1000), test, "t");
        loop.run();
        Evaluator.Result big = new Evaluator(test, 128).evaluate(loop.model());
        Evaluator.Result one = new Evaluator(test, 1).evaluate(loop.model());
        assertEquals(1000, big.count());
        assertEquals(one.accuracy(), big.accuracy(), 1e-9);
        assertEquals(one.loss(), big.loss(), 1e-5);
    }

    @Test
    void theLastIterationIsTheAnnouncedTotal() {
        // 10 epochs of 6000 at batch 128 take ceil(60000 / 128) = 469 iterations (an epoch's last batch is filled from
        // the next one), not 10 x 47 = 470: the status bar must end at "469/469"
        TrainingLoop loop = TrainingLoop.create(small(10), train, test.head(100), "t");
        long[] announced = new long[1];
        List<IterationEvent> events = new ArrayList<>();
        new Watch().start(s -> announced[0] = s.totalIterations()).iteration(events::add).on(loop);
        loop.run();
        IterationEvent last = events.get(events.size() - 1);
        assertEquals(469, announced[0]);
        assertEquals(469, last.iteration());
        assertEquals(469, last.totalIterations());
    }

    @Test
    void stopEndsBetweenIterationsAndPauseHoldsTheWorker() throws Exception {
        TrainingLoop loop = TrainingLoop.create(small(50), train, test, "t");
        AtomicInteger seen = new AtomicInteger();
        java.util.concurrent.CountDownLatch fifth = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch tenth = new java.util.concurrent.CountDownLatch(1);
        new Watch().iteration(e -> {
            int n = seen.incrementAndGet();
            if (n == 5) {
                loop.control().pause();
                fifth.countDown();
            }
            if (n == 10) tenth.countDown();
        }).on(loop);
        TrainingResult[] result = new TrainingResult[1];
        Thread worker = new Thread(() -> result[0] = loop.run());
        worker.start();
        assertTrue(fifth.await(60, java.util.concurrent.TimeUnit.SECONDS));
        // the worker parks itself before the sixth iteration: wait for that state, then check nothing moved
        while (worker.getState() != Thread.State.WAITING) {
            assertTrue(worker.isAlive());
            Thread.onSpinWait();
        }
        assertEquals(5, seen.get(), "paused loop went on");
        loop.control().resume();
        assertTrue(tenth.await(60, java.util.concurrent.TimeUnit.SECONDS), "resumed loop continues");
        loop.control().requestStop();
        worker.join();
        assertEquals(TrainingResult.Outcome.STOPPED, result[0].outcome());
    }

    @Test
    void interruptingAPausedWorkerEndsTheRunAtOnce() throws Exception {
        // what closing the window does: the worker pool is shut down, which interrupts a paused run
        TrainingLoop loop = TrainingLoop.create(small(50), train, test, "t");
        loop.control().pause();
        TrainingResult[] result = new TrainingResult[1];
        Thread worker = new Thread(() -> result[0] = loop.run());
        worker.start();
        while (worker.getState() != Thread.State.WAITING) {
            assertTrue(worker.isAlive());
            Thread.onSpinWait();
        }
        worker.interrupt();
        worker.join();
        assertEquals(TrainingResult.Outcome.STOPPED, result[0].outcome());
        assertEquals(0, loop.iteration(), "no iteration ran");
    }

    @Test
    void divergenceStopsWithAMessage() {
        TrainingConfig cfg = small(3).withOptimizer("sgd", 1e6, null);
        TrainingResult r = TrainingLoop.create(cfg, train.head(2000), test.head(100), "t").run();
        assertEquals(TrainingResult.Outcome.DIVERGED, r.outcome());
        assertTrue(r.message().contains("learning rate (1e6) is too high"), r.message());
    }

    @Test
    void configRefusesBadSettingsWithTheAllowedRange() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainingConfig.tutorial().withBatchSize(0)).getMessage()
                .contains("between 1 and"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainingConfig.tutorial().withEpochs(-1)).getMessage().contains("epochs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainingConfig.tutorial().withUnits(0)).getMessage().contains("units"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainingConfig.tutorial().withOptimizer("sgd", 0.0, null)).getMessage().contains("learning rate"));
        // a batch larger than the training set is filled from the following epochs, as Chainer's iterator fills it
        TrainingLoop big = TrainingLoop.create(TrainingConfig.tutorial().withBatchSize(250).withEpochs(5).withUnits(8), train.head(100), test.head(50), "t");
        TrainingResult r = big.run();
        assertEquals(2, r.iterations(), "5 epochs of 100 in batches of 250");
        assertEquals(5, big.iterator().epoch());
    }

    @Test
    void eachValidationHandsExtensionsItsConfusionMatrixTalliedInTheSamePass() {
        TrainingLoop loop = TrainingLoop.create(small(2), train.head(2000), test.head(300), "t");
        List<ConfusionMatrix> matrices = new ArrayList<>();
        List<EpochReport> reports = new ArrayList<>();
        new Watch().epochWithMatrix((r, m) -> {
            matrices.add(m);
            reports.add(r);
        }).on(loop);
        loop.run();
        assertEquals(2, matrices.size());
        for (int e = 0; e < 2; e++) {
            ConfusionMatrix m = matrices.get(e);
            assertEquals(300, m.total());
            assertEquals(reports.get(e).valAccuracy(), m.accuracy(), 1e-6, "the trace over the total is the accuracy reported");
            for (int c = 0; c < 10; c++) {
                long support = 0;
                for (int i = 0; i < 300; i++) if (test.label(i) == c) support++;
                assertEquals(support, m.support(c), "rows sum to the classes' supports");
            }
        }
        assertNotSame(matrices.get(0), matrices.get(1), "each epoch's matrix is the extensions' to keep");
        assertSame(matrices.get(1), loop.lastConfusion());
        // the tally equals the matrix of the collected predictions of a separate pass
        Evaluator.Result again = new Evaluator(test.head(300), 77).evaluateCollecting(loop.model());
        ConfusionMatrix direct = ConfusionMatrix.of(test.head(300), again.predictions(), 10);
        for (int t = 0; t < 10; t++) for (int p = 0; p < 10; p++) assertEquals(direct.count(t, p), matrices.get(1).count(t, p));
        assertEquals(direct.accuracy(), again.confusion().accuracy(), 0);
    }
}
