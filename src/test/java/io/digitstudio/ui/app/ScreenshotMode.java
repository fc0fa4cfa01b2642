package io.digitstudio.ui.app;

import io.digitstudio.data.PenStroke;
import io.digitstudio.train.EpochReport;
import io.digitstudio.train.Stats;
import io.digitstudio.ui.core.FxTicker;
import io.digitstudio.ui.draw.DrawViewModel;
import io.digitstudio.ui.samples.SamplesViewModel;
import io.digitstudio.ui.train.RunControl;
import io.digitstudio.ui.train.RunState;
import io.digitstudio.ui.widgets.ChartExport;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Scripted runs of the real window, for documentation and measurement:
 * {@code --screenshot FILE [--size WIDTHxHEIGHT] [--tab train|train-form|samples|evaluate|draw|mydigits|inside|runs]
 * [--theme light|dark|high-contrast] [--scale PERCENT] [--network lenet|SPEC]
 * [--lr-at EPOCH:RATE] [--model-file FILE.npz | --cnn] [--number DIGITS]} saves the window as a
 * PNG (mid-run for the Train view, training the given network; with {@code --lr-at} the rate is changed live after that
 * epoch and the shot is taken three epochs later; with {@code --number} the Draw view reads those digits written side by
 * side; the My digits view first keeps two drawings of each digit, drawn and labelled through the Draw view as a user
 * does);
 * {@code --gui-bench N} trains the tutorial's configuration for N epochs through the Train view and prints the seconds
 * of training (and validation) per epoch, to compare with the CLI's {@code bench} ({@code --settle}: once the JIT
 * compiler is quiet; {@code --runs K}: K runs one after the other in the same window; {@code --pins P}: the first P
 * test images pinned, at most 8, in this window only; {@code -Ddigitstudio.countUi=true}: the window's pulses, CSS and
 * layout work during each run, counted by {@link FxWork}); with {@code --tab evaluate} the
 * Evaluate tab is shown meanwhile, redrawing its matrix after every epoch;
 * {@code --memory-story} replays a user's session (train 10 epochs, browse both galleries to the end, draw, three more
 * runs) and prints the process's resident memory after each step.
 */
final class ScreenshotMode {
    private ScreenshotMode() {
    }

