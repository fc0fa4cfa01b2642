package io.digitstudio.ui;

import io.digitstudio.data.ImageFolderTest;
import io.digitstudio.data.Mnist;
import io.digitstudio.train.TrainingResult;
import io.digitstudio.ui.train.DataPicker;
import io.digitstudio.ui.train.RunState;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A user trains on a folder of their own pictures: picks it in the Train form, sees its classes, trains, and draws with them. */
class DataPickerStoryTest extends AppStory {
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        app.show(stage);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void awaitText(FxRobot robot, String id, String expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> expected.equals(text(robot, id)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(id + " shows '" + text(robot, id) + "', not '" + expected + "'", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Labels of the form's data section shown cut to "…" (the section's nodes have ids beginning with "data"). */
    private static List<String> cutInDataSection(FxRobot robot) {
        return Looks.cut(robot.lookup("#startButton").query().getScene()).stream().filter(c -> c.startsWith("#data")).toList();
    }

    @Test
    void aFolderOfPicturesIsPickedSeenTrainedOnAndDrawnWith(FxRobot robot) throws Exception {
        // the smallest window the app allows
        robot.interact(() -> {
            robot.window(0).setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
            robot.window(0).setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
        });
        app.awaitReady();
        // three classes of 28x28 pictures, named as the user named their folders
        Path shapes = dir.resolve("shapes");
        ImageFolderTest.pictures(shapes, Mnist.bundled().test(), new int[]{0, 1, 7}, new String[]{"ring", "bar", "hook"}, 30);
        Path empty = Files.createDirectories(dir.resolve("nothing-here"));
        awaitText(robot, "#dataDescription", "MNIST (bundled): 10 classes, 60,000 training and 10,000 test images");

        // a folder without class folders: the field says why, and Start stays off
        app.dialogs.willChoose(empty);
        Forms.click(robot, "#dataBox");
        robot.clickOn("Image folder…");
        String why = empty + ": no class subfolders; an image folder has one subfolder of pictures per class (or train/ and test/ with them)";
        awaitText(robot, "#dataBoxError", why);
        assertTrue(robot.lookup("#dataBoxError").query().isVisible());
        assertTrue(robot.lookup("#startButton").queryAs(Button.class).isDisabled());
        assertEquals("Fix Data (in red) to start.", robot.lookup("#statusText").queryAs(javafx.scene.control.Label.class).getAccessibleText());
        assertEquals(List.of(), cutInDataSection(robot), "no label of the data section is cut");

        // the right folder, through Choose…
        app.dialogs.willChoose(shapes);
        Forms.click(robot, "#dataChooseButton");
        awaitText(robot, "#dataDescription", "Image folder “shapes”: 3 classes, 78 training and 12 test images");
        assertFalse(robot.lookup("#dataBoxError").query().isVisible());
        @SuppressWarnings("unchecked")
        TableView<DataPicker.ClassCount> classes = robot.lookup("#dataClasses").queryAs(TableView.class);
        assertEquals(List.of("bar", "hook", "ring"), classes.getItems().stream().map(DataPicker.ClassCount::name).toList());
        for (DataPicker.ClassCount c : classes.getItems()) assertEquals(30, c.train() + c.test(), c.name());
        assertEquals(List.of(), cutInDataSection(robot), "no label of the data section is cut");
        robot.interact(() -> app.services.appearance().scaleProperty().set(150));
        WaitForAsyncUtils.waitForFxEvents();
        Forms.reveal(robot, "#dataClasses");
        assertEquals(List.of(), cutInDataSection(robot), "nor at 150 %");
        robot.interact(() -> app.services.appearance().scaleProperty().set(100));
        WaitForAsyncUtils.waitForFxEvents();

        Forms.type(robot, "#batchSizeField", "8");
        Forms.type(robot, "#epochsField", "1");
        assertFalse(robot.lookup("#startButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> app.main.train().run().stateProperty().get() == RunState.FINISHED
                || app.main.train().run().stateProperty().get() == RunState.IDLE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TrainingResult.Outcome.COMPLETED, app.main.train().run().resultProperty().get().outcome(), app.dialogs.errors.toString());
        String status = Forms.status(robot);
        assertTrue(status.startsWith("Finished: ") && status.endsWith(" validation accuracy; Draw and Samples use it."), status);

        // the run's record names the folder, and Draw's bars are the folder's classes
        var run = app.history.list().get(0);
        assertEquals("shapes", run.settings().dataName());
        assertEquals(shapes.toAbsolutePath().toString(), run.settings().dataSource());
        app.openTab(robot, "Draw");
        CategoryAxis axis = (CategoryAxis) robot.lookup(".probability-bars").queryAs(javafx.scene.chart.BarChart.class).getXAxis();
        assertEquals(List.of("bar", "hook", "ring"), List.copyOf(axis.getCategories()));
    }
}
