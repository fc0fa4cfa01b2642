package io.digitstudio.ui;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The app closed and opened again on the same settings file: the Train and the Sweeps forms hold what the user left in
 * them (a value typed wrong and never fixed excepted), and Defaults gives each its defaults.
 */
class FormsBetweenLaunchesTest extends AppStory {
    @TempDir
    Path dir;


    @Start
    void start(Stage stage) {
        app.configFolder = dir.resolve("config");
        app.show(stage);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryTextInputControl().getText();
    }

    @Test
    void theTrainAndSweepsFormsAreAsTheUserLeftThem(FxRobot robot) throws Exception {
        app.awaitReady();
        // the Train form: the run's fields, another optimizer and its rate, a schedule, snapshots; a warm-up typed wrong
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#epochsField", "3");
        Forms.type(robot, "#batchSizeField", "64");
        Forms.type(robot, "#seedField", "7");
        Forms.click(robot, "#optimizerBox");
        robot.clickOn("Adam");
        WaitForAsyncUtils.waitForFxEvents();
        Forms.type(robot, "#hp-alpha", "0.002");
        Forms.type(robot, "#lrShiftField", "exponential:0.5");
        Forms.click(robot, "#snapshotCheck");
        Forms.type(robot, "#warmupField", "two");
        assertNotNull(app.main.train().settings().fieldErrorProperty("warmup").get(), "the warm-up is wrong");
        // the Sweeps form: rates, epochs and examples; runs at once typed wrong
        app.openTab(robot, "Sweeps");
        Forms.type(robot, "#sweepLrField", "0.2,0.1");
        Forms.type(robot, "#sweepEpochsField", "2");
        Forms.type(robot, "#sweepTrainSizeField", "500");
        Forms.type(robot, "#sweepParallelField", "many");

        UiFixture second = app.relaunch(robot);
        try {
            // the window opens on Sweeps, where it was left
            assertEquals("sweepsTab", second.main.tabs().getSelectionModel().getSelectedItem().getId());
            assertEquals("0.2,0.1", text(robot, "#sweepLrField"));
            assertEquals("2", text(robot, "#sweepEpochsField"));
            assertEquals("500", text(robot, "#sweepTrainSizeField"));
            assertEquals("1", text(robot, "#sweepParallelField"), "typed wrong, never fixed: the default");
            second.openTab(robot, "Train");
            assertEquals("1000", text(robot, "#trainLimitField"));
            assertEquals("3", text(robot, "#epochsField"));
            assertEquals("64", text(robot, "#batchSizeField"));
            assertEquals("7", text(robot, "#seedField"));
            assertEquals("adam", robot.lookup("#optimizerBox").queryAs(ComboBox.class).getValue());
            assertEquals("0.002", text(robot, "#hp-alpha"));
            assertEquals("exponential:0.5", text(robot, "#lrShiftField"));
            assertTrue(robot.lookup("#snapshotCheck").queryAs(CheckBox.class).isSelected());
            assertEquals("", text(robot, "#warmupField"), "typed wrong, never fixed: the default");
            assertNull(second.main.train().settings().validationProperty().get(), "Start can start the form as it came back");
            assertEquals(List.of(), second.dialogs.errors);

            // back to the defaults, from the keyboard in Sweeps (Alt+D) and with the pointer in Train
            second.openTab(robot, "Sweeps");
            robot.clickOn("#sweepLrField");
            robot.press(KeyCode.ALT, KeyCode.D).release(KeyCode.D, KeyCode.ALT);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("0.1,0.03,0.01", text(robot, "#sweepLrField"));
            assertEquals("5", text(robot, "#sweepEpochsField"));
            assertEquals("", text(robot, "#sweepTrainSizeField"));
            second.openTab(robot, "Train");
            Forms.click(robot, "#resetFormButton");
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(io.digitstudio.ui.train.TrainSettings.defaults(), second.main.train().settings().values());
            assertEquals("Every field of the form is back to its default", Forms.status(robot));
        } catch (Throwable t) {
            second.close();
            throw t;
        }
        // and the next launch keeps the defaults
        UiFixture third = second.relaunch(robot);
        try {
            assertEquals(io.digitstudio.ui.train.TrainSettings.defaults(), third.main.train().settings().values());
            assertEquals("", text(robot, "#trainLimitField"));
            assertEquals("0.1,0.03,0.01", WaitForAsyncUtils.asyncFx(() -> third.main.sweeps().viewModel().learningRatesProperty().get()).get());
        } finally {
            third.close();
        }
    }

    /**
     * Fields typed in are in the settings file a moment later while the app runs, as the next launch reads it after a
     * crash or a kill; and every time the file is read meanwhile it reads whole.
     */
    @Test
    void fieldsTypedInAreInTheSettingsFileWhileTheAppRuns(FxRobot robot) throws Exception {
        app.awaitReady();
        Path file = dir.resolve("config/digitstudio/settings.json");
        Forms.type(robot, "#epochsField", "3");
        Forms.type(robot, "#trainLimitField", "1000");
        List<String> broken = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.function.Supplier<java.util.Map<String, Object>> onDisk = () -> {
            try {
                return io.digitstudio.io.Json.parseObject(java.nio.file.Files.readString(file));
            } catch (java.nio.file.NoSuchFileException e) {
                return java.util.Map.of();
            } catch (Exception e) {
                broken.add(e.toString());
                return java.util.Map.of();
            }
        };
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> "3".equals(onDisk.get().get("train.epochs")) && "1000".equals(onDisk.get().get("train.trainLimit")));
        assertEquals(List.of(), broken, "the file read whole every time");
        assertTrue(app.stage.isShowing(), "the app still open");
    }

    /** The data folder the form last trained on is gone: the bundled MNIST, and the status line says why. */
    @Test
    void aDataFolderThatIsGoneFallsBackToMnistWithAWord(FxRobot robot) throws Exception {
        app.awaitReady();
        Path gone = dir.resolve("letters");
        // as an earlier session left it: a folder of IDX files, since deleted
        UiFixture second = app.relaunch(robot, false, () -> io.digitstudio.io.SettingsFile.open(dir.resolve("config/digitstudio/settings.json"), m -> {
        }).putAll(java.util.Map.of("train.data", gone.toString(), "train.epochs", "4")));
        try {
            assertNull(second.main.train().settings().dataFolderProperty().get(), "the bundled MNIST");
            assertEquals("4", text(robot, "#epochsField"), "the rest of the form comes back");
            assertEquals("The data last trained on, " + gone + ", is not there any more: the form is on the bundled MNIST", Forms.status(robot));
            assertEquals(List.of(), second.dialogs.errors);
        } finally {
            second.close();
        }
    }
}
