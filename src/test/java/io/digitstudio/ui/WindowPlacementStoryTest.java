package io.digitstudio.ui;

import io.digitstudio.ui.app.DigitStudioApp;
import io.digitstudio.ui.app.LastSession;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The window opens wholly on the screen: a place saved partly off it (the window was dragged over an edge, or the
 * screen is smaller now) is moved and shrunk onto it, and the tabs, the app's menu and the status bar are all there.
 */
class WindowPlacementStoryTest extends AppStory {
    private final LastSession last = LastSession.inMemory();

    @Start
    void start(Stage stage) {
        // last time the window hung over the screen's right and bottom edges
        last.window(new LastSession.Window(600, 300, DigitStudioApp.WIDTH, DigitStudioApp.HEIGHT, false));
        app.last = last;
        app.show(stage);
    }

    /** The window is {@code width}×{@code height} or as large as the screen allows, wholly on it, and so are its controls. */
    private static void assertOnScreen(FxRobot robot, UiFixture app, double width, double height) {
        WaitForAsyncUtils.waitForFxEvents();
        Stage stage = app.stage;
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        String where = stage.getWidth() + "x" + stage.getHeight() + " at " + stage.getX() + "," + stage.getY() + " on " + screen;
        assertTrue(stage.getX() >= screen.getMinX() && stage.getY() >= screen.getMinY()
                && stage.getX() + stage.getWidth() <= screen.getMaxX() && stage.getY() + stage.getHeight() <= screen.getMaxY(),
                "the window is wholly on the screen: " + where);
        assertEquals(Math.min(width, screen.getWidth()), stage.getWidth(), where);
        assertEquals(Math.min(height, screen.getHeight()), stage.getHeight(), where);
        for (String id : new String[]{"#mainMenuButton", "#statusBar", "#startButton"}) {
            Node n = robot.lookup(id).query();
            Bounds b = n.localToScreen(n.getLayoutBounds());
            assertTrue(screen.contains(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight()), id + " at " + b + " is on the screen " + screen);
        }
        assertTrue(robot.lookup(".tab-label").queryAll().stream().allMatch(t -> {
            Bounds b = t.localToScreen(t.getLayoutBounds());
            return screen.contains(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
        }), "every tab is on the screen");
    }

    @Test
    void aWindowSavedOverTheScreensEdgesOpensWhollyOnIt(FxRobot robot) throws Exception {
        app.awaitReady();
        assertOnScreen(robot, app, DigitStudioApp.WIDTH, DigitStudioApp.HEIGHT);
        // then quit, and the next launch finds a place saved on a larger screen, bigger than this one
        UiFixture again = app.relaunch(robot, false, () -> last.window(new LastSession.Window(-200, -100, 1600, 1000, false)));
        try {
            assertOnScreen(robot, again, 1600, 1000);
        } finally {
            again.close();
        }
    }
}
