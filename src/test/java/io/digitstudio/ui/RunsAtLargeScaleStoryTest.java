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

    /**
     * The trial at 150 % in the smallest window: a run whose loss hardly moved had its loss axis ticked 0.017582 and
     * so on, and the axis's name "loss" touched those long labels. The name keeps clear of the tick labels, whatever
     * their width, and each label has no more digits than tell it from its neighbours.
     */
    @Test
    void theLossAxisNameKeepsClearOfANarrowRangesTicksAt150Percent(FxRobot robot) throws Exception {
        app.awaitReady();
        choose(robot, Theme.LIGHT, 150);
        app.tinyCliRun(0);
        app.openTab(robot, "Runs");
        javafx.scene.control.TableView<?> table = robot.lookup("#runsTable").queryAs(javafx.scene.control.TableView.class);
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        // a loss that hardly moves: 0.017580 to 0.017604 over six epochs
        StringBuilder log = new StringBuilder("[");
        for (int e = 1; e <= 6; e++) {
            double loss = 0.01758 + 0.0000048 * (e - 1) * (e % 2 == 0 ? 1 : 0.7);
            log.append(e > 1 ? "," : "").append(String.format(java.util.Locale.ROOT, "{\"epoch\": %d, \"iteration\": %d, \"elapsed_time\": %.1f,"
                    + " \"main/loss\": %.7f, \"main/accuracy\": 0.9, \"validation/main/loss\": %.7f, \"validation/main/accuracy\": 0.9}", e, 10 * e, 1.5 * e, loss, loss));
        }
        java.nio.file.Files.writeString(app.history.list().get(0).folder().resolve("log"), log.append(']').toString());
        robot.clickOn((Node) robot.lookup("#runsTable .table-row-cell").match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == 0 && !r.isEmpty()).query());
        javafx.scene.chart.LineChart<?, ?> chart = robot.lookup("#runsLossChart").queryAs(javafx.scene.chart.LineChart.class);
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> chart.getData().size() == 1);
        Pulses.settle(4);
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<String> wrong = new java.util.ArrayList<>();
        robot.interact(() -> {
            javafx.scene.chart.Axis<?> axis = chart.getYAxis();
            Node name = axis.lookup(".axis-label").lookup(".text");
            Bounds n = name.localToScene(name.getLayoutBounds());
            java.util.List<String> ticks = new java.util.ArrayList<>();
            for (Node t : axis.getChildrenUnmodifiable()) {
                if (!(t instanceof javafx.scene.text.Text text) || !t.isVisible() || text.getText() == null || text.getText().isBlank()) continue;
                ticks.add(text.getText());
                Bounds b = t.localToScene(t.getLayoutBounds());
                // a gap of a few pixels at least between the name's text and the label's, across
                if (b.getMinX() < n.getMaxX() + 3 && b.getMaxY() > n.getMinY() && b.getMinY() < n.getMaxY()) {
                    wrong.add("the tick label '" + text.getText() + "' " + b + " comes within 3 px of the axis name " + n);
                }
            }
            System.out.println("loss axis ticks: " + ticks + ", name at " + n);
            if (ticks.size() < 2) wrong.add("the loss axis shows " + ticks);
            // no digit more than tells neighbours apart (three at least): with one significant digit less, two would read alike
            int most = 0;
            for (String t : ticks) most = Math.max(most, new java.math.BigDecimal(t).stripTrailingZeros().precision());
            java.util.Set<String> fewer = new java.util.HashSet<>();
            for (String t : ticks) fewer.add(new java.math.BigDecimal(t).round(new java.math.MathContext(most - 1)).stripTrailingZeros().toPlainString());
            if (most > 3 && fewer.size() == ticks.size()) wrong.add("the tick labels " + ticks + " read apart with " + (most - 1) + " significant digits");
        });
        assertEquals(java.util.List.of(), wrong);
    }
}
