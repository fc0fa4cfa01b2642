package io.digitstudio.ui;

import io.digitstudio.ui.widgets.Theme;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Runs view at 150 % in the smallest window, as a new user's trial of issue 37 saw it: the curves' controls keep
 * each value beside its control.
 */
class RunsAtLargeScaleStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    private void choose(FxRobot robot, Theme theme, int scale) throws Exception {
        robot.interact(() -> app.services.appearance().choose(theme, scale));
        Pulses.settle(4);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * At 150 % the smoothing slider's value stays on the slider's line: the trial saw "0.00" wrap to the next line's
     * start, right before "Log loss axis", as if it were that box's.
     */
    @Test
    void theSmoothingValueStaysBesideItsSliderAt150Percent(FxRobot robot) throws Exception {
        app.awaitReady();
        choose(robot, Theme.LIGHT, 150);
        app.openTab(robot, "Runs");
        Pulses.settle(4);
        String[] rows = new String[1];
        robot.interact(() -> {
            Bounds slider = robot.lookup("#smoothingSlider").query().localToScene(robot.lookup("#smoothingSlider").query().getLayoutBounds());
            Node value = robot.lookup(".label").match((javafx.scene.control.Label l) -> "0.00".equals(l.getText())).query();
            Bounds v = value.localToScene(value.getLayoutBounds());
            rows[0] = v.getMinY() < slider.getMaxY() && v.getMaxY() > slider.getMinY() ? null
                    : "the value at " + v + ", the slider at " + slider;
        });
        assertNull(rows[0]);
    }
}
