package io.digitstudio.runs;

import io.digitstudio.nn.NetworkSpec;
import io.digitstudio.runs.sweep.Axis;
import io.digitstudio.runs.sweep.Sweep;
import io.digitstudio.train.RunOptions;
import io.digitstudio.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Planning a sweep: the grid's points, random points drawn reproducibly from ranges, and the plan kept on disk. */
class SweepPlanTest {
    @TempDir
    Path dir;

    private static RunSettings template() {
        TrainingConfig c = new TrainingConfig(5, 128, NetworkSpec.of("tutorial"), "momentum-sgd", Map.of("lr", 0.01, "momentum", 0.9), 3, true, 0, 0, false);
        return new RunSettings("", Instant.parse("2026-12-04T00:00:00Z"), "sweep", c, RunOptions.NONE, "MNIST", "MNIST (bundled)", "ab", 60000, 10000,
                "", "", Map.of());
    }

    @Test
    void aGridHasEveryCombinationAndEachPointsSettingsCarryItsValues() {
        Sweep s = Sweep.plan(template(), List.of(Axis.parse("lr", "--lr", "0.1,0.03,0.01", false), Axis.parse("batch_size", "--batch", "64,128", true)),
                null, 0, 1);
        assertEquals(6, s.points().size());
        assertEquals(Map.of("lr", 0.1, "batch_size", 64.0), s.points().get(0));
        assertEquals(Map.of("lr", 0.01, "batch_size", 128.0), s.points().get(5));
        RunSettings p = s.settingsFor(3);
        assertEquals(0.03, p.config().hyperparams().get("lr"));
        assertEquals(0.9, p.config().hyperparams().get("momentum"));
        assertEquals(128, p.config().batchSize());
        assertEquals(3, p.config().seed());
        assertEquals("lr=0.03 batch_size=128", s.describe(3));
    }

    @Test
    void aSweptRateReadsAsEveryViewWritesARate() {
        Sweep s = Sweep.plan(template(), List.of(Axis.parse("lr", "--lr", "0.0001,0.00031622776601683794", false),
                Axis.parse("momentum", "--momentum", "0.95", false)), null, 0, 1);
        assertEquals("lr=1e-4 momentum=0.95", s.describe(0));
        assertEquals("lr=3.162e-4 momentum=0.95", s.describe(1));
        assertTrue(new io.digitstudio.runs.sweep.SweepResult(s, List.of(new io.digitstudio.runs.sweep.SweepResult.Row(1, s.points().get(1), null))).table().contains(" 3.162e-4 "));
    }

    @Test
    void randomPointsComeFromTheRangesAndRepeatWithTheSeed() {
        List<Axis> axes = List.of(Axis.parse("lr", "--lr", "log:1e-4:1e-1", false), Axis.parse("batch_size", "--batch", "32:256", true));
        Sweep a = Sweep.plan(template(), axes, 50, 7, 1);
        Sweep b = Sweep.plan(template(), axes, 50, 7, 1);
        Sweep c = Sweep.plan(template(), axes, 50, 8, 1);
        assertEquals(a.points(), b.points());
        assertNotEquals(a.points(), c.points());
        int below = 0;
        for (Map<String, Double> p : a.points()) {
            double lr = p.get("lr");
            assertTrue(lr >= 1e-4 && lr <= 1e-1, "lr " + lr);
            if (lr < 1e-2) below++;
            double batch = p.get("batch_size");
            assertTrue(batch >= 32 && batch <= 256 && batch == Math.rint(batch), "batch " + batch);
        }
        // evenly in the logarithm: about two thirds of the draws lie below 1e-2
        assertTrue(below > 20 && below < 45, "draws below 0.01: " + below);
        assertTrue(Axis.parse("lr", "--lr", "log:1e-4:1e-1", false).logScale());
    }

    @Test
    void thePlanIsKeptAndReadBackWithOneSettingsFilePerPoint() {
        Sweep s = Sweep.plan(template(), List.of(Axis.parse("lr", "--lr", "0.1,0.01", false)), null, 0, 2).save(dir);
        Sweep back = Sweep.load(dir, s.id().substring(0, 4));
        assertEquals(s.id(), back.id());
        assertEquals(s.points(), back.points());
        assertEquals(2, back.threads());
        assertEquals(s.template().config(), back.template().config());
        RunSettings p1 = RunSettings.read(s.pointFile(dir, 1));
        assertEquals(new RunSettings.Sweep(s.id(), 1), p1.sweep());
        assertEquals(0.01, p1.config().hyperparams().get("lr"));
        assertEquals("ab", p1.dataChecksum());
        assertThrows(RunsException.class, () -> Sweep.load(dir, "zz"));
    }
}
