package io.digitstudio.ui;

import io.digitstudio.ui.app.FxDialogService;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A new user's trial in the smallest window (1024×700): typing a network letter by letter, and a toast coming and going
 * over the Samples and Train views. Nothing of the view beneath moves: not the charts, the epoch table or the status
 * line while the half-typed words are wrong, not the whole view while a toast shows.
 */
class NoJumpStoryTest extends AppStory {
    private static final String[] TRAIN = {"#startButton", "#networkSpec", "#lossChart", "#accuracyChart", "#trainScroll", "#statusBar"};
    private static final String[] SAMPLES = {"#splitBox", "#misclassifiedCheck", "#orderBox", "#samplesScroll", "#samplesLegend"};
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    private static Map<String, Bounds> where(FxRobot robot, String... ids) {
        Map<String, Bounds> out = new LinkedHashMap<>();
        robot.interact(() -> {
            for (String id : ids) {
                Node n = robot.lookup(id).query();
                out.put(id, n.localToScreen(n.getLayoutBounds()));
            }
        });
        return out;
    }

    @Test
    void typingANetworkLetterByLetterMovesNoChartNoTableAndNoStatusLine(FxRobot robot) throws Exception {
        app.awaitReady();
        Forms.reveal(robot, "#networkSpec");
        robot.clickOn("#networkSpec");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, Bounds> before = where(robot, TRAIN);
        List<String> moved = new ArrayList<>();
        String typed = "";
        String said = null;
        List<String> cut = null;
        for (char c : "linear 100, relu, linear".toCharArray()) {
            robot.write(c);
            WaitForAsyncUtils.waitForFxEvents();
            typed += c;
            Map<String, Bounds> now = where(robot, TRAIN);
            if (!now.equals(before)) moved.add("'" + typed + "': " + now);
            if (typed.equals("linear 100, relu, lin")) {
                // the half word is wrong: the field says so under itself, and the status line says why Start is off
                assertTrue(robot.lookup("#startButton").queryButton().isDisabled());
                Label error = robot.lookup("#networkError").queryAs(Label.class);
                assertTrue(error.isVisible() && error.getText().contains("unknown layer"), error.getText());
                said = robot.lookup("#statusText").queryAs(Label.class).getAccessibleText();
                cut = Looks.cut(stage.getScene(), "statusText");
            }
        }
        assertEquals(List.of(), moved, "a keystroke moved what was beside the form");
        assertEquals("Start is off: fix Network (layer 3)", said, "the status line says why Start is off, in one line");
        assertEquals(List.of(), cut);
        assertFalse(robot.lookup("#startButton").queryButton().isDisabled());
        assertEquals("Ready to train", robot.lookup("#statusText").queryAs(Label.class).getAccessibleText());
    }

    @Test
    void aToastMovesNothingOfTheSamplesViewNorOfTheTrainView(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.clickOn("Samples");
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> app.main.samples().viewModel().predictionsProperty().get() != null);
        Pulses.settle(2);
        Map<String, Bounds> before = where(robot, SAMPLES);
        robot.interact(() -> new FxDialogService(stage, app.toasts).info("Training finished", "Final validation accuracy 97.31 %."));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup(".toast").queryAll().isEmpty());
        assertEquals(before, where(robot, SAMPLES), "a toast came over Samples: nothing moved");
        robot.interact(() -> app.toasts.withdraw("Training finished"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, where(robot, SAMPLES), "the toast went: nothing moved");

        // the Undo toast over Train lies above the status line, whose message and figures stay in sight
        robot.interact(() -> app.main.tabs().getSelectionModel().select(
                app.main.tabs().getTabs().stream().filter(t -> "trainTab".equals(t.getId())).findFirst().orElseThrow()));
        Pulses.settle(2);
        assertTrue(robot.lookup("#statusBar").query().isVisible() && robot.lookup("#statusBar").query().getScene() != null);
        Map<String, Bounds> train = where(robot, TRAIN);
        robot.interact(() -> new FxDialogService(stage, app.toasts).info("Training finished",
                "Draw and Samples now use the new model; Undo brings back the one they used.", "Undo", () -> {
                }));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(train, where(robot, TRAIN), "the Undo toast came over Train: nothing moved");
        Node toast = robot.lookup(".toast").query();
        Bounds t = toast.localToScreen(toast.getLayoutBounds());
        assertFalse(t.intersects(train.get("#statusBar")), "the toast " + t + " lies over the status line " + train.get("#statusBar"));
        robot.clickOn("#toastCloseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(train, where(robot, TRAIN), "the Undo toast went: nothing moved");
    }
}
