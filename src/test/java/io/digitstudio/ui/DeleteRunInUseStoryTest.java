package io.digitstudio.ui;

import io.digitstudio.runs.RunSummary;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A new user opens a run's model in Draw, then deletes that run in the Runs view. In a trial Draw went on naming the
 * deleted run's model, the Model menu listed it ("Model missing" when chosen) and the next launch said "Model not
 * found". Now the question says the model in use goes, and once the run is deleted the built-in model is in use, the
 * menu no longer lists the run, and the next launch starts quietly.
 */
class DeleteRunInUseStoryTest extends AppStory {
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        app.configFolder = dir.resolve("config");
        app.runsFolder = dir.resolve("runs");
        app.show(stage);
    }

    private static List<String> modelMenu(FxRobot robot) {
        MenuButton menu = robot.lookup("#modelMenu").queryAs(MenuButton.class);
        return menu.getItems().stream().map(MenuItem::getText).filter(t -> t != null).toList();
    }

    @Test
    void deletingTheRunWhoseModelIsInUseGoesBackToTheBuiltInModel(FxRobot robot) throws Exception {
        app.awaitReady();
        app.tinyCliRun(0);
        RunSummary run = app.history.list().get(0);
        // the model Open in Draw opens: the run's best one
        Path model = app.history.bestModel(run).orElseThrow();

        // Runs → Open in Draw puts the run's model to use
        app.openTab(robot, "Runs");
        clickOpenInDraw(robot, run);
        TabPane tabs = robot.lookup(".main-tabs").queryAs(TabPane.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> app.models().activeProperty().get().file() != null
                && "drawTab".equals(tabs.getSelectionModel().getSelectedItem().getId()) || !app.dialogs.errors.isEmpty()).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), app.dialogs.errors);
        assertEquals(model, app.models().activeProperty().get().file());
        Label line = robot.lookup("#activeModelLabel").queryAs(Label.class);
        assertTrue(line.getText().startsWith("Model: run " + run.id()), line.getText());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> modelMenu(robot).stream().anyMatch(t -> t.contains(run.id()))).get());

        // back in Runs, Delete… on the same run: the question says what Draw, Samples and Evaluate will use
        app.openTab(robot, "Runs");
        robot.clickOn("#deleteRunButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.history.list().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, app.dialogs.questions.size(), app.dialogs.questions.toString());
        String asked = app.dialogs.questions.get(0);
        assertTrue(asked.contains("Its model is the one Draw, Samples and Evaluate use: they go back to the built-in MLP (784-400-400-10)"), asked);
        assertSame(app.models().builtInProperty().get(), app.models().activeProperty().get(), "the built-in model, at once");
        String status = robot.lookup("#runsStatus").queryLabeled().getText();
        assertTrue(status.endsWith("Its model was in use: Draw, Samples and Evaluate use the built-in MLP (784-400-400-10) now"), status);

        // Draw names the built-in model, and the Model menu no longer lists the run
        app.openTab(robot, "Draw");
        assertTrue(line.getText().startsWith("Model: built-in MLP · "), line.getText());
        robot.clickOn("#modelMenu");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> items = WaitForAsyncUtils.asyncFx(() -> modelMenu(robot)).get();
        robot.type(KeyCode.ESCAPE);
        assertTrue(items.stream().noneMatch(t -> t.contains(run.id())), items.toString());
        assertTrue(items.contains("_No recent models"), items.toString());
        assertEquals(List.of(), app.dialogs.errors, "no \"Model missing\"");
        assertEquals(List.of(), app.dialogs.infos.stream().filter(i -> !i.startsWith("Model opened")).toList(), "said once, in the status");

        // the next launch starts with the built-in model, and says nothing of a model not found
        UiFixture again = app.relaunch(robot);
        try {
            assertSame(again.models().builtInProperty().get(), again.models().activeProperty().get());
            assertEquals(List.of(), again.dialogs.infos);
            assertEquals(List.of(), again.dialogs.errors);
        } finally {
            again.close();
        }
    }

    /**
     * A trial: with the built-in CNN in use, a new user opened a run's model in Draw, then deleted that run. Draw went
     * to the built-in MLP instead of the CNN they had chosen, and the "Model opened" message still offered Undo, which
     * then did nothing. Now the CNN comes back, and the message goes with what it could undo.
     */
    @Test
    void deletingTheRunWhoseModelIsInUseGoesBackToTheModelInUseBeforeIt(FxRobot robot) throws Exception {
        app.awaitReady();
        app.tinyCliRun(0);
        RunSummary run = app.history.list().get(0);

        // Draw's Model menu → Built-in CNN
        app.openTab(robot, "Draw");
        robot.clickOn("#modelMenu");
        robot.clickOn("#useBuiltInCnn");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.models().activeProperty().get().model().spec().convolutional());
        WaitForAsyncUtils.waitForFxEvents();
        var cnn = app.models().activeProperty().get();

        // Runs → Open in Draw puts the run's model to use, and its message offers Undo
        app.openTab(robot, "Runs");
        clickOpenInDraw(robot, run);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> app.models().activeProperty().get().file() != null
                || !app.dialogs.errors.isEmpty()).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), app.dialogs.errors);
        String said = app.dialogs.infos.get(app.dialogs.infos.size() - 1);
        assertTrue(said.startsWith("Model opened: ") && said.endsWith("; Undo brings back built-in CNN [Undo]"), said);
        assertFalse(app.dialogs.withdrawn.contains("Model opened"));

        // Delete… on the same run: the question and the status name the CNN, which is in use again at once
        app.openTab(robot, "Runs");
        robot.clickOn("#deleteRunButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.history.list().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        String cnnNamed = "the built-in CNN (" + cnn.architecture() + ")";
        String asked = app.dialogs.questions.get(app.dialogs.questions.size() - 1);
        assertTrue(asked.contains("Its model is the one Draw, Samples and Evaluate use: they go back to " + cnnNamed + "."), asked);
        assertSame(cnn, app.models().activeProperty().get(), "the CNN, in use before the run's model");
        String status = robot.lookup("#runsStatus").queryLabeled().getText();
        assertTrue(status.endsWith("Its model was in use: Draw, Samples and Evaluate use " + cnnNamed + " now"), status);
        // the message whose Undo would now do nothing is taken back
        assertTrue(app.dialogs.withdrawn.contains("Model opened"), app.dialogs.withdrawn.toString());

        app.openTab(robot, "Draw");
        Label line = robot.lookup("#activeModelLabel").queryAs(Label.class);
        assertTrue(line.getText().startsWith("Model: built-in CNN · "), line.getText());
    }

    /** Selects {@code run}'s row in the open Runs view, once it is listed, and clicks Open in Draw once it is on. */
    private static void clickOpenInDraw(FxRobot robot, RunSummary run) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> robot.lookup("#runsTable .table-row-cell")
                .match((TableRow<RunSummary> r) -> r.getItem() != null && r.getItem().id().equals(run.id())).tryQuery().isPresent()).get());
        robot.clickOn((javafx.scene.Node) robot.lookup("#runsTable .table-row-cell")
                .match((TableRow<RunSummary> r) -> r.getItem() != null && r.getItem().id().equals(run.id())).query());
        Button open = robot.lookup("#openRunModelButton").queryButton();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !open.isDisabled());
        robot.clickOn(open);
    }
}
