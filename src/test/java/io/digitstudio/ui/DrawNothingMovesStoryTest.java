package io.digitstudio.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A new user draws a 7 with an eye on the probability chart: the answer comes, and the chart and the Keep row stay
 * exactly where they were (what an answer brings had its room before it came).
 */
class DrawNothingMovesStoryTest extends AppStory {
    private static final String[] WATCHED = {"#drawBars", "#keepButton", "#pinnedLabel"};

    @Start
    void start(Stage stage) {
        app.show(stage);
    }

    private static Map<String, Bounds> where(FxRobot robot) {
        Map<String, Bounds> out = new LinkedHashMap<>();
        robot.interact(() -> {
            for (String id : WATCHED) {
                Node n = robot.lookup(id).query();
                out.put(id, n.localToScreen(n.getLayoutBounds()));
            }
        });
        return out;
    }

    @Test
    void theFirstAnswerMovesNothing(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.clickOn("Draw");
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, Bounds> before = where(robot);
        String model = app.draw().viewModel().modelTextProperty().get(), detail = app.draw().viewModel().detailProperty().get();

        double[][] pts = {{60, 60}, {150, 60}, {250, 60}, {230, 130}, {200, 200}, {170, 270}};
        robot.moveTo(app.onCanvas(pts[0][0], pts[0][1]));
        robot.press(MouseButton.PRIMARY);
        for (int i = 1; i < pts.length; i++) robot.moveTo(app.onCanvas(pts[i][0], pts[i][1]));
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.draw().viewModel().predictionProperty().get() != null
                && app.draw().viewModel().preparationProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#keepButton").query().isDisabled(), "an answer: Keep is on");
        assertEquals(before, where(robot), "the first answer came: nothing moved; before, the model's line said " + model
                + " and the answer's detail " + detail);

        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.draw().viewModel().predictionProperty().get() == null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#keepButton").query().isDisabled(), "no answer: Keep is off");
        assertEquals(before, where(robot), "cleared: nothing moved");
    }
}
