package io.digitstudio.ui.train;

import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.train.EpochReport;
import io.digitstudio.train.IterationEvent;
import io.digitstudio.train.StopAt;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.train.TrainingResult;
import io.digitstudio.train.TrainingStart;
import io.digitstudio.ui.SameThreadTasks;
import io.digitstudio.ui.TestDialogs;
import io.digitstudio.ui.app.WorkerExecutor;
import io.digitstudio.ui.model.ActiveModel;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.model.RecentModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The Train view's view models under plain JUnit: a same-thread executor and scripted dialogs, no window. */
class TrainViewModelsTest {
    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    @Test
    void iterationCountsReadWithAThousandsSeparator() {
        RunPresenter p = new RunPresenter(() -> 0L);
        TrainingFeed feed = new TrainingFeed();
        p.begin(feed, 10, "Starting");
        feed.iterated(new io.digitstudio.train.IterationEvent(8, 6876, 9380, 7.33, 0.1, 0.97, 60));
        p.pulse(true);
        assertEquals("Iteration 6,876/9,380", p.iterationTextProperty().get());
        assertEquals("Run 1a2b3c4d is stopped at iteration 6,876 and kept (Runs resumes it); change the learning rate or other values,"
                + " then Start.", RunControl.keptToBranch("1a2b3c4d", 6876));
    }

    @Test
    void theEpochTableWritesAScheduledRateRounded() {
        // 0.1 shifted down twice by a schedule is 0.009999999999999882 in floating point
        io.digitstudio.train.EpochReport r = io.digitstudio.train.EpochReport.of(3, 30, 0.5, 0.8, 0.4, 0.85, 1.0, 0.1, 0.009999999999999882);
        assertEquals("0.01", TrainView.lrCell(r));
        assertEquals("3.162e-4", TrainView.lrCell(io.digitstudio.train.EpochReport.of(1, 10, 0.5, 0.8, 0.4, 0.85, 1.0, 0.1, 0.00031622776601683794)));
        assertEquals("", TrainView.lrCell(io.digitstudio.train.EpochReport.of(1, 10, 0.5, 0.8, 0.4, 0.85, 1.0, 0.1)));
    }

    @Test
    void hyperParametersAreShownExactlyAndReadBackToTheSameValue() {
        assertEquals("1.5e-4", HyperParam.format(1.5e-4));
        assertEquals("0.01", HyperParam.format(0.01));
        assertEquals("0.9", HyperParam.format(0.9));
        assertEquals("1e-8", HyperParam.format(1e-8));
        assertEquals("0.001", HyperParam.format(0.001));
        for (double v : new double[]{1.5e-4, 1.234567e-5, 3e-4, 0.0123, 1e-8, 2.5e7, 0.999}) {
            assertEquals(v, Double.parseDouble(HyperParam.format(v)), 0.0, "round trip of " + v);
        }
        TrainSettings s = new TrainSettings();
        s.optimizerProperty().set("adam");
        s.show(TrainingConfig.tutorial().withOptimizer("adam", java.util.Map.of("alpha", 1.5e-4)));
        assertEquals(1.5e-4, s.config().lr(), 0.0, "a run shown in the form trains with the same rate");
    }

    @Test
    void theFormShowsEachOptimizersOwnHyperParameters() {
        TrainSettings s = new TrainSettings();
        for (io.digitstudio.optim.OptimizerType t : io.digitstudio.optim.Optimizers.TYPES) {
            s.optimizerProperty().set(t.name());
            assertEquals(t.params().size(), s.hyperparams().size(), t.name());
            for (int i = 0; i < t.params().size(); i++) {
                HyperParam h = s.hyperparams().get(i);
                assertSame(t.params().get(i), h.param());
                assertEquals(HyperParam.format(t.params().get(i).defaultValue()), h.text().get());
            }
            assertNull(s.validationProperty().get(), t.name() + ": its defaults are valid");
            assertEquals(t.defaults(), s.config().hyperparams());
        }
        s.optimizerProperty().set("rmsprop");
        HyperParam decay = s.hyperparams().get(1);
        assertEquals("Decay", decay.label());
        assertTrue(decay.help().endsWith("Chainer's alpha, default 0.99"), decay.help());
        decay.text().set("x");
        assertEquals("Decay must be a number, got 'x'", s.validationProperty().get());
        decay.text().set("1");
        // named as the field is labelled, with the value as typed and the range in the command line's words
        assertEquals("Decay must be at least 0 and below 1, got 1", s.validationProperty().get());
    }

    /**
     * The form wrote a refused number as Java does ("got -1.0" for -1, "got Infinity" for 1e999) where the command line
     * wrote it as typed; both now read the text one way and say one sentence for it (CliFirstUseTest has the command
     * line's side).
     */
    @Test
    void aRefusedNumberIsWrittenAsTheCommandLineWritesIt() {
        TrainSettings s = new TrainSettings();
        HyperParam lr = s.hyperparams().stream().filter(h -> h.key().equals("lr")).findFirst().orElseThrow();
        HyperParam momentum = s.hyperparams().stream().filter(h -> h.key().equals("momentum")).findFirst().orElseThrow();
        String[][] cases = {
                {"-1", "Learning rate must be a positive number, got -1"},
                {"0", "Learning rate must be a positive number, got 0"},
                {"-0.50", "Learning rate must be a positive number, got -0.5"},
                {"-1e-8", "Learning rate must be a positive number, got -1e-8"},
                {"1e999", "Learning rate is too large a number, got 1e999"},
                {"NaN", "Learning rate must be a number, got 'NaN'"},
                {" ", "Learning rate must be a number, got nothing"},
        };
        for (String[] c : cases) {
            lr.text().set(c[0]);
            assertEquals(c[1], s.fieldErrorProperty("hp-lr").get(), c[0]);
        }
        lr.text().set("0.01");
        momentum.text().set("1.5");
        assertEquals("Momentum must be at least 0 and below 1, got 1.5", s.fieldErrorProperty("hp-momentum").get());
        momentum.text().set("0.9");
        s.epochsProperty().set("99999999999");
        assertEquals("Epochs is too large a number, got 99999999999", s.fieldErrorProperty("epochs").get());
        s.epochsProperty().set("");
        assertEquals("Epochs must be a whole number, got nothing", s.fieldErrorProperty("epochs").get());
    }

    @Test
    void theFormRefusesAWarmUpBesideALinearSchedule() {
        TrainSettings s = new TrainSettings();
        s.lrShiftProperty().set("linear:0.1:0.01");
        assertNull(s.validationProperty().get());
        s.warmupProperty().set("1");
        assertEquals("Warm-up epochs cannot be combined with the LR schedule linear:0.1:0.01: a linear schedule sets the rate at every iteration"
                + " from its start; leave one of them out", s.validationProperty().get());
        s.lrShiftProperty().set("exponential:0.5");
        assertNull(s.validationProperty().get(), "an exponential schedule starts from the warmed-up rate");
    }

    @Test
    void theSpecEditorsTableShowsALeakyRelu() {
        TrainSettings s = new TrainSettings();
        s.specProperty().set("linear 64, leaky_relu 0.1, linear");
        assertNull(s.specErrorProperty().get());
        assertEquals(TrainSettings.CUSTOM, s.presetProperty().get());
        var rows = s.summaryProperty().get().rows();
        assertEquals("leaky_relu", rows.get(2).type());
        assertEquals("(64,)", rows.get(2).shapeText());
        s.specProperty().set("linear 64, leaky_relu 1, linear");
        assertEquals("Layer 2 \"leaky_relu 1\": the leaky_relu slope must be from 0 up to (not including) 1, got 1", s.specErrorProperty().get());
        assertEquals("linear 64, leaky_relu ".length(), s.specErrorStartProperty().get());
    }

    @Test
    void theFormSaysWhatIsWrong() {
        TrainSettings s = new TrainSettings();
        assertNull(s.validationProperty().get());
        s.epochsProperty().set("ten");
        assertEquals("Epochs must be a whole number, got 'ten'", s.validationProperty().get());
        s.epochsProperty().set("3");
        s.trainLimitProperty().set("100");
        assertEquals("Batch size 128 is larger than the 100 training examples", s.validationProperty().get());
        s.batchSizeProperty().set("50");
        assertNull(s.validationProperty().get());
        assertEquals(3, s.config().epochs());
        assertEquals(100, s.config().trainLimit());
    }

    @Test
    void everyBadFieldSaysWhyUnderItselfAndStartSaysWhyItIsOff() {
        TrainSettings s = new TrainSettings();
        assertNull(s.startBlocker());
        s.batchSizeProperty().set("abc");
        s.epochsProperty().set("0");
        s.lrShiftProperty().set("bogus:1");
        s.hyperparams().stream().filter(h -> h.key().equals("lr")).findFirst().orElseThrow().text().set("-1");
        assertEquals("Batch size must be a whole number, got 'abc'", s.fieldErrorProperty("batchSize").get());
        assertEquals("Epochs must be between 1 and 10000, got 0", s.fieldErrorProperty("epochs").get());
        assertEquals("Schedule bogus:1: expected exponential:RATE, linear:START:END or step:RATE@E1,E2,...", s.fieldErrorProperty("lrShift").get());
        assertEquals("Learning rate must be a positive number, got -1", s.fieldErrorProperty("hp-lr").get());
        assertNull(s.fieldErrorProperty("seed").get());
        assertNull(s.fieldErrorProperty("hp-momentum").get());
        assertEquals(4, s.badFieldsProperty().get());
        assertEquals("4 fields need fixing, first: Learning rate must be a positive number, got -1", s.startBlocker(), "the first in the form's order");
        // a field's message names it as its label does, not by Chainer's key ("Lr must be a number")
        s.hyperparams().stream().filter(h -> h.key().equals("lr")).findFirst().orElseThrow().text().set("abc");
        assertEquals("Learning rate must be a number, got 'abc'", s.fieldErrorProperty("hp-lr").get());
        s.hyperparams().stream().filter(h -> h.key().equals("lr")).findFirst().orElseThrow().text().set("-1");
        // fixed one by one, each field's message goes with it
        s.batchSizeProperty().set("64");
        assertNull(s.fieldErrorProperty("batchSize").get());
        s.epochsProperty().set("2");
        s.lrShiftProperty().set("");
        assertEquals("Learning rate must be a positive number, got -1", s.startBlocker());
        s.hyperparams().stream().filter(h -> h.key().equals("lr")).findFirst().orElseThrow().text().set("0.05");
        assertNull(s.startBlocker());
        assertEquals(0, s.badFieldsProperty().get());
        // a batch larger than the examples chosen is the batch size's fault
        s.trainLimitProperty().set("50");
        assertEquals("Batch size 64 is larger than the 50 training examples", s.fieldErrorProperty("batchSize").get());
    }

    @Test
    void theStatusNamesTheNetworkAndExamplesAndTheRateIsDrawnFromTheFirstIterations() {
        long[] now = {0};
        TrainingFeed f = new TrainingFeed(() -> now[0] += 10_000_000L);
        f.started(new TrainingStart(TrainingConfig.tutorial().withEpochs(2), "lenet", 1, 60000, 10000, 469, 938, 0, "MNIST (bundled)"));
        // a third of the first epoch, at a steady rate
        for (int i = 1; i <= 150; i++) f.iterated(new IterationEvent(1, i, 938, i / 469.0, 1.0 / i, 0.9, i * 0.01, 0.01));
        RunPresenter p = new RunPresenter();
        p.begin(f, 2, "Loading data…");
        p.pulse(true);
        // the data is in the form beside the status line: the message stays one line beside the figures at 150 %
        assertEquals("Training lenet on 60,000 examples", p.statusProperty().get());
        io.digitstudio.ui.widgets.DecimatedSeries lr = p.learningRate();
        assertTrue(lr.size() >= 2, "a line, not a dot: " + lr.size() + " points");
        assertTrue(lr.x(lr.size() - 1) > 0.25, "it reaches the newest iterations: " + lr.x(lr.size() - 1));
        for (int i = 0; i < lr.size(); i++) assertEquals(0.01, lr.y(i), 0.0);
        assertTrue(p.plottedProperty().get(), "there is a chart to export");
        p.begin(new TrainingFeed(), 2, "Loading data…");
        assertFalse(p.plottedProperty().get(), "a new run's empty chart is nothing to export");
    }

    @Test
    void theElapsedTimeDuringARunLeavesItsPausesOut() {
        long[] now = {0};
        TrainingFeed f = new TrainingFeed(() -> now[0]);
        f.started(new TrainingStart(TrainingConfig.tutorial().withEpochs(1), "784-100-100-10", 1, 60000, 10000, 469, 469, 0, "t"));
        RunPresenter p = new RunPresenter(() -> now[0]);
        p.begin(f, 1, "Loading data…");
        // 100 iterations in 40 s of training, then a pause of ten minutes before the next tick of the view's pump
        f.iterated(new IterationEvent(1, 100, 469, 100 / 469.0, 0.5, 0.9, 40.0, 0.01));
        now[0] += 40_000_000_000L;
        p.pulse(true);
        assertTrue(p.timeTextProperty().get().startsWith("Elapsed 0:40"), p.timeTextProperty().get());
        now[0] += 600_000_000_000L;
        p.pulse(true);
        assertTrue(p.timeTextProperty().get().startsWith("Elapsed 0:40"), "a pause is not the run's time: " + p.timeTextProperty().get());
    }

    private static TrainingFeed feedOf(int epochs, int perEpoch) {
        long[] now = {0};
        TrainingFeed f = new TrainingFeed(() -> now[0] += 10_000_000L); // 10 ms an iteration
        long total = (long) epochs * perEpoch;
        f.started(new TrainingStart(TrainingConfig.tutorial().withEpochs(epochs), "784-100-100-10", 1, 6000, 1000, perEpoch, total, 0, "t"));
        long it = 0;
        for (int e = 1; e <= epochs; e++) {
            for (int i = 1; i <= perEpoch; i++) {
                it++;
                f.iterated(new IterationEvent(e, it, total, e - 1 + (double) i / perEpoch, 1.0 / it, 0.9, it * 0.001));
            }
            f.epochEnded(EpochReport.of(e, it, 0.5, 0.9, 0.4, 0.9 + e * 0.001, 0.1, 0.01), null);
        }
        return f;
    }

    /**
     * 1,000 examples in batches of 128: the iteration that ends an epoch takes 24 examples of the next pass, and its
     * epoch detail runs past the end (1.024, 2.048). The loss and rate lines end at the epoch's end, where its
     * validation marks and the epoch axis's last tick are; they ran on to 2.048, past the tick to the plot's edge (issue
     * 32).
     */
    @Test
    void theLinesOfAnEpochThatEndsInsideABatchEndAtTheEpochsEnd() {
        long[] now = {0};
        TrainingFeed f = new TrainingFeed(() -> now[0] += 200_000_000L); // 200 ms an iteration: every iteration a point
        f.started(new TrainingStart(TrainingConfig.tutorial().withEpochs(2), "784-100-100-10", 1, 1000, 200, 8, 16, 0, "t"));
        for (int it = 1; it <= 16; it++) {
            int epoch = (it - 1) / 8 + 1;
            f.iterated(new IterationEvent(epoch, it, 16, it * 128 / 1000.0, 2.0 / it, 0.5, it * 0.2, 0.01));
            if (it % 8 == 0) f.epochEnded(EpochReport.of(epoch, it, 0.5, 0.9, 0.4, 0.9, 0.1, 0.01), null);
        }
        RunPresenter p = new RunPresenter(() -> now[0]);
        p.begin(f, 2, "Loading data…");
        p.end(1, true);
        for (var s : List.of(p.trainLoss(), p.learningRate(), p.valLoss())) {
            assertTrue(s.size() >= 2, s.name() + ": " + s.size() + " points");
            assertEquals(2.0, s.x(s.size() - 1), 1e-12, s.name() + " ends at the run's last epoch's end");
            for (int i = 0; i < s.size(); i++) assertTrue(s.x(i) <= 2.0, s.name() + " point " + i + " at " + s.x(i));
        }
        // the first epoch's end too, where its validation marks are
        boolean atOne = false;
        for (int i = 0; i < p.trainLoss().size(); i++) atOne |= p.trainLoss().x(i) == 1.0;
        assertTrue(atOne, "a loss point at the first epoch's end");
        assertEquals(2.0, TrainingFeed.atEpochEnd(1.92, 2.048), 0);
        assertEquals(2.176, TrainingFeed.atEpochEnd(2.0, 2.176), 0);
        assertEquals(2.0, TrainingFeed.atEpochEnd(1.9, 2.0), 0, "an epoch that ends with its batch is drawn where it ends");
        assertEquals(0.128, TrainingFeed.atEpochEnd(0, 0.128), 0);
    }

