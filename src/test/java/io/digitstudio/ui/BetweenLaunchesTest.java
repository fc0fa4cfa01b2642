package io.digitstudio.ui;

import io.digitstudio.ui.app.LastSession;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The app closed and opened again: the model, the window and the tab are as the user left them. */
class BetweenLaunchesTest extends AppStory {
    @TempDir
    Path dir;

    private final LastSession last = LastSession.inMemory();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.last = last;
        app.show(stage);
    }

    /** Closes the window as the user does and opens the app again in a new one, with what the last one left. */
    private UiFixture relaunch(FxRobot robot, UiFixture old) throws Exception {
        old.close();
        robot.interact(() -> stage.hide());
        UiFixture again = new UiFixture();
        again.last = last;
        robot.interact(() -> {
            stage = new Stage();
            again.show(stage);
        });
        again.awaitReady();
        return again;
    }

    @Test
    void theActiveModelTheWindowAndTheTabAreAsTheUserLeftThem(FxRobot robot) throws Exception {
        app.awaitReady();
        // the user opens a model of their own, moves and sizes the window, and looks at the Runs tab
        Path mine = dir.resolve("mine.npz");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            app.models().save(mine).get();
            return Files.exists(mine);
        });
        app.dialogs.willChoose(mine);
        app.openTab(robot, "Draw");
        robot.clickOn("#openModelButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> mine.equals(app.models().activeProperty().get().file()));
        robot.interact(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1100);
            stage.setHeight(760);
        });
        app.openTab(robot, "Runs");

        UiFixture second = relaunch(robot, app);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> second.models().activeProperty().get().file() != null);
            assertEquals(mine, second.models().activeProperty().get().file(), "the model that was active is active again");
            assertEquals("runsTab", second.main.tabs().getSelectionModel().getSelectedItem().getId());
            assertEquals(40, stage.getX(), 1);
            assertEquals(30, stage.getY(), 1);
            assertEquals(1100, stage.getWidth(), 1);
            assertEquals(760, stage.getHeight(), 1);
            assertTrue(second.dialogs.errors.isEmpty(), second.dialogs.errors.toString());
        } finally {
            Files.delete(mine);
        }
        // its file gone, the next launch starts with the built-in model, without a word of error
        UiFixture third = relaunch(robot, second);
        try {
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("built-in", third.models().activeProperty().get().name());
            assertTrue(third.dialogs.errors.isEmpty(), third.dialogs.errors.toString());
        } finally {
            third.close();
        }
    }
}
