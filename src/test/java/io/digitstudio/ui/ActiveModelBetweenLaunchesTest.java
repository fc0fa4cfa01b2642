package io.digitstudio.ui;

import io.digitstudio.data.Rng;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.io.ModelInfo;
import io.digitstudio.io.SettingsFile;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Network;
import io.digitstudio.runs.RunStore;
import io.digitstudio.ui.app.LastSession;
import io.digitstudio.ui.model.ActiveModel;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.model.RecentModels;
import io.digitstudio.ui.train.RunControl;
import io.digitstudio.ui.train.RunPresenter;
import io.digitstudio.ui.train.RunState;
import io.digitstudio.ui.train.TrainSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The active model between launches under plain JUnit: each launch is a new model manager over the same config folder
 * (its settings file read afresh, as the app reads it), with a same-thread executor and scripted dialogs.
 */
class ActiveModelBetweenLaunchesTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    /** One launch of the app's model services, as DigitStudioApp wires them: one settings file for both memories. */
    private final class Launch {
        final TestDialogs dialogs = new TestDialogs();
        final SameThreadTasks tasks = new SameThreadTasks();
        final ModelManager models;

        Launch() {
            SettingsFile settings = SettingsFile.open(dir.resolve("config/digitstudio/settings.json"), m -> fail(m));
            models = new ModelManager(tasks, dialogs, RecentModels.of(settings), LastSession.of(settings).model());
            models.restore().join();
        }

        ActiveModel active() {
            return models.activeProperty().get();
        }

        /**
         * Puts the built-in network to use as a model of unknown accuracy (as an older file is): the next run that
         * learns replaces it, however short (the built-in model's known 99 % would keep it in use).
         */
        void unknownAccuracy() {
            ActiveModel b = active();
            models.adopt(ActiveModel.of(b.model(), "built-in MLP", new ModelInfo(null, "MNIST", b.classNames()), null));
        }

        /** The Train view's run control on the launch's models, recording into the history, on 1,000 examples. */
        RunControl train(TrainSettings settings) {
            settings.trainLimitProperty().set("1000");
            settings.testLimitProperty().set("200");
            RunControl run = new RunControl(settings, new RunPresenter(), tasks, dialogs, models, new RunStore(dir.resolve("runs")));
            run.start();
            assertEquals(RunState.FINISHED, run.stateProperty().get(), dialogs.errors.toString());
            return run;
        }
    }

    private static void lr(TrainSettings settings, String value) {
        settings.hyperparams().stream().filter(h -> h.key().equals("lr")).findFirst().orElseThrow().text().set(value);
    }

    @Test
    void aRunTrainedInTheWindowIsInRecentAndActiveAgainAtTheNextLaunch() {
        Launch first = new Launch();
        assertEquals("built-in MLP", first.active().name(), "a first launch starts with the built-in model");
        TrainSettings settings = new TrainSettings();
        settings.epochsProperty().set("1");
        first.unknownAccuracy();
        RunControl run = first.train(settings);
        ActiveModel trained = first.active();
        assertSame(run.trainedModelProperty().get(), trained, "the run that learned is the active model");
        Path inRun = new RunStore(dir.resolve("runs")).list().get(0).folder().resolve("model.npz");
        assertEquals(inRun, trained.file(), "the active model is the one its run's folder keeps");
        assertEquals(List.of(inRun.toAbsolutePath().normalize()), first.models.recent(), "and it is a recent model");

        Launch second = new Launch();
        assertEquals(inRun, second.active().file(), "the next launch comes back with the model trained last time");
        assertEquals(trained.architecture(), second.active().architecture());
        assertEquals(trained.testAccuracy(), second.active().testAccuracy());
        assertEquals(List.of(inRun.toAbsolutePath().normalize()), second.models.recent());
        assertTrue(second.dialogs.errors.isEmpty(), second.dialogs.errors.toString());
        assertTrue(second.dialogs.infos.isEmpty(), "nothing to say when the model is where it was: " + second.dialogs.infos);
    }

    @Test
    void theBestEpochsModelOfARunIsTheOneRememberedWhenItIsTheOnePutToUse() {
        Launch first = new Launch();
        TrainSettings settings = new TrainSettings();
        settings.epochsProperty().set("4");
        settings.keepBestProperty().set(true);
        lr(settings, "0.3"); // on these 1,000 examples its third epoch validates best, the fourth a little worse
        first.unknownAccuracy();
        RunControl run = first.train(settings);
        var epochs = run.resultProperty().get().epochs();
        assertTrue(epochs.get(2).valAccuracy() > epochs.get(3).valAccuracy(), "the best epoch is not the last: " + epochs);
        Path best = new RunStore(dir.resolve("runs")).list().get(0).folder().resolve("best.npz");
        assertEquals(best, first.active().file(), "the best epoch's model, kept in the run's folder, is the one put to use");
        assertEquals(List.of(best.toAbsolutePath().normalize()), first.models.recent());
        // named by its run and epoch, not "best.npz", in the session and after a relaunch, and in the recent list
        var r = new RunStore(dir.resolve("runs")).list().get(0);
        assertEquals("run " + r.id() + " · best epoch 3", first.active().name());
        String title = "run " + r.id() + " · " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT)
                .withZone(java.time.ZoneId.systemDefault()).format(r.created()) + " · best epoch 3";
        assertEquals(title, first.models.recentTitles().get(best.toAbsolutePath().normalize()));
        Launch again = new Launch();
        assertEquals(best, again.active().file());
        assertEquals(title, again.active().name());
    }

    @Test
    void anOpenedModelAndTheBuiltInCnnComeBackAndTheBuiltInMlpIsTheDefault() throws Exception {
        Path mine = dir.resolve("mine.npz");
        ModelFiles.saveNpz(mine, Network.mlp(new Rng(1), 784, 20, 10), new ModelInfo(0.5, "MNIST", io.digitstudio.data.ClassNames.numbers(10)));
        Launch first = new Launch();
        first.models.open(mine).join();

        Launch second = new Launch();
        assertEquals(mine, second.active().file());
        assertEquals("mine.npz", second.active().name());
        second.models.useBuiltInCnn().join();

        Launch third = new Launch();
        assertEquals("built-in CNN", third.active().name(), "the built-in CNN is remembered too");
        assertEquals(List.of(mine), third.models.recent());
        third.models.useBuiltIn();

        assertEquals("built-in MLP", new Launch().active().name());
    }

    @Test
    void aRememberedModelWhoseFileIsGoneIsSaidOnceAndTheBuiltInOneIsUsed() throws Exception {
        Path mine = dir.resolve("mine.npz");
        ModelFiles.saveNpz(mine, Network.mlp(new Rng(1), 784, 20, 10), ModelInfo.NONE);
        new Launch().models.open(mine).join();
        Files.delete(mine);

        Launch second = new Launch();
        assertEquals("built-in MLP", second.active().name());
        assertEquals(List.of("Model not found: " + mine + ", the model in use when DigitStudio was last closed, is no longer there;"
                + " using the built-in MLP"), second.dialogs.infos);
        assertTrue(second.dialogs.errors.isEmpty(), "not an error: " + second.dialogs.errors);
        assertTrue(second.models.recent().isEmpty(), "a file that is gone is no recent model");

        Launch third = new Launch();
        assertEquals("built-in MLP", third.active().name());
        assertTrue(third.dialogs.infos.isEmpty(), "said once, not at every launch: " + third.dialogs.infos);
    }

    @Test
    void aRunThatLearnedNothingNeitherReplacesAGoodModelNorComesBackAtTheNextLaunch() {
        Launch first = new Launch();
        TrainSettings settings = new TrainSettings();
        settings.epochsProperty().set("1");
        first.unknownAccuracy();
        first.train(settings);
        ActiveModel good = first.active();
        assertNotNull(good.file());

        settings.optimizerProperty().set("sgd");
        lr(settings, "1e-12");
        RunControl failed = first.train(settings);
        assertNotNull(failed.trainedModelProperty().get(), "the run has a model, which could still be put to use by hand");
        assertSame(good, first.active(), "a run at chance level is not put to use");
        assertTrue(first.dialogs.errors.get(first.dialogs.errors.size() - 1).startsWith("Training failed to learn: "), first.dialogs.errors.toString());
        assertEquals(List.of(good.file().toAbsolutePath().normalize()), first.models.recent(), "nor offered among the recent models");

        Launch second = new Launch();
        assertEquals(good.file(), second.active().file(), "the good model is the one the next launch uses");
    }
}
