package io.digitstudio.ui;

import io.digitstudio.ui.app.DigitStudioApp;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.*;

/** The window at its smallest (1024x700): every view's controls are inside it; the empty Draw view shows no stray bars. */
class WindowTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.show(stage);
        stage.setWidth(DigitStudioApp.MIN_WIDTH);
        stage.setHeight(DigitStudioApp.MIN_HEIGHT);
    }

    private void assertInside(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        assertNotNull(n, id);
        assertTrue(n.isVisible(), id + " is visible");
        Bounds b = n.localToScene(n.getLayoutBounds());
        double w = stage.getScene().getWidth(), h = stage.getScene().getHeight();
        assertTrue(b.getMinX() >= -0.5 && b.getMaxX() <= w + 0.5 && b.getMinY() >= -0.5 && b.getMaxY() <= h + 0.5,
                id + " at " + b + " is outside the " + w + "x" + h + " window");
    }

    @Test
    void theFirstFrameHoldsOnlyTheViewItShows(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#startButton").tryQuery().isPresent(), "the Train view, whose tab is selected");
        for (String id : new String[]{"#drawCanvas", "#samplesGrid", "#drawBars"}) {
            assertTrue(robot.lookup(id).tryQuery().isEmpty(), id + " is built, styled and laid out before its tab is opened");
        }
        robot.clickOn("Draw");
        WaitForAsyncUtils.waitForFxEvents();
        assertInside(robot, "#drawCanvas");
    }

    @Test
    void everythingFitsIntoTheSmallestWindow(FxRobot robot) throws Exception {
        app.awaitReady();
        for (String id : new String[]{"#startButton", "#exportButton", "#epochTable", "#accuracyChart", "#statusBar", "#timeLabel"}) assertInside(robot, id);
        robot.clickOn("Draw");
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[]{"#drawCanvas", "#modelMenu", "#drawBars", "#networkInput", "#activeModelLabel"}) {
            assertInside(robot, id);
        }
        // empty canvas: no bars drawn, and the model named once
        var bars = robot.lookup("#drawBars").query().lookupAll(".chart-bar").stream().filter(n -> !n.getStyleClass().contains("bar-legend-symbol")).toList();
        assertTrue(bars.stream().noneMatch(Node::isVisible), "no bars before a drawing: " + bars.stream().filter(Node::isVisible).map(n -> n.getStyleClass() + " " + n.getLayoutBounds()).toList());
        String model = robot.lookup("#activeModelLabel").queryAs(Label.class).getText();
        assertEquals("Model: built-in MLP · 784-400-400-10 · MNIST · test accuracy 99.03%", model);
        robot.clickOn("Samples");
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[]{"#samplesGrid", "#detailBars", "#misclassifiedCheck"}) assertInside(robot, id);
    }
}
