package io.digitstudio.ui.sweeps;

import io.digitstudio.nn.Cores;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.runs.RunStore;
import io.digitstudio.runs.sweep.SweepResult;
import io.digitstudio.runs.sweep.SweepRunner;
import io.digitstudio.train.TrainingResult;
import io.digitstudio.ui.TestDialogs;
import io.digitstudio.ui.core.CoreBudget;
import io.digitstudio.ui.core.TaskExecutor;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.model.RecentModels;
import io.digitstudio.ui.train.RunControl;
import io.digitstudio.ui.train.RunPresenter;
import io.digitstudio.ui.train.RunState;
import io.digitstudio.ui.train.TrainSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A sweep of the Sweeps view and a run of the Train view at the same time: the sweep keeps its own thread, not the
 * training worker, and the two share the machine's cores; when they would not both fit, the one started second is
 * refused, saying why. Work on the workers waits until the test lets it run, so that "meanwhile" is exact.
 */
class SweepBesideTrainingTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    /** Holds each worker's work until {@link #runTraining} or {@link #runApart}; the UI's runs at once. */
    private static final class HeldTasks implements TaskExecutor {
        final Deque<Runnable> training = new ArrayDeque<>();
        final Deque<Runnable> apart = new ArrayDeque<>();

        private static <T> CompletableFuture<T> hold(Deque<Runnable> queue, Callable<T> work) {
            CompletableFuture<T> f = new CompletableFuture<>();
            queue.add(() -> {
                try {
                    f.complete(work.call());
                } catch (Exception | Error e) {
                    f.completeExceptionally(e);
                }
            });
            return f;
        }

        @Override
        public <T> CompletableFuture<T> compute(Callable<T> work) {
            try {
                return CompletableFuture.completedFuture(work.call());
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public <T> CompletableFuture<T> train(Callable<T> work) {
            return hold(training, work);
        }

        @Override
        public <T> CompletableFuture<T> apart(Callable<T> work) {
            return hold(apart, work);
        }

        @Override
        public void onUi(Runnable r) {
            r.run();
        }

        void runTraining() {
            while (!training.isEmpty()) training.poll().run();
        }

        void runApart() {
            while (!apart.isEmpty()) apart.poll().run();
        }
    }

    private record App(HeldTasks tasks, TestDialogs dialogs, SweepsViewModel sweeps, TrainSettings settings, RunPresenter presenter, RunControl run, CoreBudget budget) {
        static App on(Path dir, int cores) {
            HeldTasks tasks = new HeldTasks();
            TestDialogs dialogs = new TestDialogs();
            RunStore history = new RunStore(dir.resolve("runs"));
            CoreBudget budget = new CoreBudget(cores);
            SweepsViewModel sweeps = new SweepsViewModel(tasks, dialogs, history, SweepRunner::selfCommand, budget);
            sweeps.networkProperty().set("linear 16, relu, linear");
            sweeps.learningRatesProperty().set("0.1");
            sweeps.batchSizesProperty().set("50");
            sweeps.epochsProperty().set("1");
            sweeps.trainSizeProperty().set("300");
            sweeps.testSizeProperty().set("100");
            ModelManager models = new ModelManager(tasks, dialogs, RecentModels.inMemory());
            TrainSettings settings = new TrainSettings();
            settings.trainLimitProperty().set("500");
            settings.testLimitProperty().set("100");
            settings.epochsProperty().set("1");
            RunPresenter presenter = new RunPresenter();
            RunControl run = new RunControl(settings, presenter, tasks, dialogs, models, history, budget);
            return new App(tasks, dialogs, sweeps, settings, presenter, run, budget);
        }
    }

    @Test
    void withCoresForBothTheUserTrainsWhileASweepRuns() {
        // the sweep's one run and the Train view's run fit exactly
        App app = App.on(dir, Cores.count() + 1);
        CompletableFuture<SweepResult> sweep = app.sweeps().start();
        assertTrue(app.sweeps().runningProperty().get());
        assertTrue(app.tasks().training.isEmpty(), "the sweep does not take the training worker");
        assertEquals(1, app.tasks().apart.size(), "it runs apart");
        assertNull(app.run().coresBlockerProperty().get());

        app.run().start();
        assertEquals(RunState.PREPARING, app.run().stateProperty().get());
        app.tasks().runTraining(); // the run trains while the sweep is still going
        assertEquals(RunState.FINISHED, app.run().stateProperty().get(), app.dialogs().errors.toString());
        assertEquals(TrainingResult.Outcome.COMPLETED, app.run().resultProperty().get().outcome());
        assertTrue(app.sweeps().runningProperty().get(), "the sweep was running all along");

        app.tasks().runApart();
        assertTrue(sweep.join().complete());
        assertFalse(app.sweeps().runningProperty().get());
        assertEquals(List.of(), app.dialogs().errors);
    }

    @Test
    void whenBothWouldNotFitTheRunStartedSecondIsRefusedAndSaysWhy() {
        App app = App.on(dir, Cores.count());
        int n = Cores.count();
        String cores = n + (n == 1 ? " core" : " cores");
        app.sweeps().start();
        assertTrue(app.sweeps().runningProperty().get());
        String why = "A run here needs " + cores + ", and the sweep (1 run at once) uses 1 of this machine's " + n
                + ": Start when the sweep ends, or stop it in Sweeps";
        assertEquals(why, app.run().coresBlockerProperty().get(), "the Train view says why Start is off");
        app.run().start();
        assertEquals(RunState.IDLE, app.run().stateProperty().get(), "nothing started");
        assertTrue(app.tasks().training.isEmpty());
        assertEquals(why, app.presenter().statusProperty().get());
        assertEquals(List.of("Not enough free cores: " + why), app.dialogs().infos);
        // the learning-rate finder, which trains too, waits as well
        io.digitstudio.ui.train.LrFindViewModel finder = new io.digitstudio.ui.train.LrFindViewModel(app.settings(), app.tasks(),
                io.digitstudio.train.LrFinder.Range.DEFAULT, app.budget());
        assertNull(finder.find().join());
        assertFalse(finder.runningProperty().get());
        assertEquals("The search needs " + cores + ", and the sweep (1 run at once) uses 1 of this machine's " + n
                + ": search when the sweep ends, or stop it in Sweeps", finder.statusProperty().get());
        assertTrue(app.tasks().training.isEmpty());

        // the sweep ends: its cores are free again, and the run starts
        app.tasks().runApart();
        assertFalse(app.sweeps().runningProperty().get());
        assertNull(app.run().coresBlockerProperty().get());
        app.run().start();
        assertEquals(RunState.PREPARING, app.run().stateProperty().get());

        // the other way round: the Train view's run holds the cores, and a sweep is refused until it ends
        app.sweeps().start();
        assertFalse(app.sweeps().runningProperty().get());
        assertTrue(app.tasks().apart.isEmpty());
        assertEquals("The sweep (1 run at once) needs 1 core, and the run in the Train view uses " + n + " of this machine's " + n
                + ": start the sweep when that run ends, or with fewer runs at once", app.sweeps().messageProperty().get());
        app.tasks().runTraining();
        assertEquals(RunState.FINISHED, app.run().stateProperty().get());
        app.sweeps().start();
        assertTrue(app.sweeps().runningProperty().get());
        assertEquals("", app.sweeps().messageProperty().get());
        app.tasks().runApart();
        assertFalse(app.sweeps().runningProperty().get());
    }

    @Test
    void whenTheLearningRateFinderHoldsTheCoresStartSaysSoAndNotASweep() {
        App app = App.on(dir, Cores.count());
        int n = Cores.count();
        String cores = n + (n == 1 ? " core" : " cores");
        io.digitstudio.ui.train.LrFindViewModel finder = new io.digitstudio.ui.train.LrFindViewModel(app.settings(), app.tasks(),
                io.digitstudio.train.LrFinder.Range.DEFAULT, app.budget());
        finder.find();
        assertTrue(finder.runningProperty().get());
        assertFalse(app.sweeps().runningProperty().get(), "no sweep runs");
        String why = "A run here needs " + cores + ", and the learning-rate finder uses " + n + " of this machine's " + n
                + ": Start when the learning-rate finder ends or is closed";
        assertEquals(why, app.run().coresBlockerProperty().get(), "the Train view names the finder, not a sweep");
        app.run().start();
        assertEquals(RunState.IDLE, app.run().stateProperty().get(), "nothing started");
        assertEquals(List.of("Not enough free cores: " + why), app.dialogs().infos);
        app.sweeps().start();
        assertFalse(app.sweeps().runningProperty().get());
        assertEquals("The sweep (1 run at once) needs 1 core, and the learning-rate finder uses " + n + " of this machine's " + n
                + ": start the sweep when the learning-rate finder ends or is closed, or with fewer runs at once",
                app.sweeps().messageProperty().get());

        // the finder ends (here for want of data): Start is free again
        app.tasks().runTraining();
        assertFalse(finder.runningProperty().get());
        assertNull(app.run().coresBlockerProperty().get());
    }
}
