package io.digitstudio.ui;

import io.digitstudio.ui.widgets.ProbabilityBars;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** What a view shows before the user has given it anything: an empty state that says so, never a control or mark that looks live. */
class EmptyStatesStoryTest extends AppStory {
    @Start
    void start(Stage stage) {
        app.show(stage);
    }

    private static List<Node> visibleBars(FxRobot robot) {
        return robot.lookup("#drawBars").query().lookupAll(".chart-bar").stream()
                .filter(n -> !n.getStyleClass().contains("bar-legend-symbol") && n.isVisible()).toList();
    }

    @Test
    void drawWithNothingDrawnShowsNoBarAndNoAccentMarkButSaysWhatToDo(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.clickOn("Draw");
        WaitForAsyncUtils.waitForFxEvents();
        ProbabilityBars bars = robot.lookup("#drawBars").queryAs(ProbabilityBars.class);
        Label answer = robot.lookup("#predictedDigit").queryAs(Label.class);
        assertFalse(answer.isVisible(), "no answer: no large mark in the accent colour, which reads as a bar");
        assertEquals("Draw a digit", robot.lookup("#confidenceLabel").queryAs(Label.class).getText());
        assertEquals(List.of(), visibleBars(robot));
        assertTrue(bars.placeholderShowing(), "the empty chart says why it is empty");
        assertEquals("Draw a digit to see the network's probability for each class", bars.placeholder());

        // a stroke: the answer, its bars, and the sentence gone
        robot.moveTo(app.onCanvas(160, 60));
        robot.press(MouseButton.PRIMARY);
        for (double[] p : new double[][]{{162, 120}, {164, 180}, {166, 260}}) robot.moveTo(app.onCanvas(p[0], p[1]));
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.draw().viewModel().shownPredictionProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(answer.isVisible());
        assertFalse(bars.placeholderShowing());
        assertEquals(1, visibleBars(robot).stream().filter(n -> n.getStyleClass().contains("predicted-bar")).count(), "one bar, the answer's, highlighted");

        // cleared: the empty state again
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(answer.isVisible());
        assertEquals(List.of(), visibleBars(robot));
        assertTrue(bars.placeholderShowing());
    }
}
