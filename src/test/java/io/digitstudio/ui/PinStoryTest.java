package io.digitstudio.ui;

import io.digitstudio.train.InputProbe;
import io.digitstudio.ui.train.RunState;
import io.digitstudio.ui.widgets.ProbabilityBars;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 36, "your digit, learning live": a user draws a 7, pins it, trains, and watches the network learn it. */
class PinStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    private void stroke(FxRobot robot, double... xy) {
        robot.moveTo(app.onCanvas(xy[0], xy[1]));
        robot.press(MouseButton.PRIMARY);
        for (int i = 2; i < xy.length; i += 2) robot.moveTo(app.onCanvas(xy[i], xy[i + 1]));
        robot.release(MouseButton.PRIMARY);
    }

    @Test
    void aPinnedDrawingsBarsAppearAndChangeAsARunLearnsIt(FxRobot robot) throws Exception {
        app.awaitReady();
        assertTrue(robot.lookup("#pinnedPane").tryQuery().isEmpty(), "nothing pinned: no strip for pins is built for the first frame");
        app.openTab(robot, "Draw");
        assertTrue(robot.lookup("#pinButton").queryButton().isDisabled(), "nothing drawn, nothing to pin");
        stroke(robot, 100, 70, 220, 70, 160, 260);
        var draw = app.draw().viewModel();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> draw.predictionProperty().get() != null && draw.strokes().size() == 1
                && !robot.lookup("#pinButton").queryButton().isDisabled());
        app.awaitDrawAnswer();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#pinButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Pinned drawing (1 of 8): the Train view shows how a run learns it", robot.lookup("#pinnedLabel").queryAs(Label.class).getText());
        assertEquals(List.of(), Looks.cut(stage.getScene(), "pinnedLabel", "pinButton"));

        app.openTab(robot, "Train");
        assertTrue(robot.lookup("#pinnedPane").query().isVisible(), "the pin shows under the charts");
        Label answer = robot.lookup("#pinAnswer-0").queryAs(Label.class);
        assertEquals("–", answer.getText(), "no run yet, no answer");
        assertTrue(robot.lookup("#pinnedStatus").queryAs(Label.class).getText().startsWith("Start a run to watch the network learn them"));
        ProbabilityBars bars = robot.lookup("#pinBars-0").queryAs(ProbabilityBars.class);

        Forms.type(robot, "#trainLimitField", "2000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "10"); // 160 iterations
        var run = app.main.train().run();
        // the run holds after its first iteration until the story has seen the pin's first answer: the story waits on
        // what the window shows, never on how fast the run trains
        io.digitstudio.ui.train.PauseAt hold = WaitForAsyncUtils.asyncFx(() -> io.digitstudio.ui.train.PauseAt.nextRun(run, 1)).get();
        robot.clickOn("#startButton");
        var presenter = app.main.train().presenter();
        assertTrue(hold.paused.await(120, TimeUnit.SECONDS), "the run reached its first iteration");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> presenter.pinnedProperty().get() != null
                && robot.lookup("#pinAnswer-0").queryAs(Label.class).getText().matches("\\d \\d+%"));
        WaitForAsyncUtils.waitForFxEvents();
        InputProbe.Outputs first = WaitForAsyncUtils.asyncFx(() -> presenter.pinnedProperty().get()).get();
        assertEquals(0, first.iteration(), "the untrained network's answer");
        double[] firstBars = WaitForAsyncUtils.asyncFx(bars::values).get();
        String firstAnswer = WaitForAsyncUtils.asyncFx(answer::getText).get();
        assertTrue(firstAnswer.matches("\\d \\d+%"), "the bars appear with the answer: " + firstAnswer);
        assertEquals(1, java.util.Arrays.stream(firstBars).sum(), 1e-4, "ten probabilities");

        // the user pauses (the run already is) and resumes; it trains to its end
        robot.clickOn("#pauseButton");
        assertEquals(RunState.PAUSED, run.stateProperty().get());
        robot.clickOn("#pauseButton");
        assertEquals(RunState.RUNNING, run.stateProperty().get());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> run.stateProperty().get() == RunState.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        InputProbe.Outputs last = presenter.pinnedProperty().get();
        assertTrue(last.iteration() > first.iteration(), "later answers came: " + first.iteration() + " then " + last.iteration());
        assertFalse(java.util.Arrays.equals(firstBars, bars.values()), "the bars changed as the network learned");
        assertEquals(7, argmax(bars.values()), "160 iterations teach it that this is a 7: " + java.util.Arrays.toString(bars.values()));
        assertTrue(answer.getText().startsWith("7 "), answer.getText());
        assertTrue(robot.lookup("#pinnedStatus").queryAs(Label.class).getText().startsWith("As the network reads them at iteration "));
        assertEquals(List.of(), Looks.cut(stage.getScene(), "pinnedPane"));

        if (System.getProperty("pins.shot") != null) {
            WaitForAsyncUtils.asyncFx(() -> { io.digitstudio.ui.widgets.ChartExport.png(stage.getScene().getRoot(), java.nio.file.Path.of(System.getProperty("pins.shot"))); return null; }).get();
        }
        robot.clickOn("#unpin-0");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.services.pins().list().isEmpty());
        assertFalse(robot.lookup("#pinnedPane").query().isVisible(), "no pins, no strip");
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }
}