    @Test
    void theLossCurveCoversTheWholeRunAtAnyLength() {
        for (int epochs : new int[]{1, 10, 50}) {
            RunPresenter p = new RunPresenter();
            // 469 iterations an epoch, as MNIST at batch 128: one loss point every 9 iterations
            p.begin(feedOf(epochs, 469), epochs, "Loading data…");
            p.end(1, true);
            io.digitstudio.ui.widgets.DecimatedSeries pts = p.trainLoss();
            assertTrue(pts.size() <= RunPresenter.CHART_CAP, epochs + " epochs: " + pts.size() + " points");
            assertTrue(pts.size() >= Math.min(RunPresenter.CHART_CAP / 2, epochs * 50), epochs + " epochs: only " + pts.size() + " points");
            assertTrue(pts.x(0) < 0.05, epochs + " epochs: starts at " + pts.x(0));
            assertTrue(pts.x(pts.size() - 1) > epochs - 0.05, epochs + " epochs: ends at " + pts.x(pts.size() - 1));
            // evenly thinned: no gap wider than four times the mean
            double mean = (double) epochs / pts.size();
            for (int i = 1; i < pts.size(); i++) {
                double gap = pts.x(i) - pts.x(i - 1);
                assertTrue(gap > 0 && gap < 4 * mean, epochs + " epochs: gap " + gap + " at " + i);
            }
            assertEquals(epochs, p.epochRows().size());
            assertEquals(epochs, p.valAccuracy().size());
            assertEquals(String.format(java.util.Locale.ROOT, "Iteration %,d/%,d", epochs * 469, epochs * 469), p.iterationTextProperty().get());
            // the next run starts from a clean chart
            p.begin(new TrainingFeed(), 5, "Loading data…");
            assertEquals(0, p.trainLoss().size());
            assertEquals(0, p.valAccuracy().size());
            assertTrue(p.epochRows().isEmpty());
            assertEquals(0, p.accuracyFloorProperty().get());
        }
    }

    /**
     * The pump wakes the UI thread at most ten times a second during a run (each tick takes a core from a training
     * part for a moment), and still at every change the texts make: they change four times a second, as ever.
     */
    @Test
    void thePumpTicksAtMostTenTimesASecondAndTheProgressTextsStillChangeFourTimes() {
        long[] now = {10_000_000_000L};
        RunPresenter p = new RunPresenter(() -> now[0]);
        TrainingFeed f = new TrainingFeed(() -> now[0]);
        p.begin(f, 1, "Loading data…");
        long ticksPerSecond = 1000 / TrainView.PUMP_MILLIS;
        assertTrue(ticksPerSecond <= 10, ticksPerSecond + " ticks a second");
        List<String> shown = new java.util.ArrayList<>();
        long start = now[0];
        for (int tick = 1; tick <= 2 * ticksPerSecond; tick++) { // two seconds of a run, 100 iterations a second
            now[0] += TrainView.PUMP_MILLIS * 1_000_000L;
            long it = (now[0] - start) / 10_000_000L;
            f.iterated(new IterationEvent(1, it, 1000, it / 1000.0, 0.5, 0.9, (now[0] - start) / 1e9, 0.01));
            p.pulse();
            String text = p.iterationTextProperty().get();
            if (shown.isEmpty() || !shown.get(shown.size() - 1).equals(text)) shown.add(text);
        }
        assertEquals(8, shown.size(), shown.toString());
    }

    /**
     * The charts take a run's new points at a tick that changes the texts too: a chart update at a tick of its own is a
     * frame of its own, rendered and uploaded whole by the software pipeline. Ticks come late on a busy machine, and the
     * charts' interval then ran out at ticks between the texts'.
     */
    @Test
    void theChartsChangeOnlyAtTicksThatChangeTheTexts() {
        long[] now = {10_000_000_000L};
        RunPresenter p = new RunPresenter(() -> now[0]);
        TrainingFeed f = new TrainingFeed(() -> now[0]);
        p.begin(f, 1, "Loading data…");
        long start = now[0];
        long[] late = {0, 25, 0, 50, 10}; // milliseconds past the pump's period, as ticks come on a loaded machine
        int chartUpdates = 0, alone = 0;
        String text = p.iterationTextProperty().get();
        for (int tick = 0; tick < 80; tick++) { // about ten seconds of a run, 100 iterations a second
            now[0] += (TrainView.PUMP_MILLIS + late[tick % late.length]) * 1_000_000L;
            long it = (now[0] - start) / 10_000_000L;
            f.iterated(new IterationEvent(1, it, 5000, it / 5000.0, 0.5, 0.9, (now[0] - start) / 1e9, 0.01));
            int points = p.trainLoss().count();
            p.pulse();
            boolean chart = p.trainLoss().count() > points;
            boolean texts = !p.iterationTextProperty().get().equals(text);
            text = p.iterationTextProperty().get();
            if (chart) chartUpdates++;
            if (chart && !texts) alone++;
        }
        assertTrue(chartUpdates >= 8, chartUpdates + " chart updates in about ten seconds");
        assertEquals(0, alone, "chart updates at ticks that left the texts as they were, of " + chartUpdates);
    }

    /**
     * A real run through the run control, with the UI's pump ticking (every {@link TrainView#PUMP_MILLIS} ms of a clock
     * moved by hand) right after each epoch's report is published: at that tick the table holds every epoch so far, the
     * curves reach its end and the progress text names it, however soon after the previous epoch it came.
     */
    @Test
    void anEpochsReportReachesTheTableAndChartsAtTheNextTick() {
        long[] now = {10_000_000_000L};
        SameThreadTasks tasks = new SameThreadTasks();
        TestDialogs dialogs = new TestDialogs();
        ModelManager models = new ModelManager(tasks, dialogs, RecentModels.inMemory());
        models.loadBuiltIn();
        TrainSettings settings = new TrainSettings();
        settings.trainLimitProperty().set("1000");
        settings.testLimitProperty().set("200");
        settings.epochsProperty().set("5");
        RunPresenter presenter = new RunPresenter(() -> now[0]);
        RunControl run = new RunControl(settings, presenter, tasks, dialogs, models);
        List<String> seen = new java.util.ArrayList<>();
        run.alsoWatch(new io.digitstudio.train.Extension() {
            @Override
            public String name() {
                return "pump";
            }

            @Override
            public void call(io.digitstudio.train.TrainingLoop l) {
                now[0] += TrainView.PUMP_MILLIS * 1_000_000L; // the next tick of the view's pump
                presenter.pulse();
                int epoch = l.iterator().epoch();
                var lr = presenter.learningRate();
                seen.add("epoch " + epoch + ": " + presenter.epochRows().size() + " rows, " + presenter.valAccuracy().size() + " validation points, "
                        + presenter.valLoss().size() + " validation losses, loss to " + (int) presenter.trainLoss().x(presenter.trainLoss().size() - 1)
                        + ", lr to " + (int) lr.x(lr.size() - 1) + ", " + presenter.epochTextProperty().get());
            }
        });
        run.start();
        assertEquals(RunState.FINISHED, run.stateProperty().get(), dialogs.errors.toString());
        List<String> expected = new java.util.ArrayList<>();
        for (int e = 1; e <= 5; e++) {
            expected.add("epoch " + e + ": " + e + " rows, " + e + " validation points, " + e + " validation losses, loss to " + e
                    + ", lr to " + e + ", Epoch " + e + "/5");
        }
        assertEquals(expected, seen);
    }

    /**
     * The UI's tick may come at any moment of the training thread's step, here at the two that matter, each made to
     * happen by a clock the other side reads: in the middle of the feed's step on the iteration that ends an epoch (the
     * feed reads its clock there), and between the presenter's reads of the feed (it reads its clock there). At no tick
     * does the table hold fewer epochs than the progress shown has completed: a trial saw a 3-epoch run at its end
     * with 2 rows; and at the run's end it holds all three.
     */
    @Test
    void aTickAtAnyMomentOfAnEpochsEndNeverShowsTheTableBehindTheProgress() {
        int epochs = 3, perEpoch = 8, total = epochs * perEpoch;
        long[] now = {10_000_000_000L};
        Runnable[] inFeed = {null}, inPulse = {null};
        TrainingFeed f = new TrainingFeed(() -> {
            Runnable r = inFeed[0];
            inFeed[0] = null;
            if (r != null) r.run();
            return now[0];
        });
        RunPresenter p = new RunPresenter(() -> {
            Runnable r = inPulse[0];
            inPulse[0] = null;
            if (r != null) r.run();
            return now[0];
        });
        f.started(new TrainingStart(TrainingConfig.tutorial().withEpochs(epochs), "784-100-100-10", 1, 1000, 200, perEpoch, total, 0, "t"));
        p.begin(f, epochs, "Loading data…");
        List<String> behind = new java.util.ArrayList<>();
        Runnable tick = () -> {
            now[0] += RunPresenter.UI_INTERVAL_NANOS;
            p.pulse();
            long done = Math.round(p.progressProperty().get() * total) / perEpoch;
            if (p.epochRows().size() < done) behind.add(p.iterationTextProperty().get() + " beside " + p.epochRows().size() + " rows");
        };
        for (int i = 1; i <= total; i++) {
            int epoch = (i - 1) / perEpoch + 1;
            IterationEvent e = new IterationEvent(epoch, i, total, i / (double) perEpoch, 0.5, 0.5, i * 0.1, 0.01);
            EpochReport ended = i % perEpoch == 0 ? EpochReport.of(epoch, i, 0.5, 0.5, 0.4, 0.6, 0.8, 0.1, 0.01) : null;
            if (ended != null && epoch != 2) {
                inFeed[0] = tick; // the UI ticks while the feed is in the middle of the step
                f.step(e, ended, null);
            } else if (ended != null) {
                inPulse[0] = () -> f.step(e, ended, null); // the step comes while the UI is in the middle of its tick
                tick.run();
            } else {
                f.step(e, null, null);
            }
            tick.run();
        }
        p.end(total * 0.1, true);
        assertEquals(List.of(), behind);
        assertEquals(epochs, p.epochRows().size());
        assertEquals("Iteration 24/24", p.iterationTextProperty().get());
    }

    /** A Train view's view models on the same thread, the built-in model active, training on a small subset. */
    private static final class Fixture {
        final SameThreadTasks tasks = new SameThreadTasks();
        final TestDialogs dialogs = new TestDialogs();
        final ModelManager models = new ModelManager(tasks, dialogs, RecentModels.inMemory());
        final TrainSettings settings = new TrainSettings();
        final RunPresenter presenter = new RunPresenter();
        final RunControl run = new RunControl(settings, presenter, tasks, dialogs, models);

        Fixture() {
            models.loadBuiltIn();
            settings.trainLimitProperty().set("1000");
            settings.testLimitProperty().set("200");
        }

        /** Puts the built-in network to use as a model whose accuracy is not known (as an older file's is not); returns it. */
        ActiveModel unknownAccuracy() {
            ActiveModel b = models.activeProperty().get();
            ActiveModel m = ActiveModel.of(b.model(), "built-in MLP", new io.digitstudio.io.ModelInfo(null, "MNIST", b.classNames()), null);
            models.adopt(m);
            return m;
        }
    }

