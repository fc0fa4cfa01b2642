package io.digitstudio.ui;

import io.digitstudio.ui.widgets.ProbabilityBars;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
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
        assertEquals("Draw a digit", robot.lookup("#canvasHint").queryAs(Label.class).getText(), "the empty canvas says what to do");
        assertEquals("", robot.lookup("#confidenceLabel").queryAs(Label.class).getText(), "and no answer's line says it again");
        assertEquals(List.of(), visibleBars(robot));
        assertTrue(bars.placeholderShowing(), "the empty chart says why it is empty");
        assertEquals("No answer yet", bars.placeholder());

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

    @Test
    void myDigitsWithNoDigitsOffersNoUndoOrDeleteAndSaysWhy(FxRobot robot) throws Exception {
        app.awaitReady();
        app.openTab(robot, "My digits");
        var my = app.main.myDigits().viewModel();
        Button undo = robot.lookup("#undoDigitsButton").queryAs(Button.class);
        Button delete = robot.lookup("#deleteDigitsButton").queryAs(Button.class);
        assertTrue(undo.isDisabled(), "nothing to undo");
        assertTrue(delete.isDisabled(), "nothing to delete");
        Label hint = robot.lookup("#myDigitsHint").queryAs(Label.class);
        assertEquals("Nothing to delete or undo: the collection is empty", hint.getText());

        // two digits: Delete comes on with a selection, Undo with a deletion
        for (int label : new int[]{3, 5}) {
            float[] x = new float[784];
            x[300 + label] = 1;
            app.myDigits.add(x, label, List.of(), "drawn");
        }
        robot.interact(my::refresh);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> my.digits().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(delete.isDisabled(), "none selected");
        assertTrue(hint.getText().startsWith("Select a digit"), hint.getText());
        robot.clickOn("#digit-" + my.digits().get(0).id());
        assertFalse(delete.isDisabled());
        assertTrue(undo.isDisabled());
        robot.clickOn(delete);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> my.digits().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(delete.isDisabled(), "the deleted digit was the selection");
        assertFalse(undo.isDisabled());
        robot.clickOn(undo);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> my.digits().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(undo.isDisabled(), "nothing more to bring back");
    }

    /** The tooltip on screen once the mouse rests on {@code query}'s node. */
    private static String tooltipOver(FxRobot robot, String query) throws Exception {
        robot.moveTo(query);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> Window.getWindows().stream().anyMatch(w -> w instanceof Tooltip t && t.isShowing()));
        String text = Window.getWindows().stream().filter(w -> w instanceof Tooltip t && t.isShowing()).map(w -> ((Tooltip) w).getText()).findFirst().orElse("");
        robot.moveBy(-300, 0); // away, so that the tooltip hides
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> Window.getWindows().stream().noneMatch(w -> w instanceof Tooltip t && t.isShowing()));
        return text;
    }

    @Test
    void samplesPinIsOffAndLooksOffUntilAnImageIsChosenAndSaysWhy(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.clickOn("Samples");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.main.samples().viewModel().predictionsProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Button pin = robot.lookup("#pinSampleButton").queryButton();
        assertTrue(pin.isDisabled(), "nothing chosen, nothing to pin");
        // beside the caption, off the picture: dimmed as every off button is
        assertTrue(pin.getOpacity() < 0.75, "an off Pin looks off: opacity " + pin.getOpacity());
        assertTrue(tooltipOver(robot, "#pinSampleHolder").startsWith("Select an image first"), "the tooltip says why Pin is off");

        robot.clickOn("#sample-0");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(pin.isDisabled());
        assertEquals(1, pin.getOpacity(), 0, "an on Pin is drawn whole");
        assertTrue(tooltipOver(robot, "#pinSampleButton").startsWith("Pin this image"));
    }
}
