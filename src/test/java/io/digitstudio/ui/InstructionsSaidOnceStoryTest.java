package io.digitstudio.ui;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What to do in an empty view is said once, in the place a user looks first (the view's empty state), not again beside
 * it: a new user found "Draw a digit" in three places of the Draw view at once, and "press Evaluate" in three of the
 * Evaluate view's.
 */
class InstructionsSaidOnceStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.show(stage);
    }

    /**
     * The shown labels (they and their ancestors visible) whose text holds {@code phrase}, in any case, as "name: text";
     * those whose whole text is one of {@code names} (a tab's or a button's) are left out.
     */
    private List<String> saying(FxRobot robot, String phrase, String... names) throws Exception {
        Pulses.settle();
        WaitForAsyncUtils.waitForFxEvents();
        List<String> found = new ArrayList<>();
        robot.interact(() -> Looks.shown(stage.getScene().getRoot(), n -> {
            String text = n instanceof Labeled l ? Looks.meant(l) : "";
            if (text.toLowerCase(Locale.ROOT).contains(phrase.toLowerCase(Locale.ROOT)) && !List.of(names).contains(text)) {
                found.add(Looks.name(n) + ": " + text);
            }
        }));
        return found;
    }

    @Test
    void theDrawViewSaysDrawADigitOnceOnItsCanvas(FxRobot robot) throws Exception {
        app.awaitReady();
        app.openTab(robot, "Draw");
        List<String> first = saying(robot, "draw a digit");
        // a digit drawn, then cleared: the empty view again
        app.stroke(robot, new double[]{160, 60}, new double[]{162, 120}, new double[]{164, 180}, new double[]{166, 260});
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.draw().viewModel().shownPredictionProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), saying(robot, "draw a digit"), "a drawing on the canvas: nothing asks for one");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.draw().viewModel().shownPredictionProperty().get() == null);
        List<String> cleared = saying(robot, "draw a digit");
        String once = "#drawScroll #canvasHint: Draw a digit";
        assertEquals(List.of(List.of(once), List.of(once)), List.of(first, cleared),
                "once, on the empty canvas: first, and once the canvas is cleared");
    }

    @Test
    void theEvaluateViewSaysPressEvaluateOnceOverItsEmptyMatrix(FxRobot robot) throws Exception {
        app.awaitReady();
        // every label that speaks of evaluating, whatever its words ("Press Evaluate", "Evaluate the active model…"),
        // but for the tab and the button named Evaluate
        app.openTab(robot, "Evaluate");
        List<String> first = saying(robot, "evaluate", "Evaluate");
        robot.clickOn("#evaluateButton");
        var vm = app.main.evaluate().viewModel();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.evaluationProperty().get() != null);
        assertEquals(List.of(), saying(robot, "press evaluate"), "a matrix shown: nothing asks for one");
        // another set: the matrix is cleared, and the view empty again
        robot.clickOn("#evaluateSetBox");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn((Node) robot.lookup(".combo-box-popup .list-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText(vm.setName(
                io.digitstudio.ui.evaluate.EvaluateViewModel.Split.TRAINING))).query());
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(vm.evaluationProperty().get());
        List<String> otherSet = saying(robot, "evaluate", "Evaluate");
        String once = "#evaluateScroll #evaluationShown: Nothing evaluated yet: choose a set and press Evaluate";
        assertEquals(List.of(List.of(once), List.of(once)), List.of(first, otherSet),
                "once, over the empty matrix: first, and once another set is chosen");
    }
}
