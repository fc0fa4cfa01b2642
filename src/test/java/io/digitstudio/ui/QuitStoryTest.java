package io.digitstudio.ui;

import io.digitstudio.ui.train.RunState;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Quitting as a user does: Ctrl+Q, or the window's close button, which take the same way out. With nothing training the
 * window closes at once; while a run trains the user is asked first, and "no" keeps the window and the run going.
 */
class QuitStoryTest extends AppStory {
    private Stage stage;
    /** How often the app would have exited (the app's exit ends the JavaFX platform; the tests' must not). */
    private final AtomicInteger exits = new AtomicInteger();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.show(stage);
        app.services.closeOnRequest(stage, exits::incrementAndGet);
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

        // "yes": the run is stopped and the window closes
        app.dialogs.confirms = true;
        pressCtrlQ(robot);
        assertEquals(3, app.dialogs.asked.size());
        assertFalse(stage.isShowing(), "Quit closed the window");
        assertEquals(1, exits.get());
        assertNotEquals(RunState.RUNNING, run.stateProperty().get(), "the run was told to stop");
    }
}