    static void maybeStart(List<String> args, Stage stage, AppServices app) {
        int shot = args.indexOf("--screenshot");
        int bench = args.indexOf("--gui-bench");
        MainView main = app.main();
        RunControl run = main.train().run();
        int tab = args.indexOf("--tab");
        String tabName = tab >= 0 && tab + 1 < args.size() ? args.get(tab + 1) : "train";
        int sizeAt = args.indexOf("--size"); // WIDTHxHEIGHT: the window's size, e.g. the smallest, 1024x700
        if (sizeAt >= 0 && sizeAt + 1 < args.size()) {
            String[] wh = args.get(sizeAt + 1).split("x");
            stage.setMaximized(false);
            stage.setWidth(Double.parseDouble(wh[0]));
            stage.setHeight(Double.parseDouble(wh[1]));
        }
        // --theme light|dark|high-contrast and --scale PERCENT: the looks of the shot, as chosen in the preferences
        int theme = args.indexOf("--theme");
        if (theme >= 0 && theme + 1 < args.size()) app.appearance().themeProperty().set(io.digitstudio.ui.widgets.Theme.byId(args.get(theme + 1)).orElseThrow());
        int uiScale = args.indexOf("--scale");
        if (uiScale >= 0 && uiScale + 1 < args.size()) app.appearance().scaleProperty().set(Integer.parseInt(args.get(uiScale + 1)));
        int threads = args.indexOf("--threads"); // cores for the run, as the command line's --threads
        if (threads >= 0 && threads + 1 < args.size()) io.digitstudio.nn.Cores.setCount(Integer.parseInt(args.get(threads + 1)));
        int network = args.indexOf("--network");
        if (network >= 0 && network + 1 < args.size()) { // a preset's name or a spec, for the Train view's run
            String n = args.get(network + 1);
            if (io.digitstudio.nn.NetworkSpec.PRESETS.containsKey(n)) {
                main.train().settings().presetProperty().set(n);
            } else {
                main.train().settings().specProperty().set(n);
            }
        }
        if (shot >= 0 && shot + 1 < args.size() && tabName.equals("train-form")) { // the form with a bad field, as typed
            Path file = Path.of(args.get(shot + 1));
            main.selectTab("trainTab");
            main.train().settings().batchSizeProperty().set("abc");
            Settled settled = new Settled(app.tasks());
            poll(100, () -> {
                if (app.models().activeProperty().get() == null) return false;
                javafx.scene.Node field = stage.getScene().lookup("#batchSizeField");
                if (stage.getScene().lookup(".settings-scroll") instanceof javafx.scene.control.ScrollPane sp && field != null) {
                    javafx.geometry.Bounds b = sp.getContent().sceneToLocal(field.localToScene(field.getBoundsInLocal()));
                    double scrollable = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                    if (scrollable > 0) sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 120) / scrollable)));
                }
                if (!settled.now()) return false;
                save(stage, file);
                System.exit(0);
                return true;
            });
        } else if (args.contains("--memory-story")) {
            memoryStory(main);
        } else if (shot >= 0 && shot + 1 < args.size() && !tabName.equals("train")) {
            Path file = Path.of(args.get(shot + 1));
            main.selectTab((tabName.equals("mydigits") ? "myDigits" : tabName) + "Tab");
            Settled settled = new Settled(app.tasks());
            int numberAt = args.indexOf("--number");
            String number = numberAt >= 0 && numberAt + 1 < args.size() ? args.get(numberAt + 1) : null;
            Deque<int[]> toKeep = new ArrayDeque<>(); // {label, variant} drawings the My digits shot keeps first
            if (tabName.equals("mydigits")) for (int v = 0; v < 2; v++) for (int d = 0; d < 10; d++) toKeep.add(new int[]{d, v});
            boolean[] keeping = {false};
            boolean[] drawn = {false};
            // --model-file FILE or --cnn: the model to show (else the built-in MLP)
            int modelFile = args.indexOf("--model-file");
            boolean[] chosen = {modelFile < 0 && !args.contains("--cnn")};
            poll(100, () -> {
                if (app.models().activeProperty().get() == null) return false;
                if (!chosen[0]) {
                    chosen[0] = true;
                    if (modelFile >= 0 && modelFile + 1 < args.size()) app.models().open(Path.of(args.get(modelFile + 1)));
                    else app.models().useBuiltInCnn();
                    return false;
                }
                if (app.models().activeProperty().get().name().equals("built-in MLP") && (modelFile >= 0 || args.contains("--cnn"))) return false;
                if (tabName.equals("inside") && !drawn[0]) {
                    drawn[0] = true;
                    drawSeven(main.draw().viewModel());
                }
                if (tabName.equals("inside") && main.inside().viewModel().lookProperty().get() == null) return false;
                if (tabName.equals("draw") && !drawn[0]) {
                    drawn[0] = true;
                    if (number == null) drawSeven(main.draw().viewModel());
                    else draw(main.draw().viewModel(), HandDrawn.number(number, DrawViewModel.CANVAS));
                }
                if (tabName.equals("mydigits") && !toKeep.isEmpty()) { // draw, wait for the answer, press the right digit
                    DrawViewModel d = main.draw().viewModel();
                    if (!keeping[0]) {
                        int[] k = toKeep.peek();
                        d.clear();
                        double size = k[1] == 0 ? 150 : 190, at = (DrawViewModel.CANVAS - size) / 2;
                        draw(d, HandDrawn.digit(k[0], at + (k[1] == 0 ? -20 : 15), at - (k[1] == 0 ? 10 : -5), size * 0.62, size, k[1] == 0 ? 20 : 26));
                        keeping[0] = true;
                    } else if (d.predictionProperty().get() != null) {
                        d.correct(toKeep.poll()[0]);
                        keeping[0] = false;
                        settled.reset();
                    }
                    return false;
                }
                if (tabName.equals("evaluate") && !drawn[0]) {
                    drawn[0] = true;
                    main.evaluate().viewModel().evaluate();
                }
                if (tabName.equals("evaluate") && main.evaluate().viewModel().evaluationProperty().get() == null) { // settled after it arrives
                    settled.reset();
                    return false;
                }
                if (tabName.equals("runs")) { // the three newest runs, selected and overlaid
                    var table = main.runs().table();
                    if (table.getItems().isEmpty()) return false;
                    if (table.getSelectionModel().getSelectedItems().isEmpty()) table.getSelectionModel().selectRange(0, Math.min(3, table.getItems().size()));
                    var curves = main.runs().viewModel().curvesProperty().get(); // the selected runs' curves, read off the FX thread
                    // each run's log read (off the FX thread), not only its entry: real curves, not empty axes
                    if (curves == null || curves.size() < Math.min(3, table.getItems().size()) || curves.stream().anyMatch(c -> c.loss().isEmpty())) {
                        settled.reset();
                        return false;
                    }
                }
                SamplesViewModel samples = tabName.equals("samples") ? main.samples().viewModel() : null;
                if (samples != null && samples.predictionsProperty().get() != null && samples.selectedProperty().get() < 0) {
                    samples.selectedProperty().set(0);
                }
                boolean waiting = samples != null && (samples.predictionsProperty().get() == null || samples.selectedProperty().get() < 0)
                        || tabName.equals("draw") && main.draw().viewModel().readingProperty().get() == null;
                if (waiting) { // the shot is taken once what it shows has arrived and the window has settled
                    settled.reset();
                    return false;
                }
                if (!settled.now()) return false;
                save(stage, file);
                System.exit(0);
                return true;
            });
        } else if (shot >= 0 && shot + 1 < args.size()) {
            Path file = Path.of(args.get(shot + 1));
            // --lr-at EPOCH:RATE: after that epoch, type the rate into the form and apply it to the run, as a user does
            int lrAt = args.indexOf("--lr-at");
            String[] change = lrAt >= 0 && lrAt + 1 < args.size() ? args.get(lrAt + 1).split(":") : null;
            boolean[] applied = {false};
            // the Train tab, whichever tab the preferences reopen (the previous shot's, when shots share them)
            main.selectTab("trainTab");
            run.start();
            poll(100, () -> {
                int rows = main.train().presenter().epochRows().size();
                if (change != null && !applied[0] && rows >= Integer.parseInt(change[0])) {
                    main.train().settings().hyperparams().stream().filter(h -> h.key().equals("lr")).forEach(h -> h.text().set(change[1]));
                    main.train().presenter().status(run.applyHyperparameters());
                    applied[0] = true;
                }
                boolean ready = change == null ? rows >= 2 && main.train().presenter().progressProperty().get() > 0.25
                        : applied[0] && rows >= Integer.parseInt(change[0]) + 3;
                if (!ready) return false;
                save(stage, file);
                stopThenExit(run, () -> System.exit(0));
                return true;
            });
        } else if (bench >= 0) {
            // --pins N: the first N test images pinned (for this window only; the user's pins file is left as it was),
            // so that the run classifies them every TrainingFeed.PINS_EVERY iterations and the Train view shows them
            int pinsAt = args.indexOf("--pins");
            if (pinsAt >= 0 && pinsAt + 1 < args.size()) {
                io.digitstudio.ui.pins.Pins pins = app.pins();
                pins.keepInMemory();
                pins.clear();
                var test = io.digitstudio.data.Mnist.bundled().test();
                for (int i = 0; i < Math.min(io.digitstudio.ui.pins.Pins.MAX, Integer.parseInt(args.get(pinsAt + 1))); i++) {
                    float[] x = new float[test.featureSize()];
                    test.copyFeatures(i, x, 0);
                    pins.add(x, "test image #" + i + " (" + test.label(i) + ")");
                }
                System.out.println("pinned: " + pins.list().size() + " test images");
            }
            int epochs = bench + 1 < args.size() ? Integer.parseInt(args.get(bench + 1)) : 3;
            main.train().settings().epochsProperty().set(String.valueOf(epochs));
            if (tab >= 0) main.selectTab(tabName + "Tab"); // e.g. the Evaluate tab, following the run epoch by epoch
            int runsAt = args.indexOf("--runs");
            int runs = runsAt >= 0 && runsAt + 1 < args.size() ? Math.max(1, Integer.parseInt(args.get(runsAt + 1))) : 1;
            if (args.contains("--settle")) {
                // as a user who looks at the window before pressing Train: start once the JIT compiler has finished
                // with the window's own start-up code (quiet for a second), so the run measures what training adds
                io.digitstudio.bench.JitSettle settle = new io.digitstudio.bench.JitSettle();
                poll(100, () -> {
                    if (!settle.quiet()) return false;
                    System.out.printf(Locale.ROOT, "settled: the JIT compiler was quiet for 1 s, %.1f s after start%n", settle.seconds());
                    startBench(main, run, runs);
                    return true;
                });
            } else {
                startBench(main, run, runs);
            }
        }
    }

    /**
     * Stops the shot's run and calls {@code exit} once the run has ended (UI thread): its folder's status is written
     * before the window hears of the end, so the shot leaves a stopped run behind, never one that says "running".
     */
    static void stopThenExit(RunControl run, Runnable exit) {
        if (run.stateProperty().get().canStart()) {
            exit.run();
            return;
        }
        run.stateProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends RunState> o, RunState was, RunState now) {
                if (!now.canStart()) return;
                o.removeListener(this);
                exit.run();
            }
        });
        run.stop();
    }

    private static void startBench(MainView main, RunControl run, int runsLeft) {
        Map<String, Long> cpuBefore = ThreadCpu.byName();
        Map<String, Long> waitBefore = ThreadCpu.waitingByName();
        // -Ddigitstudio.countUi=true: what the UI thread did for the window during the run, counted (FxWork)
        FxWork work = Boolean.getBoolean("digitstudio.countUi") ? FxWork.start(main.getScene()) : null;
        run.start();
        // told when the run has finished, not polling for it: a poll would wake the FX thread ten times a second during
        // the run, which the window a user trains in does not do, and the run would pay for it
        @SuppressWarnings("unchecked")
        javafx.beans.value.ChangeListener<RunState>[] finished = new javafx.beans.value.ChangeListener[1];
        finished[0] = (o, was, state) -> {
            if (state != RunState.FINISHED) return;
            run.stateProperty().removeListener(finished[0]);
            // after the run control has done with the run's end (its model put to use), as the poll's next tick was
            javafx.application.Platform.runLater(() -> benchReport(main, run, runsLeft, cpuBefore, waitBefore, work));
        };
        run.stateProperty().addListener(finished[0]);
    }

    private static void benchReport(MainView main, RunControl run, int runsLeft, Map<String, Long> cpuBefore, Map<String, Long> waitBefore,
                                    FxWork work) {
        if (work != null) System.out.println(work.stop());
        System.out.println("cpu seconds during the run, by thread: " + ThreadCpu.since(cpuBefore));
        System.out.println("seconds ready but waiting for a cpu, by thread: " + ThreadCpu.since(waitBefore, ThreadCpu.waitingByName()));
        List<EpochReport> rows = main.train().presenter().epochRows();
        for (EpochReport r : rows) {
            System.out.printf(Locale.ROOT, "epoch %d: train %.3fs  val_accuracy %.4f%n", r.epoch(), r.trainSeconds(), r.valAccuracy());
        }
        // epoch 1 pays for JIT warm-up (far more code in a GUI process): left out, as the CLI's bench does
        double median = Stats.warmMedian(rows, EpochReport::trainSeconds);
        System.out.printf(Locale.ROOT, "gui_train_seconds_per_epoch:%.3f (median of epochs 2-%d, through the Train view with live charts)%n",
                median, rows.size());
        System.out.printf(Locale.ROOT, "gui_val_seconds_per_epoch:%.3f%n", Stats.warmMedian(rows, EpochReport::valSeconds));
        if (runsLeft > 1) { // the same training again in the same window, as a user's next run
            startBench(main, run, runsLeft - 1);
            return;
        }
        System.exit(0);
    }

    private static void save(Stage stage, Path file) {
        try {
            ChartExport.png(stage.getScene().getRoot(), file);
            System.out.println("saved screenshot to " + file);
        } catch (Exception e) {
            System.err.println("digitstudio: error: could not save the screenshot: " + e.getMessage());
        }
    }

    private static void draw(DrawViewModel draw, List<PenStroke> strokes) {
        for (PenStroke s : strokes) {
            List<double[]> pts = s.points();
            draw.penWidthProperty().set(s.width());
            draw.beginStroke(pts.get(0)[0], pts.get(0)[1]);
            for (int i = 1; i < pts.size(); i++) draw.extendStroke(pts.get(i)[0], pts.get(i)[1]);
            draw.endStroke();
        }
    }

    private static void drawSeven(DrawViewModel draw) {
        List<double[]> pts = PenStroke.sampleSeven().get(0).points();
        draw.beginStroke(pts.get(0)[0], pts.get(0)[1]);
        for (int i = 1; i < pts.size(); i++) draw.extendStroke(pts.get(i)[0], pts.get(i)[1]);
        draw.endStroke();
    }

    /** The user story of the memory budget, step by step; each step is a condition polled until it holds. */
    private static void memoryStory(MainView main) {
        RunControl run = main.train().run();
        // -Ddigitstudio.storyEpochs=N: shorter runs, for the benchmark suite's tiny settings
        main.train().settings().epochsProperty().set(String.valueOf(Integer.getInteger("digitstudio.storyEpochs", 10)));
        Deque<BooleanSupplier> steps = new ArrayDeque<>();
        String[] label = {"start"};
        steps.add(() -> main.draw().viewModel().models().activeProperty().get() != null && report("started"));
        for (int r = 1; r <= 4; r++) {
            int n = r;
            steps.add(() -> {
                run.start();
                return true;
            });
            steps.add(() -> run.stateProperty().get() == RunState.FINISHED && report("run " + n + " (" + main.train().settings().epochsProperty().get() + " epochs) finished"));
            if (r == 1) {
                for (SamplesViewModel.Split split : SamplesViewModel.Split.values()) {
                    steps.add(() -> {
                        main.selectTab("samplesTab");
                        main.samples().viewModel().splitProperty().set(split);
                        return true;
                    });
                    steps.add(() -> main.samples().viewModel().predictionsProperty().get() != null);
                    int[] row = {0};
                    steps.add(() -> {
                        VirtualFlow<?> flow = (VirtualFlow<?>) main.samples().grid().lookup(".virtual-flow");
                        if (flow == null) return false;
                        flow.scrollTo(row[0]);
                        row[0] += 40;
                        return row[0] > flow.getCellCount() && report("browsed the " + split.name().toLowerCase(Locale.ROOT) + " gallery to its end");
                    });
                }
                steps.add(() -> {
                    main.selectTab("drawTab");
                    drawSeven(main.draw().viewModel());
                    return true;
                });
                steps.add(() -> main.draw().viewModel().predictionProperty().get() != null && report("drew a 7, read as "
                        + main.draw().viewModel().predictionProperty().get().label()));
                steps.add(() -> {
                    main.tabs().getSelectionModel().select(0);
                    return true;
                });
            }
        }
        steps.add(() -> {
            System.gc();
            report("after a full GC");
            System.exit(0);
            return true;
        });
        poll(50, () -> {
            BooleanSupplier step = steps.peek();
            if (step != null && step.getAsBoolean()) steps.poll();
            return steps.isEmpty();
        });
    }

    /** Prints the process's resident memory now and at its peak (Linux), and the Java heap in use. */
    private static boolean report(String step) {
        String rss = "?", peak = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) rss = line.substring(6).strip();
                if (line.startsWith("VmHWM:")) peak = line.substring(6).strip();
            }
        } catch (IOException e) {
            // not Linux: the heap figure still says something
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%-45s rss %s  peak %s  heap used %d MB of max %d MB%n", step, rss, peak,
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        return true;
    }

    /**
     * Whether the window has settled: no task of the app's is queued, running or handing its result over, on a few
     * checks in a row (each a pulse apart at least), so that what the results changed has been laid out and drawn.
     */
    private static final class Settled {
        private final WorkerExecutor tasks;
        private int quiet;

        Settled(WorkerExecutor tasks) {
            this.tasks = tasks;
        }

        void reset() {
            quiet = 0;
        }

        boolean now() {
            quiet = tasks.idle() ? quiet + 1 : 0;
            return quiet >= 3;
        }
    }

    /**
     * Runs {@code step} on the UI thread every {@code millis} ms until it returns true. Not a Timeline: a running
     * animation makes JavaFX pulse 60 times a second, which the app itself does not do, and the measurements would
     * then include that cost.
     */
    private static void poll(int millis, BooleanSupplier step) {
        FxTicker[] t = new FxTicker[1];
        t[0] = new FxTicker(millis, () -> {
            if (step.getAsBoolean()) t[0].stop();
        });
        t[0].start();
    }
}
