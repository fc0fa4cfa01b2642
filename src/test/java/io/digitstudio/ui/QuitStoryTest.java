package io.digitstudio.ui;

import io.digitstudio.runs.RunStatus;
import io.digitstudio.runs.RunSummary;
import io.digitstudio.ui.train.HoldEnd;
import io.digitstudio.ui.train.RunState;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Quitting as a user does: Ctrl+Q, or the window's close button, which take the same way out. With nothing training the
 * window closes at once; while a run trains the user is asked first, and "no" keeps the window and the run going, "yes"
 * stops it as Stop does and exits once it is saved.
 */
class QuitStoryTest extends AppStory {
    private Stage stage;
    /** How often the app would have exited (the app's exit ends the JavaFX platform; the tests' must not). */
    private final AtomicInteger exits = new AtomicInteger();
    /** What a story looks at as the app exits, at that moment (on the FX thread, before the exit returns). */
    private volatile Runnable atExit = () -> { };

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.show(stage);
        app.services.closeOnRequest(stage, () -> {
            atExit.run();
            exits.incrementAndGet();
        });
    }

    private void pressCtrlQ(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void ctrlQWithNothingTrainingClosesTheWindowWithoutAsking(FxRobot robot) throws Exception {
        app.awaitReady();
        app.openTab(robot, "Samples"); // the keyboard is in the window, as a user's would be
        pressCtrlQ(robot);
        assertFalse(stage.isShowing(), "Ctrl+Q closed the window");
        assertEquals(1, exits.get(), "and the app exits");
        assertEquals(List.of(), app.dialogs.asked, "nothing was training: no question");
    }

    /**
     * The trial's Ctrl+Q with a fine-tuning waiting for Accept or Discard: the app quit at once and the result was gone.
     * Now the user is asked first, as while a run trains; "no" keeps the window with the result still to decide on, and
     * "yes" quits.
     */
    @Test
    void quittingWithAFineTuningToAcceptOrDiscardAsksFirst(FxRobot robot) throws Exception {
        app.awaitReady();
        for (io.digitstudio.data.UnusualDigits.Drawing d : io.digitstudio.data.UnusualDigits.make(4, 5)) app.myDigits.add(d.input(), d.label(), d.strokes(), "drawn");
        app.openTab(robot, "My digits");
        var my = app.main.myDigits().viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> my.digits().size() == 12);
        my.setSettings(new io.digitstudio.train.FineTune.Settings(1, 0.005, 5, 1000, 0.3, 0));
        robot.clickOn("#fineTuneButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> my.proposalProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        app.dialogs.confirms = false;
        pressCtrlQ(robot);
        assertEquals(List.of("confirm: Quit before accepting or discarding the fine-tuned model?"), app.dialogs.asked);
        assertTrue(stage.isShowing(), "no: the window stays");
        assertEquals(0, exits.get());
        assertNotNull(my.proposalProperty().get(), "with the result still to accept or discard");
        assertTrue(robot.lookup("#acceptFineTuneButton").query().isVisible());

        String mnistAfter = robot.lookup("#mnistAfter").queryAs(Label.class).getText();
        app.dialogs.confirms = true;
        pressCtrlQ(robot);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> exits.get() == 1);

        // quit all the same: the next launch's My digits offers the fine-tuning again, figures and all
        UiFixture again = app.relaunch(robot);
        try {
            again.openTab(robot, "My digits");
            var mine = again.main.myDigits().viewModel();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> mine.proposalProperty().get() != null);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(robot.lookup("#acceptFineTuneButton").query().isVisible());
            assertEquals(mnistAfter, robot.lookup("#mnistAfter").queryAs(Label.class).getText());
            robot.clickOn("#acceptFineTuneButton");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> again.models().activeProperty().get().name().startsWith("fine-tuned-"));
        } finally {
            again.close();
        }
    }

    /**
     * Ctrl+Q while a fine-tuning runs quit at once, its work lost without a word: it asks first, as while a run trains,
     * and "no" lets the fine-tuning finish, its result then to accept or discard.
     */
    @Test
    void quittingWhileAFineTuningRunsAsksFirst(FxRobot robot) throws Exception {
        app.awaitReady();
        for (io.digitstudio.data.UnusualDigits.Drawing d : io.digitstudio.data.UnusualDigits.make(4, 5)) app.myDigits.add(d.input(), d.label(), d.strokes(), "drawn");
        app.openTab(robot, "My digits");
        var my = app.main.myDigits().viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> my.digits().size() == 12);
        // long enough that the question comes while it runs
        my.setSettings(new io.digitstudio.train.FineTune.Settings(3, 0.005, 5, 6000, 0.3, 0));
        robot.clickOn("#fineTuneButton");
        assertTrue(my.busyProperty().get(), "the fine-tuning runs");

        app.dialogs.confirms = false;
        pressCtrlQ(robot);
        assertEquals(List.of("confirm: Quit while a fine-tuning runs?"), app.dialogs.asked);
        assertTrue(stage.isShowing(), "no: the window stays");
        assertEquals(0, exits.get());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> my.proposalProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#acceptFineTuneButton").query().isVisible(), "it finished, its result to decide on");
    }

    @Test
    void quittingWhileARunTrainsAsksAndNoKeepsTheRunGoing(FxRobot robot) throws Exception {
        app.awaitReady();
        var run = app.main.train().run();
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "200");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> run.stateProperty().get() == RunState.RUNNING);

        // Ctrl+Q: asked; "no" keeps the window, and the run trains on
        app.dialogs.confirms = false;
        pressCtrlQ(robot);
        assertEquals(List.of("confirm: Quit while a run trains?"), app.dialogs.asked);
        assertTrue(stage.isShowing());
        assertEquals(0, exits.get());
        assertEquals(RunState.RUNNING, run.stateProperty().get());

        // the window's close button (the request the window system sends) asks the same
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertEquals(2, app.dialogs.asked.size(), app.dialogs.asked.toString());
        assertEquals("confirm: Quit while a run trains?", app.dialogs.asked.get(1));
        assertTrue(stage.isShowing());
        assertEquals(RunState.RUNNING, run.stateProperty().get());

        // "yes": the run is stopped, and once it is saved the window closes
        app.dialogs.confirms = true;
        pressCtrlQ(robot);
        assertEquals(3, app.dialogs.asked.size());
        assertNotEquals(RunState.RUNNING, run.stateProperty().get(), "the run was told to stop");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> exits.get() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isShowing(), "Quit closed the window");
        assertEquals(1, exits.get());
        assertTrue(run.stateProperty().get().canStart(), "the run had ended when the app exited");
    }

    /**
     * The trial of session 40: Quit while the tutorial's run trains, confirmed. The run is stopped as Stop stops it,
     * and the app exits only once the run's folder is complete (its snapshot where it stopped, its model, its curve, its
     * status "stopped"); meanwhile the window says it is saving the run. The next launch's Runs view resumes it.
     */
    @Test
    void quittingWhileARunTrainsSavesTheRunAsStopDoesBeforeTheAppExits(FxRobot robot) throws Exception {
        app.awaitReady();
        var run = app.main.train().run();
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "200");
        HoldEnd end = WaitForAsyncUtils.asyncFx(() -> HoldEnd.nextRun(run)).get();
        robot.clickOn("#startButton");
        var progress = app.main.train().presenter().progressProperty();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> progress.get() > 0);
        String id = run.recordedRunProperty().get();
        Path folder = app.history.root().resolve(id);
        List<String> filesAtExit = new CopyOnWriteArrayList<>();
        AtomicReference<RunStatus> statusAtExit = new AtomicReference<>();
        atExit = () -> {
            try (var files = Files.list(folder)) {
                files.map(f -> f.getFileName().toString()).forEach(filesAtExit::add);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            statusAtExit.set(app.history.find(id).status());
        };

        app.dialogs.confirms = true;
        pressCtrlQ(robot);
        assertEquals(List.of("confirm: Quit while a run trains?"), app.dialogs.asked);
        // the run ends as a stopped run does, which takes a moment: the window stays, says why, and the app does not exit
        assertTrue(end.held.await(60, TimeUnit.SECONDS), "the run was stopped");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isShowing(), "the window stays while the run is saved");
        assertEquals(0, exits.get(), "the app does not exit before the run is saved");
        Label notice = robot.lookup("#quittingNotice").queryAs(Label.class);
        assertTrue(notice.isVisible(), "the window says why it stays");
        assertEquals("Saving the run before quitting…", notice.getText());
        // the window's close button meanwhile neither asks again nor exits before the run is saved
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertEquals(1, app.dialogs.asked.size(), app.dialogs.asked.toString());
        assertEquals(0, exits.get());

        end.release();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> exits.get() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isShowing(), "the window closed once the run was saved");
        assertEquals(1, exits.get());
        // when the app exited, the run's folder held all a stopped run keeps
        assertEquals(RunStatus.STOPPED, statusAtExit.get(), "status as the dialog said: stopped, as Stop does");
        assertTrue(filesAtExit.contains("model.npz"), filesAtExit.toString());
        assertTrue(filesAtExit.contains("loss_points.csv"), filesAtExit.toString());
        assertTrue(filesAtExit.stream().anyMatch(f -> f.matches("snapshot_iter_\\d+\\.npz")), "a snapshot where it stopped: " + filesAtExit);

        // the next launch lists it, stopped, and Runs can resume it
        UiFixture again = app.relaunch(robot);
        try {
            RunSummary r = again.history.find(id);
            assertEquals(RunStatus.STOPPED, r.status());
            again.openTab(robot, "Runs");
            TableView<RunSummary> table = robot.lookup("#runsTable").queryTableView();
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> robot.lookup("#runsTable .table-row-cell")
                    .match((TableRow<RunSummary> row) -> row.getItem() != null && row.getItem().id().equals(id)).tryQuery().isPresent()).get());
            robot.clickOn((javafx.scene.Node) robot.lookup("#runsTable .table-row-cell")
                    .match((TableRow<RunSummary> row) -> row.getItem() != null && row.getItem().id().equals(id)).query());
            assertEquals(id, table.getSelectionModel().getSelectedItem().id());
            Button resume = robot.lookup("#resumeRunButton").queryButton();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !resume.isDisabled());
        } finally {
            again.close();
        }
    }
}
