package io.digitstudio.ui.app;

import io.digitstudio.runs.RunStore;
import io.digitstudio.runs.sweep.SweepRunner;
import io.digitstudio.ui.SameThreadTasks;
import io.digitstudio.ui.TestDialogs;
import io.digitstudio.ui.sweeps.SweepsViewModel;
import io.digitstudio.ui.train.TrainSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What the Train and the Sweeps forms remember between launches, through the session's store as the app keeps it: the
 * values the user left, the right ones only, the data while it is there, and the way back to the defaults.
 */
class FormMemoryTest {
    @TempDir
    Path dir;

    private final LastSession last = LastSession.inMemory();

    /** Closes the form into the session, as the app does when it closes. */
    private void close(TrainSettings form) {
        last.form(LastSession.TRAIN_FORM, form.memory(form.values()));
    }

    /** A form as the next launch opens it; the sentence it says about the data, if any, in {@code said}. */
    private TrainSettings launch(String[] said) {
        TrainSettings form = new TrainSettings();
        String notice = form.recall(last.form(LastSession.TRAIN_FORM, TrainSettings.MEMORY_KEYS));
        if (said != null) said[0] = notice;
        return form;
    }

    @Test
    void theTrainFormComesBackAsTheUserLeftIt() throws Exception {
        Path data = Files.createDirectory(dir.resolve("idx"));
        TrainSettings form = new TrainSettings();
        form.dataFolderProperty().set(data);
        form.specProperty().set("linear 50, relu, linear");
        form.batchSizeProperty().set("64");
        form.epochsProperty().set("3");
        form.seedProperty().set("7");
        form.trainLimitProperty().set("1000");
        form.testLimitProperty().set("200");
        form.shuffleProperty().set(false);
        form.augmentProperty().set(true);
        form.optimizerProperty().set("adam");
        form.hyperparams().stream().filter(h -> h.key().equals("alpha")).findFirst().orElseThrow().text().set("0.002");
        form.lrShiftProperty().set("exponential:0.5");
        form.warmupProperty().set("1");
        form.earlyStopProperty().set("2");
        form.keepBestProperty().set(true);
        form.snapshotsProperty().set(true);
        assertNull(form.validationProperty().get(), "a form that is right");
        TrainSettings.Values left = form.values();
        close(form);

        String[] said = new String[1];
        TrainSettings again = launch(said);
        assertEquals(left, again.values());
        assertEquals(TrainSettings.CUSTOM, again.presetProperty().get(), "the preset follows the spec");
        assertNull(said[0], "nothing to say: the data is there");
    }

    @Test
    void aFirstLaunchHasTheDefaults() {
        String[] said = new String[1];
        assertEquals(TrainSettings.defaults(), launch(said).values());
        assertNull(said[0]);
    }

    @Test
    void aValueTypedWrongAndNeverFixedDoesNotComeBack() {
        TrainSettings form = new TrainSettings();
        form.batchSizeProperty().set("64");
        close(form);
        // the next time, the batch size is typed wrong, the epochs too (never right before), and the app closes
        form.batchSizeProperty().set("6x");
        form.epochsProperty().set("ten");
        form.seedProperty().set("5");
        assertNotNull(form.fieldErrorProperty("batchSize").get());
        close(form);

        TrainSettings again = launch(null);
        assertEquals("64", again.batchSizeProperty().get(), "the value remembered before the wrong one");
        assertEquals(TrainSettings.defaults().epochs(), again.epochsProperty().get(), "never right: the default");
        assertEquals("5", again.seedProperty().get(), "a right field beside wrong ones is remembered");
        assertNull(again.validationProperty().get(), again.validationProperty().get());
    }

    @Test
    void valuesRightAloneButWrongTogetherDoNotComeBackWrong() {
        TrainSettings form = new TrainSettings();
        close(form); // batch size 128, all training examples
        form.trainLimitProperty().set("100"); // right alone; the batch of 128 is now larger than the examples
        assertNotNull(form.fieldErrorProperty("batchSize").get());
        close(form);
        TrainSettings again = launch(null);
        assertNull(again.validationProperty().get(), "the next launch's form can start: " + again.validationProperty().get());
        assertEquals(TrainSettings.defaults().batchSize(), again.batchSizeProperty().get());
    }

    @Test
    void aDataFolderThatIsGoneFallsBackToTheBundledMnistAndSaysSo() throws Exception {
        Path data = Files.createDirectory(dir.resolve("gone"));
        TrainSettings form = new TrainSettings();
        form.dataFolderProperty().set(data);
        form.epochsProperty().set("4");
        close(form);
        Files.delete(data);

        String[] said = new String[1];
        TrainSettings again = launch(said);
        assertNull(again.dataFolderProperty().get(), "the bundled MNIST");
        assertEquals("4", again.epochsProperty().get(), "the rest comes back");
        assertEquals("The data last trained on, " + data.toAbsolutePath().normalize() + ", is not there any more: the form is on the bundled MNIST", said[0]);
    }

