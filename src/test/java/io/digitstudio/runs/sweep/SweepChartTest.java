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
        int w = SweepChart.PANEL_WIDTH;
        BufferedImage img = SweepChart.render(finished(s), w, SweepChart.PANEL_HEIGHT);
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

    /** Rows of finished runs for each of the sweep's points, reaching 90 %, 90.5 %, 91 %, … */
    private static SweepResult finished(Sweep s) {
        return finished(s, 0.90, 0.005);
    }

    /** Rows of finished runs for each of the sweep's points, the first reaching {@code first}, each next {@code step} more. */
    private static SweepResult finished(Sweep s, double first, double step) {
        List<SweepResult.Row> rows = new ArrayList<>();
        for (int i = 0; i < s.points().size(); i++) {
            double acc = first + step * i;
            RunSummary run = new RunSummary("run" + i, Path.of("run" + i), RunStatus.FINISHED, null, s.settingsFor(i), "", "", 5, acc, 0.3, acc, 5, 1.0,
                    null, Instant.EPOCH, List.of());
            rows.add(new SweepResult.Row(i, s.points().get(i), run));
        }
        return new SweepResult(s, rows);
    }

    /**
     * A setting of one value gets no panel: a trial saw "best validation accuracy vs batch_size" over a made-up axis of
     * 127, 128, 129 for a sweep of learning rates at one batch size, and a one-run sweep got a panel for each setting.
     * A sweep that varies nothing is one panel with no points, saying there is nothing to compare.
     */
    /** The chart's axis names a swept setting as the sweep's table titles its column: the rate "Learning rate (lr)". */
    @Test
    void anAxisIsNamedAsTheTablesColumnIs() {
        Sweep s = Sweep.plan(template(), List.of(Axis.parse("lr", "--lr", "0.1,0.01", false), Axis.parse("batch_size", "--batch", "50,100", true)),
                null, 0, 1);
        assertEquals("lr", s.column("lr"));
        assertEquals("Learning rate (lr)", s.axisTitle("lr"));
        assertEquals("Batch size", s.column("batch_size"));
        assertEquals("Batch size", s.axisTitle("batch_size"), "a column titled in full: no brackets");
    }

    @Test
    void aSettingOfOneValueHasNoPanel() {
        int w = SweepChart.PANEL_WIDTH;
        Sweep lrs = Sweep.plan(template(), List.of(Axis.parse("lr", "--lr", "0.1,0.01,0.001", false), Axis.parse("batch_size", "--batch", "128", true)),
                null, 0, 1);
        BufferedImage img = SweepChart.render(finished(lrs), w, SweepChart.PANEL_HEIGHT);
        assertEquals(w, img.getWidth(), "one panel, for the learning rates");
        assertEquals(3, pointColumns(img, 0, w).size(), "the three rates");

        Sweep one = Sweep.plan(template(), List.of(Axis.parse("lr", "--lr", "0.1", false), Axis.parse("batch_size", "--batch", "128", true)),
                null, 0, 1);
        BufferedImage single = SweepChart.render(finished(one), w, SweepChart.PANEL_HEIGHT);
        assertEquals(w, single.getWidth(), "one panel for a sweep of one run");
        assertEquals(List.of(), pointColumns(single, 0, w), "no point plotted against a made-up axis");
        assertTrue(count(single, SweepChart.Look.PRINT.text()) > 0, "it says why there is no chart");
    }

    /**
     * Each panel's frame is drawn alike: the same rows and columns of ink at the same places in each panel. The second
     * panel's frame and grid were drawn with the first panel's points' wider pen (issue 32: the Sweeps view's two
     * charts had different frames).
     */
    @Test
    void everyPanelHasTheSameFrame() {
        Sweep s = Sweep.plan(template(), List.of(Axis.parse("lr", "--lr", "0.1,0.01", false), Axis.parse("batch_size", "--batch", "50,100", true)),
                null, 0, 1);
        SweepResult result = finished(s, 0.50, 0.1);
        int w = 360, h = 270;
        for (float type : new float[]{12f, 18f}) {
            SweepChart.Look look = new SweepChart.Look(0xFFFFFF, 0x1F2937, 0xE5E7EB, 0x2563EB, 0xDC2626, type);
            BufferedImage img = SweepChart.render(result, w, h, look);
            // the frame's left and right sides, across a band around each, half way down (between the grid's lines and
            // away from the points), and its top and bottom, across a band around each, a third of the way along
            double k = type / 12f;
            int left = (int) Math.round(56 * k), right = w - (int) Math.round(16 * k), top = (int) Math.round(28 * k), bottom = h - (int) Math.round(42 * k);
            int midY = (top + bottom) / 2 + 3, thirdX = left + (right - left) / 3 + 3;
            for (int d = -3; d <= 3; d++) {
                for (int side : new int[]{left, right}) {
                    assertEquals(Integer.toHexString(img.getRGB(side + d, midY)), Integer.toHexString(img.getRGB(w + side + d, midY)),
                            "at " + type + " px, the frame's side " + d + " px from x " + side + " in each panel");
                }
                for (int edge : new int[]{top, bottom}) {
                    assertEquals(Integer.toHexString(img.getRGB(thirdX, edge + d)), Integer.toHexString(img.getRGB(w + thirdX, edge + d)),
                            "at " + type + " px, the frame's edge " + d + " px from y " + edge + " in each panel");
                }
            }
        }
    }

    /**
     * The rows from the first that holds a pixel other than {@code background} to the next that holds none, in the
     * middle third of the picture (left of it are the y axis's values): the title's.
     */
    static int titleHeight(BufferedImage img, int background) {
        int start = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            boolean ink = false;
            for (int x = img.getWidth() / 3; x < 2 * img.getWidth() / 3 && !ink; x++) ink = (img.getRGB(x, y) & 0xFFFFFF) != background;
            if (ink && start < 0) start = y;
            if (!ink && start >= 0) return y - start;
        }
        return 0;
    }

    /** The pixels of exactly this colour. */
    static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) n++;
        return n;
    }

    /**
     * A look's colours are the chart's (the app passes its theme's: Primer Dark's here), and a larger type (the UI scale)
     * makes its text larger, its title still whole in a panel narrow for it.
     */
    @Test
    void aLookGivesTheColoursAndTheTypeAndTheTitleStaysInItsPanel() {
        Sweep s = Sweep.plan(template(), List.of(Axis.parse("lr", "--lr", "0.1,0.01,0.001", false)), null, 0, 1);
        SweepResult r = finished(s, 0.90, 0.01);
        SweepChart.Look dark = new SweepChart.Look(0x0D1117, 0xC9D1D9, 0x21262D, 0x56B4E9, 0xD55E00, 12f);
        BufferedImage img = SweepChart.render(r, 360, 250, dark);
        assertEquals(0x0D1117, img.getRGB(0, 0) & 0xFFFFFF, "the background");
        assertEquals(0x0D1117, img.getRGB(359, 249) & 0xFFFFFF, "the background");
        assertTrue(count(img, 0xC9D1D9) > 100, "the frame and the text in the text colour");
        assertTrue(count(img, 0x56B4E9) > 20, "the points");
        assertTrue(count(img, 0xD55E00) > 20, "the best point");
        assertEquals(0, count(img, 0xFFFFFF), "nothing of the printed white");

        int at12 = titleHeight(img, 0x0D1117);
        BufferedImage larger = SweepChart.render(r, 360, 250, new SweepChart.Look(0x0D1117, 0xC9D1D9, 0x21262D, 0x56B4E9, 0xD55E00, 18f));
        int at18 = titleHeight(larger, 0x0D1117);
        assertTrue(at12 >= 8 && at18 >= 1.3 * at12, "the title " + at12 + " px high in 12 px type, " + at18 + " px in 18 px");
        // the title's ink within the panel, not cut at its sides
        for (int y = 0; y < at18 + 8; y++) {
            assertEquals(0x0D1117, larger.getRGB(0, y) & 0xFFFFFF, "nothing at the panel's left edge, row " + y);
            assertEquals(0x0D1117, larger.getRGB(359, y) & 0xFFFFFF, "nothing at the panel's right edge, row " + y);
        }
    }

    /**
     * The accuracy axis writes percentages, as the Sweeps table and the rest of the app write accuracies (97.31%), with
     * as many decimals as its step needs. A trial saw 0.97 on the chart beside 97.31% in the table (issue 32).
     */
    @Test
    void theAccuracyAxisIsInPercent() {
        assertEquals(List.of("68%", "69%", "70%"), SweepChart.yLabels(new double[]{0.68, 0.69, 0.70}));
        assertEquals(List.of("90%", "95%", "100%"), SweepChart.yLabels(new double[]{0.90, 0.95, 1.0}));
        assertEquals(List.of("97.0%", "97.5%", "98.0%"), SweepChart.yLabels(new double[]{0.97, 0.975, 0.98}));
        assertEquals(List.of("99.90%", "99.95%", "100.00%"), SweepChart.yLabels(new double[]{0.999, 0.9995, 1.0}));
        // the axes the chart draws: a label per tick, each a percentage
        for (double[] a : new double[][]{{0.6832, 0.7170}, {0.9012, 0.9731}, {0.97, 0.97}, {0, 1}}) {
            List<String> labels = SweepChart.yLabels(SweepChart.yTicks(a[0], a[1], 5));
            assertTrue(labels.stream().allMatch(l -> l.matches("[0-9]{1,3}(\\.[0-9]+)?%")), a[0] + " to " + a[1] + ": " + labels);
        }
    }

    /**
     * Whether {@code ticks} step evenly, as the axis is drawn (by their logarithm on a log axis), by 1, 2 or 5 times a
     * power of ten (a power of ten on a log axis), each a multiple of the step: the steps of the app's other charts.
     */
    private static String unevenTicks(double[] ticks, boolean log) {
        if (ticks.length < 2) return "fewer than two ticks: " + java.util.Arrays.toString(ticks);
        double[] t = ticks.clone();
        if (log) for (int i = 0; i < t.length; i++) t[i] = Math.log10(t[i]);
        double unit = t[1] - t[0];
        double mantissa = unit / Math.pow(10, Math.floor(Math.log10(unit) + 1e-9));
        boolean nice = log ? Math.abs(unit - Math.rint(unit)) < 1e-9 && unit >= 1
                : List.of(1.0, 2.0, 5.0).stream().anyMatch(m -> Math.abs(mantissa - m) < 1e-6);
        if (!nice) return "a step of " + (log ? "10^" : "") + unit + ": " + java.util.Arrays.toString(ticks);
        for (int i = 0; i < t.length; i++) {
            if (Math.abs(t[i] / unit - Math.rint(t[i] / unit)) > 1e-6) return "not a multiple of the step: " + java.util.Arrays.toString(ticks);
            if (i > 0 && Math.abs(t[i] - t[i - 1] - unit) > 1e-6 * Math.max(1, Math.abs(unit))) return "uneven: " + java.util.Arrays.toString(ticks);
        }
        return null;
    }

    /**
     * The chart's ticks step evenly by nice numbers, as the Train and Runs views' charts do, and its axes end on a tick
     * around the points. A trial saw the accuracy axis read 0.679, 0.688, 0.697, … and the learning rates' ticks sit at
     * 0.01, 0.03 and 0.1, unevenly apart on their log axis (issue 32).
     */
    @Test
    void theTicksStepEvenlyByNiceNumbers() {
        List<String> wrong = new ArrayList<>();
        double[][] accuracies = {{0.6832, 0.7170}, {0.9012, 0.9731}, {0.1, 0.98}, {0.97, 0.97}, {0, 1}};
        for (double[] a : accuracies) {
            for (int n : new int[]{3, 5, 8}) {
                double[] t = SweepChart.yTicks(a[0], a[1], n);
                String why = unevenTicks(t, false);
                if (why != null) wrong.add("accuracies " + a[0] + " to " + a[1] + ", " + n + " ticks: " + why);
                else if (t[0] > a[0] || t[t.length - 1] < a[1] || t[0] < 0 || t[t.length - 1] > 1)
                    wrong.add("accuracies " + a[0] + " to " + a[1] + ": the axis from " + t[0] + " to " + t[t.length - 1]);
            }
        }
        Axis lr = Axis.parse("lr", "--lr", "0.1,0.03,0.01", false);
        Axis batch = Axis.parse("batch_size", "--batch", "64,128", true);
        Axis one = Axis.parse("batch_size", "--batch", "50", true);
        for (Axis x : List.of(lr, batch, one)) {
            double lo = x.low(), hi = x.high();
            if (lo == hi) {
                lo -= 1;
                hi += 1;
            }
            double[] t = SweepChart.xTicks(x, lo, hi, 5);
            String why = unevenTicks(t, x.logScale());
            if (why != null) wrong.add(x.name() + " " + x.values() + ": " + why);
            else if (t[0] > x.low() * (1 + 1e-9) || t[t.length - 1] < x.high() * (1 - 1e-9)) wrong.add(x.name() + " " + x.values() + ": the axis " + java.util.Arrays.toString(t));
        }
        assertEquals(List.of(), wrong);
    }
}
