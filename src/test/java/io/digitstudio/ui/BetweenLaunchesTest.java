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

    @Start
    void start(Stage stage) {
        app.last = last;
        app.show(stage);
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
        robot.clickOn("#modelMenu").clickOn("#openModelItem");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> mine.equals(app.models().activeProperty().get().file()));
        robot.interact(() -> {
            app.stage.setX(40);
            app.stage.setY(30);
            app.stage.setWidth(1100);
            app.stage.setHeight(760);
        });
        app.openTab(robot, "Runs");

        UiFixture second = app.relaunch(robot);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> second.models().activeProperty().get().file() != null);
            assertEquals(mine, second.models().activeProperty().get().file(), "the model that was active is active again");
            assertEquals("runsTab", second.main.tabs().getSelectionModel().getSelectedItem().getId());
            assertEquals(40, second.stage.getX(), 1);
            assertEquals(30, second.stage.getY(), 1);
            assertEquals(1100, second.stage.getWidth(), 1);
            assertEquals(760, second.stage.getHeight(), 1);
            assertTrue(second.dialogs.errors.isEmpty(), second.dialogs.errors.toString());
        } finally {
            Files.delete(mine);
        }
        // its file gone, the next launch starts with the built-in model, without a word of error
        UiFixture third = second.relaunch(robot);
        try {
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("built-in MLP", third.models().activeProperty().get().name());
            assertTrue(third.dialogs.errors.isEmpty(), third.dialogs.errors.toString());
        } finally {
            third.close();
        }
    }
}
