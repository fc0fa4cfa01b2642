package io.digitstudio.ui;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Trial 42: lines that say which model Draw and Samples use kept naming one that was no longer in use. A new user
 * trains a run, then puts other models to use from elsewhere in the window, and comes back to read the line.
 */
class ModelInUseLinesStoryTest extends AppStory {
    @Start
    void start(Stage stage) {
        app.show(stage);
    }

    /**
     * A run's model in use, then Draw's model menu → Built-in MLP, then → Built-in CNN: back on Train, the status line
     * names the CNN, not the MLP of the first change.
     */
    @Test
    void theTrainStatusNamesTheModelInUseAfterEachChange(FxRobot robot) throws Exception {
        String finished = aRunWhoseModelIsInUse(robot);

        app.openTab(robot, "Draw");
        robot.clickOn("#modelMenu");
        robot.clickOn("#useBuiltIn");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#modelMenu");
        robot.clickOn("#useBuiltInCnn");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.models().activeProperty().get().model().spec().convolutional());
        WaitForAsyncUtils.waitForFxEvents();

        app.openTab(robot, "Train");
        assertEquals(finished + "Draw and Samples use built-in CNN.", robot.lookup("#statusText").queryAs(Label.class).getText());
    }

    /**
     * After a run, the user mistypes Epochs ("Fix Epochs (in red) to start." takes the status line), puts the built-in
     * MLP to use from Draw's model menu, and comes back to put Epochs right: the line given back names the MLP, not the
     * run's model of before.
     */
    @Test
    void theTrainStatusGivenBackAfterAWrongFieldNamesTheModelInUse(FxRobot robot) throws Exception {
        String finished = aRunWhoseModelIsInUse(robot);
        Label status = robot.lookup("#statusText").queryAs(Label.class);

        Forms.type(robot, "#epochsField", "0");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Fix Epochs (in red) to start.", status.getText());
        app.openTab(robot, "Draw");
        robot.clickOn("#modelMenu");
        robot.clickOn("#useBuiltIn");
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(app.models().builtInProperty().get(), app.models().activeProperty().get());

        app.openTab(robot, "Train");
        assertEquals("Fix Epochs (in red) to start.", status.getText(), "the field is still wrong");
        Forms.type(robot, "#epochsField", "1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(finished + "Draw and Samples use built-in MLP.", status.getText());
    }

    /**
     * Runs → Open in Draw replaced a 99.03 % model in use with a run's by one click, and its message had no Undo. The
     * user opens a run's model in Draw, then takes Undo in the message: Draw's model line names the model in use before.
     */
    @Test
    void openInDrawCanBeUndone(FxRobot robot) throws Exception {
        app.awaitReady();
        var before = app.models().activeProperty().get();
        app.tinyCliRun(0);
        app.openTab(robot, "Runs");
        var table = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn((javafx.scene.Node) robot.lookup("#runsTable .table-row-cell")
                .match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == 0 && !r.isEmpty()).query());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#openRunModelButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.models().activeProperty().get() != before);
        WaitForAsyncUtils.waitForFxEvents();
        Label line = robot.lookup("#activeModelLabel").queryAs(Label.class);
        assertTrue(line.isVisible(), "Draw shows");
        String opened = app.models().activeProperty().get().describe();
        assertEquals("Model: " + opened, app.draw().viewModel().modelTextProperty().get());
        String said = app.dialogs.infos.get(app.dialogs.infos.size() - 1);
        assertTrue(said.startsWith("Model opened: " + opened) && said.endsWith(" [Undo]"), app.dialogs.infos.toString());

        robot.interact(() -> app.dialogs.lastAction.run()); // the user clicks Undo in the message
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(before, app.models().activeProperty().get());
        assertEquals("Model: " + before.describe(), app.draw().viewModel().modelTextProperty().get());
        assertEquals("Model: " + before.describe(), line.getAccessibleText());
    }

    /**
     * A one-epoch run trained from Train over a model of unknown accuracy, so that its model is put to use; returns what
     * its status line says before the words about the model in use.
     */
    private String aRunWhoseModelIsInUse(FxRobot robot) throws Exception {
        app.useModelOfUnknownAccuracy();
        app.trainShortRun(robot, 1);
        String said = robot.lookup("#statusText").queryAs(Label.class).getText();
        assertTrue(said.endsWith("; Draw and Samples use it."), said);
        return said.substring(0, said.length() - "Draw and Samples use it.".length());
    }
}
