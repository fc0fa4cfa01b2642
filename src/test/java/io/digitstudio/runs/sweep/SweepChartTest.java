package io.digitstudio.runs.sweep;

import io.digitstudio.nn.NetworkSpec;
import io.digitstudio.runs.RunSettings;
import io.digitstudio.runs.RunStatus;
import io.digitstudio.runs.RunSummary;
import io.digitstudio.train.RunOptions;
import io.digitstudio.train.TrainingConfig;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The sweep's chart: accuracy against each swept value, on a log axis for learning rates and a linear one otherwise. */
class SweepChartTest {
    private static RunSettings template() {
        TrainingConfig c = new TrainingConfig(5, 128, NetworkSpec.of("tutorial"), "momentum-sgd", Map.of("lr", 0.01, "momentum", 0.9), 3, true, 0, 0, false);
        return new RunSettings("", Instant.parse("2026-12-04T00:00:00Z"), "sweep", c, RunOptions.NONE, "MNIST", "MNIST (bundled)", "ab", 60000, 10000,
                "", "", Map.of());
    }

    /** The x centres of the drawn points (blue, or red for the best) in the panel from {@code x0} to {@code x1}. */
    private static List<Double> pointColumns(BufferedImage img, int x0, int x1) {
        List<Double> centres = new ArrayList<>();
        int runStart = -1;
        for (int x = x0; x <= x1; x++) {
            boolean dot = false;
            for (int y = 0; y < img.getHeight() && x < x1 && !dot; y++) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
                dot = (b > 200 && r < 90 && g < 140) || (r > 200 && g < 90 && b < 90);
            }
            if (dot && runStart < 0) runStart = x;
            if (!dot && runStart >= 0) {
                centres.add((runStart + x - 1) / 2.0);
                runStart = -1;
            }
        }
        return centres;
    }

    @Test
    void learningRatesAreSpacedByTheirLogarithmAndBatchSizesByTheirValue() {
        Sweep s = Sweep.plan(template(), List.of(Axis.parse("lr", "--lr", "0.1,0.01,0.001", false), Axis.parse("batch_size", "--batch", "32,64,128", true)),
                null, 0, 1);
        List<SweepResult.Row> rows = new ArrayList<>();
        for (int i = 0; i < s.points().size(); i++) {
            double acc = 0.90 + 0.005 * i;
            RunSummary run = new RunSummary("run" + i, Path.of("run" + i), RunStatus.FINISHED, null, s.settingsFor(i), "", "", 5, acc, 0.3, acc, 5, 1.0,
                    null, Instant.EPOCH, List.of());
            rows.add(new SweepResult.Row(i, s.points().get(i), run));
        }
        int w = SweepChart.PANEL_WIDTH;
        BufferedImage img = SweepChart.render(new SweepResult(s, rows), w, SweepChart.PANEL_HEIGHT);
        assertEquals(2 * w, img.getWidth(), "a panel per swept setting");

        List<Double> lr = pointColumns(img, 0, w);
        assertEquals(3, lr.size(), "three rates: " + lr);
        // 0.001, 0.01, 0.1 evenly apart: a decade is a decade
        assertEquals(lr.get(1) - lr.get(0), lr.get(2) - lr.get(1), 2.0, "log axis: " + lr);
        List<Double> batch = pointColumns(img, w, 2 * w);
        assertEquals(3, batch.size(), "three batch sizes: " + batch);
        // 32, 64, 128: from 64 to 128 is twice as far as from 32 to 64
        assertEquals(2 * (batch.get(1) - batch.get(0)), batch.get(2) - batch.get(1), 3.0, "linear axis: " + batch);
    }
}
