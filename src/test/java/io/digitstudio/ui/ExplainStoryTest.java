package io.digitstudio.ui;

import io.digitstudio.explain.AnswerProfile;
import io.digitstudio.explain.Transform;
import io.digitstudio.ui.explain.ExplainViewModel;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Why this answer: a user draws a 7 and looks at its nearest training examples and at how its answer moves. */
class ExplainStoryTest extends AppStory {
    @Start
    void start(Stage stage) {
        app.show(stage);
    }

    private ExplainViewModel explain() {
        return app.draw().explain();
    }

    private void drawSeven(FxRobot robot) {
        double[][] pts = {{60, 60}, {150, 60}, {250, 60}, {230, 130}, {200, 200}, {170, 270}};
        app.stroke(robot, pts);
    }

    @Test
    void aDrawnSevensNeighboursAreSevensAndItsCurvesHoldSeven(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.clickOn("Draw");
        WaitForAsyncUtils.waitForFxEvents();
        drawSeven(robot);
        app.awaitDrawAnswer();
        assertNotNull(app.draw().viewModel().predictionProperty().get(), app.draw().viewModel().detailProperty().get());
        assertEquals(7, app.draw().viewModel().predictionProperty().get().label());
        // the index of the built-in model is built once (or read from the cache) in the background
        app.awaitDrawNeighbours();
        int sevens = 0;
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < ExplainViewModel.K; i++) {
            String text = robot.lookup("#neighbourLabel-" + i).queryAs(Label.class).getText();
            assertTrue(text.matches("\\d · \\d+\\.\\d\\d"), text);
            if (text.startsWith("7 ")) sevens++;
            labels.append(" [").append(text).append(']');
        }
        assertTrue(sevens >= 5, sevens + " of 8 neighbours of a clear 7 are 7s:" + labels);
        String verdict = robot.lookup("#neighboursVerdict").queryAs(Label.class).getText();
        assertEquals(sevens + " of 8 nearest are 7s", verdict);
        DrawViewTest.assertWhole(robot.lookup("#neighboursVerdict").queryAs(Label.class));
        assertTrue(robot.lookup("#neighboursStatus").queryAs(Label.class).getText().startsWith("Nearest 8 of 60,000 training images in what l3 reads"));

        // the same search in pixels: the toggle takes the focus from the keyboard and Space switches it
        ToggleButton px = robot.lookup("#pixelsToggle").queryAs(ToggleButton.class);
        assertTrue(px.isFocusTraversable());
        robot.interact(px::requestFocus);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> explain().neighboursProperty().get() != null && explain().neighboursProperty().get().neighbourhood().pixels());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#pixelsToggle").queryAs(ToggleButton.class).isSelected());
        assertTrue(robot.lookup("#neighboursVerdict").queryAs(Label.class).getText().contains("in pixels"));

        // the curves: a tab away, from the keyboard (focus on the tabs, then the right arrow)
        TabPane tabs = robot.lookup("#explainTabs").queryAs(TabPane.class);
        robot.interact(tabs::requestFocus);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("profileTab", tabs.getSelectionModel().getSelectedItem().getId());
        AnswerProfile p = explain().profileProperty().get();
        assertNotNull(p);
        for (Transform t : Transform.values()) {
            AnswerProfile.Curve c = p.curve(t);
            assertEquals(t.value(0), c.values()[0]);
            assertEquals(t.value(8), c.values()[8]);
            assertEquals(7, c.label(4), t + ": the untouched digit in the middle is the answer");
            Label note = robot.lookup("#profileNote-" + t.name().toLowerCase(java.util.Locale.ROOT)).queryAs(Label.class);
            assertTrue(note.getText().startsWith("holds 7") || note.getText().startsWith("7 → "), note.getText());
            // both ends of the answer's curve are drawn where its probability puts them, in the answer's colour
            Canvas chart = robot.lookup("#profileChart-" + t.name().toLowerCase(java.util.Locale.ROOT)).queryAs(Canvas.class);
            WritableImage[] img = new WritableImage[1];
            robot.interact(() -> img[0] = chart.snapshot(null, null));
            for (int end : new int[]{0, 8}) {
                double top = 4, bottom = chart.getHeight() - 14;
                double x = end == 0 ? 5 : chart.getWidth() - 5;
                double y = bottom - (bottom - top) * c.probability(end, 7);
                // the line is anti-aliased and a rival may cross it there: the answer's teal within two pixels
                boolean teal = false;
                Color seen = null;
                for (int dx = -2; dx <= 2 && !teal; dx++) {
                    for (int dy = -2; dy <= 2 && !teal; dy++) {
                        int cx = (int) x + dx, cy = (int) Math.round(y) + dy;
                        if (cx < 0 || cy < 0 || cx >= img[0].getWidth() || cy >= img[0].getHeight()) continue;
                        seen = img[0].getPixelReader().getColor(cx, cy);
                        teal = seen.getGreen() > seen.getRed() + 0.15 && seen.getBlue() > seen.getRed() + 0.1;
                    }
                }
                assertTrue(teal, t + " end " + end + ": the answer's teal near (" + x + ", " + y + "), last seen " + seen);
            }
        }
    }

    @Test
    void aStrokeUnderWayIsNotExplainedOnlyTheWholeDrawingIs(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.clickOn("Draw");
        WaitForAsyncUtils.waitForFxEvents();
        // the pen down and moving: the view answers for the stroke so far, live
        robot.moveTo(app.onCanvas(60, 60));
        robot.press(MouseButton.PRIMARY);
        for (double[] p : new double[][]{{150, 60}, {250, 60}, {230, 130}, {200, 200}}) robot.moveTo(app.onCanvas(p[0], p[1]));
        var vm = app.draw().viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.inputProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        // explaining that live answer would keep the worker from the answer for the whole drawing
        assertEquals("", explain().subjectProperty().get(), "a stroke under way is explained");
        robot.moveTo(app.onCanvas(170, 270));
        robot.release(MouseButton.PRIMARY);
        app.awaitDrawAnswer();
        app.awaitDrawNeighbours();
        assertEquals("the drawn digit", explain().subjectProperty().get());
    }
}
