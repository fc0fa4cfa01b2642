package io.digitstudio.ui.sweeps;

import io.digitstudio.runs.RunStatus;
import io.digitstudio.runs.RunStore;
import io.digitstudio.runs.sweep.SweepResult;
import io.digitstudio.runs.sweep.SweepRunner;
import io.digitstudio.ui.SameThreadTasks;
import io.digitstudio.ui.TestDialogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The Sweeps view's model under plain JUnit: real runs (each its own process) into a history in a temporary folder. */
class SweepsViewModelTest {
    @TempDir
    Path dir;

    private SweepsViewModel vm(TestDialogs dialogs, RunStore store) {
        SweepsViewModel vm = new SweepsViewModel(new SameThreadTasks(), dialogs, store, SweepRunner::selfCommand, 2);
        vm.networkProperty().set("linear 16, relu, linear");
        vm.learningRatesProperty().set("0.1,0.02");
        vm.batchSizesProperty().set("50");
        vm.epochsProperty().set("1");
        vm.trainSizeProperty().set("300");
        vm.testSizeProperty().set("100");
        return vm;
    }

    @Test
    void mistakesInTheFieldsAreSaidAndStartNothing() {
        RunStore store = new RunStore(dir.resolve("runs"));
        SweepsViewModel vm = vm(new TestDialogs(), store);
        vm.learningRatesProperty().set("0.1,fast");
        vm.start().join();
        assertEquals("Learning rates: 'fast' is not a number", vm.fieldErrorProperty("learningRates").get());
        vm.learningRatesProperty().set("0.1");
        vm.parallelProperty().set("3");
        vm.start().join();
        assertEquals("--parallel 3 with 1 thread per run needs 3 cores; this machine has 2 (use --parallel 2)", vm.fieldErrorProperty("parallel").get());
        vm.parallelProperty().set("1");
        vm.epochsProperty().set("0");
        vm.start().join();
        assertEquals("Epochs must be between 1 and 1000, got 0", vm.fieldErrorProperty("epochs").get());
        assertFalse(vm.runningProperty().get());
        assertFalse(Files.exists(dir.resolve("runs")), "nothing was written");
    }

    @Test
    void everyBadFieldSaysWhyUnderItselfAsTypedAndTheStatusSaysWhyStartIsOff() {
        SweepsViewModel vm = vm(new TestDialogs(), new RunStore(dir.resolve("runs")));
        String idle = vm.statusProperty().get();
        assertNull(vm.startBlockerProperty().get());
        assertNull(vm.fieldErrorProperty("learningRates").get());
        // as typed, before any Start
        vm.learningRatesProperty().set("0.1, abc");
        assertEquals("Learning rates: 'abc' is not a number", vm.fieldErrorProperty("learningRates").get());
        assertEquals(java.util.List.of("learningRates"), vm.badFieldsProperty().get());
        assertEquals("Fix Learning rates (in red) to start.", vm.startBlockerProperty().get());
        assertEquals("Fix Learning rates (in red) to start.", vm.statusProperty().get(), "not \"No sweep yet … press Start\" beside a Start that is off");
        assertEquals("", vm.stateTextProperty().get(), "that message alone, not \"Idle\" beside it");
        vm.epochsProperty().set("ten");
        vm.testSizeProperty().set("-5");
        assertEquals("Epochs: 'ten' is not a whole number", vm.fieldErrorProperty("epochs").get());
        assertEquals("Test examples must be between 1 and 2147483647, got -5", vm.fieldErrorProperty("testSize").get());
        assertNull(vm.fieldErrorProperty("batchSizes").get());
        assertEquals("Fix Learning rates and 2 more fields (in red) to start.", vm.statusProperty().get());
        // Start does nothing and says nothing more: each field says why under itself
        vm.start().join();
        assertEquals("", vm.messageProperty().get());
        assertFalse(vm.runningProperty().get());
        // fixed one by one, each message goes with its field, and the status line says again what it said
        vm.learningRatesProperty().set("0.1, 0.02");
        vm.epochsProperty().set("1");
        assertNull(vm.fieldErrorProperty("learningRates").get());
        assertEquals("Fix Test examples (in red) to start.", vm.statusProperty().get());
        vm.testSizeProperty().set("100");
        assertNull(vm.startBlockerProperty().get());
        assertEquals(idle, vm.statusProperty().get());
        assertEquals(vm.phaseProperty().get().label(), vm.stateTextProperty().get(), "the state's word back with its message");
    }

