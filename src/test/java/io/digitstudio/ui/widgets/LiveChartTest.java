package io.digitstudio.ui.widgets;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The axes' arithmetic and the thinned series, without a window. */
class LiveChartTest {
    @Test
    void ticksAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(0.5, io.digitstudio.io.NiceTicks.niceUnit(2.3, 5), 1e-12);
        assertEquals(0.002, io.digitstudio.io.NiceTicks.niceUnit(0.01, 5), 1e-12);
        assertEquals(0.005, io.digitstudio.io.NiceTicks.niceUnit(0.01, 2), 1e-12);
        assertEquals(10, io.digitstudio.io.NiceTicks.niceUnit(47, 5), 1e-12);
        assertEquals(1, io.digitstudio.io.NiceTicks.niceUnit(0, 5), 0, "no range: a unit all the same");
    }

    @Test
    void aFittedAxisEndsOnTicksAndASetBoundIsKept() {
        // a loss from 0.13 to 2.31 with zero forced in: 0 to 2.5 in steps of 0.5
        assertArrayEquals(new double[]{0, 2.5, 0.5}, io.digitstudio.io.NiceTicks.fit(0, 2.31, Double.NaN, Double.NaN, Double.NaN, 5), 1e-12);
        // the accuracy axis: its floor and top set, its unit set
        assertArrayEquals(new double[]{0.85, 1, 0.05}, io.digitstudio.io.NiceTicks.fit(0.86, 0.97, 0.85, 1, 0.05, 5), 1e-12);
        // a data end already on a tick stays there
        assertArrayEquals(new double[]{-4, -2, 0.5}, io.digitstudio.io.NiceTicks.fit(-4, -2, Double.NaN, Double.NaN, Double.NaN, 4), 1e-12);
        // a unit far too fine for the range gives way to a readable one
        assertEquals(200, io.digitstudio.io.NiceTicks.fit(0, 1000, 0, 1000, 1, 5)[2], 1e-12);
    }

    @Test
    void theTicksRunFromTheFirstMultipleToTheTopWithoutLosingTheLast() {
        double first = io.digitstudio.io.NiceTicks.firstTick(0.85, 0.05);
        assertEquals(0.85, first, 1e-12);
        assertEquals(4, io.digitstudio.io.NiceTicks.tickCount(first, 1, 0.05), "0.85, 0.90, 0.95, 1.00");
        assertEquals(11, io.digitstudio.io.NiceTicks.tickCount(io.digitstudio.io.NiceTicks.firstTick(0, 0.1), 1, 0.1), "0.0 … 1.0: ten steps of 0.1 still reach 1");
        assertEquals(3, io.digitstudio.io.NiceTicks.tickCount(io.digitstudio.io.NiceTicks.firstTick(-0.3, 0.5), 1.2, 0.5), "0, 0.5, 1 between -0.3 and 1.2");
    }

    @Test
    void aSeriesKeepsItsEndsAndAtMostItsCapOfPoints() {
        DecimatedSeries s = new DecimatedSeries("loss", 10, false);
        int[] told = {0};
        s.addListener(() -> told[0]++);
        List<double[]> pts = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) pts.add(new double[]{i, 100 - i});
        s.addAll(pts);
        assertEquals(1, told[0], "one change for the whole batch");
        assertTrue(s.size() <= 10, "capped: " + s.size());
        assertEquals(0, s.x(0));
        assertEquals(99, s.x(s.size() - 1), "the newest point is shown");
        for (int i = 1; i < s.size(); i++) assertTrue(s.x(i) > s.x(i - 1));
        assertEquals(100, s.count());
        assertArrayEquals(new double[]{1, 100}, s.yRange());
        s.clear();
        assertEquals(0, s.size());
        assertEquals(2, told[0]);
    }

    @Test
    void aDivergingRunsAxisReadsInScientificNotationAndNoTwoTicksReadTheSame() {
        // a loss that blew up to 3e14: ticks 0, 1e14, 2e14, 3e14, not 300000000000000
        double[] r = io.digitstudio.io.NiceTicks.fit(0, 2.9e14, Double.NaN, Double.NaN, Double.NaN, 5);
        int d = LiveChart.decimals(r[2]);
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < io.digitstudio.io.NiceTicks.tickCount(io.digitstudio.io.NiceTicks.firstTick(r[0], r[2]), r[1], r[2]); i++) labels.add(LiveChart.label(r[0] + i * r[2], d, r[2]));
        assertEquals(List.of("0", "5e13", "1e14", "1.5e14", "2e14", "2.5e14", "3e14"), labels);
        // a narrow range of small values: every tick its own label
        double unit = 2e-5;
        labels.clear();
        for (int i = 0; i < 5; i++) labels.add(LiveChart.label(0.01800 + i * unit, LiveChart.decimals(unit), unit));
        assertEquals(5, new java.util.HashSet<>(labels).size(), labels.toString());
        unit = 5e-4;
        assertEquals("1.8e-2", LiveChart.label(0.018, LiveChart.decimals(unit), unit).replace("1.80e-2", "1.8e-2"));
    }

    @Test
    void aLearningRateAxisReadsDistinctTicksForTinyAndSteadyRates() {
        // the Train view's lr axis: zero included, the top a quarter above the largest rate, two or three ticks
        for (double lr : new double[]{8e-13, 1e-9, 3e-7, 1e-4, 0.001, 0.01, 0.1, 0.009999999776482582}) {
            List<String> labels = LiveChart.tickLabels(io.digitstudio.io.NiceTicks.fitValues(0, lr, Double.NaN, lr * 1.25, Double.NaN, 2));
            assertReadable(labels, "lr " + lr);
            assertEquals("0", labels.get(0).replaceAll("^0\\.0+$", "0"), "the bottom tick is zero for lr " + lr + ": " + labels);
            assertTrue(labels.size() >= 2 && !labels.get(1).equals("0"), "a tick above zero reads as more than zero: " + labels);
        }
        // a steady rate stored as a float (0.009999999776 next to 0.01), axis fitted to the data alone
        for (int ticks = 2; ticks <= 8; ticks++) {
            List<String> labels = LiveChart.tickLabels(io.digitstudio.io.NiceTicks.fitValues(0.009999999776482582, 0.01, Double.NaN, Double.NaN, Double.NaN, ticks));
            assertReadable(labels, "steady 0.01 with " + ticks + " ticks");
            assertTrue(labels.stream().allMatch(l -> l.length() <= 7), "short ticks, not rounding noise: " + labels);
        }
        // a rate shifted down exponentially to almost nothing, and a tiny steady one
        assertReadable(LiveChart.tickLabels(io.digitstudio.io.NiceTicks.fitValues(1e-12, 0.1, Double.NaN, Double.NaN, Double.NaN, 5)), "decayed");
        assertReadable(LiveChart.tickLabels(io.digitstudio.io.NiceTicks.fitValues(1e-12, 1e-12, Double.NaN, Double.NaN, Double.NaN, 4)), "steady 1e-12");
        assertReadable(LiveChart.tickLabels(io.digitstudio.io.NiceTicks.fitValues(0, 0, Double.NaN, Double.NaN, Double.NaN, 4)), "all zero");
    }

    /** At least two ticks, none the same, each reading back as a value in the axis's order. */
    private static void assertReadable(List<String> labels, String what) {
        assertTrue(labels.size() >= 2, what + ": " + labels);
        assertEquals(labels.size(), new java.util.HashSet<>(labels).size(), what + ": ticks read the same: " + labels);
        for (int i = 1; i < labels.size(); i++) {
            assertTrue(Double.parseDouble(labels.get(i)) > Double.parseDouble(labels.get(i - 1)), what + ": out of order: " + labels);
        }
    }
}
