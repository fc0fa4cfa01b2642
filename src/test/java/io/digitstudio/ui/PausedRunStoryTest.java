package io.digitstudio.ui;

import io.digitstudio.runs.RunSummary;
import io.digitstudio.ui.train.RunState;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A run paused in the Train view, then looked at in Runs. The trial saw it listed as "running" while the app said it
 * was paused, and "Delete…" on, answering "still running; stop it first" once clicked: it is listed as paused, and
 * Delete… is off, saying why on its place.
 */
class PausedRunStoryTest extends AppStory {
    @Start
    void start(Stage stage) {
        app.showSmallest(stage);
    }

    @Test
    void aPausedRunIsListedPausedAndCannotBeDeleted(FxRobot robot) throws Exception {
        app.awaitReady();
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "5");
        var run = app.main.train().run();
        // the run holds after its first iteration, where the user's Pause lands, made exact
        io.digitstudio.ui.train.PauseAt hold = WaitForAsyncUtils.asyncFx(() -> io.digitstudio.ui.train.PauseAt.nextRun(run, 1)).get();
        robot.clickOn("#startButton");
        assertTrue(hold.paused.await(120, TimeUnit.SECONDS), "the run reached its first iteration");
        robot.clickOn("#pauseButton");
        assertEquals(RunState.PAUSED, run.stateProperty().get());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> run.currentLoop().control().isParked());
        String id = run.recordedRunProperty().get();

        app.openTab(robot, "Runs");
        TableView<RunSummary> table = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        robot.clickOn(robot.lookup("#runsTable .table-row-cell").match((javafx.scene.control.TableRow<RunSummary> r) -> !r.isEmpty()
                && r.getItem() != null && r.getItem().id().equals(id)).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#runsTable .table-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText("paused")).tryQuery().isPresent(),
                "the status column says paused");
        assertTrue(robot.lookup("#runsTable .table-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText("running")).tryQuery().isEmpty(),
                "not running");
        Button delete = robot.lookup("#deleteRunButton").queryButton();
        assertTrue(delete.isDisabled(), "a paused run is not deleted");
        String why = "Run " + id + " is paused; stop it first to delete it";
        assertEquals(why, delete.getTooltip().getText());
        assertEquals(why, delete.getAccessibleHelp());
        robot.clickOn("#deleteButtonPlace");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), app.dialogs.questions, "nothing asked");
        assertEquals(List.of(), app.dialogs.errors);
        assertEquals(List.of(), Looks.cut(robot.lookup("#runsTable").query().getScene(), "deleteRunButton"));

        app.openTab(robot, "Train");
        robot.clickOn("#stopButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> run.stateProperty().get() == RunState.FINISHED);
        app.openTab(robot, "Runs");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !delete.isDisabled());
        assertEquals("Delete this run and its files, after asking", delete.getTooltip().getText());
    }
}