    @Test
    void dataThatCannotBeTrainedOnIsNotRemembered() throws Exception {
        Path before = Files.createDirectory(dir.resolve("good"));
        TrainSettings form = new TrainSettings();
        form.dataFolderProperty().set(before);
        close(form);
        Path bad = Files.createDirectory(dir.resolve("bad"));
        form.dataFolderProperty().set(bad);
        form.setDataProblem("bad: no IDX files in it");
        close(form);
        assertEquals(before, launch(null).dataFolderProperty().get(), "the data remembered before");
    }

    @Test
    void aHandEditedSettingsFileCannotPutWrongValuesInTheForm() {
        last.form(LastSession.TRAIN_FORM, Map.of("epochs", "0", "batchSize", "-3", "optimizer", "nesterov", "hp.lr", "-1", "spec", "linear 10, relu,",
                "shuffle", "maybe", "lrShift", "sideways:2", "data", "\u0000nowhere"));
        String[] said = new String[1];
        TrainSettings form = launch(said);
        TrainSettings.Values d = TrainSettings.defaults();
        assertEquals(d.epochs(), form.epochsProperty().get());
        assertEquals(d.batchSize(), form.batchSizeProperty().get());
        assertEquals(d.optimizer(), form.optimizerProperty().get());
        assertEquals(d.hyperparams(), form.values().hyperparams(), "an optimizer value that is wrong takes its default");
        assertEquals(d.spec(), form.specProperty().get());
        assertEquals(d.shuffle(), form.shuffleProperty().get());
        assertEquals(d.lrShift(), form.lrShiftProperty().get());
        assertNull(form.dataFolderProperty().get());
        assertNotNull(said[0]);
        assertNull(form.validationProperty().get(), form.validationProperty().get());
    }

    @Test
    void resetPutsEveryFieldBackToItsDefault() throws Exception {
        TrainSettings form = new TrainSettings();
        form.dataFolderProperty().set(Files.createDirectory(dir.resolve("idx")));
        form.optimizerProperty().set("rmsprop");
        form.epochsProperty().set("7");
        form.snapshotsProperty().set(true);
        form.resetToDefaults();
        assertEquals(TrainSettings.defaults(), form.values());
    }

    private SweepsViewModel sweeps() {
        return new SweepsViewModel(new SameThreadTasks(), new TestDialogs(), new RunStore(dir.resolve("runs")), SweepRunner::selfCommand, 2);
    }

    @Test
    void theSweepsFormComesBackWithItsRightValuesOnly() {
        SweepsViewModel vm = sweeps();
        Map<String, String> first = vm.memory();
        vm.networkProperty().set("linear 16, relu, linear");
        vm.learningRatesProperty().set("0.2,0.1");
        vm.batchSizesProperty().set("32");
        vm.epochsProperty().set("2");
        vm.trainSizeProperty().set("300");
        vm.testSizeProperty().set("100");
        vm.parallelProperty().set("2");
        last.form(LastSession.SWEEPS_FORM, vm.memory());
        SweepsViewModel again = sweeps();
        again.recall(last.form(LastSession.SWEEPS_FORM, SweepsViewModel.MEMORY_KEYS));
        assertEquals(vm.memory(), again.memory());
        assertEquals("0.2,0.1", again.learningRatesProperty().get());

        // typed wrong and never fixed: the value before comes back
        vm.learningRatesProperty().set("0.1,fast");
        vm.epochsProperty().set("0");
        last.form(LastSession.SWEEPS_FORM, vm.memory());
        SweepsViewModel third = sweeps();
        third.recall(last.form(LastSession.SWEEPS_FORM, SweepsViewModel.MEMORY_KEYS));
        assertEquals("0.2,0.1", third.learningRatesProperty().get());
        assertEquals("2", third.epochsProperty().get());

        // more runs at once than this machine has cores (a file from a larger machine): the default
        last.form(LastSession.SWEEPS_FORM, Map.of("parallel", "8"));
        SweepsViewModel fourth = sweeps();
        fourth.recall(last.form(LastSession.SWEEPS_FORM, SweepsViewModel.MEMORY_KEYS));
        assertEquals("1", fourth.parallelProperty().get());

        fourth.resetToDefaults();
        assertEquals(first, fourth.memory(), "back to a first launch's fields");
    }
}
