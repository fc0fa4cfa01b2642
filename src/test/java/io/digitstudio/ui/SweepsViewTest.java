package io.digitstudio.ui;

import io.digitstudio.runs.sweep.SweepResult;
import javafx.geometry.Bounds;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The Sweeps tab as a user meets it: a small sweep typed in, started, and its table filling with finished runs. */
class SweepsViewTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    /** Replaces a field's text by typing, as a user does (the Sweeps form has no scrolling to do). */
    private static void type(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A).release(javafx.scene.input.KeyCode.A, javafx.scene.input.KeyCode.CONTROL);
        if (text.isEmpty()) robot.type(javafx.scene.input.KeyCode.BACK_SPACE);
        else robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Completes when the sweep under way ends: the view model's running flag goes back to false, on the UI thread,
     * after the rows and the status are published. The story waits on that event, not on the clock.
     */
    private static CompletableFuture<Void> sweepEnds(FxRobot robot, io.digitstudio.ui.sweeps.SweepsViewModel vm) {
        CompletableFuture<Void> ended = new CompletableFuture<>();
        robot.interact(() -> vm.runningProperty().addListener((o, was, now) -> {
            if (was && !now) ended.complete(null);
        }));
        return ended;
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES) // a bound for a hang only: the story waits on the sweep's end
    void aSmallSweepTypedInFillsTheTableBestFirst(FxRobot robot) throws Exception {
        app.awaitReady();
        app.openTab(robot, "Sweeps");
        var vm = app.main.sweeps().viewModel();
        type(robot, "#sweepNetworkField", "linear 16, relu, linear");
        type(robot, "#sweepLrField", "0.1,0.01");
        type(robot, "#sweepBatchField", "50");
        type(robot, "#sweepEpochsField", "1");
        type(robot, "#sweepTrainSizeField", "200");
        type(robot, "#sweepTestSizeField", "100");
        CompletableFuture<Void> ended = sweepEnds(robot, vm);
        robot.clickOn("#sweepStartButton");
        ended.get();
        WaitForAsyncUtils.waitForFxEvents();
        TableView<SweepResult.Row> table = robot.lookup("#sweepTable").queryTableView();
        assertEquals("", vm.messageProperty().get());
        assertEquals(2, table.getItems().size());
        assertTrue(table.getItems().stream().allMatch(SweepResult.Row::finished), vm.statusProperty().get());
        assertTrue(table.getItems().get(0).bestAccuracy() >= table.getItems().get(1).bestAccuracy());
        assertEquals(2, app.history.list().size(), "both runs are in the history");
        assertNotNull(robot.lookup("#sweepChart").queryAs(ImageView.class).getImage());
        // in the smallest window the table's titles and values are whole, and so is the chart, its axes' values too
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        robot.interact(() -> cut.addAll(Looks.cut(stage.getScene())));
        assertEquals(List.of(), cut, "texts cut to '…' in the Sweeps view");
        assertChartWhole(robot);
        assertTrue(robot.lookup("#sweepStatus").queryLabeled().getText().endsWith("all 2 runs finished."));
        assertTrue(table.getColumns().stream().anyMatch(c -> c.getText().equals("lr")));
        assertFalse(robot.lookup("#sweepExportButton").queryButton().isDisabled());
        // the sweep is listed with the history's others, and chosen
        CompletableFuture<?> listed = new CompletableFuture<>();
        robot.interact(() -> vm.refreshSweeps().whenComplete((l, err) -> listed.complete(null)));
        listed.get();
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<?> sweeps = robot.lookup("#sweepsBox").queryComboBox();
        assertEquals(1, sweeps.getItems().size());
        assertEquals(vm.resultProperty().get().sweep(), sweeps.getValue());
    }

    /**
     * A sweep of one setting draws one panel, taller for its width than two side by side: in the smallest window it is
     * shown whole, its axes' values at the bottom too, not cropped to the pane's height.
     */
    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES) // a bound for a hang only: the story waits on the sweep's end
    void aSweepOfOneSettingShowsItsWholeChart(FxRobot robot) throws Exception {
        app.awaitReady();
        app.openTab(robot, "Sweeps");
        var vm = app.main.sweeps().viewModel();
        type(robot, "#sweepNetworkField", "linear 16, relu, linear");
        type(robot, "#sweepLrField", "0.1,0.01");
        type(robot, "#sweepBatchField", "");
        type(robot, "#sweepEpochsField", "1");
        type(robot, "#sweepTrainSizeField", "200");
        type(robot, "#sweepTestSizeField", "100");
        CompletableFuture<Void> ended = sweepEnds(robot, vm);
        robot.clickOn("#sweepStartButton");
        ended.get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", vm.messageProperty().get());
        assertEquals(1, vm.resultProperty().get().sweep().axes().size(), "one setting swept");
        assertChartWhole(robot);
    }

    /**
     * The fields whose values are lists show them whole in the smallest window, at 100 % and 150 %: the learning rates
     * "0.1,0.03,0.01" showed as "0.1,0.03," in a trial, the form's width fixed in pixels. A longer list typed in widens
     * its field with it.
     */
    @Test
    void theListsOfValuesShowWholeAtEveryScale(FxRobot robot) throws Exception {
        app.awaitReady();
        app.openTab(robot, "Sweeps");
        var appearance = app.services.appearance();
        List<String> failures = new ArrayList<>();
        try {
            for (int scale : new int[]{100, 150}) {
                robot.interact(() -> appearance.choose(io.digitstudio.ui.widgets.Theme.LIGHT, scale));
                for (String value : List.of("0.1,0.03,0.01", "0.3,0.1,0.03,0.01,0.003")) {
                    robot.interact(() -> app.main.sweeps().viewModel().learningRatesProperty().set(value));
                    Pulses.settle(2);
                    WaitForAsyncUtils.waitForFxEvents();
                    robot.interact(() -> {
                        for (String id : List.of("#sweepLrField", "#sweepBatchField")) {
                            javafx.scene.control.TextField f = robot.lookup(id).queryAs(javafx.scene.control.TextField.class);
                            javafx.scene.text.Text t = (javafx.scene.text.Text) f.lookup(".text");
                            double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
                            double needs = t.getLayoutBounds().getWidth();
                            if (needs > room) failures.add(scale + " %: " + id + " '" + f.getText() + "' needs " + Math.round(needs) + " px in " + Math.round(room));
                        }
                    });
                }
            }
        } finally {
            robot.interact(() -> appearance.choose(io.digitstudio.ui.widgets.Theme.LIGHT, 100));
        }
        assertEquals(List.of(), failures);
        List<String> cut = new ArrayList<>();
        robot.interact(() -> cut.addAll(Looks.cut(stage.getScene())));
        assertEquals(List.of(), cut, "nothing of the view cut by the wider form");
    }

    /** The sweep's chart lies wholly inside its place in the view. */
    private static void assertChartWhole(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        ImageView chart = robot.lookup("#sweepChart").queryAs(ImageView.class);
        assertNotNull(chart.getImage());
        javafx.scene.Node chartPane = robot.lookup("#sweepChartPane").query();
        Bounds shown = chartPane.localToScene(chartPane.getLayoutBounds());
        Bounds drawn = chart.localToScene(chart.getLayoutBounds());
        assertTrue(drawn.getHeight() > 100, "the chart is drawn at a readable size: " + drawn);
        assertTrue(drawn.getMinY() >= shown.getMinY() - 1 && drawn.getMaxY() <= shown.getMaxY() + 1
                && drawn.getMinX() >= shown.getMinX() - 1 && drawn.getMaxX() <= shown.getMaxX() + 1, "the chart " + drawn + " whole in its pane " + shown);
    }
}
