package io.digitstudio.train;

import io.digitstudio.data.Mnist;
import io.digitstudio.nn.Host;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Parameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class LayerStatsTest {
    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    @Test
    void statisticsMatchADirectComputation() {
        float[] before = {1, 2, 3, 4};
        float[] now = {1.5f, 2, 2, 4};
        float[] grad = {-1, 0, 2, 0};
        LayerStats.ParamStats s = LayerStats.of("l1/W", now, grad, before);
        assertEquals((1.5 + 2 + 2 + 4) / 4, s.mean(), 1e-9);
        double m = s.mean();
        assertEquals(Math.sqrt(((1.5 - m) * (1.5 - m) + (2 - m) * (2 - m) * 2 + (4 - m) * (4 - m)) / 4), s.std(), 1e-9);
        assertEquals(0.25, s.gradMean(), 1e-9);
        assertEquals((0.5 - 1) / 4, s.updateMean(), 1e-9);
        assertEquals((0.5 + 1) / (1.5 + 2 + 2 + 4), s.ratio(), 1e-9);
        assertEquals(Math.log10(s.ratio()), s.log10Ratio(), 1e-12);
    }

    @Test
    void samplesDuringARunAreTheParametersOwnFiguresAndLeaveTheRunUnchanged() {
        var train = Mnist.bundled().train().head(1280);
        var test = Mnist.bundled().test().head(200);
        TrainingConfig cfg = TrainingConfig.tutorial().withEpochs(2).withUnits(30);
        List<LayerStats.Sample> samples = new ArrayList<>();
        TrainingLoop watched = TrainingLoop.create(cfg, train, test, "t");
        List<float[]> seen = new ArrayList<>();
        watched.addExtension(new LayerStats(5, s -> {
            samples.add(s);
            // what the sample says is what the model holds at that moment
            Parameter w = watched.model().namedParams().get("l1/W");
            seen.add(Host.toArray(w.data()));
        }, test));
        TrainingResult a = watched.run();
        assertEquals(20 / 5, samples.size(), "20 iterations, one sample every 5 (at 5, 10, 15, 20)");
        LayerStats.Sample first = samples.get(0);
        assertEquals(5, first.iteration());
        assertEquals(List.of("l1/W", "l1/b", "l2/W", "l2/b", "l3/W", "l3/b"), first.params().stream().map(LayerStats.ParamStats::name).toList());
        float[] w = seen.get(0);
        double sum = 0;
        for (float v : w) sum += v;
        assertEquals(sum / w.length, first.params().get(0).mean(), 1e-7);
        for (LayerStats.ParamStats p : first.params()) {
            assertTrue(p.ratio() > 1e-6 && p.ratio() < 1, p.name() + " ratio " + p.ratio());
        }
        assertEquals(java.util.Set.of("l1 · relu", "l2 · relu"), first.dead().keySet());
        for (double d : first.dead().values()) assertTrue(d >= 0 && d <= 1);
        // the same run without the statistics ends with the same weights and figures
        TrainingResult b = TrainingLoop.create(cfg, train, test, "t").run();
        assertEquals(b.last().valLoss(), a.last().valLoss(), 0);
        assertEquals(b.last().trainLoss(), a.last().trainLoss(), 0);
    }
}
