package io.digitstudio.train;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.io.ModelInfo;
import io.digitstudio.io.NpyArray;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Network;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class LrFinderTest {
    static LabeledImages train;
    static LabeledImages test;

    @BeforeAll
    static void data() {
        Nd4jSetup.init();
        train = Mnist.bundled().train().head(20_000);
        test = Mnist.bundled().test().head(2_000);
    }

    @Test
    void theFinderTrainsACopyAndLeavesTheStartingWeightsAsTheyWere() {
        TrainingConfig c = TrainingConfig.tutorial();
        Network start = TrainingLoop.create(c, train, test, "t").model();
        Map<String, NpyArray> before = ModelFiles.toArrays(start, ModelInfo.NONE);
        List<LrFinder.Point> fed = new ArrayList<>();
        LrFinder.Result r = LrFinder.find(c, train, test, start, new LrFinder.Range(1e-4, 1e3, 60), fed::add, null);
        Map<String, NpyArray> after = ModelFiles.toArrays(start, ModelInfo.NONE);
        before.forEach((k, v) -> assertArrayEquals(v.data(), after.get(k).data(), k));

        assertEquals(r.points(), fed);
        List<LrFinder.Point> p = r.points();
        // the first smoothed value is the loss itself (the bias correction undoes the zero start), then fast.ai's average
        assertEquals(p.get(0).loss(), p.get(0).smoothed(), 1e-12);
        double avg = LrFinder.BETA * (1 - LrFinder.BETA) * p.get(0).loss() + (1 - LrFinder.BETA) * p.get(1).loss();
        assertEquals(avg / (1 - LrFinder.BETA * LrFinder.BETA), p.get(1).smoothed(), 1e-12);
        assertEquals(1e-4, p.get(0).lr(), 1e-16);
        assertEquals(new LrFinder.Range(1e-4, 1e3, 60).lr(5), p.get(5).lr(), 1e-12);
        // up to 1000 the loss blows up: the run stops at the first smoothed loss above 4x the minimum
        assertTrue(p.size() < 60, "stopped early: " + p.size());
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < p.size() - 1; i++) {
            min = Math.min(min, p.get(i).smoothed());
            assertTrue(p.get(i).smoothed() <= 4 * min, "went on past 4x the minimum at step " + i);
        }
        LrFinder.Point last = p.get(p.size() - 1);
        assertTrue(!Double.isFinite(last.smoothed()) || last.smoothed() > 4 * min, r.stopReason());
        assertTrue(r.stopReason().startsWith("the loss exceeded 4 times its minimum") || r.stopReason().contains("finite"), r.stopReason());
        assertTrue(r.steepest() > 1e-4 && r.steepest() < last.lr(), "steepest " + r.steepest());
    }

    @Test
    void theSuggestionsAreTheSteepestFallLeavingOutTheNoisyEndsAndTheMinimumOverTen() {
        LrFinder.Range range = new LrFinder.Range(1e-5, 1, 40);
        double[] smoothed = new double[40];
        for (int i = 0; i < 10; i++) smoothed[i] = i < 6 ? 2.3 : 1.5; // a steep fall among the first ten: noise, left out
        for (int i = 10; i <= 20; i++) smoothed[i] = 1.5 - 0.02 * (i - 10);
        smoothed[21] = 1.2;
        smoothed[22] = 0.8; // the steepest fall inside: (0.5 - 1.2) / 2 steps of log(lr)
        smoothed[23] = 0.5;
        for (int i = 24; i <= 30; i++) smoothed[i] = 0.45 - 0.02 * (i - 24); // the minimum, 0.33, at 30
        double[] tail = {0.4, 0.6, 0.9, 1.3, 1.3, 0.4, 0.4, 0.4, 0.4}; // a steep fall among the last five: left out too
        System.arraycopy(tail, 0, smoothed, 31, tail.length);
        List<LrFinder.Point> points = new ArrayList<>();
        for (int i = 0; i < smoothed.length; i++) points.add(new LrFinder.Point(i, range.lr(i), smoothed[i], smoothed[i]));

        LrFinder.Result r = LrFinder.suggest(points, "test");
        assertEquals(range.lr(22), r.steepest(), 0.0, "the steepest fall, not the noisy ends'");
        assertEquals(range.lr(30) / 10, r.minimumTenth(), 1e-15);
        assertEquals(r.steepest(), r.suggestion());
    }

    /** A real 1-epoch run of the tutorial MLP at this rate: its validation accuracy. */
    private static double oneEpoch(double lr) {
        TrainingConfig c = TrainingConfig.tutorial().withEpochs(1).withOptimizer("momentum-sgd", lr, null);
        return TrainingLoop.create(c, train, test, "t").run().last().valAccuracy();
    }

    @Test
    void theSuggestedRateTrainsTheTutorialMlpWithinOnePointOfTheBestRateOfAGrid() {
        LrFinder.Result r = LrFinder.find(TrainingConfig.tutorial(), train, test, null, LrFinder.Range.DEFAULT, null, null);
        double suggested = oneEpoch(r.suggestion());
        double best = 0;
        StringBuilder grid = new StringBuilder();
        for (double lr : new double[]{0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0}) {
            double a = oneEpoch(lr);
            grid.append(lr).append(':').append(a).append(' ');
            best = Math.max(best, a);
        }
        String what = "suggested " + r.suggestion() + ": " + suggested + "; grid " + grid;
        System.out.println("lr-find tutorial MLP, 20000 examples: " + what);
        assertTrue(suggested >= best - 0.01, what);
    }
}
