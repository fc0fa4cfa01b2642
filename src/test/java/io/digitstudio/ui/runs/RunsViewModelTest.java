package io.digitstudio.ui.runs;

import io.digitstudio.data.Mnist;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.runs.RunRecorder;
import io.digitstudio.runs.RunStore;
import io.digitstudio.runs.RunSummary;
import io.digitstudio.train.RunOptions;
import io.digitstudio.train.StopAt;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.train.TrainingLoop;
import io.digitstudio.ui.SameThreadTasks;
import io.digitstudio.ui.TestDialogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The Runs view's model under plain JUnit: curves, comparison and actions on a real history in a temporary folder. */
class RunsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void accuraciesReadAsTheTrainViewWritesThem() {
        // the runs table and comparison write a run's accuracy as the Train view's status and epoch table do
        for (double a : new double[]{0.9725, 0.97255, 0.1, 1.0, 0.0, 1.0 / 3, 0.98765432})
            assertEquals(io.digitstudio.ui.widgets.Formats.percent(a), RunsViewModel.accuracy(a), "accuracy " + a);
        assertEquals("97.25%", RunsViewModel.accuracy(0.9725));
        assertEquals("–", RunsViewModel.accuracy(Double.NaN), "a run without one");
    }

    @Test
    void smoothingIsTensorBoardsDebiasedMovingAverage() {
        List<double[]> raw = List.of(new double[]{1, 1.0}, new double[]{2, 0.0}, new double[]{3, 1.0});
        List<double[]> s = RunCurves.smooth(raw, 0.5);
        assertEquals(1.0, s.get(0)[1], 1e-12, "the first point is itself, not pulled to zero");
        assertEquals((0.5 * 0.5 * 1 + 0.5 * 0) / (1 - 0.25), s.get(1)[1], 1e-12);
        assertEquals(((0.25 * 1 + 0) * 0.5 + 0.5 * 1) / (1 - 0.125), s.get(2)[1], 1e-12);
        assertSame(raw, RunCurves.smooth(raw, 0));
        List<Map<String, Double>> log = List.of(Map.of("epoch", 1.0, "elapsed_time", 2.5, "validation/main/loss", 0.1),
                Map.of("epoch", 2.0, "elapsed_time", 5.0, "validation/main/loss", 0.01));
        List<double[]> p = RunCurves.points(log, "validation/main/loss", RunCurves.XAxis.WALL_TIME, 0, true);
        assertArrayEquals(new double[]{2.5, -1}, p.get(0), 1e-12);
        assertArrayEquals(new double[]{5.0, -2}, p.get(1), 1e-12);
    }

    @Test
    void theEpochAxisTicksWholeEpochsInStepsOfOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(new RunCurves.Ticks(0, 1, 1), RunCurves.epochTicks(1, 1, 8), "one epoch: from 0 to it");
        assertEquals(new RunCurves.Ticks(1, 2, 1), RunCurves.epochTicks(1, 2, 8));
        assertEquals(new RunCurves.Ticks(1, 12, 1), RunCurves.epochTicks(1, 12, 12));
        assertEquals(new RunCurves.Ticks(0, 12, 2), RunCurves.epochTicks(1, 12, 8), "eleven steps of 1 are too many for 8");
        assertEquals(new RunCurves.Ticks(0, 40, 5), RunCurves.epochTicks(1, 40, 8));
        assertEquals(new RunCurves.Ticks(0, 150, 50), RunCurves.epochTicks(1, 137, 3));
        assertEquals(new RunCurves.Ticks(2, 3, 1), RunCurves.epochTicks(2.33, 3, 8), "a branch's first point, between epochs");
        for (int most = 2; most < 15; most++) {
            for (double max = 1; max < 400; max += 7) {
                RunCurves.Ticks t = RunCurves.epochTicks(1, max, most);
                String said = t + " for 1.." + max + " in " + most;
                assertTrue(t.lower() <= 1 && t.upper() >= max, said);
                assertTrue(java.util.Set.of(1.0, 2.0, 5.0).contains(t.unit() / Math.pow(10, Math.floor(Math.log10(t.unit()) + 1e-9))), said);
                assertEquals(0, t.lower() % t.unit(), 1e-9, said);
                assertEquals(0, t.upper() % t.unit(), 1e-9, said);
                assertTrue((t.upper() - t.lower()) / t.unit() <= most, said);
            }
        }
    }

    @Test
    void aBranchIsDrawnFromItsParentsCurveAtTheBranchingPoint() {
        Nd4jSetup.init();
        RunStore store = new RunStore(dir);
        TrainingConfig c = TrainingConfig.tutorial().withEpochs(3).withUnits(10).withOptimizer("momentum-sgd", 0.1, null).withLimits(500, 100);
        io.digitstudio.runs.TrainingSession parent = io.digitstudio.runs.TrainingSession.builder(store, "cli").config(c).snapshots(1, null, 3).build();
        parent.run();
        io.digitstudio.runs.TrainingSession.Resumable at1 = io.digitstudio.runs.TrainingSession.locateBranch(store, parent.runId() + "@epoch:1");
        io.digitstudio.runs.TrainingSession branch = io.digitstudio.runs.TrainingSession.builder(store, "gui").branch(at1)
                .config(at1.config().withOptimizer("momentum-sgd", 0.01, null)).build();
        branch.run();
        RunsViewModel vm = new RunsViewModel(new SameThreadTasks(), new TestDialogs(), store);
        vm.refresh();
        vm.select(List.of(parent.runId(), branch.runId()));
        List<RunsViewModel.Curve> cs = vm.curvesProperty().get();
        List<double[]> p = cs.get(0).accuracy();
        List<double[]> b = cs.get(1).accuracy();
        assertEquals(3, p.size());
        assertEquals(List.of(1.0, 2.0, 3.0), b.stream().map(x -> x[0]).toList(), "from epoch 1, where it branched, on");
        assertArrayEquals(p.get(0), b.get(0), 0, "it starts on its parent's point");
        assertNotEquals(p.get(2)[1], b.get(2)[1]);
        // by wall time too, and smoothed over the whole log, so that the branch still meets its parent
        vm.xAxisProperty().set(RunCurves.XAxis.WALL_TIME);
        vm.smoothingProperty().set(0.6);
        cs = vm.curvesProperty().get();
        assertEquals(3, cs.get(1).loss().size());
        assertArrayEquals(cs.get(0).loss().get(0), cs.get(1).loss().get(0), 0);
    }

    private static double[] first(List<RunsViewModel.Curve> cs, String id, boolean loss) {
        RunsViewModel.Curve c = cs.stream().filter(x -> x.run().id().equals(id)).findFirst().orElseThrow();
        return (loss ? c.loss() : c.accuracy()).get(0);
    }

    @Test
    void aBranchInTheMiddleOfAnEpochStartsOnItsParentsCurveAtItsExactPoint() {
        Nd4jSetup.init();
        RunStore store = new RunStore(dir);
        // 1,000 examples in batches of 128: iteration 12 is 53.6 % into epoch 2
        TrainingConfig c = TrainingConfig.tutorial().withEpochs(3).withUnits(10).withOptimizer("momentum-sgd", 0.1, null).withLimits(1000, 100);
        io.digitstudio.runs.TrainingSession parent = io.digitstudio.runs.TrainingSession.builder(store, "cli").config(c).build();
        parent.loop().addExtension(new StopAt(12));
        parent.run();
        io.digitstudio.runs.TrainingSession.Resumable at12 = io.digitstudio.runs.TrainingSession.locateBranch(store, parent.runId() + "@12");
        io.digitstudio.runs.TrainingSession branch = io.digitstudio.runs.TrainingSession.builder(store, "gui").branch(at12)
                .config(at12.config().withOptimizer("momentum-sgd", 0.01, null)).build();
        branch.run();
        double at = 1 + 536 / 1000.0;
        assertEquals(at, store.find(branch.runId()).settings().branchedFrom().epochDetail(), 0.0);

        RunsViewModel vm = new RunsViewModel(new SameThreadTasks(), new TestDialogs(), store);
        vm.refresh();
        vm.select(List.of(parent.runId(), branch.runId()));
        List<RunsViewModel.Curve> cs = vm.curvesProperty().get();
        RunsViewModel.Curve b = cs.get(1);
        List<double[]> p = cs.get(0).accuracy();
        assertEquals(List.of(at, 2.0, 3.0), b.accuracy().stream().map(x -> x[0]).toList(), "from the exact point, not from the end of epoch 1");
        assertEquals(p.get(0)[1], b.accuracy().get(0)[1], 0.0, "level with the parent's last point: it stopped in epoch 2");
        assertTrue(b.startsAtBranch(b.accuracy()) && b.startsAtBranch(b.loss()));
        assertEquals(at, b.loss().get(0)[0], 0.0);
        // the parent's curve goes on from its last epoch to where it stopped, and meets the branch's there: no gap
        assertEquals(List.of(1.0, at), p.stream().map(x -> x[0]).toList(), "the parent stopped in epoch 2");
        assertArrayEquals(b.accuracy().get(0), p.get(1), 0.0);
        List<double[]> parentLoss = cs.get(0).loss();
        assertArrayEquals(b.loss().get(0), parentLoss.get(parentLoss.size() - 1), 0.0);
        // alone, the branch is drawn as before
        vm.select(List.of(branch.runId()));
        assertEquals(List.of(at, 2.0, 3.0), vm.curvesProperty().get().get(0).accuracy().stream().map(x -> x[0]).toList());
        vm.select(List.of(parent.runId(), branch.runId()));

        // the parent goes on to its end: the branch now leaves its curve on the line between its epochs 1 and 2
        io.digitstudio.runs.TrainingSession.builder(store, "cli").resume(io.digitstudio.runs.TrainingSession.locate(store, parent.runId())).build().run();
        vm.refresh();
        cs = vm.curvesProperty().get();
        for (boolean loss : new boolean[]{true, false}) {
            List<double[]> q = loss ? cs.get(0).loss() : cs.get(0).accuracy();
            assertEquals(3, q.size());
            double[] start = first(cs, branch.runId(), loss);
            assertEquals(at, start[0], 0.0);
            assertEquals(q.get(0)[1] + (q.get(1)[1] - q.get(0)[1]) * 0.536, start[1], 1e-12, "on the parent's line at " + at);
        }
        double[] smoothedAlone;
        vm.smoothingProperty().set(0.6);
        vm.logLossProperty().set(true);
        cs = vm.curvesProperty().get();
        List<double[]> q = cs.get(0).loss();
        assertEquals(q.get(0)[1] + (q.get(1)[1] - q.get(0)[1]) * 0.536, first(cs, branch.runId(), true)[1], 1e-12, "on the parent's curve as drawn");
        smoothedAlone = first(cs, branch.runId(), true);

        // selected alone, the branch is drawn the same: its parent's log is read for it
        vm.select(List.of(branch.runId()));
        assertArrayEquals(smoothedAlone, first(vm.curvesProperty().get(), branch.runId(), true), 0.0);

        // by wall time: at the parent's time there, between its epochs 1 and 2, on its curve
        vm.select(List.of(parent.runId(), branch.runId()));
        vm.smoothingProperty().set(0);
        vm.logLossProperty().set(false);
        vm.xAxisProperty().set(RunCurves.XAxis.WALL_TIME);
        cs = vm.curvesProperty().get();
        q = cs.get(0).loss();
        double[] start = first(cs, branch.runId(), true);
        assertEquals(q.get(0)[0] + (q.get(1)[0] - q.get(0)[0]) * 0.536, start[0], 1e-9);
        assertEquals(q.get(0)[1] + (q.get(1)[1] - q.get(0)[1]) * 0.536, start[1], 1e-9);
        assertTrue(cs.get(1).loss().get(1)[0] > start[0]);
    }

    @Test
    void theBranchPointsAreTheRunsEpochsAndOnlyThoseWithASnapshotCanBeBranchedFrom() {
        Nd4jSetup.init();
        RunStore store = new RunStore(dir);
        TrainingConfig c = TrainingConfig.tutorial().withEpochs(3).withUnits(10).withOptimizer("momentum-sgd", 0.1, null).withLimits(500, 100);
        // snapshots every epoch, the newest two kept: epoch 1's is gone
        io.digitstudio.runs.TrainingSession parent = io.digitstudio.runs.TrainingSession.builder(store, "cli").config(c).snapshots(1, null, 2).build();
        parent.run();
        io.digitstudio.runs.TrainingSession plain = io.digitstudio.runs.TrainingSession.builder(store, "cli").config(c.withEpochs(1)).build();
        plain.run();
        RunsViewModel vm = new RunsViewModel(new SameThreadTasks(), new TestDialogs(), store);
        List<String> branched = new java.util.ArrayList<>();
        vm.setActions(new RunsViewModel.Actions() {
            @Override
            public void openModel(Path model, String name) {
            }

            @Override
            public void evaluate(Path model, String name) {
            }

            @Override
            public void rerun(RunSummary run) {
            }

            @Override
            public void resume(RunSummary run, Path snapshot) {
            }

            @Override
            public void branch(RunSummary run, RunsViewModel.BranchChoice point) {
                branched.add(run.id() + " " + point.spec());
            }
        });
        vm.refresh();
        vm.select(List.of(parent.runId()));
        assertEquals(List.of("end of epoch 1 (no snapshot)", "end of epoch 2", "end of epoch 3"), vm.branchChoices().stream().map(RunsViewModel.BranchChoice::label).toList());
        assertEquals(parent.runId() + "@epoch:3", vm.branchChoiceProperty().get().spec(), "the newest point with a snapshot is chosen");
        RunsViewModel.BranchChoice first = vm.branchChoices().get(0);
        assertFalse(first.available());
        assertEquals("No snapshot at the end of epoch 1: a branch starts from a snapshot of the run; it has them at the ends of epochs 2, 3", first.unavailable());
        vm.chooseEpoch(1);
        vm.branch();
        assertEquals(List.of(), branched, "no branch where there is no snapshot");
        assertEquals(first.unavailable(), vm.statusProperty().get());
        vm.chooseEpoch(2);
        vm.branch();
        assertEquals(List.of(parent.runId() + " " + parent.runId() + "@epoch:2"), branched);
        // the spec is one the command line's --branch takes too
        assertEquals(2, io.digitstudio.runs.TrainingSession.locateBranch(store, vm.branchChoiceProperty().get().spec()).epochsDone());

        vm.select(List.of(plain.runId()));
        assertEquals(1, vm.branchChoices().size());
        assertTrue(vm.branchChoices().get(0).unavailable().endsWith("it took none (train it with --snapshot-every 1;"
                + " a stopped run keeps one where it stopped)"), vm.branchChoices().get(0).unavailable());
        vm.select(List.of(parent.runId(), plain.runId()));
        assertTrue(vm.branchChoices().isEmpty(), "a branch starts from one run");
        assertNull(vm.branchChoiceProperty().get());
    }

    /**
     * The point chosen while a run trains, whose snapshot the run then prunes as it goes on (it keeps its last few), is
     * not still chosen when the run has ended: the list is read again, the point says it has no snapshot, and the choice
     * moves to the newest point that has one, so Branch from here… is on. (It stayed on "end of epoch 1", the button
     * greyed with "it has them at the ends of epochs 3, 4".)
     */
    @Test
    void aChosenPointWhoseSnapshotThenGoesIsNotKeptChosen() {
        Nd4jSetup.init();
        RunStore store = new RunStore(dir);
        TrainingConfig c = TrainingConfig.tutorial().withEpochs(2).withUnits(10).withOptimizer("momentum-sgd", 0.1, null).withLimits(500, 100);
        io.digitstudio.runs.TrainingSession run = io.digitstudio.runs.TrainingSession.builder(store, "cli").config(c).snapshots(1, null, 2).build();
        run.run();
        RunsViewModel vm = new RunsViewModel(new SameThreadTasks(), new TestDialogs(), store);
        vm.refresh();
        vm.select(List.of(run.runId()));
        vm.chooseEpoch(1);
        assertEquals(run.runId() + "@epoch:1", vm.branchChoiceProperty().get().spec());
        assertTrue(vm.branchChoiceProperty().get().available());
        // the run goes on to epoch 4, keeping its newest two snapshots: epoch 1's and 2's go
        io.digitstudio.runs.TrainingSession.builder(store, "cli").resume(io.digitstudio.runs.TrainingSession.locate(store, run.runId())).epochs(4).build().run();
        vm.refresh();
        assertEquals(List.of("end of epoch 1 (no snapshot)", "end of epoch 2 (no snapshot)", "end of epoch 3", "end of epoch 4"),
                vm.branchChoices().stream().map(RunsViewModel.BranchChoice::label).toList());
        assertEquals(run.runId() + "@epoch:4", vm.branchChoiceProperty().get().spec(), "the newest point with a snapshot");
        assertTrue(vm.branchChoiceProperty().get().available());
        // a point the user chooses though it has none stays chosen, saying why
        vm.chooseEpoch(1);
        vm.refresh();
        assertEquals(run.runId() + "@epoch:1", vm.branchChoiceProperty().get().spec());
    }

    /**
     * A run stopped as an epoch's last batch trained, whose snapshot is at that epoch's end but whose log has no entry
     * for it (as a Stop during the epoch's validation left runs before it waited for it), lists that point to branch
     * from, as a stop.
     */
    @Test
    void aStopAtAnEpochsEndTheLogNeverReachedIsListedToBranchFrom() {
        Nd4jSetup.init();
        RunStore store = new RunStore(dir);
        TrainingConfig c = TrainingConfig.tutorial().withEpochs(2).withUnits(10).withLimits(1000, 100);
        io.digitstudio.runs.TrainingSession s = io.digitstudio.runs.TrainingSession.builder(store, "cli").config(c).build();
        s.loop().addExtension(new StopAt(5));
        s.run();
        RunSummary run = store.find(s.runId());
        assertEquals(0, run.epochsDone());
        // 1,000 examples in batches of 128: iteration 8 ends epoch 1
        Path file = s.snapshotDir().resolve("snapshot_iter_8.npz");
        var atEnd = new io.digitstudio.runs.TrainingSession.BranchPoint(new io.digitstudio.train.Snapshot.Position(8, 1, true, 1.0), file);
        List<RunsViewModel.BranchChoice> choices = RunsViewModel.branchChoices(run, List.of(atEnd));
        assertEquals(List.of("stop at epoch 1 (iteration 8)"), choices.stream().map(RunsViewModel.BranchChoice::label).toList());
        assertTrue(choices.get(0).available());
        assertEquals(atEnd.spec(run.id()), choices.get(0).spec());
    }

    /** A run without snapshots is told how to take them where it was made: the Train view's box, or train's option. */
    @Test
    void aRunWithoutSnapshotsIsToldHowToTakeThemWhereItWasMade() {
        Nd4jSetup.init();
        RunStore store = new RunStore(dir);
        TrainingConfig c = TrainingConfig.tutorial().withEpochs(1).withUnits(10).withLimits(300, 100);
        java.util.Map<String, String> hint = new java.util.LinkedHashMap<>();
        for (String origin : List.of("gui", "cli")) {
            io.digitstudio.runs.TrainingSession s = io.digitstudio.runs.TrainingSession.builder(store, origin).config(c).build();
            s.run();
            List<RunsViewModel.BranchChoice> choices = RunsViewModel.branchChoices(store.find(s.runId()), List.of());
            assertEquals(1, choices.size());
            hint.put(origin, choices.get(0).unavailable());
        }
        assertTrue(hint.get("gui").endsWith("; it took none (turn on “Snapshot every epoch” in the Train view; a stopped run keeps one where it stopped)"),
                hint.get("gui"));
        assertTrue(hint.get("cli").endsWith("; it took none (train it with --snapshot-every 1; a stopped run keeps one where it stopped)"),
                hint.get("cli"));
    }

    private static String record(RunStore store, double lr) throws Exception {
        Nd4jSetup.init();
        TrainingConfig c = TrainingConfig.tutorial().withEpochs(2).withUnits(10).withOptimizer("momentum-sgd", lr, null);
        TrainingLoop loop = TrainingLoop.create(c, Mnist.bundled().train().head(500), Mnist.bundled().test().head(100), "t");
        RunRecorder r = RunRecorder.start(store, loop, new RunRecorder.Origin("cli", RunOptions.NONE, "MNIST", "MNIST (bundled)", "x",
                io.digitstudio.data.ClassNames.numbers(10), "", ""));
        loop.run();
        return r.id();
    }

    /** A finished run of one short epoch, made as the Train view makes one (its model kept in its folder). */
    private static String trained(RunStore store, double lr) {
        Nd4jSetup.init();
        TrainingConfig c = TrainingConfig.tutorial().withEpochs(1).withUnits(10).withOptimizer("momentum-sgd", lr, null).withLimits(500, 100);
        io.digitstudio.runs.TrainingSession s = io.digitstudio.runs.TrainingSession.builder(store, "gui").config(c).build();
        s.run();
        return s.runId();
    }

    /**
     * A trial deleted the run whose model was in use (Runs → Open in Draw, then Delete…): the question said only that
     * the folder goes; afterwards Draw still named the run's model, the Model menu listed it ("Model missing" when
     * chosen) and the next launch said "Model not found". The question now says the model in use goes and what takes
     * its place: the model in use before it (another trial: the built-in model took its place, whatever the user had
     * chosen before). Once deleted, that model is in use at once, the status says so (once: no dialog), the menu
     * forgets the run's files and the next launch starts quietly.
     */
    @Test
    void deletingTheRunWhoseModelIsInUsePutsTheModelInUseBeforeItToUse() throws Exception {
        RunStore store = new RunStore(dir.resolve("runs"));
        String used = trained(store, 0.1);
        String other = trained(store, 0.05);
        io.digitstudio.io.SettingsFile settings = io.digitstudio.io.SettingsFile.open(dir.resolve("config/digitstudio/settings.json"), m -> fail(m));
        TestDialogs dialogs = new TestDialogs();
        io.digitstudio.ui.model.ModelManager models = new io.digitstudio.ui.model.ModelManager(new SameThreadTasks(), dialogs,
                io.digitstudio.ui.model.RecentModels.of(settings), io.digitstudio.ui.model.ModelMemory.of(settings));
        models.restore().join();
        Path otherModel = store.model(store.find(other)).orElseThrow();
        Path usedModel = store.model(store.find(used)).orElseThrow();
        io.digitstudio.ui.model.ActiveModel before = models.open(otherModel).join();
        models.open(usedModel).join();
        RunsViewModel vm = new RunsViewModel(new SameThreadTasks(), dialogs, store, models);
        vm.refresh();
        String back = before.name() + " (" + before.architecture() + ")";

        // the question names what the run's deletion takes from the other views; no keeps everything
        dialogs.confirms = false;
        vm.delete(store.find(used));
        String asked = dialogs.questions.get(dialogs.questions.size() - 1);
        assertTrue(asked.contains("Its model is the one Draw, Samples and Evaluate use: they go back to " + back + "."), asked);
        assertEquals(usedModel, models.activeProperty().get().file());
        // a run whose model is not in use is asked about as before
        vm.delete(store.find(other));
        assertFalse(dialogs.questions.get(dialogs.questions.size() - 1).contains("Draw"), dialogs.questions.get(dialogs.questions.size() - 1));

        int infos = dialogs.infos.size(), errors = dialogs.errors.size();
        dialogs.confirms = true;
        vm.delete(store.find(used));
        assertSame(before, models.activeProperty().get(), "the model in use before, at once");
        assertEquals("Deleted run " + used + " and its files for good: a deleted run cannot be brought back. Its model was in use: Draw, Samples and Evaluate"
                + " use " + back + " now", vm.statusProperty().get());
        assertEquals(List.of(otherModel), models.recent(), "the Model menu no longer lists the deleted run's model");
        assertEquals(infos, dialogs.infos.size(), "said once, in the status: " + dialogs.infos);
        assertEquals(errors, dialogs.errors.size(), dialogs.errors.toString());

        // deleting a run whose model is only among the recent ones drops it from there and leaves the model in use
        models.useBuiltIn();
        vm.delete(store.find(other));
        assertEquals(List.of(), models.recent());
        assertSame(models.builtInProperty().get(), models.activeProperty().get());
        assertEquals("Deleted run " + other + " and its files for good: a deleted run cannot be brought back", vm.statusProperty().get());

        // the next launch starts with the built-in model and says nothing of a model not found
        TestDialogs next = new TestDialogs();
        io.digitstudio.ui.model.ModelManager again = new io.digitstudio.ui.model.ModelManager(new SameThreadTasks(), next,
                io.digitstudio.ui.model.RecentModels.of(settings), io.digitstudio.ui.model.ModelMemory.of(settings));
        again.restore().join();
        assertSame(again.builtInProperty().get(), again.activeProperty().get());
        assertEquals(List.of(), next.infos);
        assertEquals(List.of(), next.errors);
        assertEquals(List.of(), again.recent());
    }

    /**
     * A trial deleted a run that had a branch: neither question named the branch, and the branch then read "branch of
     * e6dfec3c, epoch 2", a run no longer there. A branch needs nothing of its parent's folder once it has started (its
     * start is in its own log and snapshots), so the question names the branches and says they keep their files; the
     * branch then says its parent was deleted, and still draws its curves and offers its own snapshots to branch from.
     */
    @Test
    void deletingARunWithBranchesNamesThemAndTheBranchesSayTheirParentWasDeleted() {
        Nd4jSetup.init();
        RunStore store = new RunStore(dir);
        TrainingConfig c = TrainingConfig.tutorial().withEpochs(2).withUnits(10).withOptimizer("momentum-sgd", 0.1, null).withLimits(500, 100);
        io.digitstudio.runs.TrainingSession parent = io.digitstudio.runs.TrainingSession.builder(store, "gui").config(c).snapshots(1, null, 3).build();
        parent.run();
        io.digitstudio.runs.TrainingSession.Resumable at1 = io.digitstudio.runs.TrainingSession.locateBranch(store, parent.runId() + "@epoch:1");
        io.digitstudio.runs.TrainingSession branch = io.digitstudio.runs.TrainingSession.builder(store, "gui").branch(at1)
                .config(at1.config().withOptimizer("momentum-sgd", 0.01, null)).snapshots(1, null, 3).build();
        branch.run();
        String p = parent.runId(), b = branch.runId();
        TestDialogs dialogs = new TestDialogs();
        RunsViewModel vm = new RunsViewModel(new SameThreadTasks(), dialogs, store);
        vm.refresh();
        assertEquals(p + ", epoch 1", vm.branchOf(store.find(b)));
        assertEquals("", vm.branchOf(store.find(p)), "no branch");

        dialogs.confirms = false;
        vm.delete(store.find(p));
        String asked = dialogs.questions.get(dialogs.questions.size() - 1);
        assertTrue(asked.contains("Its branch " + b + " keeps its own files (its log and models, the epochs before it branched included), but will"
                + " show its parent as deleted"), asked);
        // the branch's own deletion says nothing of branches
        vm.delete(store.find(b));
        assertFalse(dialogs.questions.get(dialogs.questions.size() - 1).contains("branch"), dialogs.questions.get(dialogs.questions.size() - 1));

        dialogs.confirms = true;
        vm.delete(store.find(p));
        RunSummary left = store.find(b);
        assertEquals("deleted run, epoch 1", vm.branchOf(left), "no id of a run no longer there");
        assertTrue(vm.branchPointOf(left).startsWith("Branched from a deleted run (" + p + ") at epoch 1"), vm.branchPointOf(left));
        // what it needs is its own: its curves (its whole log), and its snapshots to branch from
        vm.select(List.of(b));
        // its settings say so too, as runs show does, where they named the parent as if it were there
        RunsViewModel.CompareRow from = vm.comparison().stream().filter(r -> r.setting().equals("branched_from")).findFirst().orElseThrow();
        assertTrue(from.values().get(0).startsWith(p + " (deleted) at epoch 1 "), from.values().toString());
        assertEquals(List.of(1.0, 2.0), vm.curvesProperty().get().get(0).accuracy().stream().map(x -> x[0]).toList());
        assertEquals(List.of("end of epoch 1 (the deleted parent run's)", "end of epoch 2"), vm.branchChoices().stream().map(RunsViewModel.BranchChoice::label).toList());
        assertEquals("Epoch 1 was trained by its parent run, since deleted: it left this branch no snapshot there", vm.branchChoices().get(0).unavailable());
        assertTrue(vm.branchChoices().get(1).available());
    }

    /**
     * A trial deleted a run with a branch made at its epoch 2: the branch's log (and {@code runs show}) holds epochs 1
     * to 3, the parent's two included, but its curves began at epoch 2, as if it had a parent to draw the rest. With its
     * parent gone the branch's curves are its whole log, by epoch and by wall time, the branch point marked on them.
     */
    @Test
    void anOrphanedBranchsCurvesShowEveryEpochOfItsLog() {
        Nd4jSetup.init();
        RunStore store = new RunStore(dir);
        TrainingConfig c = TrainingConfig.tutorial().withEpochs(3).withUnits(10).withOptimizer("momentum-sgd", 0.1, null).withLimits(500, 100);
        io.digitstudio.runs.TrainingSession parent = io.digitstudio.runs.TrainingSession.builder(store, "gui").config(c).snapshots(1, null, 3).build();
        parent.run();
        io.digitstudio.runs.TrainingSession.Resumable at2 = io.digitstudio.runs.TrainingSession.locateBranch(store, parent.runId() + "@epoch:2");
        io.digitstudio.runs.TrainingSession branch = io.digitstudio.runs.TrainingSession.builder(store, "gui").branch(at2)
                .config(at2.config().withOptimizer("momentum-sgd", 0.01, null)).build();
        branch.run();
        String b = branch.runId();
        TestDialogs dialogs = new TestDialogs();
        RunsViewModel vm = new RunsViewModel(new SameThreadTasks(), dialogs, store);
        vm.refresh();
        // the branch drawn once beside its parent, so that the parent's log is at hand before the parent goes
        vm.select(List.of(b));
        assertEquals(List.of(2.0, 3.0), vm.curvesProperty().get().get(0).accuracy().stream().map(x -> x[0]).toList(), "from its parent's curve");
        dialogs.confirms = true;
        vm.delete(store.find(parent.runId()));
        vm.select(List.of(b));
        List<Map<String, Double>> log = store.log(store.find(b));
        assertEquals(List.of(1.0, 2.0, 3.0), log.stream().map(e -> e.get("epoch")).toList(), "the branch's log holds its parent's epochs");
        RunsViewModel.Curve curve = vm.curvesProperty().get().get(0);
        for (List<double[]> points : List.of(curve.loss(), curve.accuracy())) {
            assertEquals(List.of(1.0, 2.0, 3.0), points.stream().map(x -> x[0]).toList(), "every epoch of its log");
            assertEquals(1, curve.branchIndex(points), "the branch point: the end of epoch 2");
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(log.get(i).get("validation/main/accuracy"), curve.accuracy().get(i)[1], 0.0);
            assertEquals(log.get(i).get("validation/main/loss"), curve.loss().get(i)[1], 0.0);
        }
        vm.xAxisProperty().set(RunCurves.XAxis.WALL_TIME);
        curve = vm.curvesProperty().get().get(0);
        assertEquals(log.stream().map(e -> e.get("elapsed_time")).toList(), curve.loss().stream().map(x -> x[0]).toList(), "by wall time too");
    }

    @Test
    void aScheduledRunsRateReadsAsItWasSetUpAndAsItEndedRounded() {
        Nd4jSetup.init();
        RunStore store = new RunStore(dir);
        TrainingConfig c = TrainingConfig.tutorial().withEpochs(3).withUnits(10).withOptimizer("momentum-sgd", 0.1, null).withLimits(300, 100);
        // exponential:0.1 computes 0.010000000000000002, then 0.0010000000000000002
        io.digitstudio.runs.TrainingSession s = io.digitstudio.runs.TrainingSession.builder(store, "gui").config(c)
                .options(new RunOptions("exponential:0.1", 0, 0, false, "")).build();
        s.run();
        io.digitstudio.runs.TrainingSession plain = io.digitstudio.runs.TrainingSession.builder(store, "gui").config(c.withEpochs(1)).build();
        plain.run();
        RunsViewModel vm = new RunsViewModel(new SameThreadTasks(), new TestDialogs(), store);
        vm.refresh();
        vm.select(List.of(s.runId(), plain.runId()));
        RunsViewModel.CompareRow lr = vm.comparison().stream().filter(r -> r.setting().equals("lr")).findFirst().orElseThrow();
        assertEquals(List.of("0.1 (0.001 at the end, exponential:0.1)", "0.1"), lr.values());
        RunSummary run = store.find(s.runId());
        assertEquals("momentum-sgd lr=0.1", run.optimizer(), "the table's column: the rate the run was set up with");
        assertEquals(0.001, run.finalLr(), 1e-12);
    }

    @Test
    void selectedRunsGiveOneCurvePairEachAndTheirDifferencesAndDeleteAsksFirst() throws Exception {
        RunStore store = new RunStore(dir);
        String a = record(store, 0.1);
        String b = record(store, 0.01);
        TestDialogs dialogs = new TestDialogs();
        RunsViewModel vm = new RunsViewModel(new SameThreadTasks(), dialogs, store);
        vm.refresh();
        assertEquals(2, vm.runs().size());
        assertTrue(vm.statusProperty().get().startsWith("2 runs in "), vm.statusProperty().get());
        vm.select(List.of(a, b));
        List<RunsViewModel.Curve> cs = vm.curvesProperty().get();
        assertEquals(List.of(a, b), cs.stream().map(c -> c.run().id()).toList());
        for (RunsViewModel.Curve c : cs) {
            assertEquals(2, c.loss().size());
            assertEquals(c.run().finalAccuracy(), c.accuracy().get(1)[1], 1e-9);
            assertFalse(c.current());
        }
        RunsViewModel.CompareRow lr = vm.comparison().stream().filter(r -> r.setting().equals("lr")).findFirst().orElseThrow();
        assertEquals(List.of("0.1", "0.01"), lr.values());
        assertTrue(lr.differs());
        // training curves instead of validation ones
        vm.curveSetProperty().set(RunCurves.Set.TRAINING);
        RunSummary first = vm.selected().get(0);
        assertEquals(store.log(first).get(0).get("main/loss"), vm.curvesProperty().get().get(0).loss().get(0)[1], 1e-12);
        // the filter matches words anywhere in a run's description
        vm.filterProperty().set("lr=0.01");
        assertEquals(List.of(b), vm.runs().stream().map(RunSummary::id).toList());
        vm.filterProperty().set("");
        // delete asks, naming the run in quotes as the rest of the app quotes names; saying no keeps the run
        dialogs.confirms = false;
        vm.delete(store.find(b));
        assertEquals("confirm: Delete run " + b + "?", dialogs.asked.get(dialogs.asked.size() - 1), "an unnamed run goes by its id");
        store.describe(a, "my first run", "");
        vm.delete(store.find(a));
        assertEquals(2, store.list().size());
        assertEquals("confirm: Delete run “my first run”?", dialogs.asked.get(dialogs.asked.size() - 1));
        // the question says the deletion is for good (the store deletes the folder; there is no trash or undo)
        String asked = dialogs.questions.get(dialogs.questions.size() - 1);
        assertTrue(asked.contains("for good") && asked.contains("cannot be brought back"), asked);
        dialogs.confirms = true;
        vm.delete(store.find(a));
        assertEquals(List.of(b), store.list().stream().map(RunSummary::id).toList());
        // the status, once the history is read again, still names the run that went and says it is gone for good (a
        // trial read only the history's count there)
        assertEquals("Deleted run “my first run” (" + a + ") and its files for good: a deleted run cannot be brought back", vm.statusProperty().get());
        assertEquals(List.of(b), vm.selectedIds());
        assertEquals(1, vm.curvesProperty().get().size());
        vm.delete(store.find(b));
        assertEquals("Deleted run " + b + " and its files for good: a deleted run cannot be brought back", vm.statusProperty().get(), "an unnamed run by its id");
        assertEquals(List.of(), store.list());
        vm.refresh();
        assertTrue(vm.statusProperty().get().startsWith("0 runs in "), "a later refresh says the count again: " + vm.statusProperty().get());
    }

    @Test
    void actionsOpenTheBestModelAndRerunWithTheSameSettings() throws Exception {
        RunStore store = new RunStore(dir);
        String a = record(store, 0.05);
        RunsViewModel vm = new RunsViewModel(new SameThreadTasks(), new TestDialogs(), store);
        vm.refresh();
        Path[] opened = new Path[1];
        RunSummary[] rerun = new RunSummary[1];
        vm.setActions(new RunsViewModel.Actions() {
            @Override
            public void openModel(Path model, String name) {
                opened[0] = model;
            }

            @Override
            public void evaluate(Path model, String name) {
            }

            @Override
            public void rerun(RunSummary run) {
                rerun[0] = run;
            }

            @Override
            public void resume(RunSummary run, Path snapshot) {
                fail("the run left no snapshot");
            }

            @Override
            public void branch(RunSummary run, RunsViewModel.BranchChoice point) {
                fail("the run left no snapshot");
            }
        });
        RunSummary r = store.find(a);
        vm.openModel(r);
        assertEquals(r.folder().resolve("best.npz"), opened[0]);
        vm.rerun(r);
        assertEquals(0.05, rerun[0].settings().config().lr(), 1e-12);
        vm.resume(r);
        // it did all its epochs (and left no snapshot): the first reason is that nothing is left
        assertTrue(vm.statusProperty().get().contains("nothing is left to resume"), vm.statusProperty().get());
    }

    /**
     * A run deleted from the command line while the window shows it: Run again on it says it was deleted and drops it
     * from the list, and a refresh (the window regaining focus, an open that failed) says which runs went. A trial saw the run
     * stay listed and "Could not open model best.npz: file not found".
     */
    @Test
    void aRunDeletedOutsideTheWindowIsSaidDeletedAndLeavesTheList() throws Exception {
        RunStore store = new RunStore(dir);
        String a = record(store, 0.05);
        String b = record(store, 0.1);
        String c = record(store, 0.2);
        TestDialogs dialogs = new TestDialogs();
        RunsViewModel vm = new RunsViewModel(new SameThreadTasks(), dialogs, store);
        vm.refresh();
        vm.select(List.of(a));
        java.util.List<String> done = new java.util.ArrayList<>();
        vm.setActions(new RunsViewModel.Actions() {
            @Override
            public void openModel(Path model, String name) {
                done.add("open " + model);
            }

            @Override
            public void evaluate(Path model, String name) {
                done.add("evaluate " + model);
            }

            @Override
            public void rerun(RunSummary run) {
                done.add("rerun " + run.id());
            }

            @Override
            public void resume(RunSummary run, Path snapshot) {
                done.add("resume " + snapshot);
            }

            @Override
            public void branch(RunSummary run, RunsViewModel.BranchChoice point) {
                done.add("branch " + run.id());
            }
        });
        RunSummary shown = vm.runs().stream().filter(r -> r.id().equals(a)).findFirst().orElseThrow();
        store.delete(a); // digitstudio runs delete A --force
        vm.rerun(shown);
        assertEquals(List.of(), done, "no run again of a deleted run");
        assertEquals(List.of(), dialogs.errors);
        assertEquals("Run " + a + " was deleted outside this window", vm.statusProperty().get());
        assertTrue(vm.runs().stream().noneMatch(r -> r.id().equals(a)), "it leaves the list");
        assertEquals(List.of(), vm.selectedIds());
        RunSummary other = vm.runs().stream().filter(r -> r.id().equals(b)).findFirst().orElseThrow();
        store.delete(b);
        vm.openModel(other); // its model is looked for, its folder found gone: the window reads the history again
        assertEquals(List.of(), done, "no model of a deleted run is opened");
        assertEquals("Run " + b + " was deleted outside this window", vm.statusProperty().get());
        store.delete(c);
        vm.refresh(); // the window regains focus
        assertEquals("Run " + c + " was deleted outside this window", vm.statusProperty().get());
        assertEquals(List.of(), vm.runs());
    }

    /**
     * The closing trial deleted a run from the command line, then clicked its row, still listed: the row stayed, and
     * Evaluate said "Run … saved no model". Selecting it looks for its model, finds its folder gone, and the run leaves
     * the list with a line saying it was deleted outside this window.
     */
    @Test
    void clickingARunDeletedFromTheCommandLineDropsItAndSaysSo() throws Exception {
        RunStore store = new RunStore(dir);
        String a = record(store, 0.05);
        String b = record(store, 0.1);
        RunsViewModel vm = new RunsViewModel(new SameThreadTasks(), new TestDialogs(), store);
        vm.refresh();
        vm.select(List.of(b));
        store.delete(a); // digitstudio runs delete A --force
        vm.select(List.of(a));
        assertEquals("Run " + a + " was deleted outside this window", vm.statusProperty().get());
        assertTrue(vm.runs().stream().noneMatch(r -> r.id().equals(a)), "it leaves the list");
        assertEquals(List.of(), vm.selectedIds());
        assertEquals(List.of(b), vm.runs().stream().map(RunSummary::id).toList());
    }

    /** A trial read "4 runs in …" over a list the filter had cut to one: the count says how many the filter shows. */
    @Test
    void theCountOfRunsSaysHowManyTheFilterShows() throws Exception {
        RunStore store = new RunStore(dir);
        String a = record(store, 0.05);
        record(store, 0.1);
        RunsViewModel vm = new RunsViewModel(new SameThreadTasks(), new TestDialogs(), store);
        vm.refresh();
        assertEquals("2 runs in " + dir, vm.statusProperty().get());
        vm.filterProperty().set(a);
        assertEquals(1, vm.runs().size());
        assertEquals("1 of 2 runs shown, in " + dir, vm.statusProperty().get());
        vm.refresh();
        assertEquals("1 of 2 runs shown, in " + dir, vm.statusProperty().get());
        vm.filterProperty().set("");
        assertEquals("2 runs in " + dir, vm.statusProperty().get());
    }

    /** Each drawn run's colour, by run id. */
    private static Map<String, Integer> colours(RunsViewModel vm) {
        Map<String, Integer> out = new java.util.HashMap<>();
        for (RunsViewModel.Curve c : vm.curvesProperty().get()) out.put(c.run().id(), c.colour());
        return out;
    }

    @Test
    void aRunKeepsItsColourWhileOtherRunsJoinAndLeaveTheSelection() throws Exception {
        RunStore store = new RunStore(dir);
        String a = record(store, 0.1);
        String b = record(store, 0.01);
        String c = record(store, 0.001);
        RunsViewModel vm = new RunsViewModel(new SameThreadTasks(), new TestDialogs(), store);
        vm.refresh();
        vm.select(List.of(a));
        assertEquals(Map.of(a, 0), colours(vm));
        // the table lists newer runs first: b joins above a, and a keeps its colour
        vm.select(List.of(b, a));
        assertEquals(Map.of(a, 0, b, 1), colours(vm));
        assertEquals(List.of(b, a), vm.curvesProperty().get().stream().map(x -> x.run().id()).toList(), "drawn in the table's order");
        vm.select(List.of(c, b, a));
        assertEquals(Map.of(a, 0, b, 1, c, 2), colours(vm));
        // a leaves: b and c keep theirs; a run joining next takes the colour a left
        vm.select(List.of(c, b));
        assertEquals(Map.of(b, 1, c, 2), colours(vm));
        assertEquals(-1, vm.colour(a));
        vm.select(List.of(c, b, a));
        assertEquals(Map.of(a, 0, b, 1, c, 2), colours(vm));
        // one run alone after others keeps its own too, and a refresh of the history changes none
        vm.select(List.of(b));
        assertEquals(Map.of(b, 1), colours(vm));
        vm.refresh();
        assertEquals(Map.of(b, 1), colours(vm));
        vm.select(List.of(b, a));
        assertEquals(Map.of(a, 0, b, 1), colours(vm));
    }

    @Test
    void everyTickOfTheLossAxisReadsDifferently() {
        // a narrow loss range: three digits would read 0.0181, 0.0181, 0.018
        java.util.List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i <= 4; i++) labels.add(RunsView.tickLabel(0.0180 + i * 0.00005, 0.0180, 0.0182, 0.00005, false));
        assertEquals(java.util.List.of("0.018", "0.01805", "0.0181", "0.01815", "0.0182"), labels);
        // the log axis holds log10 of the loss: labels of the loss itself, each its own
        labels.clear();
        double lo = Math.log10(0.018), unit = 0.002;
        for (int i = 0; i <= 5; i++) labels.add(RunsView.tickLabel(lo + i * unit, lo, lo + 5 * unit, unit, true));
        assertEquals(6, new java.util.HashSet<>(labels).size(), labels.toString());
        assertEquals("0.018", labels.get(0));
        // a broad range keeps its short labels
        assertEquals("0.5", RunsView.tickLabel(0.5, 0, 2.5, 0.5, false));
    }

    @Test
    void whileTheHistoryIsReadTheTableSaysSoNotThatThereAreNoRuns() {
        io.digitstudio.ui.core.HeldTasks tasks = new io.digitstudio.ui.core.HeldTasks();
        RunsViewModel vm = new RunsViewModel(tasks, new TestDialogs(), new RunStore(dir));
        vm.refresh();
        assertEquals("Reading the run history…", vm.emptyTextProperty().get(), "still reading: no claim that there are no runs");
        tasks.release();
        assertTrue(vm.runs().isEmpty());
        assertTrue(vm.emptyTextProperty().get().startsWith("No runs yet"), vm.emptyTextProperty().get());
    }

    @Test
    void aRunThatDidAllItsEpochsHasNothingToResume() {
        Nd4jSetup.init();
        RunStore store = new RunStore(dir);
        TrainingConfig c = TrainingConfig.tutorial().withEpochs(3).withUnits(10).withOptimizer("momentum-sgd", 0.1, null).withLimits(500, 100);
        io.digitstudio.runs.TrainingSession done = io.digitstudio.runs.TrainingSession.builder(store, "cli").config(c).snapshots(1, null, 3).build();
        done.run();
        boolean[] resumed = {false};
        RunsViewModel vm = new RunsViewModel(new SameThreadTasks(), new TestDialogs(), store);
        vm.setActions(new RunsViewModel.Actions() {
            @Override
            public void resume(RunSummary run, Path snapshot) {
                resumed[0] = true;
            }

            @Override
            public void openModel(Path model, String name) {
            }

            @Override
            public void evaluate(Path model, String name) {
            }

            @Override
            public void rerun(RunSummary run) {
            }

            @Override
            public void branch(RunSummary run, RunsViewModel.BranchChoice point) {
            }
        });
        vm.refresh();
        RunSummary r = vm.runs().stream().filter(x -> x.id().equals(done.runId())).findFirst().orElseThrow();
        assertEquals(3, r.epochsDone());
        assertTrue(store.lastSnapshot(r).isPresent(), "it left snapshots");
        vm.select(List.of(r.id()));
        assertFalse(vm.resumabilityProperty().get().possible());
        String why = vm.resumabilityProperty().get().why();
        assertTrue(why.contains("did all its 3 epochs"), why);
        vm.resume(r);
        assertFalse(resumed[0], "nothing left to resume: nothing resumed");
        assertEquals(why, vm.statusProperty().get());
    }

    @Test
    void whetherARunCanBeResumedIsFoundByTheTaskNotOnTheUiThread() throws Exception {
        Nd4jSetup.init();
        Path root = dir.resolve("runs");
        RunStore store = new RunStore(root);
        // a run stopped in epoch 2 (it snapshotted epoch 1 and where it stopped), and one whose snapshot was deleted
        TrainingConfig c = TrainingConfig.tutorial().withEpochs(3).withUnits(10).withOptimizer("momentum-sgd", 0.1, null).withLimits(500, 100);
        io.digitstudio.runs.TrainingSession stopped = io.digitstudio.runs.TrainingSession.builder(store, "cli").config(c).snapshots(1, null, 3).build();
        stopped.loop().addExtension(new StopAt(6));
        stopped.run();
        io.digitstudio.runs.TrainingSession bare = io.digitstudio.runs.TrainingSession.builder(store, "cli").config(c).build();
        bare.loop().addExtension(new StopAt(6));
        bare.run();
        for (Path p : io.digitstudio.train.Snapshot.files(store.find(bare.runId()).folder())) java.nio.file.Files.delete(p);
        Path expected = store.lastSnapshot(store.find(stopped.runId())).orElseThrow();

        // the history is there only while the view model's tasks run: a look at a file from the UI thread finds nothing
        io.digitstudio.ui.core.HeldTasks tasks = new io.digitstudio.ui.core.HeldTasks();
        Runnable runTasks = hiddenButToTasks(root, dir.resolve("hidden"), tasks);
        RunsViewModel vm = new RunsViewModel(tasks, new TestDialogs(), store);
        Path[] resumed = new Path[1];
        vm.setActions(new RunsViewModel.Actions() {
            @Override
            public void resume(RunSummary run, Path snapshot) {
                resumed[0] = snapshot;
            }

            @Override
            public void openModel(Path model, String name) {
            }

            @Override
            public void evaluate(Path model, String name) {
            }

            @Override
            public void rerun(RunSummary run) {
            }

            @Override
            public void branch(RunSummary run, RunsViewModel.BranchChoice point) {
            }
        });
        vm.refresh();
        runTasks.run();
        assertEquals(2, vm.runs().size());

        vm.select(List.of(stopped.runId()));
        RunsViewModel.Resumability before = vm.resumabilityProperty().get();
        assertFalse(before.possible(), "not known before the task ran");
        assertEquals("Looking for the last snapshot of run " + stopped.runId() + "…", before.why());
        runTasks.run();
        RunsViewModel.Resumability found = vm.resumabilityProperty().get();
        assertTrue(found.possible(), found.why());
        assertEquals(stopped.runId(), found.run());
        assertEquals(expected, found.snapshot());
        vm.resume(vm.selected().get(0));
        assertEquals(expected, resumed[0], "resumed from the snapshot the task found");

        vm.select(List.of(bare.runId()));
        assertTrue(vm.resumabilityProperty().get().why().startsWith("Looking for"), vm.resumabilityProperty().get().why());
        runTasks.run();
        assertEquals("Run " + bare.runId() + " left no snapshot (turn on snapshots in the Train view to be able to resume)",
                vm.resumabilityProperty().get().why());

        // the same run again, unchanged: it keeps its answer while its snapshot is looked for again
        vm.select(List.of(stopped.runId()));
        assertFalse(vm.resumabilityProperty().get().possible(), "another run's answer is never kept");
        runTasks.run();
        vm.select(List.of(stopped.runId()));
        assertTrue(vm.resumabilityProperty().get().possible());
        assertEquals(expected, vm.resumabilityProperty().get().snapshot());
        runTasks.run();
        assertTrue(vm.resumabilityProperty().get().possible());
        vm.select(List.of(stopped.runId(), bare.runId()));
        assertEquals("Select one run to resume it", vm.resumabilityProperty().get().why());
    }
    @Test
    void theModelToOpenIsFoundByTheTaskNotOnTheUiThread() throws Exception {
        Path root = dir.resolve("runs");
        RunStore store = new RunStore(root);
        String kept = record(store, 0.05);
        String none = record(store, 0.05);
        for (String f : List.of("best.npz", "model.npz")) java.nio.file.Files.deleteIfExists(store.find(none).folder().resolve(f));
        Path best = store.find(kept).folder().resolve("best.npz");
        assertTrue(java.nio.file.Files.isRegularFile(best));

        // the history is there only while the view model's tasks run: a look at a file from the UI thread finds nothing
        io.digitstudio.ui.core.HeldTasks tasks = new io.digitstudio.ui.core.HeldTasks();
        Runnable runTasks = hiddenButToTasks(root, dir.resolve("hidden"), tasks);
        RunsViewModel vm = new RunsViewModel(tasks, new TestDialogs(), store);
        List<String> done = new java.util.ArrayList<>();
        vm.setActions(new RunsViewModel.Actions() {
            @Override
            public void openModel(Path model, String name) {
                done.add("open " + root.relativize(model));
            }

            @Override
            public void evaluate(Path model, String name) {
                done.add("evaluate " + root.relativize(model));
            }

            @Override
            public void rerun(RunSummary run) {
            }

            @Override
            public void resume(RunSummary run, Path snapshot) {
            }

            @Override
            public void branch(RunSummary run, RunsViewModel.BranchChoice point) {
            }
        });
        vm.refresh();
        runTasks.run();
        assertEquals(2, vm.runs().size());

        // a click before the model is found opens it once the task has found it
        vm.select(List.of(kept));
        RunSummary r = vm.selected().get(0);
        assertEquals(new RunsViewModel.RunModel(kept, null, "Looking for the model of run " + kept + "…"), vm.runModelProperty().get());
        vm.openModel(r);
        assertEquals(List.of(), done, "nothing opened before the task looked");
        runTasks.run();
        assertEquals(List.of("open " + kept + "/best.npz"), done);
        assertEquals(root.resolve(kept).resolve("best.npz"), vm.runModelProperty().get().model());
        // once found, a click uses what was published, with no task
        vm.evaluate(r);
        assertEquals(List.of("open " + kept + "/best.npz", "evaluate " + kept + "/best.npz"), done);
        assertTrue(tasks.held.isEmpty());

        // a run with no model says so
        vm.select(List.of(none));
        runTasks.run();
        RunSummary n = vm.selected().get(0);
        assertEquals("Run " + none + " saved no model", vm.runModelProperty().get().why());
        vm.openModel(n);
        assertEquals(2, done.size());
        assertEquals("Run " + none + " saved no model", vm.statusProperty().get());
        // a click on another run than the one looked up waits for its own answer, not the other's
        vm.select(List.of(kept));
        vm.select(List.of(none));
        vm.evaluate(r);
        runTasks.run();
        assertEquals(List.of("open " + kept + "/best.npz", "evaluate " + kept + "/best.npz", "evaluate " + kept + "/best.npz"), done);
        vm.select(List.of(kept, none));
        assertEquals("Select one run to open its model", vm.runModelProperty().get().why());
    }

    /**
     * Moves the history at {@code root} out of sight, to {@code hidden}: the runnable returned brings it back only while
     * it runs {@code tasks}' held work, so that a file looked at from the calling (UI) thread is not found.
     */
    private static Runnable hiddenButToTasks(Path root, Path hidden, io.digitstudio.ui.core.HeldTasks tasks) throws java.io.IOException {
        java.nio.file.Files.move(root, hidden);
        return () -> {
            try {
                java.nio.file.Files.move(hidden, root);
                tasks.release();
                java.nio.file.Files.move(root, hidden);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    /** The trial's case: a run named from the command line while the app shows it; Refresh, then Save name and notes. */
    @Test
    void theNameAndNotesFollowARefreshAndASaveOverAChangeMadeElsewhereAsksFirst() throws Exception {
        RunStore store = new RunStore(dir);
        String x = record(store, 0.1);
        store.describe(x, "a", "b");
        TestDialogs dialogs = new TestDialogs();
        RunsViewModel vm = new RunsViewModel(new SameThreadTasks(), dialogs, store);
        vm.refresh();
        vm.select(List.of(x));
        assertEquals("a", vm.runNameProperty().get());
        assertEquals("b", vm.runNotesProperty().get());
        // digitstudio runs name X "renamed by cli" --notes "cli notes", then Refresh: the fields follow
        store.describe(x, "renamed by cli", "cli notes");
        vm.refresh();
        assertEquals("renamed by cli", vm.runNameProperty().get(), "no edits: the fields show the run as it is now");
        assertEquals("cli notes", vm.runNotesProperty().get());
        vm.saveDescription();
        assertEquals("renamed by cli", store.find(x).name(), "saving the fields unchanged writes nothing stale");
        assertTrue(dialogs.asked.stream().noneMatch(a -> a.startsWith("confirm:")), dialogs.asked.toString());

        // edits typed, then a change from elsewhere and a refresh: the edits stay, and a save asks first
        vm.runNameProperty().set("my name");
        store.describe(x, "second cli name", "second cli notes");
        vm.refresh();
        assertEquals("my name", vm.runNameProperty().get(), "a refresh keeps what the user is typing");
        assertEquals("cli notes", vm.runNotesProperty().get());
        dialogs.confirms = false;
        vm.saveDescription();
        assertTrue(dialogs.asked.get(dialogs.asked.size() - 1).startsWith("confirm: Replace the name and notes of run"), dialogs.asked.toString());
        assertEquals("second cli name", store.find(x).name(), "declined: the other name stays");
        assertEquals("second cli notes", store.find(x).notes());
        assertEquals("my name", vm.runNameProperty().get(), "and the edits are not lost");
        dialogs.confirms = true;
        vm.saveDescription();
        assertEquals("my name", store.find(x).name());
        assertEquals("cli notes", store.find(x).notes());
        // saved: the next change from elsewhere is followed again
        store.describe(x, "third", "");
        vm.refresh();
        assertEquals("third", vm.runNameProperty().get());
        assertEquals("", vm.runNotesProperty().get());
    }

    /**
     * A run paused in the Train view: the Runs view says "paused", as the toast does, not "running"; Delete… is off and
     * says why, and asked anyway it refuses in the same words; the run stopped, it may be deleted.
     */
    @Test
    void aPausedRunIsShownPausedAndDeleteIsOffSayingWhy() throws Exception {
        Nd4jSetup.init();
        RunStore store = new RunStore(dir);
        TrainingConfig c = TrainingConfig.tutorial().withEpochs(1).withUnits(10).withOptimizer("momentum-sgd", 0.1, null).withLimits(500, 100);
        io.digitstudio.runs.TrainingSession s = io.digitstudio.runs.TrainingSession.builder(store, "gui").config(c).build();
        TrainingLoop loop = s.loop();
        new io.digitstudio.train.Watch().iteration(e -> {
            if (e.iteration() == 2) loop.control().pause(); // the Train view's Pause, made exact
        }).on(loop);
        Thread worker = new Thread(s::run);
        worker.start();
        while (!loop.control().isParked()) {
            assertTrue(worker.isAlive(), "the run parks in its pause");
            Thread.onSpinWait();
        }
        TestDialogs dialogs = new TestDialogs();
        RunsViewModel vm = new RunsViewModel(new SameThreadTasks(), dialogs, store);
        vm.refresh();
        vm.select(List.of(s.runId()));
        RunSummary r = vm.selected().get(0);
        assertEquals("paused", r.status().label(), "the status column's text");
        assertEquals("Run " + s.runId() + " is paused; stop it first to delete it", vm.whyNotDeletableProperty().get());
        assertEquals("Run " + s.runId() + " is paused", vm.resumabilityProperty().get().why());
        vm.delete(r);
        assertEquals(List.of(), dialogs.questions, "nothing asked");
        assertEquals(List.of("Cannot delete the run: Run " + s.runId() + " is paused; stop it first"), dialogs.errors);

        loop.control().requestStop();
        worker.join();
        vm.refresh();
        assertEquals("stopped", vm.selected().get(0).status().label());
        assertEquals("", vm.whyNotDeletableProperty().get(), "a stopped run may be deleted");
    }
}
