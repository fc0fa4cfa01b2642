package io.digitstudio.ui;

import io.digitstudio.ui.draw.DrawViewModel;
import io.digitstudio.ui.draw.StagesPane;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 36: the Draw view shows what preparation did to a drawing, stage by stage, and how MNIST-like it is. */
class PreparationStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.show(stage);
    }

    private DrawViewModel vm() {
        return app.draw().viewModel();
    }

    private void stroke(FxRobot robot, double... xy) {
        robot.moveTo(app.onCanvas(xy[0], xy[1]));
        robot.press(MouseButton.PRIMARY);
        for (int i = 2; i < xy.length; i += 2) robot.moveTo(app.onCanvas(xy[i], xy[i + 1]));
        robot.release(MouseButton.PRIMARY);
    }

    private Label likeness() {
        return app.draw().lookup("#likenessLabel") instanceof Label l ? l : null;
    }

    /** Waits for the answer to the whole drawing: a live answer to its first points may come first. */
    private void awaitLikeness(String line) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> line.equals(likeness().getText()));
        } catch (java.util.concurrent.TimeoutException e) {
            fail("the likeness line says " + likeness().getText() + ": " + vm().preparationProperty().get().likeness().details() + " (strokes "
                    + vm().strokes().size() + ", points " + (vm().strokes().isEmpty() ? 0 : vm().strokes().get(0).points().size()) + ")");
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void awaitStages() throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm().preparationProperty().get() != null);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no stages shown; the canvas says " + vm().hintProperty().get() + ", strokes " + vm().strokes().size(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aDrawnSevenShowsSevenStagesAndTheLikenessLineAllByKeyboardToo(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
            stage.setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
        });
        app.awaitReady();
        robot.clickOn("Draw");
        WaitForAsyncUtils.waitForFxEvents();
        StagesPane pane = robot.lookup("#stagesPane").queryAs(StagesPane.class);
        assertEquals(0, pane.shownStages(), "nothing drawn, nothing prepared");

        stroke(robot, 100, 70, 220, 70, 160, 260);
        awaitStages();
        assertEquals(7, pane.shownStages(), "strokes, ink, cropped, stroke matched, fitted, centred, 28x28");
        Label likeness = likeness();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> likeness.getText().equals(vm().preparationProperty().get().likeness().line()));
        assertTrue(likeness.getText().startsWith("MNIST-likeness:") || likeness.getText().startsWith("Unusual for MNIST:"), likeness.getText());
        DrawViewTest.assertWhole(likeness);

        // keyboard: Alt+N reaches the first stage, Tab the next ones, each saying what it shows
        robot.press(KeyCode.ALT, KeyCode.N).release(KeyCode.N, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        Node focused = stage.getScene().getFocusOwner();
        assertEquals("stage-0", focused.getId());
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        focused = stage.getScene().getFocusOwner();
        assertEquals("stage-1", focused.getId());
        assertTrue(focused.getAccessibleText().startsWith("ink found"), focused.getAccessibleText());
    }
}