    @Test
    void aSweepFillsTheSortedTableAndChartAndExportsCsv() throws Exception {
        TestDialogs dialogs = new TestDialogs();
        RunStore store = new RunStore(dir.resolve("runs"));
        SweepsViewModel vm = vm(dialogs, store);
        assertEquals(SweepsViewModel.Phase.IDLE, vm.phaseProperty().get());
        assertEquals("No sweep yet. Type the values to try and press Start.", vm.statusProperty().get());
        SweepResult r = vm.start().join();
        assertEquals("", vm.messageProperty().get());
        assertTrue(r.complete(), vm.statusProperty().get());
        assertEquals(SweepsViewModel.Phase.FINISHED, vm.phaseProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
        assertEquals(2, vm.rows().size());
        assertTrue(vm.rows().get(0).bestAccuracy() >= vm.rows().get(1).bestAccuracy());
        assertEquals(2, store.list().size());
        assertTrue(store.list().stream().allMatch(s -> s.status() == RunStatus.FINISHED && s.settings().sweep() != null));
        assertEquals("Sweep " + r.sweep().id() + ": all 2 runs finished.", vm.statusProperty().get());
        // one batch size: no panel of accuracy against a made-up axis around it
        assertEquals(360, vm.chartProperty().get().width(), "a panel for the learning rates alone");
        assertFalse(vm.resumableProperty().get());

        Path csv = dir.resolve("out.csv");
        dialogs.willChoose(csv);
        assertEquals(csv, vm.exportCsv().join().orElseThrow());
        assertEquals(r.csv(), Files.readString(csv));
    }

    @Test
    void stopKeepsTheRunInTrainingResumableAndResumeFinishesTheSweep() {
        RunStore store = new RunStore(dir.resolve("runs"));
        SweepsViewModel vm = vm(new TestDialogs(), store);
        vm.learningRatesProperty().set("0.1,0.05,0.02");
        vm.epochsProperty().set("20");
        // Stop once the second run has trained an epoch: it has nineteen to go
        java.util.List<String> said = new java.util.ArrayList<>();
        java.util.List<SweepsViewModel.Phase> phases = new java.util.ArrayList<>();
        java.util.List<String> statuses = new java.util.ArrayList<>();
        vm.statusProperty().addListener((o, a, s) -> statuses.add(s));
        vm.detailProperty().addListener((o, a, s) -> {
            said.add(s);
            phases.add(vm.phaseProperty().get());
            if (s.contains("Learning rate 0.05 · Batch size 50: epoch 1 of 20")) vm.stop();
        });
        SweepResult stopped = vm.start().join();
        assertEquals(RunStatus.FINISHED, stopped.row(0).status());
        assertEquals(RunStatus.STOPPED, stopped.row(1).status());
        assertNull(stopped.row(2).run());
        assertTrue(vm.resumableProperty().get());
        assertTrue(vm.statusProperty().get().endsWith("1 of 3 runs finished; Resume goes on."), vm.statusProperty().get());
        // the status line said which run of how many trained, briefly, and its tooltip what the run had done
        assertTrue(statuses.contains("Training run 2 of 3; 1 finished"), statuses.toString());
        assertTrue(said.stream().anyMatch(x -> x.matches("Running run 2 of 3: Learning rate 0\\.05 · Batch size 50: epoch 1 of 20, [0-9]+\\.[0-9]{2}% \\(1 finished\\)")), said.toString());
        for (int i = 0; i < said.size(); i++) {
            if (said.get(i).startsWith("Running")) assertEquals(SweepsViewModel.Phase.RUNNING, phases.get(i), said.get(i));
        }
        assertEquals(SweepsViewModel.Phase.STOPPED, vm.phaseProperty().get());
        assertEquals(1.0 / 3, vm.progressProperty().get(), 1e-9);

        SweepResult done = vm.resume().join();
        assertTrue(done.complete());
        assertEquals(stopped.row(1).run().id(), done.row(1).run().id(), "the stopped run went on");
        assertEquals(3, store.list().size());
        assertFalse(vm.resumableProperty().get());
    }
    /** A sweep that cannot be recorded fails, and the status line says so with the reason. */
    @Test
    void aSweepThatCannotRunIsFailedWithTheReason() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("runs"), "a file where the history's folder should be");
        SweepsViewModel vm = vm(new TestDialogs(), new RunStore(notAFolder));
        vm.start().handle((r, err) -> null).join();
        assertEquals(SweepsViewModel.Phase.FAILED, vm.phaseProperty().get());
        assertFalse(vm.messageProperty().get().isEmpty());
        assertEquals("The sweep failed: " + vm.messageProperty().get(), vm.statusProperty().get());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void aSweepTheCommandLineRanIsListedAndShownAsTheNewest() {
        RunStore store = new RunStore(dir.resolve("runs"));
        java.io.StringWriter err = new java.io.StringWriter();
        int code = io.digitstudio.cli.Cli.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err), "sweep",
                "--model", "linear 16, relu, linear", "--lr", "0.1", "--batch", "50", "--epochs", "1", "--train-size", "300", "--test-size", "100",
                "--runs-dir", store.root().toString());
        assertEquals(0, code, err.toString());
        // the view model reads the history's sweeps as it is made, and Refresh reads them again
        SweepsViewModel vm = vm(new TestDialogs(), store);
        assertEquals(1, vm.sweeps().size());
        vm.refreshSweeps().join();
        assertEquals(1, vm.sweeps().size(), "the command line's sweep, from the history's sweeps folder");
        assertEquals(vm.sweeps().get(0), vm.chosenProperty().get(), "nothing shown yet: the newest is chosen and shown");
        assertEquals(1, vm.rows().size());
        assertTrue(vm.rows().get(0).finished());
        assertEquals(store.list().get(0).id(), vm.rows().get(0).run().id());
        assertEquals("Sweep " + vm.sweeps().get(0).id() + ": its one run finished.", vm.statusProperty().get());
        assertNotNull(vm.chartProperty().get());
        assertFalse(vm.resumableProperty().get());

        // a sweep of the app's joins the list, newest first
        vm.start().join();
        assertEquals(2, vm.sweeps().size());
        assertEquals(vm.resultProperty().get().sweep().id(), vm.sweeps().get(0).id());
        assertEquals(vm.sweeps().get(0), vm.chosenProperty().get());
    }

    /**
     * A run of the sweep shown, deleted in Runs: Refresh reads the sweep's rows again, as the history has them, and the
     * row no longer says the deleted run finished (a trial saw it listed "finished" and charted after Refresh).
     */
    @Test
    void refreshReadsTheShownSweepsRunsAgainAfterOneIsDeletedElsewhere() {
        RunStore store = new RunStore(dir.resolve("runs"));
        java.io.StringWriter err = new java.io.StringWriter();
        int code = io.digitstudio.cli.Cli.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err), "sweep",
                "--model", "linear 16, relu, linear", "--lr", "0.1,0.05", "--batch-size", "50", "--epochs", "1", "--train-size", "300",
                "--test-size", "100", "--runs-dir", store.root().toString());
        assertEquals(0, code, err.toString());
        TestDialogs dialogs = new TestDialogs();
        SweepsViewModel vm = vm(dialogs, store);
        assertEquals(2, vm.rows().stream().filter(SweepResult.Row::finished).count());
        io.digitstudio.runs.RunSummary gone = vm.rows().get(0).run();
        int point = gone.settings().sweep().point();
        String sweep = gone.settings().sweep().id();
        // deleted in Runs, whose question says the run is the sweep's
        io.digitstudio.ui.runs.RunsViewModel runs = new io.digitstudio.ui.runs.RunsViewModel(new SameThreadTasks(), dialogs, store);
        runs.refresh();
        runs.delete(store.find(gone.id()));
        String asked = dialogs.questions.get(dialogs.questions.size() - 1);
        assertTrue(asked.contains("It is run " + (point + 1) + " of sweep " + sweep), asked);
        assertTrue(store.list().stream().noneMatch(r -> r.id().equals(gone.id())), "deleted");
        vm.refresh().join();
        assertEquals(1, vm.rows().stream().filter(SweepResult.Row::finished).count(), "one run left: " + vm.rows());
        assertTrue(vm.rows().stream().noneMatch(r -> r.run() != null && r.run().id().equals(gone.id())), vm.rows().toString());
        // the row says its run was deleted, not that it was never started, and the status says what Resume does with it
        SweepResult.Row row = vm.rows().stream().filter(r -> r.point() == point).findFirst().orElseThrow();
        assertEquals("deleted", vm.trialState(row));
        assertEquals("Sweep " + sweep + ": 1 of 2 runs finished; run " + (point + 1) + " was deleted (Resume asks before training it again).",
                vm.statusProperty().get());
        assertTrue(vm.resumableProperty().get(), "the point without its run can be trained again");
        // Resume asks first, and a no trains nothing
        int questions = dialogs.questions.size();
        dialogs.confirms = false;
        vm.resume().join();
        assertEquals(questions + 1, dialogs.questions.size(), "Resume asks: " + dialogs.questions);
        assertTrue(dialogs.questions.get(questions).contains("Run " + (point + 1) + " of sweep " + sweep + " was deleted"), dialogs.questions.get(questions));
        assertEquals(1, store.list().size(), "nothing trained again");
        assertEquals("deleted", vm.trialState(vm.rows().stream().filter(r -> r.point() == point).findFirst().orElseThrow()));
    }

    /**
     * A run of a sweep deleted before the history noted deleted runs of sweeps (or its folder removed by hand): the
     * sweep read afterwards says the run is deleted, as for one deleted now, not "not started". A trial saw an old
     * sweep's deleted runs read "not started" beside "Resume goes on".
     */
    @Test
    void aRunDeletedBeforeTheHistoryNotedItReadsDeletedNotNotStarted() throws Exception {
        RunStore store = new RunStore(dir.resolve("runs"));
        java.io.StringWriter err = new java.io.StringWriter();
        int code = io.digitstudio.cli.Cli.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err), "sweep",
                "--model", "linear 16, relu, linear", "--lr", "0.1,0.05", "--batch-size", "50", "--epochs", "1", "--train-size", "300",
                "--test-size", "100", "--runs-dir", store.root().toString());
        assertEquals(0, code, err.toString());
        io.digitstudio.runs.RunSummary gone = store.list().get(0);
        int point = gone.settings().sweep().point();
        String sweep = gone.settings().sweep().id();
        store.delete(gone.id());
        // the history as an older version left it: the run's folder gone, no note of it
        Files.delete(store.root().resolve("sweep-runs-deleted"));

        TestDialogs dialogs = new TestDialogs();
        SweepsViewModel vm = vm(dialogs, store);
        SweepResult.Row row = vm.rows().stream().filter(r -> r.point() == point).findFirst().orElseThrow();
        assertNull(row.run());
        assertEquals("deleted", vm.trialState(row));
        assertEquals("Sweep " + sweep + ": 1 of 2 runs finished; run " + (point + 1) + " was deleted (Resume asks before training it again).",
                vm.statusProperty().get());
        // Resume asks before training it again, as for a run deleted now
        dialogs.confirms = false;
        int questions = dialogs.questions.size();
        vm.resume().join();
        assertEquals(questions + 1, dialogs.questions.size(), "Resume asks: " + dialogs.questions);
        assertEquals(1, store.list().size(), "nothing trained again");
    }

    /**
     * Each row says what its run does as the sweep goes: the run in training the epoch under way of all, "epoch 2/2" as
     * the Train view's "Epoch 2/8", the runs before it "finished", those after it "not started". A trial saw "not started" on
     * the row of the run in training while the status line said epoch 1 (issue 32), and "running, epoch 1 of 2" while
     * epoch 2 trained, beside epoch 1's accuracy: it read as the run being in epoch 1.
     */
    @Test
    void eachRowSaysWhatItsRunDoesAsTheSweepGoes() {
        RunStore store = new RunStore(dir.resolve("runs"));
        SweepsViewModel vm = vm(new TestDialogs(), store);
        vm.epochsProperty().set("2");
        java.util.Map<String, java.util.List<String>> seen = new java.util.LinkedHashMap<>();
        java.util.regex.Pattern epoch = java.util.regex.Pattern.compile("Running run (\\d) of 2: .*: epoch (\\d) of 2, ");
        java.util.regex.Pattern starts = java.util.regex.Pattern.compile("Running run (\\d) of 2: [^:]*\\(");
        vm.detailProperty().addListener((o, a, s) -> {
            java.util.regex.Matcher m = epoch.matcher(s);
            if (m.find()) seen.putIfAbsent("run " + m.group(1) + " epoch " + m.group(2) + " done", states(vm));
            java.util.regex.Matcher b = starts.matcher(s);
            if (b.find()) seen.putIfAbsent("run " + b.group(1) + " starts", states(vm));
        });
        SweepResult done = vm.start().join();
        assertTrue(done.complete(), vm.statusProperty().get());
        assertEquals(java.util.Map.of(
                "run 1 starts", java.util.List.of("epoch 1/2", "not started"),
                "run 1 epoch 1 done", java.util.List.of("epoch 2/2", "not started"),
                "run 1 epoch 2 done", java.util.List.of("epoch 2/2", "not started"),
                "run 2 starts", java.util.List.of("finished", "epoch 1/2"),
                "run 2 epoch 1 done", java.util.List.of("finished", "epoch 2/2"),
                "run 2 epoch 2 done", java.util.List.of("finished", "epoch 2/2")), seen);
        assertEquals(java.util.List.of("finished", "finished"), states(vm));
    }

    /**
     * A run in training shows its best validation accuracy so far, and that epoch, in its row, the figure the status line
     * gave at that epoch; its final accuracy and seconds say "–" until it is done, and then the history's. A trial saw
     * "–" in the accuracy columns of a row in training beside a status line giving its accuracy
     * (issue 32).
     */
    @Test
    void aRunInTrainingShowsItsBestAccuracySoFar() {
        RunStore store = new RunStore(dir.resolve("runs"));
        SweepsViewModel vm = vm(new TestDialogs(), store);
        vm.learningRatesProperty().set("0.1");
        vm.epochsProperty().set("3");
        java.util.regex.Pattern epoch = java.util.regex.Pattern.compile("Running run 1 of 1: .*: epoch (\\d) of 3, ([0-9]+\\.[0-9]{2})%");
        java.util.List<String> wrong = new java.util.ArrayList<>();
        double[] best = {-1};
        String[] bestSaid = {""};
        int[] bestEpoch = {0}, epochs = {0};
        vm.detailProperty().addListener((o, a, s) -> {
            java.util.regex.Matcher m = epoch.matcher(s);
            if (!m.find()) return;
            epochs[0]++;
            double said = Double.parseDouble(m.group(2));
            if (said > best[0]) {
                best[0] = said;
                bestSaid[0] = m.group(2) + "%";
                bestEpoch[0] = Integer.parseInt(m.group(1));
            }
            SweepResult.Row row = vm.rows().get(0);
            java.util.List<String> shown = java.util.List.of(vm.trialState(row), vm.bestAccuracy(row), vm.bestWithEpoch(row), vm.finalAccuracy(row), vm.time(row));
            java.util.List<String> meant = java.util.List.of("epoch " + Math.min(3, Integer.parseInt(m.group(1)) + 1) + "/3", bestSaid[0], bestSaid[0] + " (" + bestEpoch[0] + ")", "–", "–");
            if (!shown.equals(meant)) wrong.add("at \"" + s + "\" the row shows " + shown + ", not " + meant);
        });
        SweepResult done = vm.start().join();
        assertTrue(done.complete(), vm.statusProperty().get());
        assertEquals(3, epochs[0], "the status line gave each epoch");
        assertEquals(java.util.List.of(), wrong);
        SweepResult.Row row = vm.rows().get(0);
        assertEquals(java.util.List.of("finished", SweepsViewModel.accuracy(row.run().bestAccuracy()),
                SweepsViewModel.accuracy(row.run().bestAccuracy()) + " (" + row.run().bestEpoch() + ")", SweepsViewModel.accuracy(row.run().finalAccuracy()),
                io.digitstudio.ui.widgets.Formats.clock(row.run().seconds())),
                java.util.List.of(vm.trialState(row), vm.bestAccuracy(row), vm.bestWithEpoch(row), vm.finalAccuracy(row), vm.time(row)));
        assertEquals(bestSaid[0], vm.bestAccuracy(row), "the history's best is the best the status line gave");
    }

    /**
     * A run whose process fails says "failed" in its row, and the sweep is failed with the reason: here a sweep of the
     * history made on other data (its checksum is not the bundled MNIST's), whose runs refuse to train on this data.
     */
    @Test
    void aRunWhoseProcessFailsSaysFailed() {
        RunStore store = new RunStore(dir.resolve("runs"));
        SweepsViewModel vm = vm(new TestDialogs(), store);
        var config = new io.digitstudio.train.TrainingConfig(1, 50, io.digitstudio.nn.NetworkSpec.of("linear 16, relu, linear"), "momentum-sgd",
                java.util.Map.of("lr", 0.01, "momentum", 0.9), 0, true, 300, 100, false);
        var template = new io.digitstudio.runs.RunSettings("", java.time.Instant.parse("2026-12-04T00:00:00Z"), "sweep", config,
                io.digitstudio.train.RunOptions.NONE, "MNIST", "MNIST (bundled)", "ab", 60000, 10000, "", "", java.util.Map.of());
        io.digitstudio.runs.sweep.Sweep s = io.digitstudio.runs.sweep.Sweep.plan(template,
                java.util.List.of(io.digitstudio.runs.sweep.Axis.parse("lr", "--lr", "0.1", false)), null, 0, 1).save(store.root());
        vm.show(s);
        assertEquals(java.util.List.of("not started"), states(vm));
        vm.resume().join();
        assertEquals(SweepsViewModel.Phase.FAILED, vm.phaseProperty().get(), vm.statusProperty().get());
        assertEquals(java.util.List.of("failed"), states(vm), vm.statusProperty().get());
        // read again later, a run that failed before it was recorded is not taken for a deleted one
        assertNotEquals(java.util.List.of("deleted"), states(vm(new TestDialogs(), store)));
    }

    /** A sweep of two runs saved in the history as planned, neither started. */
    private static io.digitstudio.runs.sweep.Sweep planned(RunStore store, String lrs) {
        var config = new io.digitstudio.train.TrainingConfig(1, 50, io.digitstudio.nn.NetworkSpec.of("linear 16, relu, linear"), "momentum-sgd",
                java.util.Map.of("lr", 0.01, "momentum", 0.9), 0, true, 300, 100, false);
        var template = new io.digitstudio.runs.RunSettings("", java.time.Instant.parse("2026-12-04T00:00:00Z"), "sweep", config,
                io.digitstudio.train.RunOptions.NONE, "MNIST", "MNIST (bundled)", "ab", 60000, 10000, "", "", java.util.Map.of());
        return io.digitstudio.runs.sweep.Sweep.plan(template, java.util.List.of(io.digitstudio.runs.sweep.Axis.parse("lr", "--lr", lrs, false)), null, 0, 1)
                .save(store.root());
    }

    /**
     * Until a chosen sweep's rows are read, the view says it is loading that sweep: no rows of the sweep shown before,
     * no idle words, nothing to export. A trial saw the picker name the last session's sweep for seconds beside a table
     * saying "Start a sweep" and a status line saying no sweep yet.
     */
    @Test
    void aChosenSweepSaysItIsLoadingUntilItsRowsCome() throws Exception {
        RunStore store = new RunStore(dir.resolve("runs"));
        Files.createDirectories(store.root());
        var first = planned(store, "0.1,0.01");
        var second = planned(store, "0.2,0.02,0.002");
        io.digitstudio.ui.core.HeldTasks tasks = new io.digitstudio.ui.core.HeldTasks();
        SweepsViewModel vm = new SweepsViewModel(tasks, new TestDialogs(), store, SweepRunner::selfCommand, 2);
        vm.chosenProperty().set(first);
        String loading = "Loading sweep " + first.id() + "…";
        assertEquals(java.util.List.of(loading, 0, false), java.util.List.of(vm.statusProperty().get(), vm.rows().size(), vm.resultProperty().get() != null));
        tasks.release();
        assertEquals(2, vm.rows().size());
        assertEquals("Sweep " + first.id() + ": 0 of 2 runs finished; Resume goes on.", vm.statusProperty().get());
        // another sweep chosen: the first one's rows go at once, not when the second's come
        vm.chosenProperty().set(second);
        assertEquals(java.util.List.of("Loading sweep " + second.id() + "…", 0, false),
                java.util.List.of(vm.statusProperty().get(), vm.rows().size(), vm.resultProperty().get() != null));
        assertFalse(vm.resumableProperty().get(), "no Resume for a sweep not read yet");
        tasks.release();
        assertEquals(3, vm.rows().size());
        assertEquals(second, vm.resultProperty().get().sweep());
    }

    /**
     * From its construction until the history's sweeps are read, the view says it reads them, and then shows the newest
     * sweep: never "no sweep yet" in between. A relaunch with sweeps recorded showed "none yet", "Start a sweep…" and
     * "Idle" for as long as the reading took, before "Loading sweep …" and the rows.
     */
    @Test
    void untilTheSweepsAreReadTheViewSaysItReadsThemNeverNoneYet() throws Exception {
        RunStore store = new RunStore(dir.resolve("runs"));
        Files.createDirectories(store.root());
        var recorded = planned(store, "0.1,0.01");
        io.digitstudio.ui.core.HeldTasks tasks = new io.digitstudio.ui.core.HeldTasks();
        Said said = new Said(new SweepsViewModel(tasks, new TestDialogs(), store, SweepRunner::selfCommand, 2));
        String loading = "Loading sweep " + recorded.id() + "…";
        tasks.release();
        assertEquals(java.util.List.of("Reading sweeps…", loading, "Sweep " + recorded.id() + ": 0 of 2 runs finished; Resume goes on."), said.statuses);
        assertEquals(java.util.List.of(SweepsViewModel.Phase.LOADING, SweepsViewModel.Phase.STOPPED), said.phases);
        // the table says it reads, then which sweep it loads, until the rows come
        assertEquals(java.util.List.of("Reading sweeps…", loading, SweepsViewModel.EMPTY_TABLE), said.tables);
        assertEquals(java.util.List.of(true, false), said.reading);
        assertEquals(2, said.vm.rows().size());
    }

    /** With no sweep in the history, the view says it reads them, then that there is none yet and how to start one. */
    @Test
    void withNoSweepRecordedTheViewSaysNoneYetOnceTheReadingFoundNone() {
        io.digitstudio.ui.core.HeldTasks tasks = new io.digitstudio.ui.core.HeldTasks();
        Said said = new Said(new SweepsViewModel(tasks, new TestDialogs(), new RunStore(dir.resolve("runs")), SweepRunner::selfCommand, 2));
        tasks.release();
        assertEquals(java.util.List.of("Reading sweeps…", SweepsViewModel.IDLE_TEXT), said.statuses);
        assertEquals(java.util.List.of(SweepsViewModel.Phase.LOADING, SweepsViewModel.Phase.IDLE), said.phases);
        assertEquals(java.util.List.of("Reading sweeps…", SweepsViewModel.EMPTY_TABLE), said.tables);
        assertEquals(java.util.List.of(true, false), said.reading);
        // a Refresh later says nothing of reading: "none yet" is what the history held when last read
        said.vm.refreshSweeps();
        tasks.release();
        assertEquals(java.util.List.of(true, false), said.reading);
        assertEquals(SweepsViewModel.IDLE_TEXT, said.vm.statusProperty().get());
    }

    /** What a view model has published, value by value from its construction on (its first values, then each change). */
    private static final class Said {
        final SweepsViewModel vm;
        final java.util.List<String> statuses = new java.util.ArrayList<>(), tables = new java.util.ArrayList<>();
        final java.util.List<SweepsViewModel.Phase> phases = new java.util.ArrayList<>();
        final java.util.List<Boolean> reading = new java.util.ArrayList<>();

        Said(SweepsViewModel vm) {
            this.vm = vm;
            follow(vm.statusProperty(), statuses);
            follow(vm.emptyTableProperty(), tables);
            follow(vm.phaseProperty(), phases);
            follow(vm.readingProperty(), reading);
        }

        private static <T> void follow(javafx.beans.value.ObservableValue<T> v, java.util.List<T> into) {
            into.add(v.getValue());
            v.addListener((o, a, b) -> into.add(b));
        }
    }

    /**
     * A sweep is titled by the settings it varies, in the Train form's words: "Learning rate" for learning rates with one
     * batch size, "Learning rate × Batch size" when both vary; a sweep of one point by its values. A trial saw a sweep
     * of learning rates alone titled "lr × batch_size" (issue 32), and another the keys of the files ("batch_size")
     * where the form says "Batch size".
     */
    @Test
    void aSweepIsTitledByTheSettingsItVaries() {
        var config = new io.digitstudio.train.TrainingConfig(1, 50, io.digitstudio.nn.NetworkSpec.of("tutorial"), "momentum-sgd",
                java.util.Map.of("lr", 0.01, "momentum", 0.9), 0, true, 300, 100, false);
        var template = new io.digitstudio.runs.RunSettings("", java.time.Instant.parse("2026-12-04T00:00:00Z"), "sweep", config,
                io.digitstudio.train.RunOptions.NONE, "MNIST", "MNIST (bundled)", "ab", 60000, 10000, "", "", java.util.Map.of());
        java.util.function.BiFunction<String, String, String> title = (lr, batch) -> {
            var s = io.digitstudio.runs.sweep.Sweep.plan(template, java.util.List.of(io.digitstudio.runs.sweep.Axis.parse("lr", "--lr", lr, false),
                    io.digitstudio.runs.sweep.Axis.parse("batch_size", "--batch", batch, true)), null, 0, 1);
            return SweepsViewModel.saying(s).get(1);
        };
        assertEquals(": Learning rate, 3 runs", title.apply("0.1,0.03,0.01", "128"));
        assertEquals(": Batch size, 2 runs", title.apply("0.01", "64,128"));
        assertEquals(": Learning rate × Batch size, 4 runs", title.apply("0.1,0.01", "64,128"));
        assertEquals(": Learning rate 0.1 · Batch size 128, 1 run", title.apply("0.1", "128"));
    }

    /**
     * The Sweeps view says a sweep's settings and its runs' states in the words of the Train form and of the history
     * (the Runs view, the command line): "Learning rate", "Batch size", "Momentum" (Adam's alpha is its learning rate),
     * and a run that trained all its epochs "finished". A trial saw "batch_size" and "done" in the table.
     */
    @Test
    void aSweepsSettingsAndStatesAreSaidInTheFormsWords() {
        java.util.function.BiFunction<String, java.util.List<io.digitstudio.runs.sweep.Axis>, io.digitstudio.runs.sweep.Sweep> sweep = (optimizer, axes) -> {
            var config = new io.digitstudio.train.TrainingConfig(2, 50, io.digitstudio.nn.NetworkSpec.of("tutorial"), optimizer,
                    io.digitstudio.optim.Optimizers.overrides(optimizer, null, null), 0, true, 300, 100, false);
            var template = new io.digitstudio.runs.RunSettings("", java.time.Instant.parse("2026-12-04T00:00:00Z"), "sweep", config,
                    io.digitstudio.train.RunOptions.NONE, "MNIST", "MNIST (bundled)", "ab", 60000, 10000, "", "", java.util.Map.of());
            return io.digitstudio.runs.sweep.Sweep.plan(template, axes, null, 0, 1);
        };
        var momentum = sweep.apply("momentum-sgd", java.util.List.of(io.digitstudio.runs.sweep.Axis.parse("lr", "--lr", "0.1,0.01", false),
                io.digitstudio.runs.sweep.Axis.parse("batch_size", "--batch", "64,128", true), io.digitstudio.runs.sweep.Axis.parse("momentum", "--momentum", "0.8,0.9", false)));
        assertTrue(SweepsViewModel.saying(momentum).get(1).endsWith(": Learning rate × Batch size × Momentum, 8 runs"), SweepsViewModel.saying(momentum).get(1));
        // Adam's alpha is its learning rate, as the form labels it
        var adam = sweep.apply("adam", java.util.List.of(io.digitstudio.runs.sweep.Axis.parse("alpha", "--lr", "0.001", false),
                io.digitstudio.runs.sweep.Axis.parse("batch_size", "--batch", "64", true)));
        assertTrue(SweepsViewModel.saying(adam).get(1).endsWith(": Learning rate 0.001 · Batch size 64, 1 run"), SweepsViewModel.saying(adam).get(1));
        java.util.List<String> states = SweepsViewModel.states(momentum);
        assertTrue(states.contains(io.digitstudio.runs.RunStatus.FINISHED.label()), states.toString());
        assertFalse(states.contains("done"), states.toString());
    }

    /** The rows' states by point. */
    private static java.util.List<String> states(SweepsViewModel vm) {
        return vm.rows().stream().sorted(java.util.Comparator.comparingInt(SweepResult.Row::point)).map(vm::trialState).toList();
    }

    /**
     * The table writes accuracies as the rest of the app does (Runs, Train, the status lines): as a percentage with two
     * decimals. A trial saw 0.7170 in Sweeps beside 71.70% in Runs (issue 32).
     */
    @Test
    void accuraciesAreWrittenAsTheAppWritesThem() {
        assertEquals("71.70%", SweepsViewModel.accuracy(0.717));
        assertEquals(io.digitstudio.ui.widgets.Formats.percent(0.98125), SweepsViewModel.accuracy(0.98125));
        assertEquals("–", SweepsViewModel.accuracy(Double.NaN), "no accuracy yet");
    }
}