    /**
     * A real run of two epochs of 1,000 examples in batches of 128, the view's pump ticking while each epoch's
     * validation runs, and once it is done while the epoch is recorded: the figures count the epoch's last iteration,
     * trained by then, as its report later says. A trial saw "468/938" while the tutorial's first epoch of 469
     * iterations was validated.
     */
    @Test
    void whileAnEpochValidatesTheIterationFigureCountsTheWholeEpoch() {
        Fixture f = new Fixture();
        f.settings.epochsProperty().set("2");
        java.util.Set<String> seen = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());
        f.run.alsoWatch(new io.digitstudio.train.Extension() {
            @Override
            public String name() {
                return "ticksWhileValidating";
            }

            @Override
            public void initialize(io.digitstudio.train.TrainingLoop loop) {
                loop.setLossFunction((y, t) -> {
                    if (!io.digitstudio.nn.Config.train()) {
                        synchronized (seen) { // the view's pump, in the middle of the validation
                            f.presenter.pulse(true);
                            seen.add(f.presenter.statusProperty().get().replaceAll("… \\d+%", "") + ": " + f.presenter.iterationTextProperty().get()
                                    + " at " + Math.round(100 * f.presenter.progressProperty().get()) + " %");
                        }
                    }
                    return io.digitstudio.nn.F.softmaxCrossEntropy(y, t);
                });
            }

            // and once it is done, while the writers record the epoch: its report is not yet published
            @Override
            public int priority() {
                return PRIORITY_WRITER;
            }

            @Override
            public io.digitstudio.train.Trigger trigger() {
                return io.digitstudio.train.Trigger.EVERY_ITERATION;
            }

            @Override
            public void call(io.digitstudio.train.TrainingLoop loop) {
                if (!loop.iterator().isNewEpoch()) return;
                f.presenter.pulse(true);
                seen.add(f.presenter.statusProperty().get() + ": " + f.presenter.iterationTextProperty().get()
                        + " at " + Math.round(100 * f.presenter.progressProperty().get()) + " %");
            }
        });
        f.run.start();
        assertEquals(RunState.FINISHED, f.run.stateProperty().get(), f.dialogs.errors.toString());
        List<EpochReport> epochs = f.run.resultProperty().get().epochs();
        long total = f.run.resultProperty().get().iterations();
        assertEquals(2, epochs.size());
        List<String> expected = new java.util.ArrayList<>();
        for (EpochReport r : epochs) {
            String figures = ": Iteration " + r.iteration() + "/" + total + " at " + Math.round(100.0 * r.iteration() / total) + " %";
            expected.add("Validating epoch " + r.epoch() + figures);
            expected.add("Validating epoch " + r.epoch() + "… 100%" + figures);
        }
        assertEquals(expected, List.copyOf(seen));
    }

    @Test
    void aRunReplacesTheModelInUseOnlyWhenItIsAtLeastAsAccurate() {
        Fixture f = new Fixture();
        ActiveModel builtIn = f.models.activeProperty().get();
        assertEquals(0.9903, builtIn.testAccuracy(), 1e-9, "the built-in model's accuracy is known");
        f.settings.epochsProperty().set("1");
        f.run.start();
        double reached = f.run.resultProperty().get().last().valAccuracy();
        assertTrue(reached < 0.9903, "1,000 examples for one epoch: " + reached);
        assertSame(builtIn, f.models.activeProperty().get(), "a worse run leaves the better model in use");
        assertFalse(f.run.trainedModelActiveProperty().get());
        String line = "Kept the model in use (99.03%); this run reached " + io.digitstudio.ui.widgets.Formats.percent(reached);
        assertEquals(line, f.run.keptNoticeProperty().get());
        // said in the status line, with both figures (a line of its own over the charts hid their titles)
        assertEquals("Finished at " + io.digitstudio.ui.widgets.Formats.percent(reached) + "; kept the model in use (99.03%).",
                f.presenter.statusProperty().get());
        // the user may use it all the same: the line then no longer holds, and the status says what is in use
        f.run.useTrainedModel();
        assertSame(f.run.trainedModelProperty().get(), f.models.activeProperty().get());
        assertNull(f.run.keptNoticeProperty().get());
        assertEquals("Draw and Samples now use the model of this run.", f.presenter.statusProperty().get());

        // a model of unknown accuracy is replaced as before; then each run by one at least as good only
        f.unknownAccuracy();
        f.run.start();
        ActiveModel first = f.run.trainedModelProperty().get();
        assertSame(first, f.models.activeProperty().get(), "a model whose accuracy is unknown is replaced");
        f.settings.epochsProperty().set("3");
        f.run.start();
        ActiveModel better = f.run.trainedModelProperty().get();
        assertTrue(better.testAccuracy() >= first.testAccuracy(), better.testAccuracy() + " after 3 epochs, " + first.testAccuracy() + " after 1");
        assertSame(better, f.models.activeProperty().get(), "a run at least as good replaces it");
        assertNull(f.run.keptNoticeProperty().get());
        f.settings.epochsProperty().set("1");
        f.run.start();
        assertSame(better, f.models.activeProperty().get(), "the same seed for one epoch does worse: the better model stays");
        assertEquals("Kept the model in use (" + io.digitstudio.ui.widgets.Formats.percent(better.testAccuracy()) + "); this run reached "
                + io.digitstudio.ui.widgets.Formats.percent(first.testAccuracy()), f.run.keptNoticeProperty().get());
        // the next run, or another model in use, makes the line untrue: the status then says which model is in use
        f.models.useBuiltIn();
        assertNull(f.run.keptNoticeProperty().get());
        assertEquals("Finished at " + io.digitstudio.ui.widgets.Formats.percent(first.testAccuracy()) + "; Draw and Samples use built-in MLP.",
                f.presenter.statusProperty().get());
    }

    @Test
    void aWorseRunLeavesAnAcceptedFineTuningInUse(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Fixture f = new Fixture();
        // My digits → Fine-tune → Accept: the fine-tuned model, trained on MNIST and the user's digits, is in use with
        // its accuracy on MNIST's test set
        io.digitstudio.ui.mydigits.MyDigitsViewModel mine = new io.digitstudio.ui.mydigits.MyDigitsViewModel(f.tasks, f.dialogs, f.models,
                new io.digitstudio.mydigits.MyDigits(dir.resolve("mine")), null);
        io.digitstudio.data.LabeledImages test = io.digitstudio.data.Mnist.bundled().test();
        for (int i = 0; i < 12; i++) mine.add(test.features(i), test.label(i), List.of(), "test image " + i, null);
        mine.setSettings(new io.digitstudio.train.FineTune.Settings(1, 0.005, 5, 1000, 0.3, 0));
        mine.fineTune();
        mine.accept();
        ActiveModel tuned = f.models.activeProperty().get();
        assertTrue(tuned.name().startsWith("fine-tuned-"), tuned.name());
        assertEquals("MNIST + my digits", tuned.info().dataset());
        double known = tuned.testAccuracy();
        // Train, one epoch on 1,000 examples: a worse model than the fine-tuned one, validated on MNIST's test set too
        f.settings.epochsProperty().set("1");
        f.run.start();
        double reached = f.run.resultProperty().get().last().valAccuracy();
        assertTrue(reached < known, reached + " against " + known);
        assertSame(tuned, f.models.activeProperty().get(), "the better fine-tuned model stays in use");
        assertEquals("Kept the model in use (" + io.digitstudio.ui.widgets.Formats.percent(known) + "); this run reached "
                + io.digitstudio.ui.widgets.Formats.percent(reached), f.run.keptNoticeProperty().get());
        assertFalse(f.dialogs.infos.stream().anyMatch(i -> i.contains("now use the new model")), f.dialogs.infos.toString());
    }

    @Test
    void aFinishedRunsChartsKeepTheirOwnSpanWhileTheEpochsFieldChanges() {
        Fixture f = new Fixture();
        f.settings.epochsProperty().set("3");
        assertEquals(3, f.presenter.plannedEpochsProperty().get(), "before a run the axes follow the form");
        f.settings.epochsProperty().set("1");
        f.run.start();
        assertEquals(1, f.presenter.plannedEpochsProperty().get());
        f.settings.epochsProperty().set("20");
        assertEquals(1, f.presenter.plannedEpochsProperty().get(), "the finished run's charts keep its one epoch");
        f.settings.epochsProperty().set("2");
        f.run.start();
        assertEquals(2, f.presenter.plannedEpochsProperty().get(), "the next run spans its own");
    }

    @Test
    void beforeARunTheStatusSaysWhyStartIsOffNotThatItIsReady() {
        Fixture f = new Fixture();
        assertEquals("Ready to train", f.presenter.statusProperty().get());
        f.settings.epochsProperty().set("0");
        assertNotNull(f.settings.startBlocker());
        assertEquals("Fix Epochs (in red) to start.", f.presenter.statusProperty().get());
        assertTrue(f.run.saysWhyStartIsOff());
        f.settings.batchSizeProperty().set("abc");
        // the first wrong field in the form's order, by the label the form gives it
        assertEquals("Fix Batch size and 1 more field (in red) to start.", f.presenter.statusProperty().get(), "both fields: " + f.settings.startBlocker());
        f.settings.batchSizeProperty().set("128");
        f.settings.epochsProperty().set("1");
        assertEquals("Ready to train", f.presenter.statusProperty().get());
        // once a run has said something, a bad field takes its place (the status line is where Start says why it is
        // off), and gives it back once the field is right again
        f.run.start();
        String finished = f.presenter.statusProperty().get();
        f.settings.epochsProperty().set("0");
        assertEquals("Fix Epochs (in red) to start.", f.presenter.statusProperty().get());
        f.settings.epochsProperty().set("1");
        assertEquals(finished, f.presenter.statusProperty().get());
        assertFalse(f.run.saysWhyStartIsOff());
    }

    @Test
    void whatDefaultsSaidGoesOnceTheUserEditsAField() {
        Fixture f = new Fixture();
        f.settings.epochsProperty().set("7");
        f.run.resetForm();
        assertEquals(TrainSettings.defaults(), f.settings.values());
        assertEquals(RunControl.RESET_SAID, f.presenter.statusProperty().get());
        // the next edit makes it old news (the form is valid before and after): the status says whether Start can train
        f.settings.epochsProperty().set("3");
        assertEquals("Ready to train", f.presenter.statusProperty().get());
        f.run.resetForm();
        f.settings.epochsProperty().set("0");
        assertEquals(f.settings.startBlockerShort(), f.presenter.statusProperty().get());
        // a run says what it does in its place; once something else took the status, an edit leaves it there
        f.run.resetForm();
        f.settings.trainLimitProperty().set("1000");
        f.settings.testLimitProperty().set("200");
        f.settings.epochsProperty().set("1");
        f.run.start();
        String finished = f.presenter.statusProperty().get();
        assertTrue(finished.startsWith("Finished"), finished);
        f.settings.epochsProperty().set("2");
        assertEquals(finished, f.presenter.statusProperty().get());
    }

    @Test
    void whatARunSaidAboutTheModelInUseGoesWhenItNoLongerHolds() {
        Fixture f = new Fixture();
        f.unknownAccuracy();
        f.settings.epochsProperty().set("1");
        f.run.start();
        String said = f.presenter.statusProperty().get();
        assertTrue(said.startsWith("Finished: " + io.digitstudio.ui.widgets.Formats.percent(f.run.resultProperty().get().last().valAccuracy())
                + " validation accuracy; ") && said.endsWith("; Draw and Samples use it."), said);
        assertTrue(f.dialogs.infos.get(f.dialogs.infos.size() - 1).startsWith("Training finished: "), f.dialogs.infos.toString());
        int before = f.dialogs.withdrawn.size();
        // another model in use: the status and the run's message say so no more
        f.models.useBuiltIn();
        assertEquals(said.substring(0, said.indexOf(" Draw and Samples")) + " Draw and Samples use built-in MLP.", f.presenter.statusProperty().get());
        assertEquals("Training finished", f.dialogs.withdrawn.get(before));
        // put to use by hand, then another model: the same
        f.run.useTrainedModel();
        assertEquals("Draw and Samples now use the model of this run.", f.presenter.statusProperty().get());
        f.models.useBuiltIn();
        assertEquals("Draw and Samples use built-in MLP.", f.presenter.statusProperty().get());
        // the next run takes back the last run's message as it starts
        f.unknownAccuracy();
        f.dialogs.withdrawn.clear();
        f.run.start();
        assertTrue(f.dialogs.withdrawn.contains("Training finished"), "taken back at the start");
        assertTrue(f.presenter.statusProperty().get().endsWith("; Draw and Samples use it."), f.presenter.statusProperty().get());
    }

    /**
     * A trial: after a run, the model in use changed twice (Draw's menu, then My digits → Accept), and the status still
     * named the model of the first change. Whatever it said about the model in use follows each change.
     */
    @Test
    void theStatusFollowsEveryChangeOfTheModelInUse() {
        Fixture f = new Fixture();
        ActiveModel builtIn = f.models.builtInProperty().get();
        f.unknownAccuracy();
        f.settings.epochsProperty().set("1");
        f.run.start();
        String said = f.presenter.statusProperty().get();
        String finished = said.substring(0, said.indexOf(" Draw and Samples"));
        ActiveModel trained = f.run.trainedModelProperty().get();
        f.models.useBuiltIn();
        assertEquals(finished + " Draw and Samples use built-in MLP.", f.presenter.statusProperty().get());
        ActiveModel tuned = ActiveModel.of(builtIn.model(), "fine-tuned built-in", builtIn.info(), null);
        f.models.adopt(tuned);
        assertEquals(finished + " Draw and Samples use fine-tuned built-in.", f.presenter.statusProperty().get());
        f.models.adopt(trained);
        assertEquals(said, f.presenter.statusProperty().get(), "the run's model back in use");
        f.models.adopt(tuned);
        assertEquals(finished + " Draw and Samples use fine-tuned built-in.", f.presenter.statusProperty().get());

        // the run's model put to use by hand, then two other models
        f.run.useTrainedModel();
        f.models.useBuiltIn();
        f.models.adopt(tuned);
        assertEquals("Draw and Samples use fine-tuned built-in.", f.presenter.statusProperty().get());

        // a run kept out of use: the line names the model in use at each change
        f.models.useBuiltIn();
        f.run.start();
        String kept = f.presenter.statusProperty().get();
        assertTrue(kept.endsWith("; kept the model in use (99.03%)."), kept);
        String finishedAt = kept.substring(0, kept.indexOf("; kept"));
        f.models.adopt(tuned);
        assertEquals(finishedAt + "; Draw and Samples use fine-tuned built-in.", f.presenter.statusProperty().get());
        f.models.useBuiltIn();
        assertEquals(finishedAt + "; Draw and Samples use built-in MLP.", f.presenter.statusProperty().get());

        // a stopped run says the model in use is unchanged: once another is in use, it names that one
        userPressesStopAtIteration3(f);
        f.run.start();
        String stopped = f.presenter.statusProperty().get();
        assertTrue(stopped.startsWith("Stopped at epoch ") && stopped.endsWith(" The active model (built-in MLP) is unchanged."), stopped);
        f.models.adopt(tuned);
        assertEquals(stopped.substring(0, stopped.indexOf(" The active model")) + " Draw and Samples use fine-tuned built-in.",
                f.presenter.statusProperty().get());
        f.models.useBuiltIn();
        assertEquals(stopped.substring(0, stopped.indexOf(" The active model")) + " Draw and Samples use built-in MLP.",
                f.presenter.statusProperty().get());
    }

    /**
     * A trial: after a run, a wrong field put "Fix … to start." in the status; the model in use changed meanwhile, and
     * once the field was right again the status named the model of before. It names the one in use now.
     */
    @Test
    void theStatusGivenBackWhenStartIsOnAgainNamesTheModelInUseNow() {
        Fixture f = new Fixture();
        f.unknownAccuracy();
        f.settings.epochsProperty().set("1");
        f.run.start();
        String said = f.presenter.statusProperty().get();
        assertTrue(said.endsWith("; Draw and Samples use it."), said);
        String finished = said.substring(0, said.indexOf(" Draw and Samples"));
        f.settings.epochsProperty().set("0");
        assertEquals("Fix Epochs (in red) to start.", f.presenter.statusProperty().get());
        f.models.useBuiltIn();
        assertEquals("Fix Epochs (in red) to start.", f.presenter.statusProperty().get(), "the reason Start is off stays");
        f.settings.epochsProperty().set("1");
        assertEquals(finished + " Draw and Samples use built-in MLP.", f.presenter.statusProperty().get());
        // and it follows the model in use from then on
        f.models.adopt(f.run.trainedModelProperty().get());
        assertEquals(said, f.presenter.statusProperty().get());
        // two changes while covered: the last one counts
        f.settings.epochsProperty().set("0");
        f.models.useBuiltIn();
        ActiveModel builtIn = f.models.builtInProperty().get();
        f.models.adopt(ActiveModel.of(builtIn.model(), "fine-tuned built-in", builtIn.info(), null));
        f.settings.epochsProperty().set("1");
        assertEquals(finished + " Draw and Samples use fine-tuned built-in.", f.presenter.statusProperty().get());
    }

    /**
     * A run's message offers Undo, which brings back the model in use before the run's. Once that model goes with its
     * run (Runs → Delete…), the message is taken back, and an Undo clicked in between puts no model whose files are
     * gone to use.
     */
    @Test
    void aRunsUndoIsTakenBackOnceTheModelItBringsBackGoesWithItsRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Fixture f = new Fixture();
        // a run's model of unknown accuracy in use, kept in its run's folder
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(dir.resolve("0b73e32a"));
        java.nio.file.Path file = folder.resolve("model.npz");
        ActiveModel builtIn = f.models.activeProperty().get();
        io.digitstudio.io.ModelFiles.saveNpz(file, builtIn.model(), new io.digitstudio.io.ModelInfo(null, "MNIST", builtIn.classNames()));
        f.models.open(file).join();
        f.settings.epochsProperty().set("1");
        f.run.start();
        ActiveModel trained = f.run.trainedModelProperty().get();
        assertSame(trained, f.models.activeProperty().get());
        String said = f.dialogs.infos.get(f.dialogs.infos.size() - 1);
        assertTrue(said.startsWith("Training finished: ") && said.endsWith(" [Undo]"), said);
        Runnable undo = f.dialogs.lastAction;
        f.dialogs.withdrawn.clear();
        f.models.letGo(folder);
        assertEquals(List.of("Training finished"), f.dialogs.withdrawn);
        undo.run();
        assertSame(trained, f.models.activeProperty().get(), "no model whose files are gone is put to use");
        // a folder that holds neither model takes back nothing
        f.dialogs.withdrawn.clear();
        f.models.letGo(dir.resolve("other"));
        assertEquals(List.of(), f.dialogs.withdrawn);
    }

    /**
     * The trial: the last run finished, the user put another model to use, then deleted that run in Runs; Use model
     * still put its model to use, naming a file that is gone. Save model… can still keep it; Use model cannot.
     */
    @Test
    void theLastRunsModelGoneWithItsRunIsNotPutToUse(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        SameThreadTasks tasks = new SameThreadTasks();
        TestDialogs dialogs = new TestDialogs();
        ModelManager models = new ModelManager(tasks, dialogs, RecentModels.inMemory());
        models.loadBuiltIn();
        ActiveModel builtIn = models.activeProperty().get();
        TrainSettings s = new TrainSettings();
        s.trainLimitProperty().set("1000");
        s.testLimitProperty().set("200");
        s.epochsProperty().set("1");
        RunControl run = new RunControl(s, new RunPresenter(), tasks, dialogs, models, new io.digitstudio.runs.RunStore(dir));
        run.start();
        ActiveModel trained = run.trainedModelProperty().get();
        assertNotNull(trained.file(), "the run's model is kept in its folder");
        models.adopt(builtIn);
        assertFalse(run.trainedModelGoneProperty().get());
        models.letGo(trained.file().getParent());
        assertTrue(run.trainedModelGoneProperty().get(), "Use model is off once the run's folder is gone");
        run.useTrainedModel();
        assertSame(builtIn, models.activeProperty().get(), "no model whose files are gone is put to use");
        assertNotNull(run.trainedModelProperty().get(), "Save model… can still keep it");
    }

    @Test
    void aRunThatLearnedNothingNeverReplacesAModelEvenOfUnknownAccuracy() {
        Fixture f = new Fixture();
        ActiveModel unknown = f.unknownAccuracy();
        f.settings.epochsProperty().set("1");
        f.settings.optimizerProperty().set("sgd");
        f.settings.hyperparams().get(0).text().set("1e-12");
        f.run.start();
        assertEquals(TrainingResult.Outcome.COMPLETED, f.run.resultProperty().get().outcome());
        assertSame(unknown, f.models.activeProperty().get());
        assertTrue(f.presenter.statusProperty().get().startsWith("Failed to learn: "), f.presenter.statusProperty().get());
        assertTrue(RunControl.replaces(0.5, null), "unknown accuracy in use: replaced");
        assertTrue(RunControl.replaces(0.9, 0.9), "as good: replaced");
        assertFalse(RunControl.replaces(0.87, 0.973));
        assertFalse(RunControl.replaces(null, 0.973), "a run of unknown accuracy does not replace a model of known accuracy");
    }

    @Test
    void aFinishedRunBecomesTheActiveModelAndTheUserIsTold() {
        Fixture f = new Fixture();
        f.unknownAccuracy();
        assertEquals("built-in MLP", f.models.activeProperty().get().name());
        f.settings.epochsProperty().set("1");
        f.run.start();
        assertEquals(RunState.FINISHED, f.run.stateProperty().get());
        assertEquals(TrainingResult.Outcome.COMPLETED, f.run.resultProperty().get().outcome());
        assertSame(f.run.trainedModelProperty().get(), f.models.activeProperty().get());
        assertEquals("MNIST", f.models.activeProperty().get().info().dataset());
        assertTrue(f.run.trainedModelActiveProperty().get());
        assertTrue(f.dialogs.infos.get(f.dialogs.infos.size() - 1).contains("Draw and Samples now use the new model"), f.dialogs.infos.toString());
        assertEquals("Iteration 8/8", f.presenter.iterationTextProperty().get(), "1000 / 128 = 7.8 batches");
        f.models.useBuiltIn();
        assertFalse(f.run.trainedModelActiveProperty().get());
        f.run.useTrainedModel();
        assertTrue(f.run.trainedModelActiveProperty().get());
    }

    @Test
    void theEvaluationFollowsEachEpochsValidationAndItsCellsOpenOnceTheRunsModelIsActive() {
        Fixture f = new Fixture();
        f.unknownAccuracy(); // any run that learned is put to use
        io.digitstudio.ui.evaluate.EvaluateViewModel eval = new io.digitstudio.ui.evaluate.EvaluateViewModel(f.tasks, f.dialogs, f.models);
        List<Integer> epochs = new java.util.ArrayList<>();
        List<Boolean> cellsOpen = new java.util.ArrayList<>();
        // as the app wires them
        f.presenter.validationMatrixProperty().addListener((o, a, m) -> {
            if (m != null) eval.showValidation(m.epoch(), m.matrix(), m.loss(), m.model(), m.classNames());
        });
        eval.evaluationProperty().addListener((o, a, e) -> {
            if (e != null) {
                epochs.add(e.epoch());
                cellsOpen.add(e.model() != null);
            }
        });
        f.settings.epochsProperty().set("2");
        f.run.start();
        var e = eval.evaluationProperty().get();
        assertEquals(2, e.epoch(), "the last epoch's validation");
        assertEquals(200, e.matrix().total(), "the run's validation set");
        assertEquals(f.run.resultProperty().get().last().valAccuracy(), e.matrix().accuracy(), 1e-6);
        assertEquals(f.run.resultProperty().get().last().valLoss(), e.loss(), 1e-9);
        // the run ended and its network became the active model: the matrix stays and its cells now open the gallery
        assertSame(f.models.activeProperty().get(), e.model());
        assertTrue(eval.cellsOpen());
        assertEquals(List.of(2, 2), epochs, "with same-thread tasks both epochs arrive in one drain: the newest shows, then it is bound to the model");
        assertEquals(List.of(false, true), cellsOpen);
        assertTrue(eval.statusProperty().get().startsWith("Training: epoch 2, validation accuracy"), eval.statusProperty().get());

        // another model drops it; not following ignores the next run
        f.models.useBuiltIn();
        assertNull(eval.evaluationProperty().get());
        eval.followTrainingProperty().set(false);
        f.run.start();
        assertNull(eval.evaluationProperty().get());
    }

    @Test
    void aLiveMatrixCannotOpenTheGalleryBeforeItsModelIsActive() {
        Fixture f = new Fixture();
        io.digitstudio.ui.evaluate.EvaluateViewModel eval = new io.digitstudio.ui.evaluate.EvaluateViewModel(f.tasks, f.dialogs, f.models);
        var m = new io.digitstudio.train.ConfusionMatrix(new int[]{0, 1, 1}, new int[]{0, 1, 0}, 2);
        eval.showValidation(3, m, 0.5, null, List.of("a", "b"));
        assertTrue(eval.evaluationProperty().get().live());
        assertFalse(eval.cellsOpen());
        assertEquals("The gallery shows these images once the run has ended and its model is active", eval.statusProperty().get());
    }

    @Test
    void aDivergedRunNeverReplacesTheActiveModel() {
        Fixture f = new Fixture();
        ActiveModel builtIn = f.models.activeProperty().get();
        f.settings.optimizerProperty().set("sgd");
        f.settings.hyperparams().get(0).text().set("1000000");
        f.run.start();
        assertEquals(TrainingResult.Outcome.DIVERGED, f.run.resultProperty().get().outcome());
        assertSame(builtIn, f.models.activeProperty().get());
        assertTrue(f.presenter.statusProperty().get().endsWith("The active model (built-in MLP) is unchanged."), f.presenter.statusProperty().get());
        assertTrue(f.dialogs.errors.get(0).startsWith("Training diverged: training diverged at epoch"), f.dialogs.errors.toString());
    }

    /**
     * While the Train view is the one shown, a run's end is said where the user looks, in its status line, not again in
     * a toast: a finished, kept, stopped, failed or diverged run
     * leaves no toast, and one that replaced a model only the toast that offers Undo, without the status's sentence.
     * On another tab the toast is what tells the user.
     */
    @Test
    void whileTheTrainViewShowsARunsEndIsSaidOnceInItsStatusNotInAToast() {
        Fixture f = new Fixture();
        f.run.shownProperty().set(true);
        f.settings.epochsProperty().set("1");
        f.run.start(); // kept: worse than the built-in model
        assertNotNull(f.run.keptNoticeProperty().get());
        assertTrue(f.presenter.statusProperty().get().startsWith("Finished at ") && f.presenter.statusProperty().get().endsWith("; kept the model in use (99.03%)."),
                f.presenter.statusProperty().get());
        assertEquals(List.of(), f.dialogs.infos, "kept");

        ActiveModel before = f.unknownAccuracy();
        f.run.start(); // put to use: the status says so, the toast only offers Undo
        assertNotSame(before, f.models.activeProperty().get());
        assertTrue(f.presenter.statusProperty().get().endsWith("; Draw and Samples use it."), f.presenter.statusProperty().get());
        assertEquals(List.of("Training finished: Undo brings back built-in MLP for Draw and Samples. [Undo]"), f.dialogs.infos);
        f.dialogs.infos.clear();

        userPressesStopAtIteration3(f);
        f.run.start();
        assertEquals(TrainingResult.Outcome.STOPPED, f.run.resultProperty().get().outcome());
        assertTrue(f.presenter.statusProperty().get().startsWith("Stopped at epoch "), f.presenter.statusProperty().get());
        assertEquals(List.of(), f.dialogs.infos, "stopped");

        f.settings.optimizerProperty().set("sgd");
        f.settings.hyperparams().get(0).text().set("1e-12");
        f.run.start();
        assertTrue(f.presenter.statusProperty().get().startsWith("Failed to learn: "), f.presenter.statusProperty().get());
        f.settings.hyperparams().get(0).text().set("1000000");
        f.run.start();
        assertTrue(f.presenter.statusProperty().get().startsWith("Diverged: "), f.presenter.statusProperty().get());
        assertEquals(List.of(), f.dialogs.errors, "failed to learn, diverged");
        assertEquals(List.of(), f.dialogs.infos);

        // on another tab, the toast is what tells the user
        f.run.shownProperty().set(false);
        f.run.start();
        assertEquals(1, f.dialogs.errors.size(), f.dialogs.errors.toString());
        assertTrue(f.dialogs.errors.get(0).startsWith("Training diverged: "), f.dialogs.errors.toString());
    }

    /** The user presses Stop once, as the run's third iteration ends (the window's Stop, not the loop's control). */
    private static void userPressesStopAtIteration3(Fixture f) {
        boolean[] pressed = {false};
        f.run.alsoWatch(new io.digitstudio.train.Extension() {
            @Override
            public String name() {
                return "user presses Stop";
            }

            @Override
            public io.digitstudio.train.Trigger trigger() {
                return io.digitstudio.train.Trigger.everyIterations(1);
            }

            @Override
            public void call(io.digitstudio.train.TrainingLoop l) {
                if (l.iteration() == 3 && !pressed[0]) {
                    pressed[0] = true;
                    f.run.stop();
                }
            }
        });
    }

    /**
     * A run ends while the user is on another view (Samples, say), where the Train view's toolbar is not: its message
     * names none of that toolbar's buttons ("Use model" is not where they are), and offers the action itself instead,
     * a button in the toast that puts the run's model to use: a kept run, a stopped one, one that failed to learn.
     */
    @Test
    void onAnotherViewARunsEndOffersUseModelInItsMessageInsteadOfNamingTheButton() {
        Fixture f = new Fixture();
        f.run.shownProperty().set(false);
        ActiveModel builtIn = f.models.activeProperty().get();
        f.settings.epochsProperty().set("1");
        f.run.start(); // kept: worse than the built-in model
        assertSame(builtIn, f.models.activeProperty().get());
        String kept = f.dialogs.infos.get(f.dialogs.infos.size() - 1);
        assertEquals("Training finished: " + f.run.keptNoticeProperty().get() + ". [Use model]", kept);
        f.dialogs.lastAction.run(); // the user clicks Use model in the toast
        assertSame(f.run.trainedModelProperty().get(), f.models.activeProperty().get(), "the run's model is in use");
        assertNull(f.run.keptNoticeProperty().get());

        f.models.useBuiltIn();
        f.dialogs.infos.clear();
        f.dialogs.lastAction = null;
        userPressesStopAtIteration3(f);
        f.run.start();
        assertEquals(TrainingResult.Outcome.STOPPED, f.run.resultProperty().get().outcome());
        String stopped = f.dialogs.infos.get(f.dialogs.infos.size() - 1);
        assertTrue(stopped.startsWith("Training stopped: ") && stopped.endsWith(" [Use model]"), stopped);
        String text = stopped.substring(0, stopped.length() - " [Use model]".length());
        assertFalse(text.contains("Use model") || text.contains("Save model"), "names no button of the Train view: " + stopped);
        ActiveModel partly = f.run.trainedModelProperty().get();
        f.dialogs.lastAction.run();
        assertSame(partly, f.models.activeProperty().get(), "the partly trained model is in use");

        f.models.useBuiltIn();
        f.settings.optimizerProperty().set("sgd");
        f.settings.hyperparams().get(0).text().set("1e-12");
        f.run.start();
        String failed = f.dialogs.errors.get(f.dialogs.errors.size() - 1);
        assertTrue(failed.startsWith("Training failed to learn: "), failed);
        assertFalse(failed.contains("“Use model”"), "names no button of the Train view: " + failed);
        assertTrue(failed.endsWith(" [Use model]"), "offers it: " + failed);
        f.dialogs.lastAction.run();
        assertSame(f.run.trainedModelProperty().get(), f.models.activeProperty().get(), "put to use by hand");
    }

    /** Runs what the workers hand to the "UI thread", as each arrives, until {@code done} holds. */
    private static void drain(BlockingQueue<Runnable> ui, java.util.function.BooleanSupplier done) throws InterruptedException {
        while (!done.getAsBoolean()) ui.take().run();
    }

    @Test
    void anEngineThatCannotStartEndsInAMessageAndAUsableView() throws Exception {
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        try (WorkerExecutor tasks = new WorkerExecutor(() -> {
            throw new UnsatisfiedLinkError("no jnind4jcpu in java.library.path");
        }, ui::add)) {
            TestDialogs dialogs = new TestDialogs();
            ModelManager models = new ModelManager(tasks, dialogs, RecentModels.inMemory());
            TrainSettings s = new TrainSettings();
            RunPresenter p = new RunPresenter();
            RunControl run = new RunControl(s, p, tasks, dialogs, models);
            run.start();
            assertEquals(RunState.PREPARING, run.stateProperty().get());
            drain(ui, () -> run.stateProperty().get() == RunState.IDLE);
            assertEquals("Could not train: no jnind4jcpu in java.library.path", p.statusProperty().get());
            assertEquals(List.of("Training failed: no jnind4jcpu in java.library.path"), dialogs.errors);

            // Stop while the run is still preparing also ends in a usable view, not "stopping" for good
            run.start();
            run.stop();
            assertEquals(RunState.STOPPING, run.stateProperty().get());
            drain(ui, () -> run.stateProperty().get() == RunState.IDLE);
            assertTrue(run.stateProperty().get().canStart());
        }
    }

    /**
     * A run that runs out of memory in the middle of its first validation, on the app's own workers: the window says so
     * in one line, Start trains again, the run hands over no model, and its record in the history says failed with the
     * reason, not running.
     */
    @Test
    void aRunThatRunsOutOfMemoryMidValidationSaysSoAndItsRecordSaysFailed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        try (WorkerExecutor tasks = new WorkerExecutor(() -> { }, ui::add)) {
            TestDialogs dialogs = new TestDialogs();
            ModelManager models = new ModelManager(tasks, dialogs, RecentModels.inMemory());
            io.digitstudio.runs.RunStore history = new io.digitstudio.runs.RunStore(dir);
            TrainSettings s = new TrainSettings();
            s.trainLimitProperty().set("1000");
            s.testLimitProperty().set("200"); // two batches of validation: it fails at the second
            s.epochsProperty().set("1");
            RunPresenter p = new RunPresenter();
            RunControl run = new RunControl(s, p, tasks, dialogs, models, history);
            OutOfMemoryInValidation.nextRun(run);
            run.start();
            while (run.stateProperty().get().active() || run.stateProperty().get() == RunState.STOPPING) {
                Runnable next = ui.poll(120, TimeUnit.SECONDS);
                assertNotNull(next, "the run's end reaches the window");
                next.run();
            }
            String why = "failed during the validation of epoch 1: out of memory (" + OutOfMemoryInValidation.MESSAGE + ")";
            assertEquals("Training " + why + ".", p.statusProperty().get());
            String id = run.recordedRunProperty().get();
            assertEquals(List.of("Training failed: During the validation of epoch 1: out of memory (" + OutOfMemoryInValidation.MESSAGE
                    + "). Run " + id + " is kept in Runs as failed."), dialogs.errors);
            assertTrue(run.stateProperty().get().canStart(), "Start trains again");
            assertNull(run.trainedModelProperty().get(), "a failed run hands over no model to save or use");
            assertEquals(TrainingResult.Outcome.FAILED, run.resultProperty().get().outcome());
            io.digitstudio.runs.RunSummary r = history.find(id);
            assertEquals(io.digitstudio.runs.RunStatus.FAILED, r.status());
            assertEquals(why, r.message());
            assertTrue(history.model(r).isEmpty());
            assertEquals(2, run.historyChangesProperty().get(), "recorded, then ended: the Runs view lists it as it ended");
        }
    }

    /**
     * An extension whose class needs another that does not load: asking its place among the run's extensions throws a
     * {@link NoClassDefFoundError}, as the run sets out, before anything is initialized. The first ask only: what ends
     * the run may ask again.
     */
    private static final class MissingClassAtStart implements io.digitstudio.train.Extension {
        static final String MESSAGE = "Could not initialize class io.digitstudio.train.HealthStats";
        private boolean asked;

        @Override
        public String name() {
            return "MissingClassAtStart";
        }

        @Override
        public int priority() {
            if (!asked) {
                asked = true;
                throw new NoClassDefFoundError(MESSAGE);
            }
            return 0;
        }

        @Override
        public void call(io.digitstudio.train.TrainingLoop loop) {
        }
    }

    /**
     * A run ended by an Error (not an Exception) as it sets out: the window says so in one line, once; Start trains
     * again; and the run's record in the history says failed with the reason, not running, its lock let go. (The Error
     * left the loop before any extension was finalized, and the record said "running" for as long as the app ran.)
     */
    @Test
    void aRunEndedByAnErrorAsItStartsSaysSoOnceAndItsRecordSaysFailed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        TestDialogs dialogs = new TestDialogs();
        OneEpoch o = OneEpoch.of(dir, dialogs);
        RunControl run = o.run();
        RunPresenter p = o.presenter();
        io.digitstudio.runs.RunStore history = o.history();
        run.alsoWatch(new MissingClassAtStart());
        run.start();
        String id = run.recordedRunProperty().get();
        assertNotNull(id, "the run was recorded as it was set up");
        io.digitstudio.runs.RunSummary r = history.find(id);
        assertEquals(io.digitstudio.runs.RunStatus.FAILED, r.status(), "its record: " + r.status() + " " + r.message());
        assertTrue(r.message().contains(MissingClassAtStart.MESSAGE), r.message());
        assertEquals(1, dialogs.errors.size(), "said once: " + dialogs.errors);
        assertTrue(dialogs.errors.get(0).startsWith("Training failed: ") && dialogs.errors.get(0).contains(MissingClassAtStart.MESSAGE), dialogs.errors.toString());
        assertTrue(p.statusProperty().get().contains(MissingClassAtStart.MESSAGE), p.statusProperty().get());
        assertEquals(1, p.statusProperty().get().lines().count());
        assertTrue(run.stateProperty().get().canStart(), "Start trains again: " + run.stateProperty().get());
        assertNull(run.trainedModelProperty().get(), "a failed run hands over no model");

        run.start();
        assertEquals(RunState.FINISHED, run.stateProperty().get(), dialogs.errors.toString());
        assertEquals(io.digitstudio.runs.RunStatus.FINISHED, history.find(run.recordedRunProperty().get()).status());
        history.delete(id);
        assertThrows(Exception.class, () -> history.find(id), "the failed run's lock is let go: it can be deleted");
    }

    /** Dialogs that run out of memory as they make a message, as a toast did under -Xmx512m; the pickers choose nothing. */
    private static final class OutOfMemoryDialogs implements io.digitstudio.ui.core.DialogService {
        public java.util.Optional<java.nio.file.Path> openModel() { return java.util.Optional.empty(); }
        public java.util.Optional<java.nio.file.Path> saveModel(String suggestedName) { return java.util.Optional.empty(); }
        public java.util.Optional<java.nio.file.Path> openImage() { return java.util.Optional.empty(); }
        public java.util.Optional<java.nio.file.Path> openSnapshot() { return java.util.Optional.empty(); }
        public java.util.Optional<java.nio.file.Path> chooseFolder(String title) { return java.util.Optional.empty(); }
        public java.util.Optional<java.nio.file.Path> saveFile(String title, String name, String description, String extension) { return java.util.Optional.empty(); }
        public java.util.Optional<java.nio.file.Path> openFile(String title, String description, String extension) { return java.util.Optional.empty(); }
        public boolean confirm(String title, String text, String action) { return false; }
        public void info(String title, String text) { throw new OutOfMemoryError("Java heap space"); }
        public void info(String title, String text, String action, Runnable onAction) { throw new OutOfMemoryError("Java heap space"); }
        public void withdraw(String title) { }
        public void error(String title, String text) { throw new OutOfMemoryError("Java heap space"); }
        public void error(String title, String text, String action, Runnable onAction) { throw new OutOfMemoryError("Java heap space"); }
    }

    /**
     * A run whose end cannot be told as usual (the message runs out of memory as it is made): the window still says in
     * one line that the run ended, Start trains again, and the Runs view is told to list the run's record.
     */
    @Test
    void aRunWhoseEndCannotBeShownStillSaysItEndedAndStartTrainsAgain(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        OneEpoch o = OneEpoch.of(dir, new OutOfMemoryDialogs());
        RunControl run = o.run();
        RunPresenter p = o.presenter();
        run.start();
        assertEquals("The run has ended, but the window could not show how: out of memory (Java heap space). Runs has its record.",
                p.statusProperty().get());
        assertTrue(run.stateProperty().get().canStart(), "Start trains again");
        assertEquals(2, run.historyChangesProperty().get(), "recorded, then ended: the Runs view lists it as it ended");
        assertEquals(io.digitstudio.runs.RunStatus.FINISHED, o.history().find(run.recordedRunProperty().get()).status());
    }

    /**
     * What fails between a run's record and its first iteration (here telling the session's warning runs out of memory)
     * ends the run as any failure does: its record says failed and lets its lock go, and Start trains again.
     */
    @Test
    void aRunThatFailsAsTheWindowSetsItUpIsRecordedAsFailed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        OneEpoch o = OneEpoch.of(dir, new OutOfMemoryDialogs());
        o.settings().warmupProperty().set("2"); // longer than the run: the session's warning, told in a dialog
        RunControl run = o.run();
        io.digitstudio.runs.RunStore history = o.history();
        run.start();
        assertTrue(run.stateProperty().get().canStart(), "Start trains again: " + run.stateProperty().get());
        java.util.List<io.digitstudio.runs.RunSummary> runs = history.list();
        assertEquals(1, runs.size());
        io.digitstudio.runs.RunSummary r = runs.get(0);
        assertEquals(io.digitstudio.runs.RunStatus.FAILED, r.status(), "its record: " + r.status() + " " + r.message());
        assertTrue(r.message().contains("out of memory"), r.message());
        history.delete(r.id());
        assertTrue(history.list().isEmpty(), "the failed run's lock is let go: it can be deleted");
    }

    /** The Train view's models for a one-epoch run of 1,000 examples, told through {@code dialogs}, not started. */
    private record OneEpoch(TrainSettings settings, RunPresenter presenter, io.digitstudio.runs.RunStore history, RunControl run) {
        static OneEpoch of(java.nio.file.Path dir, io.digitstudio.ui.core.DialogService dialogs) {
            SameThreadTasks tasks = new SameThreadTasks();
            ModelManager models = new ModelManager(tasks, dialogs, RecentModels.inMemory());
            io.digitstudio.runs.RunStore history = new io.digitstudio.runs.RunStore(dir);
            TrainSettings s = new TrainSettings();
            s.trainLimitProperty().set("1000");
            s.testLimitProperty().set("200");
            s.epochsProperty().set("1");
            RunPresenter p = new RunPresenter();
            return new OneEpoch(s, p, history, new RunControl(s, p, tasks, dialogs, models, history));
        }
    }

    /** A finished 2-epoch run of 1,000 examples with a snapshot each epoch, and what the Train view holds of it. */
    private record ShortRun(TestDialogs dialogs, TrainSettings settings, RunPresenter presenter, io.digitstudio.runs.RunStore history,
                            RunControl run, ModelManager models) {
        static ShortRun finished(java.nio.file.Path dir) {
            SameThreadTasks tasks = new SameThreadTasks();
            TestDialogs dialogs = new TestDialogs();
            ModelManager models = new ModelManager(tasks, dialogs, RecentModels.inMemory());
            models.loadBuiltIn();
            TrainSettings settings = new TrainSettings();
            settings.trainLimitProperty().set("1000");
            settings.testLimitProperty().set("200");
            settings.epochsProperty().set("2");
            settings.snapshotsProperty().set(true);
            RunPresenter presenter = new RunPresenter();
            io.digitstudio.runs.RunStore history = new io.digitstudio.runs.RunStore(dir.resolve("runs"));
            RunControl run = new RunControl(settings, presenter, tasks, dialogs, models, history);
            run.start();
            assertEquals(RunState.FINISHED, run.stateProperty().get());
            return new ShortRun(dialogs, settings, presenter, history, run, models);
        }
    }

    @Test
    void aResumedRunsChartsAndTableBeginAtItsFirstEpoch(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ShortRun shortRun = ShortRun.finished(dir);
        TestDialogs dialogs = shortRun.dialogs();
        TrainSettings settings = shortRun.settings();
        RunPresenter presenter = shortRun.presenter();
        io.digitstudio.runs.RunStore history = shortRun.history();
        RunControl run = shortRun.run();
        List<EpochReport> first = List.copyOf(presenter.epochRows());
        io.digitstudio.runs.RunSummary r = history.list().get(0);
        java.nio.file.Path snapshot = history.lastSnapshot(r).orElseThrow();

        settings.epochsProperty().set("3");
        run.resume(snapshot);
        assertEquals(RunState.FINISHED, run.stateProperty().get(), dialogs.errors.toString());
        assertEquals(List.of(1, 2, 3), presenter.epochRows().stream().map(EpochReport::epoch).toList(), "the table holds the whole run");
        for (int e = 0; e < 2; e++) {
            assertEquals(first.get(e).valAccuracy(), presenter.epochRows().get(e).valAccuracy(), 1e-12, "epoch " + (e + 1) + " as trained");
            assertEquals(first.get(e).trainLoss(), presenter.epochRows().get(e).trainLoss(), 1e-9);
        }
        assertEquals(3, presenter.valAccuracy().size(), "the validation curve from epoch 1");
        assertEquals(1, presenter.valAccuracy().x(0), 0);
        assertTrue(presenter.trainLoss().x(0) <= 1, "the loss curve from the start: " + presenter.trainLoss().x(0));
        assertTrue(presenter.learningRate().x(0) <= 1, "the learning rate from the start: " + presenter.learningRate().x(0));
    }

    /**
     * A resumed run's earlier epochs show the times they showed live, read back from the run's log: a trial saw epoch
     * 1's 12.66 s become 12.85 s on resuming, the log's time between two entries (the extensions' work and the run's
     * start with it) instead of the epoch's training and validation.
     */
    @Test
    void aResumedRunsEarlierEpochsShowTheTimesTheyShowedLive(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ShortRun shortRun = ShortRun.finished(dir);
        RunPresenter presenter = shortRun.presenter();
        List<EpochReport> live = List.copyOf(presenter.epochRows());
        io.digitstudio.runs.RunSummary r = shortRun.history().list().get(0);
        shortRun.settings().epochsProperty().set("3");
        shortRun.run().resume(shortRun.history().lastSnapshot(r).orElseThrow());
        assertEquals(RunState.FINISHED, shortRun.run().stateProperty().get(), shortRun.dialogs().errors.toString());
        for (int e = 0; e < 2; e++) {
            EpochReport shown = presenter.epochRows().get(e);
            assertEquals(live.get(e).epochSeconds(), shown.epochSeconds(), 0.0, "epoch " + (e + 1) + ": " + live.get(e) + " then " + shown);
            assertEquals(live.get(e).trainSeconds(), shown.trainSeconds(), 0.0, "epoch " + (e + 1) + "'s training");
            assertEquals(live.get(e).valSeconds(), shown.valSeconds(), 0.0, "epoch " + (e + 1) + "'s validation");
        }
    }

    /** A two-epoch run stopped half way into epoch 2 (8 iterations an epoch). */
    private static Recorded stoppedInEpoch2(java.nio.file.Path dir) {
        Recorded r = Recorded.in(dir);
        r.settings().epochsProperty().set("2");
        r.run().alsoWatch(new StopAt(12));
        r.run().start();
        return r;
    }

    @Test
    void aGoodRunWhoseExtensionFailsAsItEndsIsFinishedInTheWindowAndInItsFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Recorded r = Recorded.in(dir);
        r.settings().epochsProperty().set("1");
        // a watcher of the window's that fails as the run ends, after the run's model is whole
        r.run().alsoWatch(new io.digitstudio.train.Extension() {
            @Override
            public String name() {
                return "chart export";
            }

            @Override
            public void call(io.digitstudio.train.TrainingLoop l) {
            }

            @Override
            public void finalize(io.digitstudio.train.TrainingLoop l) {
                throw new IllegalStateException("disk full");
            }
        });
        r.run().start();
        assertEquals(RunState.FINISHED, r.run().stateProperty().get());
        io.digitstudio.runs.RunSummary s = r.history().find(r.run().recordedRunProperty().get());
        // one truth: the window and the run's folder both say finished, with the model kept and the same warning
        assertEquals(TrainingResult.Outcome.COMPLETED, r.run().resultProperty().get().outcome(), r.presenter().statusProperty().get());
        assertEquals(io.digitstudio.runs.RunStatus.FINISHED, s.status());
        assertTrue(r.history().model(s).isPresent(), "its model is kept");
        assertNotNull(r.run().trainedModelProperty().get(), "and handed over");
        String warning = "chart export failed as the run ended: disk full";
        assertTrue(r.presenter().statusProperty().get().startsWith("Finished"), r.presenter().statusProperty().get());
        assertTrue(r.presenter().statusProperty().get().endsWith(" Warning: " + warning + "."), r.presenter().statusProperty().get());
        assertTrue(r.dialogs().errors.stream().anyMatch(e -> e.contains(warning)), r.dialogs().errors.toString());
        assertEquals(List.of(warning), io.digitstudio.io.Json.parseObject(java.nio.file.Files.readString(s.folder().resolve("status.json"))).get("warnings"));
    }

    @Test
    void theNoticeOfAStoppedRunSaysItStoppedOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Recorded r = stoppedInEpoch2(dir);
        // the toast shows its title, then its text: together they read as one sentence
        String notice = r.dialogs().infos.get(r.dialogs().infos.size() - 1);
        assertTrue(notice.matches("Training stopped: at epoch 1\\.\\d\\d \\(validation accuracy .*"), notice);
        assertEquals(1, notice.toLowerCase(java.util.Locale.ROOT).split("stopped", -1).length - 1, notice);
    }

    @Test
    void aStoppedRunResumedLaterShowsItsLossCurveBeforeTheStopAsFinelyAsBefore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Recorded r = stoppedInEpoch2(dir);
        assertEquals(io.digitstudio.runs.RunStatus.STOPPED, r.history().list().get(0).status());
        var loss = r.presenter().trainLoss();
        List<double[]> before = new java.util.ArrayList<>();
        for (int i = 0; i < loss.size(); i++) before.add(new double[]{loss.x(i), loss.y(i)});
        // the feed draws a point at most every 5 ms of the clock, so how many depends on the machine; the first and the
        // last before the stop are always drawn: more than the one point an epoch the log alone gives back
        assertTrue(before.size() >= 2, "more than a point an epoch: " + before.size());
        double stop = before.get(before.size() - 1)[0];

        // later (another window: nothing of this one's charts), the run is resumed from where it stopped
        Recorded later = Recorded.in(dir);
        later.settings().epochsProperty().set("2");
        io.digitstudio.runs.RunSummary stopped = later.history().list().get(0);
        later.run().resume(later.history().lastSnapshot(stopped).orElseThrow());
        assertEquals(RunState.FINISHED, later.run().stateProperty().get(), later.dialogs().errors.toString());
        var resumed = later.presenter().trainLoss();
        List<double[]> shown = new java.util.ArrayList<>();
        for (int i = 0; i < resumed.size() && resumed.x(i) <= stop; i++) shown.add(new double[]{resumed.x(i), resumed.y(i)});
        assertEquals(before.size(), shown.size(), "the part before the stop as it was drawn");
        for (int i = 0; i < before.size(); i++) assertArrayEquals(before.get(i), shown.get(i), 1e-12);
    }

    /**
     * Open snapshot… on where a stopped run stopped sets the form up as that run's resume and waits: nothing trains, the
     * form holds the run's settings and the status says what Start does; Start then resumes the same run of the
     * history, and the form is the user's own again after (the next launch remembers the user's own meanwhile).
     */
    @Test
    void openingAStoppedRunsSnapshotSetsUpItsResumeForStart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Recorded r = stoppedInEpoch2(dir);
        io.digitstudio.runs.RunSummary stopped = r.history().list().get(0);
        java.nio.file.Path snap = r.history().lastSnapshot(stopped).orElseThrow();
        r.settings().epochsProperty().set("4");
        r.lr("0.05");
        r.dialogs().willChoose(snap);
        r.run().resumeFromSnapshot();
        assertEquals(RunState.FINISHED, r.run().stateProperty().get(), "nothing trains on opening a snapshot");
        assertEquals(RunControl.openedAsResume(stopped.id(), "epoch 1.54 (iteration 12)"), r.presenter().statusProperty().get());
        assertEquals(1, r.history().list().size());
        assertEquals(io.digitstudio.runs.RunStatus.STOPPED, r.history().find(stopped.id()).status(), "the run is as it was");
        assertEquals("2", r.settings().epochsProperty().get(), "the run's own settings");
        assertEquals("4", r.run().ownValues().epochs(), "the user's own form, for the next launch");

        r.run().start();
        assertEquals(RunState.FINISHED, r.run().stateProperty().get(), r.dialogs().errors.toString());
        assertEquals(1, r.history().list().size(), "the same run, resumed");
        io.digitstudio.runs.RunSummary after = r.history().find(stopped.id());
        assertEquals(io.digitstudio.runs.RunStatus.FINISHED, after.status());
        assertEquals(1, after.resumes().size());
        assertEquals(2, after.epochsDone());
        assertEquals("4", r.settings().epochsProperty().get(), "the form is the user's own again");
    }

    /**
     * Runs' Resume on a stopped run sets the form up as that run's resume, as Open snapshot… on its newest snapshot does,
     * and waits: nothing trains and the run's files stay as they are, the form shows the run's own settings and the
     * status says what Start does. Start resumes the run where it stopped, and the form is the user's own again after.
     * (Resume trained at once, to the form's Epochs, and left the run's values in the form for good.)
     */
    @Test
    void runsResumeSetsUpTheStoppedRunsResumeAndTrainsOnlyOnStart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Recorded r = stoppedInEpoch2(dir);
        io.digitstudio.runs.RunSummary stopped = r.history().list().get(0);
        java.nio.file.Path snap = r.history().lastSnapshot(stopped).orElseThrow();
        r.settings().epochsProperty().set("4");
        r.lr("0.05");
        TrainSettings.Values own = r.settings().values();

        assertTrue(r.run().setUpResume(stopped, snap));
        assertEquals(RunState.FINISHED, r.run().stateProperty().get());
        io.digitstudio.runs.RunSummary now = r.history().find(stopped.id());
        assertEquals(io.digitstudio.runs.RunStatus.STOPPED, now.status(), "nothing trains until Start");
        assertTrue(now.resumes().isEmpty(), "nothing is written until Start");
        assertEquals(RunControl.openedAsResume(stopped.id(), "epoch 1.54 (iteration 12)"), r.presenter().statusProperty().get());
        assertEquals("2", r.settings().epochsProperty().get(), "the run's own epochs");
        assertEquals(0.01, r.settings().config().lr(), 0.0, "the run's own rate");
        assertEquals(own, r.run().ownValues(), "the user's own form, for the next launch");
        assertEquals(RunControl.resumeText(stopped.id(), "epoch 1.54 (iteration 12)"), r.run().resumeSetUpProperty().get(),
                "the line above the charts says which run Start goes on with");

        r.run().start();
        assertEquals("", r.run().resumeSetUpProperty().get(), "Start has taken the set-up");
        assertEquals(RunState.FINISHED, r.run().stateProperty().get(), r.dialogs().errors.toString());
        assertEquals(1, r.history().list().size(), "the same run, resumed");
        io.digitstudio.runs.RunSummary after = r.history().find(stopped.id());
        assertEquals(io.digitstudio.runs.RunStatus.FINISHED, after.status());
        assertEquals(2, after.epochsDone(), "to its own epochs, not the user's four");
        assertEquals(1, after.resumes().size());
        assertEquals(12, ((Number) after.resumes().get(0).get("iteration")).intValue(), "from where it stopped");
        assertEquals(own, r.settings().values(), "the form is the user's own again");
    }

    /**
     * "New run instead" beside a resume set up from Runs: the set-up goes, the status says Start trains the form's
     * settings from scratch, and Start does, as a new run; the stopped run stays as it is.
     */
    @Test
    void newRunInsteadOfAResumeTrainsANewRunFromScratch(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Recorded r = stoppedInEpoch2(dir);
        io.digitstudio.runs.RunSummary stopped = r.history().list().get(0);
        r.settings().epochsProperty().set("4");
        assertTrue(r.run().setUpResume(stopped, r.history().lastSnapshot(stopped).orElseThrow()));
        assertFalse(r.run().resumeSetUpProperty().get().isEmpty());

        r.run().leaveResume();
        assertEquals("", r.run().resumeSetUpProperty().get(), "the line above the charts no longer tells of a resume");
        assertEquals(RunControl.NEW_RUN_NOT_RESUME, r.presenter().statusProperty().get());
        assertEquals("2", r.settings().epochsProperty().get(), "the settings Start trains, as the status says");
        assertEquals("2", r.run().ownValues().epochs(), "the user's own from now on");
        r.run().start();
        assertEquals(RunState.FINISHED, r.run().stateProperty().get(), r.dialogs().errors.toString());
        assertEquals(2, r.history().list().size(), "a new run");
        io.digitstudio.runs.RunSummary fresh = r.history().list().stream().filter(x -> !x.id().equals(stopped.id())).findFirst().orElseThrow();
        assertTrue(fresh.settings().resumedFrom() == null || fresh.settings().resumedFrom().isEmpty(), "from scratch");
        assertEquals(2, fresh.epochsDone());
        assertEquals(io.digitstudio.runs.RunStatus.STOPPED, r.history().find(stopped.id()).status(), "the stopped run stays as it is");
        assertTrue(r.history().find(stopped.id()).resumes().isEmpty());
    }

    /**
     * A resume set up in the form, then left for Run again of the same run: Start runs it again as a new run, and the
     * stopped run stays as it is. (The set-up outlived Run again, whose settings were the same, and Start resumed.)
     */
    @Test
    void runAgainOverAResumeSetUpRunsANewRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Recorded r = stoppedInEpoch2(dir);
        io.digitstudio.runs.RunSummary stopped = r.history().list().get(0);
        r.dialogs().willChoose(r.history().lastSnapshot(stopped).orElseThrow());
        r.run().resumeFromSnapshot();
        assertEquals(RunControl.openedAsResume(stopped.id(), "epoch 1.54 (iteration 12)"), r.presenter().statusProperty().get());

        assertTrue(r.run().runAgain(stopped));
        assertEquals("The settings of run " + stopped.id() + " are filled in: press Start to run it again", r.presenter().statusProperty().get());
        assertEquals("", r.run().resumeSetUpProperty().get(), "no resume set up");
        r.run().start();
        assertEquals(RunState.FINISHED, r.run().stateProperty().get(), r.dialogs().errors.toString());
        assertEquals(2, r.history().list().size(), "a new run");
        io.digitstudio.runs.RunSummary again = r.history().find(stopped.id());
        assertEquals(io.digitstudio.runs.RunStatus.STOPPED, again.status(), "the stopped run stays as it is");
        assertTrue(again.resumes().isEmpty());
        assertEquals("2", r.settings().epochsProperty().get(), "Run again's settings stay the form's");
    }

    /**
     * A snapshot of no run of this history (copied from another machine's) is set up to go on as a new run, and waits
     * for Start: more Epochs keep that set-up, another learning rate (which a resume cannot take) drops it, the status
     * then saying that Start trains a new run with the form's values.
     */
    @Test
    void openingASnapshotOfNoRunOfTheHistorySetsUpANewRunFromIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Recorded elsewhere = stoppedInEpoch2(dir.resolve("elsewhere"));
        java.nio.file.Path snap = dir.resolve("copied.npz");
        java.nio.file.Files.copy(elsewhere.history().lastSnapshot(elsewhere.history().list().get(0)).orElseThrow(), snap);
        Recorded here = Recorded.in(dir.resolve("here"));
        here.dialogs().willChoose(snap);
        here.run().resumeFromSnapshot();
        assertEquals(RunState.IDLE, here.run().stateProperty().get(), "nothing trains on opening a snapshot");
        String said = RunControl.openedAsResume("", "epoch 1.54 (iteration 12)");
        assertEquals(said, here.presenter().statusProperty().get());
        here.settings().epochsProperty().set("3");
        assertEquals(said, here.presenter().statusProperty().get(), "more epochs: still the snapshot's run to go on with");
        here.run().start();
        assertEquals(RunState.FINISHED, here.run().stateProperty().get(), here.dialogs().errors.toString());
        io.digitstudio.runs.RunSummary run = here.history().list().get(0);
        assertEquals(1, here.history().list().size(), "a new run of this history");
        assertEquals(3, run.epochsDone());
        assertEquals(snap.toAbsolutePath().toString(), run.settings().resumedFrom(), "gone on from the snapshot");

        here.dialogs().willChoose(snap);
        here.run().resumeFromSnapshot();
        assertEquals(said, here.presenter().statusProperty().get());
        here.lr("0.5");
        assertTrue(here.presenter().statusProperty().get().startsWith("The form no longer holds the snapshot's settings: Start trains a new run"),
                here.presenter().statusProperty().get());
    }

    /** A form that is a branch of a run trained with {@code parent}, as "Branch from here…" sets it up. */
    private static TrainSettings branchOf(TrainingConfig parent) {
        TrainSettings s = new TrainSettings();
        s.show(parent);
        s.branchProperty().set(new TrainSettings.Branch("r1", "r1@epoch:1", "end of epoch 1", parent, 1));
        return s;
    }

    /**
     * A branch compares the form's network with its parent's by what it builds on the data, not by its text: the last
     * "linear" written with the data's ten classes, or a layer by another of its names, is the parent's network; another
     * size is not.
     */
    @Test
    void aBranchTakesItsParentsNetworkWrittenAnotherWay() {
        TrainSettings s = branchOf(TrainingConfig.tutorial());
        assertEquals("linear 100, relu, linear 100, relu, linear", s.specProperty().get());
        for (String same : List.of("linear 100, relu, linear 100, relu, linear 10", "fc 100, ReLU, dense 100, relu, linear 10")) {
            s.specProperty().set(same);
            assertNull(s.validationProperty().get(), same);
        }
        s.specProperty().set("linear 100, relu, linear 50, relu, linear 10");
        assertEquals("A branch keeps its parent's network (linear 100, relu, linear 100, relu, linear); only the optimizer, its values, the schedule"
                + " and the epochs may change", s.validationProperty().get());
    }

    /**
     * The fields a branch form locks are the ones it keeps from its parent: each of them, changed alone, would turn Start
     * off ("A branch keeps its parent's …"), and each field it leaves open can change without that. A trial typed in the
     * open Network field and met the refusal only then.
     */
    @Test
    void aBranchLocksTheFieldsItKeepsAndLeavesOpenTheOnesItMayChange() {
        TrainingConfig parent = TrainingConfig.tutorial().withLimits(1000, 200);
        TrainSettings s = new TrainSettings();
        s.show(parent);
        assertFalse(s.keptByBranchProperty().get(), "a new run's form keeps nothing");
        s = branchOf(parent);
        assertTrue(s.keptByBranchProperty().get());
        assertNull(s.validationProperty().get(), "the form holds the parent's settings");
        TrainSettings f = s;
        java.util.Map<String, Runnable> change = new java.util.LinkedHashMap<>();
        change.put("trainLimit", () -> f.trainLimitProperty().set("900"));
        change.put("testLimit", () -> f.testLimitProperty().set("100"));
        change.put("preset", () -> f.presetProperty().set("wide"));
        change.put("spec", () -> f.specProperty().set("linear 50, relu, linear"));
        change.put("batchSize", () -> f.batchSizeProperty().set("64"));
        change.put("seed", () -> f.seedProperty().set("7"));
        change.put("shuffle", () -> f.shuffleProperty().set(false));
        change.put("augment", () -> f.augmentProperty().set(true));
        change.put("epochs", () -> f.epochsProperty().set("3"));
        change.put("optimizer", () -> f.optimizerProperty().set("adam"));
        change.put("hp-lr", () -> f.hyperparams().stream().filter(h -> h.key().equals("lr")).findFirst().orElseThrow().text().set("0.05"));
        change.put("lrShift", () -> f.lrShiftProperty().set("exponential:0.5"));
        change.put("warmup", () -> f.warmupProperty().set("1"));
        change.put("earlyStop", () -> f.earlyStopProperty().set("2"));
        change.put("keepBest", () -> f.keepBestProperty().set(true));
        change.put("snapshots", () -> f.snapshotsProperty().set(true));
        for (String kept : TrainSettings.KEPT_BY_BRANCH) {
            // the data is kept without a word: the branch reads its parent's snapshot on its parent's data
            if (!kept.equals("data")) assertTrue(change.containsKey(kept), kept + " is changed below");
        }
        TrainSettings.Values was = s.values();
        for (var c : change.entrySet()) {
            c.getValue().run();
            String v = s.validationProperty().get();
            boolean refused = v != null && v.startsWith("A branch keeps its parent's");
            assertEquals(TrainSettings.KEPT_BY_BRANCH.contains(c.getKey()), refused, c.getKey() + ": " + v);
            s.restore(was);
            assertNull(s.validationProperty().get(), "back as it was after " + c.getKey());
        }
        // "New run instead": nothing kept any more
        s.branchProperty().set(null);
        assertFalse(s.keptByBranchProperty().get());
    }

    @Test
    void aBranchFromTheFormIsANewRunOfItsParentWithTheFormsRate(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ShortRun shortRun = ShortRun.finished(dir);
        TestDialogs dialogs = shortRun.dialogs();
        TrainSettings settings = shortRun.settings();
        RunPresenter presenter = shortRun.presenter();
        io.digitstudio.runs.RunStore history = shortRun.history();
        RunControl run = shortRun.run();
        List<EpochReport> parentRows = List.copyOf(presenter.epochRows());
        io.digitstudio.runs.RunSummary parent = history.list().get(0);

        settings.branchProperty().set(new TrainSettings.Branch(parent.id(), parent.id() + "@epoch:1", "end of epoch 1", parent.settings().config(), 1));
        assertNull(settings.validationProperty().get(), "the form holds the parent's settings");
        // what a branch keeps is refused, in one sentence, as the command line refuses it
        settings.batchSizeProperty().set("64");
        assertEquals("A branch keeps its parent's batch size (128); only the optimizer, its values, the schedule and the epochs may change",
                settings.validationProperty().get());
        settings.batchSizeProperty().set("128");
        settings.epochsProperty().set("1");
        assertEquals("Epochs must be more than 1: the branch starts after epoch 1", settings.fieldErrorProperty("epochs").get());
        settings.epochsProperty().set("2");
        settings.hyperparams().stream().filter(h -> h.key().equals("lr")).findFirst().orElseThrow().text().set("0.05");
        assertNull(settings.validationProperty().get());

        run.start();
        assertEquals(RunState.FINISHED, run.stateProperty().get(), dialogs.errors.toString());
        assertEquals(2, history.list().size(), "a new run, the parent untouched");
        io.digitstudio.runs.RunSummary branch = history.list().stream().filter(r -> !r.id().equals(parent.id())).findFirst().orElseThrow();
        assertEquals(new io.digitstudio.runs.RunSettings.Branch(parent.id(), 8, 1, 1, branch.settings().branchedFrom().parentSeconds()), branch.settings().branchedFrom(), "after the 8 iterations of epoch 1");
        assertEquals(0.05, branch.settings().config().hyperparams().get("lr"));
        assertEquals(2, branch.epochsDone());
        assertEquals(2, history.find(parent.id()).epochsDone());
        // its charts go on from its parent's first epoch
        assertEquals(List.of(1, 2), presenter.epochRows().stream().map(EpochReport::epoch).toList());
        assertEquals(parentRows.get(0).valAccuracy(), presenter.epochRows().get(0).valAccuracy(), 1e-12);
        assertNotEquals(parentRows.get(1).valAccuracy(), presenter.epochRows().get(1).valAccuracy());
    }

    @Test
    void aBranchSetUpFromRunsShowsItsParentUpToThePointAndNothingOfTheLastRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ShortRun shortRun = ShortRun.finished(dir);
        TrainSettings settings = shortRun.settings();
        RunPresenter presenter = shortRun.presenter();
        io.digitstudio.runs.RunStore history = shortRun.history();
        RunControl run = shortRun.run();
        List<EpochReport> parentRows = List.copyOf(presenter.epochRows());
        io.digitstudio.runs.RunSummary parent = history.list().get(0);
        // another run trains after it, and the Train view shows that one
        settings.epochsProperty().set("3");
        settings.hyperparams().stream().filter(h -> h.key().equals("lr")).findFirst().orElseThrow().text().set("0.05");
        run.start();
        assertEquals(RunState.FINISHED, run.stateProperty().get(), shortRun.dialogs().errors.toString());
        assertEquals(List.of(1, 2, 3), presenter.epochRows().stream().map(EpochReport::epoch).toList());

        run.setUpBranch(history.find(parent.id()), parent.id() + "@epoch:1", "end of epoch 1", 1);
        assertEquals(parent.id(), settings.branchProperty().get().runId());
        // the parent's first epoch, where the branch goes on from: none of the last run's curves, table or progress
        assertEquals(List.of(1), presenter.epochRows().stream().map(EpochReport::epoch).toList());
        assertEquals(parentRows.get(0).valAccuracy(), presenter.epochRows().get(0).valAccuracy(), 1e-12);
        assertEquals(1, presenter.valAccuracy().size(), "the validation curve up to the point");
        assertEquals(parentRows.get(0).valAccuracy(), presenter.valAccuracy().y(0), 1e-12);
        assertEquals(1, presenter.valLoss().size());
        for (int i = 0; i < presenter.trainLoss().size(); i++) assertTrue(presenter.trainLoss().x(i) <= 1, "the loss curve ends at the point");
        assertEquals(0, presenter.progressProperty().get(), 0);
        assertEquals("", presenter.epochTextProperty().get());
        assertEquals("", presenter.iterationTextProperty().get());
        // the notice line names the run and point the form branches from; the status line says only what to do next
        // (it said "Branching run … from the end of epoch 1" again: one message in two places)
        assertEquals("Change the learning rate or other values, then Start.", presenter.statusProperty().get());
        assertEquals(2, presenter.plannedEpochsProperty().get(), "the parent's epochs: the chart spans the branch's");

        // Start: the branch's charts go on from the same epoch
        run.start();
        assertEquals(RunState.FINISHED, run.stateProperty().get(), shortRun.dialogs().errors.toString());
        assertEquals(List.of(1, 2), presenter.epochRows().stream().map(EpochReport::epoch).toList());
        assertEquals(parentRows.get(0).valAccuracy(), presenter.epochRows().get(0).valAccuracy(), 1e-12);
    }

    /**
     * A branch of a run trained on the command line shows its parent's training loss up to the point, as a branch of a
     * run of the window does: the command line keeps the curve the window draws. Started, the branch's own loss goes on
     * from it.
     */
    @Test
    void aBranchOfARunOfTheCommandLineShowsItsParentsTrainingLossUpToThePoint(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.io.StringWriter said = new java.io.StringWriter();
        int code = io.digitstudio.cli.Cli.run(new java.io.PrintWriter(said, true), new java.io.PrintWriter(said, true), "train", "--units", "20",
                "--epochs", "2", "--train-size", "1000", "--test-size", "200", "--snapshot-every", "1",
                "--out", dir.resolve("parent.npz").toString(), "--runs-dir", dir.resolve("runs").toString());
        assertEquals(0, code, said.toString());
        Recorded v = Recorded.in(dir);
        io.digitstudio.runs.RunSummary parent = v.history().list().get(0);
        List<double[]> kept = v.history().lossPoints(parent).stream().filter(p -> p[0] <= 1).toList();

        assertTrue(v.run().setUpBranch(parent, parent.id() + "@epoch:1", "end of epoch 1", 1));
        var loss = v.presenter().trainLoss();
        assertTrue(loss.size() >= 2 && loss.x(0) < 1, "the parent's loss from its first iterations: " + loss.size() + " points");
        assertEquals(1.0, loss.x(loss.size() - 1), 0.0, "up to the point");
        assertEquals(kept.size(), loss.size());
        for (int i = 0; i < kept.size(); i++) assertArrayEquals(kept.get(i), new double[]{loss.x(i), loss.y(i)}, 0.0, "the parent's point " + i);

        v.lr("0.05");
        v.run().start();
        assertEquals(RunState.FINISHED, v.run().stateProperty().get(), v.dialogs().errors.toString());
        for (int i = 0; i < kept.size(); i++) assertArrayEquals(kept.get(i), new double[]{loss.x(i), loss.y(i)}, 0.0, "still the parent's point " + i);
        assertTrue(loss.x(loss.size() - 1) == 2.0 && loss.size() > kept.size() + 1, "then the branch's own");
    }

    /**
     * A branch set up from Runs and then edited is not silently replaced by another run's "Run again": the user is
     * asked, and a No keeps it; one not edited since is replaced without a question. A trial lost an edited set-up.
     */
    @Test
    void anEditedBranchSetUpIsReplacedOnlyOnceTheUserSaysSo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ShortRun shortRun = ShortRun.finished(dir);
        TrainSettings settings = shortRun.settings();
        TestDialogs dialogs = shortRun.dialogs();
        RunControl run = shortRun.run();
        io.digitstudio.runs.RunSummary parent = shortRun.history().list().get(0);
        assertTrue(run.setUpBranch(parent, parent.id() + "@epoch:1", "end of epoch 1", 1));
        assertTrue(run.runAgain(parent), "a set-up not edited since goes without a question");
        assertEquals(List.of(), dialogs.questions);
        assertNull(settings.branchProperty().get());

        assertTrue(run.setUpBranch(parent, parent.id() + "@epoch:1", "end of epoch 1", 1));
        settings.hyperparams().stream().filter(h -> h.key().equals("lr")).findFirst().orElseThrow().text().set("0.05");
        dialogs.confirms = false;
        assertFalse(run.runAgain(parent), "the user keeps the set-up");
        assertEquals(1, dialogs.questions.size());
        assertTrue(dialogs.questions.get(0).startsWith("Discard the branch of run " + parent.id() + "?\n"), dialogs.questions.get(0));
        assertNotNull(settings.branchProperty().get(), "still the branch");
        assertEquals("0.05", settings.hyperparams().stream().filter(h -> h.key().equals("lr")).findFirst().orElseThrow().text().get());
        assertFalse(run.setUpBranch(parent, parent.id() + "@epoch:2", "end of epoch 2", 2), "another branch asks too");
        assertEquals(2, dialogs.questions.size());
        assertEquals(parent.id() + "@epoch:1", settings.branchProperty().get().spec());
        dialogs.confirms = true;
        assertTrue(run.runAgain(parent));
        assertNull(settings.branchProperty().get());
    }

    /**
     * The parent of a branch set up in the form is deleted in Runs: the form stops being that branch at once and the
     * status says why. A trial saw "Branch of run P" stay until Start failed with "no run P".
     */
    @Test
    void deletingTheParentOfABranchSetUpClearsTheSetUpAndSaysSo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ShortRun shortRun = ShortRun.finished(dir);
        TrainSettings settings = shortRun.settings();
        RunControl run = shortRun.run();
        RunPresenter presenter = shortRun.presenter();
        io.digitstudio.runs.RunSummary parent = shortRun.history().list().get(0);
        assertTrue(run.setUpBranch(parent, parent.id() + "@epoch:1", "end of epoch 1", 1));
        run.runDeleted("someoneelse");
        assertNotNull(settings.branchProperty().get(), "another run's delete leaves it alone");
        shortRun.history().delete(parent.id());
        run.runDeleted(parent.id());
        assertNull(settings.branchProperty().get(), "no branch of a deleted run");
        assertEquals(RunControl.branchParentDeleted(parent.id()), presenter.statusProperty().get());
        assertEquals(List.of(), presenter.epochRows(), "nothing of the deleted run shows");
    }

    /**
     * The run whose resume is set up in the form (by Runs' Resume) is deleted: the set-up goes at once and the status
     * says why, and Start trains a new run with the form's settings rather than fail on a snapshot that is gone.
     */
    @Test
    void deletingTheRunOfAResumeSetUpClearsTheSetUpAndSaysSo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Recorded r = stoppedInEpoch2(dir);
        io.digitstudio.runs.RunSummary stopped = r.history().list().get(0);
        assertTrue(r.run().setUpResume(stopped, r.history().lastSnapshot(stopped).orElseThrow()));
        r.run().runDeleted("someoneelse");
        assertFalse(r.run().resumeSetUpProperty().get().isEmpty(), "another run's delete leaves it alone");
        r.history().delete(stopped.id());
        r.run().runDeleted(stopped.id());
        assertEquals("", r.run().resumeSetUpProperty().get(), "no resume of a deleted run");
        assertEquals(RunControl.resumedRunDeleted(stopped.id()), r.presenter().statusProperty().get());
        r.run().start();
        assertEquals(List.of(), r.dialogs().errors);
        assertEquals(RunState.FINISHED, r.run().stateProperty().get());
        assertEquals(1, r.history().list().size(), "a new run");
        assertNotEquals(stopped.id(), r.history().list().get(0).id());
    }

    /**
     * The closing trial deleted the run the Train view showed: its curves, table and Save model… stayed, and nothing
     * said the run was gone. The status says so, and that Save model… can still keep its model.
     */
    @Test
    void deletingTheRunTheViewShowsSaysItsFilesAreGone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ShortRun shortRun = ShortRun.finished(dir);
        RunControl run = shortRun.run();
        String id = run.recordedRunProperty().get();
        run.runDeleted("someoneelse");
        assertNotEquals(RunControl.shownRunDeleted("someoneelse", true), shortRun.presenter().statusProperty().get());
        shortRun.history().delete(id);
        run.runDeleted(id);
        assertEquals("Run " + id + " was deleted: its files are gone; Save model… can still keep its model", shortRun.presenter().statusProperty().get());
    }

    /**
     * Trial 44: "Branch from here…" kept run X stopped at its pause, then the command line's {@code train --resume X}
     * trained it to its end. Start could not train the branch ("has no snapshot at iteration …") and cleared the
     * charts, yet Use model was still on, and put the paused weights to use under X's model file, which held the end's
     * model: Draw changed at the next launch. Once the view is cleared, there is no model of a run to use.
     */
    @Test
    void aBranchThatCannotStartLeavesNoModelToUse(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        try (HeldRun held = new HeldRun(dir, 12, s -> s.snapshotsProperty().set(true))) {
            RunControl run = held.run;
            String id = held.branchFromHere();
            assertNotNull(run.trainedModelProperty().get());
            held.resumeFromTheCommandLine(id);

            String said = held.presenter.statusProperty().get();
            run.start();
            held.untilStatusIsNot(said);
            drain(held.ui, () -> run.stateProperty().get().canStart() && held.presenter.statusProperty().get().startsWith("Could not train: "));
            String failed = held.presenter.statusProperty().get();
            assertTrue(failed.contains("has no snapshot at iteration 12"), failed);
            assertNull(run.trainedModelProperty().get(), "the charts are cleared: Use model and Save model… have no run's model");
            run.useTrainedModel();
            assertNull(held.models.activeProperty().get(), "nothing put to use");
            assertEquals(failed, held.presenter.statusProperty().get());
        }
    }

    /**
     * Trial 44: after "Branch from here…" the command line trained run X on past its pause, and its model file holds
     * the end's model; Use model put the paused weights to use under that file's name (92.88 % in Draw, 97.16 % after
     * the next launch). Use model reads the file first: it puts to use nothing but what the file holds, and says why.
     */
    @Test
    void useModelPutsNothingToUseWhoseFileHoldsOtherWeights(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        try (HeldRun held = new HeldRun(dir, 12, s -> s.snapshotsProperty().set(true))) {
            RunControl run = held.run;
            String id = held.branchFromHere();
            ActiveModel paused = run.trainedModelProperty().get();
            assertEquals(held.history.find(id).folder().resolve("model.npz"), paused.file());
            var kept = held.models.inItsFile(paused);
            drain(held.ui, kept::isDone);
            assertEquals(ModelManager.InItsFile.SAME, kept.join(), "stopped at its pause, the run's file holds the paused weights");
            held.resumeFromTheCommandLine(id);

            String said = held.presenter.statusProperty().get();
            run.useTrainedModel();
            held.untilStatusIsNot(said);
            assertNull(held.models.activeProperty().get(), "the paused weights are not put to use under a file that holds others");
            assertEquals(RunControl.shownRunChanged(id), held.presenter.statusProperty().get());
            assertTrue(run.trainedModelChangedProperty().get(), "Use model is off");
            assertSame(paused, run.trainedModelProperty().get(), "Save model… can still keep them");
        }
    }

    /** A run whose model file is as the run left it: Use model reads it and puts the model to use. */
    @Test
    void useModelPutsTheRunsModelToUseWhileItsFileHoldsIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ShortRun shortRun = ShortRun.finished(dir);
        ActiveModel trained = shortRun.run().trainedModelProperty().get();
        assertNotSame(trained, shortRun.models().activeProperty().get(), "the built-in model is better: kept in use");
        shortRun.run().useTrainedModel();
        assertSame(trained, shortRun.models().activeProperty().get());
        assertEquals("Draw and Samples now use the model of this run.", shortRun.presenter().statusProperty().get());
        assertFalse(shortRun.run().trainedModelChangedProperty().get());
    }

    /**
     * Trial 44: a run finished in the window, then {@code runs delete --force ID} from the command line. Use model
     * still put the deleted run's model to use (Draw named "run ID", the next launch looked for a file that was gone).
     * It looks at the run's folder first: it says the run was deleted, Save model… can still keep the model.
     */
    @Test
    void useModelSaysTheRunWasDeletedFromTheCommandLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ShortRun shortRun = ShortRun.finished(dir);
        RunControl run = shortRun.run();
        ModelManager models = shortRun.models();
        ActiveModel inUse = models.activeProperty().get();
        String id = run.recordedRunProperty().get();
        shortRun.history().delete(id); // as runs delete --force does

        run.useTrainedModel();
        assertSame(inUse, models.activeProperty().get(), "no model of a deleted run is put to use");
        assertEquals(RunControl.shownRunDeleted(id, true), shortRun.presenter().statusProperty().get());
        assertTrue(run.trainedModelGoneProperty().get(), "Use model is off");
        assertNotNull(run.trainedModelProperty().get(), "Save model… can still keep it");
        assertTrue(models.recent().stream().noneMatch(p -> p.toString().contains(id)), models.recent().toString());
    }

    /**
     * The same deletion found when the user comes back to the window (or to the Train view), before any click: the
     * status says so and Use model is off; the run's model in use gives way to the one in use before it, and says so.
     */
    @Test
    void aRunDeletedFromTheCommandLineIsSaidWhenTheTrainViewIsBack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ShortRun shortRun = ShortRun.finished(dir);
        RunControl run = shortRun.run();
        ModelManager models = shortRun.models();
        ActiveModel builtIn = models.activeProperty().get();
        String id = run.recordedRunProperty().get();
        run.useTrainedModel();
        assertTrue(run.trainedModelActiveProperty().get());
        String said = shortRun.presenter().statusProperty().get();
        run.checkShownRun();
        assertEquals(said, shortRun.presenter().statusProperty().get(), "nothing to say while the run is there");

        shortRun.history().delete(id);
        run.checkShownRun();
        assertSame(builtIn, models.activeProperty().get(), "the model in use before it");
        assertEquals(RunControl.shownRunDeleted(id, true) + ". Its model was in use: Draw, Samples and Evaluate use "
                + models.named(builtIn) + " now", shortRun.presenter().statusProperty().get());
        assertTrue(run.trainedModelGoneProperty().get(), "Use model is off");
        assertNotNull(run.trainedModelProperty().get(), "Save model… can still keep it");
    }

    @Test
    void aNewRunInsteadOfABranchSetUpFromRunsShowsNothingOfTheParent(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ShortRun shortRun = ShortRun.finished(dir);
        TrainSettings settings = shortRun.settings();
        RunPresenter presenter = shortRun.presenter();
        io.digitstudio.runs.RunStore history = shortRun.history();
        RunControl run = shortRun.run();
        io.digitstudio.runs.RunSummary parent = history.list().get(0);
        assertNotNull(run.trainedModelProperty().get(), "the finished run's model: Save model… and Use model are on");
        run.setUpBranch(history.find(parent.id()), parent.id() + "@epoch:1", "end of epoch 1", 1);
        assertEquals(List.of(1), presenter.epochRows().stream().map(EpochReport::epoch).toList(), "the branch shows its parent's epoch 1");

        // "New run instead": the run Start trains now shares nothing with the parent, so nothing of it shows
        settings.branchProperty().set(null);
        assertEquals(List.of(), presenter.epochRows(), "the table is empty");
        // nor a model of a run the view no longer shows: Save model… and Use model are off (a trial's Use model put the
        // earlier run to use over empty charts)
        assertNull(run.trainedModelProperty().get(), "no run shown, no run's model to save or use");
        for (io.digitstudio.ui.widgets.DecimatedSeries s : List.of(presenter.trainLoss(), presenter.valLoss(), presenter.trainAccuracy(),
                presenter.valAccuracy(), presenter.learningRate())) {
            assertEquals(0, s.size(), s.name() + " is empty");
        }
        assertFalse(presenter.plottedProperty().get(), "nothing plotted, nothing to export");
        assertEquals(0, presenter.accuracyFloorProperty().get(), 0);
        assertEquals(settings.plannedEpochs(), presenter.plannedEpochsProperty().get(), "the charts span the form's epochs");
        settings.epochsProperty().set("4");
        assertEquals(4, presenter.plannedEpochsProperty().get(), "and follow the form, as before any run");

        // Start trains a new run from its first epoch
        run.start();
        assertEquals(RunState.FINISHED, run.stateProperty().get(), shortRun.dialogs().errors.toString());
        assertFalse(history.find(run.recordedRunProperty().get()).settings().isBranch());
        assertEquals(List.of(1, 2, 3, 4), presenter.epochRows().stream().map(EpochReport::epoch).toList());
    }

    @Test
    void aBranchThatEndedLeavesAnOrdinaryNewRunForTheNextStart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ShortRun shortRun = ShortRun.finished(dir);
        TestDialogs dialogs = shortRun.dialogs();
        TrainSettings settings = shortRun.settings();
        io.digitstudio.runs.RunStore history = shortRun.history();
        RunControl run = shortRun.run();
        io.digitstudio.runs.RunSummary parent = history.list().get(0);
        TrainSettings.Branch fromEpoch1 = new TrainSettings.Branch(parent.id(), parent.id() + "@epoch:1", "end of epoch 1", parent.settings().config(), 1);
        var lr = settings.hyperparams().stream().filter(h -> h.key().equals("lr")).findFirst().orElseThrow().text();

        // finished: the banner goes, the form keeps the branch's values, and Start trains a new run from scratch
        settings.branchProperty().set(fromEpoch1);
        lr.set("0.05");
        run.start();
        assertEquals(RunState.FINISHED, run.stateProperty().get(), dialogs.errors.toString());
        assertEquals(2, history.list().size());
        assertNull(settings.branchProperty().get(), "the branch has ended: the form is no branch any more");
        assertEquals("0.05", lr.get());
        run.start();
        assertEquals(RunState.FINISHED, run.stateProperty().get(), dialogs.errors.toString());
        assertEquals(3, history.list().size(), "a third run, not the same branch again");
        io.digitstudio.runs.RunSummary fresh = history.find(run.recordedRunProperty().get());
        assertFalse(fresh.settings().isBranch(), "an ordinary run: " + fresh.settings().branchedFrom());
        assertEquals(0.05, fresh.settings().config().hyperparams().get("lr"));
        assertEquals(2, fresh.epochsDone());

        // stopped: the same
        settings.branchProperty().set(fromEpoch1);
        run.alsoWatch(new StopAt(10));
        run.start();
        assertEquals(RunState.FINISHED, run.stateProperty().get(), dialogs.errors.toString());
        io.digitstudio.runs.RunSummary stopped = history.find(run.recordedRunProperty().get());
        assertTrue(stopped.settings().isBranch());
        assertEquals(io.digitstudio.runs.RunStatus.STOPPED, stopped.status());
        assertNull(settings.branchProperty().get(), "a stopped branch has ended too");

        // failed (its point has no snapshot): the same, after one message
        settings.branchProperty().set(new TrainSettings.Branch(parent.id(), parent.id() + "@5", "stop at iteration 5", parent.settings().config(), 0));
        run.start();
        assertEquals(RunState.IDLE, run.stateProperty().get());
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        assertTrue(dialogs.errors.get(0).contains("has no snapshot at iteration 5"), dialogs.errors.toString());
        assertNull(settings.branchProperty().get(), "a branch that failed has ended too");
        assertEquals(4, history.list().size(), "nothing recorded for it");
    }

    @Test
    void aBranchSetUpFromRunsBorrowsTheFormForOneRunAndGivesTheUsersValuesBack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ShortRun shortRun = ShortRun.finished(dir);
        TrainSettings settings = shortRun.settings();
        io.digitstudio.runs.RunStore history = shortRun.history();
        RunControl run = shortRun.run();
        io.digitstudio.runs.RunSummary parent = history.list().get(0);
        var lr = settings.hyperparams().stream().filter(h -> h.key().equals("lr")).findFirst().orElseThrow().text();
        // the user's own form: other example counts, rate and epochs than the parent's
        settings.trainLimitProperty().set("600");
        settings.testLimitProperty().set("100");
        lr.set("0.02");
        settings.epochsProperty().set("1");
        TrainSettings.Values own = settings.values();

        run.setUpBranch(history.find(parent.id()), parent.id() + "@epoch:1", "end of epoch 1", 1);
        assertEquals("1000", settings.trainLimitProperty().get(), "the branch shows its parent's values");
        assertEquals("0.01", lr.get());
        lr.set("0.05"); // what the branch tries
        run.start();
        assertEquals(RunState.FINISHED, run.stateProperty().get(), shortRun.dialogs().errors.toString());
        assertEquals(0.05, history.find(run.recordedRunProperty().get()).settings().config().hyperparams().get("lr"));
        assertNull(settings.branchProperty().get());
        assertEquals(own, settings.values(), "the branch has run: the form is the user's again");

        run.start();
        io.digitstudio.runs.RunSummary next = history.find(run.recordedRunProperty().get());
        assertFalse(next.settings().isBranch());
        assertEquals(600, next.settings().config().trainLimit(), "the next run trains the user's values");
        assertEquals(0.02, next.settings().config().hyperparams().get("lr"));
        assertEquals(1, next.epochsDone());

        // "New run instead" keeps what the form shows: the user chose to train those values
        run.setUpBranch(history.find(parent.id()), parent.id() + "@epoch:1", "end of epoch 1", 1);
        settings.branchProperty().set(null);
        run.start();
        assertEquals("1000", settings.trainLimitProperty().get());
        assertEquals(1000, history.find(run.recordedRunProperty().get()).settings().config().trainLimit());
    }

    /** A Train view on the same thread with a history, the built-in model active, 1,000 training examples. */
    private record Recorded(TestDialogs dialogs, TrainSettings settings, RunPresenter presenter, io.digitstudio.runs.RunStore history, RunControl run) {
        static Recorded in(java.nio.file.Path dir) {
            SameThreadTasks tasks = new SameThreadTasks();
            TestDialogs dialogs = new TestDialogs();
            ModelManager models = new ModelManager(tasks, dialogs, RecentModels.inMemory());
            models.loadBuiltIn();
            TrainSettings settings = new TrainSettings();
            settings.trainLimitProperty().set("1000");
            settings.testLimitProperty().set("200");
            RunPresenter presenter = new RunPresenter();
            io.digitstudio.runs.RunStore history = new io.digitstudio.runs.RunStore(dir.resolve("runs"));
            return new Recorded(dialogs, settings, presenter, history, new RunControl(settings, presenter, tasks, dialogs, models, history));
        }

        void lr(String value) {
            settings.hyperparams().stream().filter(h -> h.key().equals("lr")).findFirst().orElseThrow().text().set(value);
        }
    }

    private static void assertRising(io.digitstudio.ui.widgets.DecimatedSeries s) {
        for (int i = 1; i < s.size(); i++) {
            assertTrue(s.x(i) >= s.x(i - 1), s.name() + " goes back from x " + s.x(i - 1) + " to " + s.x(i) + " at point " + i);
        }
    }

    @Test
    void aBranchInTheMiddleOfAnEpochDrawsItsParentsRateUpToThePointAndStepsThere(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Recorded v = Recorded.in(dir);
        v.settings().epochsProperty().set("3");
        // a schedule: the parent's rate in force at the point (halved at epoch 1's end) is not the one its log gives epoch 1
        v.settings().lrShiftProperty().set("exponential:0.5");
        v.run().alsoWatch(new StopAt(12)); // in epoch 2: 1000 examples in batches of 128, 7.8 an epoch
        v.run().start();
        assertEquals(RunState.FINISHED, v.run().stateProperty().get());
        List<EpochReport> parentRows = List.copyOf(v.presenter().epochRows());
        List<double[]> parentLoss = new java.util.ArrayList<>();
        for (int i = 0; i < v.presenter().trainLoss().size(); i++) parentLoss.add(new double[]{v.presenter().trainLoss().x(i), v.presenter().trainLoss().y(i)});
        assertTrue(parentLoss.size() >= 2 && parentLoss.get(0)[0] < 1, "the parent's loss as drawn, from its first iterations");
        io.digitstudio.runs.RunSummary parent = v.history().list().get(0);
        io.digitstudio.runs.TrainingSession.Resumable point = io.digitstudio.runs.TrainingSession.locateBranch(v.history(), parent.id() + "@12");
        double there = io.digitstudio.train.Snapshot.rateInForce(point.arrays(), "stop");
        assertEquals(0.005, there, 1e-12, "epoch 1 at 0.01, then halved");
        double at = 12 * 128 / 1000.0; // the iterator's position at the point, in epochs

        v.settings().branchProperty().set(new TrainSettings.Branch(parent.id(), parent.id() + "@12", "stop at iteration 12", parent.settings().config(), 1));
        v.lr("0.05");
        v.run().start();
        assertEquals(RunState.FINISHED, v.run().stateProperty().get(), v.dialogs().errors.toString());
        RunPresenter p = v.presenter();

        // the rate: the parent's up to the point, a step there, the branch's after; never back to the start
        io.digitstudio.ui.widgets.DecimatedSeries lr = p.learningRate();
        assertRising(lr);
        int step = -1;
        for (int i = 0; i < lr.size(); i++) {
            double x = lr.x(i), y = lr.y(i);
            if (x < 1) assertEquals(0.01, y, 0.0, "epoch 1 at the parent's rate, x " + x);
            else if (x > 1 && x < at) assertEquals(there, y, 0.0, "the parent's rate in force up to the point, x " + x);
            else if (x > at && x < 2) assertEquals(0.05, y, 0.0, "the branch's rate from the point on, x " + x);
            if (i > 0 && x == at && lr.x(i - 1) == at && lr.y(i - 1) == there && y == 0.05) step = i;
        }
        assertTrue(step > 0, "a step from the parent's rate to the branch's at " + at);
        assertEquals(0, lr.x(0), 0.0, "from the start of the parent's run");

        // the loss and accuracy curves: the parent's epoch 1, the exact point where the branch leaves the parent's curve
        // (level past the parent's epoch 1: it stopped at the point), then the branch's own, never back
        for (var s : List.of(p.trainLoss(), p.valLoss(), p.trainAccuracy(), p.valAccuracy())) assertRising(s);
        // the training loss: the parent's as it was drawn up to the point, then the branch's own; never the parent's
        // epoch 1 mean (well above the loss where the branch starts), which made a cliff at the point
        int n = parentLoss.size();
        for (int i = 0; i < n; i++) assertArrayEquals(parentLoss.get(i), new double[]{p.trainLoss().x(i), p.trainLoss().y(i)}, 0.0, "the parent's point " + i);
        assertTrue(p.trainLoss().x(n) > at, "the branch's own loss from the point on: " + p.trainLoss().x(n));
        List<Double> xs = java.util.stream.IntStream.range(0, p.valAccuracy().size()).mapToObj(i -> p.valAccuracy().x(i)).toList();
        assertEquals(4, xs.size(), xs.toString());
        assertEquals(List.of(1.0, 2.0, 3.0), List.of(xs.get(0), xs.get(2), xs.get(3)));
        assertEquals(at, xs.get(1), 1e-12);
        assertEquals(parentRows.get(0).valAccuracy(), p.valAccuracy().y(0), 0.0);
        assertEquals(parentRows.get(0).valAccuracy(), p.valAccuracy().y(1), 0.0);
        assertEquals(parentRows.get(0).valLoss(), p.valLoss().y(1), 0.0);
        assertEquals(parentRows.get(0).trainAccuracy(), p.trainAccuracy().y(1), 0.0);
    }

    @Test
    void aBranchPointBetweenTheParentsEpochsLiesOnTheLineBetweenThem() {
        List<java.util.Map<String, Double>> log = List.of(
                java.util.Map.of("epoch", 1.0, "main/loss", 0.9, "validation/main/loss", 0.8, "main/accuracy", 0.7, "validation/main/accuracy", 0.75),
                java.util.Map.of("epoch", 2.0, "main/loss", 0.5, "validation/main/loss", 0.6, "main/accuracy", 0.9, "validation/main/accuracy", 0.85));
        RunPresenter.BranchPoint b = RunPresenter.BranchPoint.on(log, 1.25);
        assertEquals(new RunPresenter.BranchPoint(1.25, 0.8, 0.75, 0.75, 0.775), b);
        assertEquals(0.5, RunPresenter.BranchPoint.on(log, 2.5).trainLoss(), 0.0, "level past the last epoch");
        assertTrue(Double.isNaN(RunPresenter.BranchPoint.on(log, 0.5).trainLoss()), "nothing before the parent's first epoch");

        // the Train view draws the earlier epochs, then the point, once (a branch at an epoch's end adds none); the
        // training loss only as the parent's run drew it (none here), never its epochs' means
        RunPresenter p = new RunPresenter(() -> 0L);
        p.begin(new TrainingFeed(), 3, "");
        p.showEarlier(RunPresenter.fromLog(log, 1), Double.NaN, b);
        assertEquals(0, p.trainLoss().size());
        assertEquals(1.25, p.valAccuracy().x(1), 0.0);
        assertEquals(0.775, p.valAccuracy().y(1), 0.0);
        p.begin(new TrainingFeed(), 3, "");
        p.showEarlier(RunPresenter.fromLog(log, 1), Double.NaN, RunPresenter.BranchPoint.on(log, 1));
        assertEquals(1, p.valAccuracy().size());
        p.begin(new TrainingFeed(), 3, "");
        p.showEarlier(RunPresenter.fromLog(log, 1), Double.NaN, b, List.of(new double[]{0.5, 1.2}, new double[]{1.2, 0.7}));
        assertEquals(2, p.trainLoss().size());
        assertEquals(0.7, p.trainLoss().y(1), 0.0);
    }

    /**
     * While a run is paused it is still the Train view's run: Runs' "Run again" and "Branch from here…" are refused
     * with a line saying to stop it first, and the form stays the paused run's. A trial saw "press Start to run it
     * again" beside a Start that could not, and the greyed fields open.
     */
    /**
     * A short run (1,000 training and 200 test examples, 3 epochs) started from the Train view's run control and held at
     * {@code iteration}, not yet paused: the story pauses it. {@code more} sets the form further before the start.
     */
    private static final class HeldRun implements AutoCloseable {
        final BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        final WorkerExecutor tasks = new WorkerExecutor(() -> { }, ui::add);
        final TestDialogs dialogs = new TestDialogs();
        final TrainSettings settings = new TrainSettings();
        final RunPresenter presenter = new RunPresenter();
        final ModelManager models = new ModelManager(tasks, dialogs, RecentModels.inMemory());
        final io.digitstudio.runs.RunStore history;
        final RunControl run;

        HeldRun(java.nio.file.Path dir, int iteration, java.util.function.Consumer<TrainSettings> more) throws Exception {
            try {
                history = new io.digitstudio.runs.RunStore(dir.resolve("runs"));
                run = start(iteration, more);
            } catch (Exception | AssertionError e) {
                tasks.close(); // a run that did not get there leaves no worker behind
                throw e;
            }
        }

        private RunControl start(int iteration, java.util.function.Consumer<TrainSettings> more) throws Exception {
            settings.trainLimitProperty().set("1000");
            settings.testLimitProperty().set("200");
            settings.epochsProperty().set("3");
            more.accept(settings);
            RunControl run = new RunControl(settings, presenter, tasks, dialogs, models, history);
            PauseAt pauseAt = new PauseAt(iteration);
            run.alsoWatch(pauseAt);
            run.start();
            drain(ui, () -> run.stateProperty().get() == RunState.RUNNING);
            assertTrue(pauseAt.paused.await(120, TimeUnit.SECONDS), "the run reached iteration " + iteration);
            return run;
        }

        /** Runs the UI's queued work until {@code state}. */
        void until(RunState state) throws InterruptedException {
            drain(ui, () -> run.stateProperty().get() == state);
        }

        /** Runs the UI's queued work until the status says something other than {@code said}. */
        void untilStatusIsNot(String said) throws InterruptedException {
            drain(ui, () -> !said.equals(presenter.statusProperty().get()));
        }

        /**
         * Pause, then "Branch from here…": the run is stopped and kept at its pause, the form a branch of it; returns
         * its id.
         */
        String branchFromHere() throws InterruptedException {
            run.togglePause();
            run.branchFromHere();
            until(RunState.FINISHED);
            assertEquals(List.of(), dialogs.errors);
            return run.recordedRunProperty().get();
        }

        /** The command line's {@code train --resume ID}: the run goes on from its newest snapshot to its end. */
        void resumeFromTheCommandLine(String id) {
            io.digitstudio.runs.TrainingSession.builder(history, "cli").resume(io.digitstudio.runs.TrainingSession.locate(history, id)).build().run();
        }

        @Override
        public void close() {
            tasks.close();
        }
    }

    @Test
    void runAgainAndBranchAreRefusedWhileARunIsPausedWithALineSayingToStopItFirst(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (HeldRun held = new HeldRun(dir, 3, s -> { })) {
            RunControl run = held.run;
            TrainSettings settings = held.settings;
            RunPresenter presenter = held.presenter;
            TestDialogs dialogs = held.dialogs;
            io.digitstudio.runs.RunStore history = held.history;
            run.togglePause();
            assertEquals(RunState.PAUSED, run.stateProperty().get());
            String id = run.recordedRunProperty().get();
            io.digitstudio.runs.RunSummary paused = history.find(id);
            String said = presenter.statusProperty().get();
            TrainSettings.Values form = settings.values();

            assertFalse(run.runAgain(paused), "refused while paused");
            assertEquals(said, presenter.statusProperty().get(), "no \"press Start\" beside a Start that cannot");
            assertEquals(List.of("Stop the paused run first: Run " + id + " is paused in the Train view, and the form is its own until it ends"),
                    dialogs.infos);
            assertFalse(run.setUpBranch(paused, id + "@epoch:1", "end of epoch 1", 1), "refused while paused");
            assertNull(settings.branchProperty().get());
            assertEquals(2, dialogs.infos.size());
            assertFalse(run.setUpResume(paused, dir.resolve("any.npz")), "Runs' Resume is refused while paused");
            assertEquals(3, dialogs.infos.size());
            assertTrue(dialogs.infos.get(2).startsWith("Stop the paused run first: "), dialogs.infos.get(2));
            assertEquals(form, settings.values(), "the form stays the paused run's");
            assertEquals(RunState.PAUSED, run.stateProperty().get());

            run.stop();
            held.until(RunState.FINISHED);
            assertTrue(run.runAgain(history.find(id)), "once stopped, Run again fills the form");
            assertEquals("The settings of run " + id + " are filled in: press Start to run it again", presenter.statusProperty().get());
        }
    }

    @Test
    void aPausedRunBranchedWithItsOwnSettingsGoesOnAsItsContinuationWouldBitForBit(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // paused in the middle of epoch 2 (1000 examples in batches of 128: 7.8 an epoch), with a schedule, so that the
        // rate in force and the schedule's state must come along too
        try (HeldRun held = new HeldRun(dir, 12, s -> s.lrShiftProperty().set("exponential:0.5"))) {
            RunControl run = held.run;
            TrainSettings settings = held.settings;
            RunPresenter presenter = held.presenter;
            TestDialogs dialogs = held.dialogs;
            io.digitstudio.runs.RunStore history = held.history;
            assertFalse(run.canBranchProperty().get(), "only a paused run is branched");
            run.togglePause(); // the user's Pause, which the run already honours
            assertEquals(RunState.PAUSED, run.stateProperty().get());
            assertTrue(run.canBranchProperty().get());
            String parent = run.recordedRunProperty().get();

            run.branchFromHere();
            assertEquals(RunState.STOPPING, run.stateProperty().get());
            held.until(RunState.FINISHED);
            assertEquals(List.of(), dialogs.errors);
            // the parent is stopped where it paused, and kept to resume from there
            io.digitstudio.runs.RunSummary stopped = history.find(parent);
            assertEquals(io.digitstudio.runs.RunStatus.STOPPED, stopped.status());
            io.digitstudio.runs.TrainingSession.Resumable kept = io.digitstudio.runs.TrainingSession.locate(history, parent);
            assertEquals("snapshot_iter_12.npz", kept.file().getFileName().toString());
            // said once, in the status line; the notice line says the branch, and no toast says it again
            assertEquals(RunControl.keptToBranch(parent, 12), presenter.statusProperty().get());
            assertTrue(dialogs.infos.stream().noneMatch(i -> i.contains(parent)), dialogs.infos.toString());
            // the form is a branch of it from there, on its settings
            TrainSettings.Branch b = settings.branchProperty().get();
            assertEquals(new TrainSettings.Branch(parent, parent + "@12", "pause at epoch 1.54 (iteration 12)", stopped.settings().config(), 1), b);
            assertEquals("3", settings.epochsProperty().get());
            assertEquals("exponential:0.5", settings.lrShiftProperty().get());
            assertNull(settings.validationProperty().get(), "the parent's own settings make a valid branch");
            assertFalse(run.canBranchProperty().get());

            run.start();
            held.until(RunState.FINISHED);
            assertEquals(List.of(), dialogs.errors);
            assertEquals(2, history.list().size(), "a new run beside its parent");
            io.digitstudio.runs.RunSummary branch = history.find(run.recordedRunProperty().get());
            assertNotEquals(parent, branch.id());
            assertEquals(new io.digitstudio.runs.RunSettings.Branch(parent, 12, 1, 1 + 536 / 1000.0, branch.settings().branchedFrom().parentSeconds()), branch.settings().branchedFrom());
            assertEquals(3, branch.epochsDone());
            assertEquals(io.digitstudio.runs.RunStatus.STOPPED, history.find(parent).status(), "the parent is as it was left");
            assertEquals(List.of(1, 2, 3), presenter.epochRows().stream().map(EpochReport::epoch).toList(), "its charts go on from its parent's");

            // the parent resumed to its end: the branch is the same, bit for bit
            io.digitstudio.runs.TrainingSession continued = io.digitstudio.runs.TrainingSession.builder(history, "cli").resume(kept).build();
            continued.run();
            var mine = io.digitstudio.io.ModelFiles.toArrays(run.trainedNetwork(), io.digitstudio.io.ModelInfo.NONE);
            var theirs = io.digitstudio.io.ModelFiles.toArrays(continued.loop().model(), io.digitstudio.io.ModelInfo.NONE);
            assertEquals(theirs.keySet(), mine.keySet());
            theirs.forEach((k, v) -> assertArrayEquals(v.data(), mine.get(k).data(), k));
            assertEquals(continued.loop().reports().get(2).valAccuracy(), presenter.epochRows().get(2).valAccuracy(), 0.0);
        }
    }
}
