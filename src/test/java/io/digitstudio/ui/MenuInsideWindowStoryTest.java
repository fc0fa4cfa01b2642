package io.digitstudio.ui;

import javafx.geometry.Bounds;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The ☰ menu at the right end of the tab strip opens inside the window: in a trial at 1024×700 it was drawn from the
 * button's left edge rightwards, past the window's right edge.
 */
class MenuInsideWindowStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    @Test
    void theMenuOpensInsideTheSmallestWindowAtEveryScale(FxRobot robot) throws Exception {
        app.awaitReady();
        List<String> outside = new ArrayList<>();
        try {
            for (int scale : new int[]{100, 150, 200}) {
                app.lightAtScaleInSmallest(robot, stage, scale);
                robot.clickOn("#mainMenuButton");
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> shownMenu() != null).get());
                Pulses.settle(2);
                String said = WaitForAsyncUtils.asyncFx(() -> {
                    ContextMenu m = shownMenu();
                    javafx.scene.Node drawn = m.getSkin().getNode();
                    Bounds b = drawn.localToScreen(drawn.getLayoutBounds());
                    double left = stage.getX(), right = stage.getX() + stage.getWidth();
                    return b.getMinX() >= left - 0.5 && b.getMaxX() <= right + 0.5 ? null
                            : scale + " %: the menu from x " + b.getMinX() + " to " + b.getMaxX() + ", the window from " + left + " to " + right;
                }).get();
                if (said != null) outside.add(said);
                robot.type(KeyCode.ESCAPE);
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> shownMenu() == null).get());
            }
        } finally {
            robot.interact(() -> app.services.appearance().choose(io.digitstudio.ui.widgets.Theme.LIGHT, 100));
        }
        assertEquals(List.of(), outside);
    }

    private static ContextMenu shownMenu() {
        for (Window w : Window.getWindows()) {
            if (w instanceof ContextMenu m && m.isShowing() && m.getOwnerNode() != null && "mainMenuButton".equals(m.getOwnerNode().getId())) return m;
        }
        return null;
    }
}
