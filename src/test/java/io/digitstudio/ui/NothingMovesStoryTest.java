package io.digitstudio.ui;

import io.digitstudio.ui.app.FxDialogService;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A user about to press Start or Stop, or to type in the form, while the window says something: a toast ("Training
 * finished … Undo", as the app's dialogs show it) comes and goes, and a field turns wrong so that Start is off and says
 * why. Start, Stop and the form's fields stay exactly where they were on the screen, and the toast lies over none of them.
 */
class NothingMovesStoryTest extends AppStory {
    /** Start, Stop, and fields above the one that turns wrong (a field's own message pushes only what is below it). */
    private static final String[] WATCHED = {"#startButton", "#stopButton", "#pauseButton", "#trainLimitField", "#testLimitField", "#batchSizeField", "#epochsField"};
    /**
     * The charts beside the form: the line under the toolbar lies over their column and takes its room from them when
     * it has something to say, so they may grow shorter or taller, never move sideways.
     */
    private static final String[] CHARTS = {"#lossChart", "#accuracyChart"};
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    private static Map<String, Bounds> where(FxRobot robot) {
        return where(robot, WATCHED);
    }

    private static Map<String, Bounds> where(FxRobot robot, String... watched) {
        Map<String, Bounds> out = new LinkedHashMap<>();
        robot.interact(() -> {
            for (String id : watched) {
                Node n = robot.lookup(id).query();
                out.put(id, n.localToScreen(n.getLayoutBounds()));
            }
        });
        return out;
    }

    /** The charts' left and right edges on the screen. */
    private static Map<String, String> sideways(FxRobot robot) {
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : where(robot, CHARTS).entrySet()) out.put(e.getKey(), e.getValue().getMinX() + " to " + e.getValue().getMaxX());
        return out;
    }

    /** Types in the Epochs field where it is (no scrolling to it: it is in view). */
    private static String status(FxRobot robot) {
        return robot.lookup("#statusText").queryAs(javafx.scene.control.Label.class).getAccessibleText();
    }

    private static void typeInEpochs(FxRobot robot, String text) {
        robot.clickOn("#epochsField");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A).release(javafx.scene.input.KeyCode.A, javafx.scene.input.KeyCode.CONTROL);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void ctrlEnterInAFieldStartsTheRunAndTheFormStaysWhereItIs(FxRobot robot) throws Exception {
        app.awaitReady();
        Forms.type(robot, "#epochsField", "50");
        Forms.type(robot, "#trainLimitField", "1000"); // the cursor stays in the subset's field, the form scrolled to it
        javafx.scene.control.ScrollPane form = robot.lookup((Node n) -> n instanceof io.digitstudio.ui.train.SettingsPane).query();
        double scrolled = form.getVvalue();
        Map<String, Bounds> before = where(robot);
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.ENTER).release(javafx.scene.input.KeyCode.ENTER, javafx.scene.input.KeyCode.CONTROL);
        var run = app.main.train().run();
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> run.stateProperty().get().active());
        Pulses.settle(3);
        assertEquals(scrolled, form.getVvalue(), 1e-9, "the form did not scroll");
        assertEquals(before, where(robot), "nothing moved");
        assertEquals("stopButton", stage.getScene().getFocusOwner().getId(), "the keys go on to Stop, the next thing to press");
        robot.interact(run::stop);
    }

    @Test
    void theProgressBarKeepsItsPlaceWhateverTheTextsBesideItSay(FxRobot robot) throws Exception {
        app.awaitReady();
        Node bar = robot.lookup("#progressBar").query();
        Bounds[] at = new Bounds[2];
        robot.interact(() -> at[0] = bar.localToScreen(bar.getLayoutBounds()));
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "1");
        robot.clickOn("#startButton");
        var run = app.main.train().run();
        WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS, () -> run.stateProperty().get() == io.digitstudio.ui.train.RunState.FINISHED);
        Pulses.settle(2);
        String figures = robot.lookup("#epochLabel").queryAs(javafx.scene.control.Label.class).getText() + " · "
                + robot.lookup("#timeLabel").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(figures.startsWith("Epoch 1/1 · Took "), figures);
        robot.interact(() -> at[1] = bar.localToScreen(bar.getLayoutBounds()));
        assertEquals(at[0], at[1], "the bar stayed where it was while the texts beside it came: " + figures);
    }

    @Test
    void aToastAndAStartReasonMoveNoControl(FxRobot robot) throws Exception {
        app.awaitReady();
        Forms.reveal(robot, "#epochsField"); // the form scrolled down a little, as after filling its first fields
        Map<String, Bounds> before = where(robot);

        robot.interact(() -> new FxDialogService(stage, app.toasts).info("Training finished",
                "Final validation accuracy 97.31 %. Draw and Samples now use the new model; Undo brings back the one they used.", "Undo", () -> {
                }));
        WaitForAsyncUtils.waitForFxEvents();
        Node toast = robot.lookup(".toast").query();
        assertEquals(before, where(robot), "a toast came: nothing moved");
        Bounds t = toast.localToScreen(toast.getLayoutBounds());
        for (var e : where(robot).entrySet()) assertFalse(e.getValue().intersects(t), "the toast " + t + " lies over " + e.getKey() + " " + e.getValue());

        robot.clickOn("#toastCloseButton");
        assertTrue(robot.lookup(".toast").queryAll().isEmpty());
        assertEquals(before, where(robot), "the toast went: nothing moved");

        typeInEpochs(robot, "abc");
        assertTrue(robot.lookup("#startButton").query().isDisabled(), "a bad field turns Start off");
        assertEquals("Fix Epochs (in red) to start.", status(robot), "and the status line says why");
        assertEquals(before, where(robot), "Start turned off and says why: nothing moved");

        typeInEpochs(robot, "2");
        assertFalse(robot.lookup("#startButton").query().isDisabled());
        assertFalse(status(robot).startsWith("Fix "));
        assertEquals(before, where(robot), "Start is on again: nothing moved");
    }

    @Test
    void theEngineSaysItsStartOverTheStatusLineNotAboveTheViews(FxRobot robot) throws Exception {
        // the first frame, before the engine is up: what a user who clicks at once aims at
        WaitForAsyncUtils.waitForFxEvents();
        Node tabs = robot.lookup(".tab-pane").query(), engine = robot.lookup("#engineStatus").query(), status = robot.lookup("#statusBar").query();
        Bounds[] first = new Bounds[3];
        robot.interact(() -> {
            first[0] = tabs.localToScene(tabs.getLayoutBounds());
            first[1] = engine.localToScene(engine.getLayoutBounds());
            first[2] = status.localToScene(status.getLayoutBounds());
        });
        assertTrue(first[1].getMinY() >= first[2].getMinY() - 0.5 && first[1].getMaxY() <= first[2].getMaxY() + 0.5,
                "the engine's line " + first[1] + " lies over the status line " + first[2]);
        assertEquals(0, first[0].getMinY(), 0.5, "the views begin at the window's top edge");
        app.awaitReady();
        assertFalse(engine.isVisible(), "ready: the line is gone");
        Bounds[] now = new Bounds[1];
        robot.interact(() -> now[0] = tabs.localToScene(tabs.getLayoutBounds()));
        assertEquals(first[0], now[0], "the engine became ready: the views did not move");
    }

    @Test
    void aLongStatusMessageShowsWholeAndMovesNothing(FxRobot robot) throws Exception {
        app.awaitReady();
        Node table = robot.lookup("#epochTable").query(), chart = robot.lookup("#accuracyChart").query(), bar = robot.lookup("#statusBar").query();
        Bounds[] before = new Bounds[3];
        robot.interact(() -> {
            before[0] = table.localToScreen(table.getLayoutBounds());
            before[1] = chart.localToScreen(chart.getLayoutBounds());
            before[2] = bar.localToScreen(bar.getLayoutBounds());
        });
        String stopped = "Stopped at epoch 9.00: validation accuracy 93.33%. The active model (trained in this session) is unchanged.";
        robot.interact(() -> app.main.train().presenter().status(stopped));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label text = robot.lookup("#statusText").queryAs(javafx.scene.control.Label.class);
        assertEquals(stopped, text.getText().replace('\n', ' '), "the whole message, on two lines where one is not enough");
        assertEquals(java.util.List.of(), Looks.cut(text.getScene(), "statusText"), "never cut to …");
        assertEquals(stopped, Forms.status(robot), "the whole message for a screen reader");
        Bounds[] after = new Bounds[3];
        robot.interact(() -> {
            after[0] = table.localToScreen(table.getLayoutBounds());
            after[1] = chart.localToScreen(chart.getLayoutBounds());
            after[2] = bar.localToScreen(bar.getLayoutBounds());
        });
        assertArrayEquals(before, after, "the epoch table, the chart and the status line stayed where they were");
    }

    @Test
    void aStatusMessageOfOneLongSentenceIsShownWholeAndMovesNoField(FxRobot robot) throws Exception {
        app.awaitReady();
        Forms.reveal(robot, "#epochsField"); // the form scrolled to its end, where its place is a whole fraction
        Map<String, Bounds> before = where(robot);
        double statusHeight = robot.lookup("#statusBar").query().getLayoutBounds().getHeight();
        String message = "Run 2026-12-05 04:12 finished with a validation accuracy of 97.31 % after 10 epochs,"
                + " its model saved in its folder of the run history and now used by Draw and Samples";
        robot.interact(() -> app.main.train().presenter().status(message));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label text = robot.lookup("#statusText").queryAs(javafx.scene.control.Label.class);
        assertEquals(message, text.getText().replace('\n', ' '), "the whole message");
        assertEquals(java.util.List.of(), Looks.cut(text.getScene(), "statusText"), "never cut to …");
        assertEquals(statusHeight, robot.lookup("#statusBar").query().getLayoutBounds().getHeight(), "the status line keeps its height");
        assertEquals(before, where(robot), "nothing in view moved");
    }

    /** The Runs table's row showing the run {@code id}. */
    private static Node row(FxRobot robot, String id) {
        return robot.lookup("#runsTable .table-row-cell").match((javafx.scene.control.TableRow<io.digitstudio.runs.RunSummary> r) -> !r.isEmpty()
                && r.getItem() != null && r.getItem().id().equals(id)).query();
    }

    /** In Runs: selects the run and branches it at the end of its first epoch, which opens the Train view on the branch. */
    private static void branchAtEpochOne(FxRobot robot, UiFixture app, String id) throws Exception {
        app.openTab(robot, "Runs");
        var runs = app.main.runs().viewModel();
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup("#runsTable").queryTableView().getItems().size() == 1);
        robot.clickOn(row(robot, id));
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> runs.branchChoices().size() == 2);
        Forms.reveal(robot, "#branchPointBox");
        robot.clickOn("#branchPointBox");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn((Node) robot.lookup(".combo-box-popup .list-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText("end of epoch 1")).query());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#branchButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theBranchBannerComingAndGoingMovesNoControl(FxRobot robot) throws Exception {
        app.awaitReady();
        app.trainShortRunWithSnapshots(robot, 2);
        String parent = app.history.list().get(0).id();
        Map<String, Bounds> before = where(robot);
        Map<String, String> sideways = sideways(robot);

        // a branch from Runs: the Train view says so on the line under the toolbar, and the form is where it was
        branchAtEpochOne(robot, app, parent);
        assertEquals("trainTab", app.main.tabs().getSelectionModel().getSelectedItem().getId());
        Node banner = robot.lookup("#branchBanner").query();
        assertTrue(banner.isVisible() && banner.getParent().isVisible(), "the banner shows");
        assertEquals(before, where(robot), "the branch banner came: nothing moved");
        assertEquals(sideways, sideways(robot), "the charts gave it room from their top");
        assertEquals(java.util.List.of(), Looks.cut(stage.getScene(), "branchBanner", "leaveBranchButton"));

        // a bad field: the reason Start is off takes the line, and the banner is back once the field is right
        typeInEpochs(robot, "abc");
        assertEquals("Fix Epochs (in red) to start.", status(robot));
        assertTrue(banner.getParent().isVisible(), "the banner stays: the status line says why Start is off");
        assertEquals(before, where(robot), "Start turned off during a branch: nothing moved");
        typeInEpochs(robot, "2");
        assertTrue(banner.getParent().isVisible());
        assertEquals(before, where(robot));

        // "New run instead": the banner goes, and the form stays where it is
        robot.clickOn("#leaveBranchButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(app.main.train().settings().branchProperty().get());
        assertFalse(banner.getParent().isVisible());
        assertTrue(Forms.status(robot).startsWith("A new run:"), "the status no longer says how to branch: " + Forms.status(robot));
        assertEquals(before, where(robot), "the branch banner went: nothing moved");
        assertEquals(sideways, sideways(robot));
    }

    /**
     * Runs → Resume on a stopped run, in the smallest window at 150 %: the line under the toolbar says, whole, which run
     * Start goes on with, and moves no control; "New run instead" takes it away, and Start then trains a new run from
     * scratch, the stopped run left as it is.
     */
    @Test
    void theResumeBannerComingAndGoingMovesNoControl(FxRobot robot) throws Exception {
        app.awaitReady();
        app.lightAtScaleInSmallest(robot, stage, 150);
        var run = app.main.train().run();
        // a run stopped once it has trained a little: it keeps a snapshot where it stopped
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "40");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS, () -> run.currentLoop() != null && run.currentLoop().iteration() > 3);
        robot.clickOn("#stopButton");
        WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS, () -> run.stateProperty().get() == io.digitstudio.ui.train.RunState.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        String stopped = app.history.list().get(0).id();
        Map<String, Bounds> before = where(robot);
        Map<String, String> sideways = sideways(robot);

        app.openTab(robot, "Runs");
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup("#runsTable").queryTableView().getItems().size() == 1);
        robot.clickOn(row(robot, stopped));
        javafx.scene.control.Button resume = robot.lookup("#resumeRunButton").queryButton();
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> !resume.isDisabled());
        robot.clickOn(resume);
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> !run.resumeSetUpProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("trainTab", app.main.tabs().getSelectionModel().getSelectedItem().getId());
        javafx.scene.control.Label banner = robot.lookup("#resumeBanner").queryAs(javafx.scene.control.Label.class);
        assertTrue(banner.isVisible() && banner.getParent().isVisible(), "the banner shows");
        assertTrue(banner.getText().startsWith("Resume of run " + stopped + " from "), banner.getText());
        assertEquals(java.util.List.of(), Looks.cut(stage.getScene(), "resumeBanner", "leaveResumeButton"));
        assertEquals(before, where(robot), "the resume banner came: nothing moved");
        assertEquals(sideways, sideways(robot), "the charts gave it room from their top");
        assertEquals(io.digitstudio.ui.train.RunState.FINISHED, run.stateProperty().get(), "nothing trains until Start");

        robot.clickOn("#leaveResumeButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(banner.getParent().isVisible(), "the banner goes");
        assertEquals(io.digitstudio.ui.train.RunControl.NEW_RUN_NOT_RESUME, Forms.status(robot));
        assertEquals(before, where(robot), "the resume banner went: nothing moved");
        assertEquals(sideways, sideways(robot));
        Forms.type(robot, "#epochsField", "1");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS, () -> app.history.list().size() == 2
                && run.stateProperty().get() == io.digitstudio.ui.train.RunState.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(io.digitstudio.runs.RunStatus.STOPPED, app.history.find(stopped).status(), "the stopped run stays as it is");
        assertTrue(app.history.find(stopped).resumes().isEmpty());
    }

    /**
     * A six-epoch run that ends below the model in use, at 150 % in the smallest window: the status line says it kept
     * that model, with both figures. The trial saw a line of its own come over the charts' top edge as the run ended,
     * where it hid the charts' titles and top tick labels until the next run. Nothing moves as the message comes or
     * goes (it goes when the run's model is put to use): not the charts, not the table, not the status line; and the
     * message shows whole, in the status line's two lines. Compared between the form before the run, the finished run
     * with the message and without it, never with a run that goes on, whose end may come before the test looks.
     */
    @Test
    void theKeptModelsMessageAtARunsEndIsInTheStatusLineAndMovesNothing(FxRobot robot) throws Exception {
        app.awaitReady();
        app.lightAtScaleInSmallest(robot, stage, 150);
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "6");
        String[] view = {"#lossChart", "#accuracyChart", "#epochTable", "#trainScroll", "#statusBar"};
        // before the run: the charts and the status line (the table's height is the table's own business as rows come)
        String[] still = {"#lossChart", "#accuracyChart", "#trainScroll", "#statusBar"};
        Pulses.settle(3);
        Map<String, Bounds> before = where(robot, still);
        var run = app.main.train().run();
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(180, java.util.concurrent.TimeUnit.SECONDS, () -> run.stateProperty().get() == io.digitstudio.ui.train.RunState.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        Pulses.settle(3);
        assertNotNull(run.keptNoticeProperty().get(), "the run did worse than the model in use");
        String said = status(robot);
        assertTrue(said.startsWith("Finished at ") && said.endsWith("; kept the model in use (99.03%)."), said);
        assertTrue(robot.lookup("#keptNotice").queryAll().isEmpty(), "no line of its own over the charts");
        // whole, in at most the status line's two lines, and inside the window
        javafx.scene.control.Label text = robot.lookup("#statusText").queryAs(javafx.scene.control.Label.class);
        String[] shown = new String[1];
        robot.interact(() -> shown[0] = ((javafx.scene.text.Text) text.lookup(".text")).getText());
        assertEquals(said, shown[0].replace('\n', ' '), "the message whole");
        assertTrue(shown[0].split("\n").length <= 2, "two lines at most: " + shown[0]);
        assertEquals(java.util.List.of(), Looks.cut(stage.getScene(), "statusText"));
        Map<String, Bounds> withMessage = where(robot, view);
        assertEquals(before, where(robot, still), "the run ended with the message: nothing moved");
        assertEquals(6, robot.lookup("#epochTable").queryTableView().getItems().size());

        robot.clickOn("#useModelButton");
        WaitForAsyncUtils.waitForFxEvents();
        Pulses.settle(3);
        assertNull(run.keptNoticeProperty().get(), "the run's model in use: the message no longer holds");
        assertEquals("Draw and Samples now use the model of this run.", status(robot));
        assertEquals(withMessage, where(robot, view), "the message went: nothing moved");
    }

    @Test
    void startingARunMovesNoControl(FxRobot robot) throws Exception {
        app.awaitReady();
        Forms.type(robot, "#trainLimitField", "3000");
        Forms.type(robot, "#testLimitField", "300");
        Forms.type(robot, "#epochsField", "2");
        Forms.reveal(robot, "#epochsField");
        Map<String, Bounds> before = where(robot);
        var run = app.main.train().run();
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> run.stateProperty().get().active()
                || run.stateProperty().get() == io.digitstudio.ui.train.RunState.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, where(robot), "a run started: nothing moved");
        WaitForAsyncUtils.waitFor(180, java.util.concurrent.TimeUnit.SECONDS, () -> run.stateProperty().get() == io.digitstudio.ui.train.RunState.FINISHED);
    }
}
