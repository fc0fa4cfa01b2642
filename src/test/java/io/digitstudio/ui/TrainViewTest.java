package io.digitstudio.ui;

import io.digitstudio.train.TrainingResult;
import io.digitstudio.ui.model.ActiveModel;
import io.digitstudio.ui.train.RunControl;
import io.digitstudio.ui.train.RunState;
import javafx.scene.Node;
import io.digitstudio.ui.widgets.DecimatedSeries;
import io.digitstudio.ui.widgets.LiveChart;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The Train view as a user meets it: typing settings, starting, pausing, stopping, saving, resuming. */
class TrainViewTest extends AppStory {
    @TempDir
    java.nio.file.Path dir;

    @Start
    void start(Stage stage) {
        app.show(stage);
    }

    private RunControl run() {
        return app.main.train().run();
    }

    private void reveal(FxRobot robot, String id) {
        Forms.reveal(robot, id);
    }

    private void click(FxRobot robot, String id) {
        Forms.click(robot, id);
    }

    /** The Export menu's item {@code id}. */
    private static javafx.scene.control.MenuItem exportItem(FxRobot robot, String id) {
        return robot.lookup("#exportButton").queryAs(javafx.scene.control.MenuButton.class).getItems().stream()
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    /** Chooses the Export menu's item {@code id}, as a user opens the menu and clicks it. */
    private void export(FxRobot robot, String id) {
        robot.clickOn("#exportButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(exportItem(robot, id).getText().replace("_", ""));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void type(FxRobot robot, String id, String text) {
        Forms.type(robot, id, text);
    }

    /** Uses only the first examples of each set, as a user would to try something quickly. */
    private void subset(FxRobot robot, String train, String test) {
        type(robot, "#trainLimitField", train);
        type(robot, "#testLimitField", test);
    }

    private void startAndAwaitEnd(FxRobot robot) throws Exception {
        robot.clickOn("#startButton");
        awaitEnd();
    }

    private void awaitEnd() throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> run().stateProperty().get() == RunState.FINISHED
                || run().stateProperty().get() == RunState.IDLE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String status(FxRobot robot) {
        return Forms.status(robot);
    }

    private LiveChart chart(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(LiveChart.class);
    }

    /** The chart's plot as it is on screen now. */
    private static Image picture(LiveChart chart) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> chart.canvas().snapshot(null, null)).get();
    }

    /** Whether the pixel at (x, y) of the picture is (nearly) the colour {@code c}. */
    private static boolean near(Image img, double x, double y, Color c) {
        Color p = img.getPixelReader().getColor((int) Math.round(x), (int) Math.round(y));
        return Math.abs(p.getRed() - c.getRed()) < 0.12 && Math.abs(p.getGreen() - c.getGreen()) < 0.12 && Math.abs(p.getBlue() - c.getBlue()) < 0.12;
    }

    /** Whether the pixels 3 to 5 away from (x, y) include the colour {@code c} on both sides. */
    private static boolean ringHas(Image img, double x, double y, Color c) {
        boolean left = false, right = false;
        for (int dx = -5; dx <= 5; dx++) {
            for (int dy = -5; dy <= 5; dy++) {
                double r = Math.hypot(dx, dy);
                if (r < 3 || r > 5 || !near(img, x + dx, y + dy, c)) continue;
                if (dx < 0) left = true;
                if (dx > 0) right = true;
            }
        }
        return left && right;
    }

    /** Whether any pixel of column x, inside the plot, is (nearly) the colour {@code c}. */
    private static boolean columnHas(Image img, double x, Color c) {
        for (int y = 0; y < (int) img.getHeight(); y++) if (near(img, x, y, c)) return true;
        return false;
    }

    /** The tooltips of the form and the toolbar: none is built for the first frame, each shows when the pointer rests. */
    @Test
    void formTipsShowWhenThePointerRestsAndAreNotBuiltBefore(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> built = new java.util.ArrayList<>();
        for (Node n : robot.lookup((Node n) -> n instanceof javafx.scene.control.Control).queryAll()) {
            if (n instanceof javafx.scene.control.Control c && c.getTooltip() != null && shownIn(c, app.main.train())) built.add(c.getId() + ": " + c.getTooltip().getText());
        }
        assertEquals(List.of(), built, "a tooltip is a popup window of its own: none is made before the pointer comes");
        String early = "Stop when the validation loss has not improved";
        TextField field = robot.lookup("#earlyStopField").queryAs(TextField.class);
        assertTrue(field.getAccessibleHelp().startsWith(early), "a screen reader reads the tip before it was ever shown");
        reveal(robot, "#earlyStopField");
        robot.moveTo("#earlyStopField");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing() && t.getText().startsWith(early)));
        app.awaitReady(); // Start is off, and a disabled button shows no tooltip, until the engine is up
        robot.moveTo("#startButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing() && t.getText().startsWith("Start training")));
    }

    /** The height between the toolbar's bottom and the charts' top: the room the line under the toolbar takes. */
    private double band(FxRobot robot) {
        Node toolbar = robot.lookup("#startButton").query().getParent(), charts = robot.lookup("#trainScroll").query();
        double[] h = new double[1];
        robot.interact(() -> h[0] = charts.localToScene(charts.getLayoutBounds()).getMinY() - toolbar.localToScene(toolbar.getLayoutBounds()).getMaxY());
        return h[0];
    }

    private static boolean shownIn(Node n, Node view) {
        for (; n != null; n = n.getParent()) if (n == view) return true;
        return false;
    }

    @Test
    void aOneEpochRunShowsItsPointsEndsAtItsLastIterationAndKeepsTheBetterModelInUse(FxRobot robot) throws Exception {
        app.awaitReady();
        ActiveModel builtIn = app.models().activeProperty().get();
        // before training: epochs 0-10 from the form, loss from 0, accuracy 0-1
        LiveChart loss = chart(robot, "#lossChart");
        assertEquals(0, loss.xLowerBoundProperty().get());
        assertEquals(10, loss.xUpperBoundProperty().get());
        LiveChart acc = chart(robot, "#accuracyChart");
        assertEquals(0, acc.yLow());
        assertEquals(1, acc.yHigh());

        // the line under the toolbar has nothing to say yet: it takes no room, the form and charts start under the toolbar
        javafx.scene.layout.Region notice = robot.lookup("#noticeLine").queryAs(javafx.scene.layout.Region.class);
        assertEquals(0, band(robot), "an empty line under the toolbar takes no room");
        subset(robot, "2000", "500");
        type(robot, "#epochsField", "1");
        assertEquals(1, loss.xUpperBoundProperty().get(), "the axis follows the form");
        Node form = robot.lookup((Node n) -> n instanceof io.digitstudio.ui.train.SettingsPane).query();
        javafx.geometry.Bounds formWas = form.localToScreen(form.getLayoutBounds());
        startAndAwaitEnd(robot);
        assertEquals(TrainingResult.Outcome.COMPLETED, run().resultProperty().get().outcome());
        DecimatedSeries val = acc.series().get(1);
        assertEquals(1, val.size(), "one validation point");
        // a single point is a marker: a ring in the series' colour around a white centre
        Image shot = picture(acc);
        double px = acc.displayX(val.x(0)), py = acc.displayY(val.y(0));
        assertTrue(ringHas(shot, px, py, acc.color(1)), "the marker's ring is drawn at " + px + "," + py);
        assertTrue(near(shot, px, py, Color.WHITE), "around a white centre");
        var row = run().resultProperty().get().last();
        double lowest = Math.min(row.trainAccuracy(), row.valAccuracy());
        assertTrue(acc.yLow() <= lowest && acc.yLow() >= lowest - 0.1, "the accuracy axis fits the data: " + acc.yLow() + " for " + lowest);
        // 2000 examples at batch 128: 15.6 batches, so the run ends at iteration 16 of 16
        assertEquals("Iteration 16/16", robot.lookup("#iterationLabel").queryAs(Label.class).getText());
        // 2,000 examples for one epoch do worse than the built-in model's 99.03 %: that one stays in use, and the status
        // line says so with both figures; the toolbar's button puts the run's model to use all the same
        assertSame(builtIn, app.models().activeProperty().get(), "a worse run leaves the better model in use");
        String line = "Finished at " + io.digitstudio.ui.widgets.Formats.percent(row.valAccuracy()) + "; kept the model in use (99.03%).";
        assertEquals(line, status(robot));
        // nothing lies over the charts' titles: no line of its own comes over their top edge, and none takes their room
        assertTrue(robot.lookup("#keptNotice").queryAll().isEmpty(), "no line over the charts");
        assertEquals(0, band(robot), "the charts stay right under the toolbar");
        assertFalse(notice.isVisible(), "the line that takes the charts' room has nothing to say");
        assertEquals(formWas, form.localToScreen(form.getLayoutBounds()), "the form did not move");
        assertEquals(List.of("Use model"), robot.lookup(".button").queryAllAs(javafx.scene.control.ButtonBase.class).stream()
                .map(b -> b.getText().replace("_", "")).filter(t -> t.startsWith("Use")).toList());
        // said where the user looks, once: the Train view shows, so no toast repeats it
        assertEquals(List.of(), app.dialogs.infos.stream().filter(s -> s.startsWith("Training finished")).toList());
        robot.clickOn("#useModelButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("run " + run().recordedRunProperty().get(), app.models().activeProperty().get().name());
        assertEquals("Draw and Samples now use the model of this run.", status(robot), "the status no longer says it was kept");
        assertEquals(0, band(robot));

        java.nio.file.Path saved = dir.resolve("trained.npz");
        app.dialogs.willChoose(saved);
        robot.clickOn("#saveModelButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(saved));
        java.nio.file.Path csv = dir.resolve("epochs.csv");
        app.dialogs.willChoose(csv);
        export(robot, "exportCsvItem");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(csv));
        assertEquals(2, Files.readAllLines(csv).size());
        java.nio.file.Path png = dir.resolve("chart.png");
        app.dialogs.willChoose(png);
        export(robot, "exportChartItem");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(png));
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void aUserPicksLeNetSeesItsLayersThenWritesAndTrainsTheirOwnNetwork(FxRobot robot) throws Exception {
        app.awaitReady();
        click(robot, "#networkPreset");
        robot.clickOn("LeNet (CNN)");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextArea spec = robot.lookup("#networkSpec").queryAs(javafx.scene.control.TextArea.class);
        assertEquals(io.digitstudio.nn.NetworkSpec.PRESETS.get("lenet"), spec.getText());
        assertEquals("431,080 parameters", robot.lookup("#paramCount").queryAs(javafx.scene.control.Label.class).getText());
        TableView<?> layers = robot.lookup("#networkSummary").queryAs(TableView.class);
        assertEquals(10, layers.getItems().size(), "input and nine layers");

        // a typo is pointed at, and nothing can start until it is fixed
        type(robot, "#networkSpec", "conv 8 5, relu, maxpool 2, linaer");
        javafx.scene.control.Label error = robot.lookup("#networkError").queryAs(javafx.scene.control.Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("unknown layer \"linaer\""), error.getText());
        assertTrue(robot.lookup("#startButton").queryButton().isDisabled());
        assertEquals("custom", ((javafx.scene.control.ComboBox<?>) robot.lookup("#networkPreset").query()).getValue());

        // their own small CNN, with dropout, trains and becomes the active model
        type(robot, "#networkSpec", "conv 8 5, relu, maxpool 2, dropout 0.25, linear");
        assertFalse(error.isVisible());
        assertEquals("11,738 parameters", robot.lookup("#paramCount").queryAs(javafx.scene.control.Label.class).getText());
        subset(robot, "3000", "300");
        type(robot, "#epochsField", "1");
        startAndAwaitEnd(robot);
        assertEquals(RunState.FINISHED, run().stateProperty().get());
        // worse than the built-in model: the user puts it to use
        robot.clickOn("#useModelButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.models().activeProperty().get().model().spec().convolutional());
        var active = app.models().activeProperty().get();
        assertEquals("conv 8 5, relu, maxpool 2, dropout 0.25, linear 10", active.model().spec().text());
        assertTrue(active.testAccuracy() > 0.7, "learned something: " + active.testAccuracy());
    }

    @Test
    void aTenEpochRunKeepsItsWholeCurveAndTheNewestEpochInView(FxRobot robot) throws Exception {
        // a window of its own size, whatever an earlier story left: the smallest, where the chart is narrowest
        robot.interact(() -> {
            robot.window(0).setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
            robot.window(0).setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
        });
        app.awaitReady();
        subset(robot, "6000", "200");
        type(robot, "#networkSpec", "linear 20, relu, linear 20, relu, linear");
        startAndAwaitEnd(robot);
        LiveChart loss = chart(robot, "#lossChart");
        DecimatedSeries points = loss.series().get(0);
        assertTrue(points.size() <= 400, "capped: " + points.size());
        assertTrue(points.x(0) < 0.1, "the curve starts at the start: " + points.x(0));
        assertTrue(points.x(points.size() - 1) > 9.9, "and ends at the end");
        // the line as drawn runs from the left of the plot to its right
        Image shot = picture(loss);
        assertTrue(columnHas(shot, loss.displayX(points.x(0)) + 1, loss.color(0)), "drawn from x=" + loss.displayX(points.x(0)));
        // in the last epoch the validation curve, drawn over the training curve, may cover it where the two meet
        boolean late = false;
        for (double x = 9; x < 10 && !late; x += 0.05) {
            late = columnHas(shot, loss.displayX(x), loss.color(0)) || loss.series().size() > 1 && columnHas(shot, loss.displayX(x), loss.color(1));
        }
        assertTrue(late, "to the end");
        assertFalse(columnHas(shot, loss.displayX(0) - 3, loss.color(0)), "and not left of the plot");

        TableView<?> table = robot.lookup("#epochTable").queryAs(TableView.class);
        assertEquals(10, table.getItems().size());
        // the table scrolls in the frame after the rows arrive
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            var flow = (javafx.scene.control.skin.VirtualFlow<?>) table.lookup(".virtual-flow");
            return flow != null && flow.getLastVisibleCell() != null && flow.getLastVisibleCell().getIndex() == 9;
        });
        var flow = (javafx.scene.control.skin.VirtualFlow<?>) table.lookup(".virtual-flow");
        boolean lastVisible = flow.getLastVisibleCell().getIndex() == 9;
        assertTrue(lastVisible, "row 10 is in view");
    }

    @Test
    void aRunThatDivergesAtOnceClearsTheOldCurvesAndKeepsTheActiveModel(FxRobot robot) throws Exception {
        app.useModelOfUnknownAccuracy(); // the first run's model is put to use
        subset(robot, "1000", "200");
        type(robot, "#epochsField", "1");
        startAndAwaitEnd(robot);
        ActiveModel first = app.models().activeProperty().get();
        assertEquals(1, chart(robot, "#accuracyChart").series().get(1).size());
        assertFalse(exportItem(robot, "exportChartItem").isDisable(), "a chart to export");

        click(robot, "#optimizerBox");
        robot.clickOn("SGD");
        type(robot, "#hp-lr", "1000000");
        startAndAwaitEnd(robot);
        assertEquals(TrainingResult.Outcome.DIVERGED, run().resultProperty().get().outcome());
        for (String id : new String[]{"#lossChart", "#accuracyChart"}) {
            for (DecimatedSeries s : chart(robot, id).series()) {
                for (int i = 0; i < s.size(); i++) assertTrue(s.x(i) < 1, id + " shows no point of the old run");
            }
        }
        assertSame(first, app.models().activeProperty().get(), "a diverged run does not replace the active model");
        assertTrue(first.name().matches("run [0-9a-f]{8}"), first.name());
        assertTrue(status(robot).startsWith("Diverged: "), status(robot));
        assertTrue(status(robot).endsWith("The active model (" + first.name() + ") is unchanged."), status(robot));
    }

    /**
     * A run that runs out of memory in the middle of its first validation, as one did under -Xmx512m: the window says
     * what happened in one line, Start trains again, no model of the run is offered, and the Runs view lists it as failed.
     */
    @Test
    void aRunThatRunsOutOfMemoryMidValidationSaysSoAndItsRecordSaysFailed(FxRobot robot) throws Exception {
        app.awaitReady();
        subset(robot, "1000", "200"); // two batches of validation: it fails at the second
        type(robot, "#epochsField", "1");
        robot.interact(() -> io.digitstudio.ui.train.OutOfMemoryInValidation.nextRun(run()));
        startAndAwaitEnd(robot);
        String why = "failed during the validation of epoch 1: out of memory (" + io.digitstudio.ui.train.OutOfMemoryInValidation.MESSAGE + ")";
        assertEquals("Training " + why + ". The active model (built-in MLP) is unchanged.", status(robot));
        String id = run().recordedRunProperty().get();
        // said once, in the Train view's status: no message repeats it while the view shows
        assertEquals(List.of(), app.dialogs.errors.stream().filter(e -> e.startsWith("Training failed")).toList());
        assertFalse(robot.lookup("#startButton").queryAs(Button.class).isDisabled(), "Start is usable again");
        assertTrue(robot.lookup("#saveModelButton").queryAs(Button.class).isDisabled(), "a failed run offers no model to save");
        assertTrue(robot.lookup("#useModelButton").queryAs(Button.class).isDisabled(), "nor to use");
        assertEquals("built-in MLP", app.models().activeProperty().get().name());
        io.digitstudio.runs.RunSummary r = app.history.find(id);
        assertEquals(io.digitstudio.runs.RunStatus.FAILED, r.status(), "its folder says failed, not running");
        assertEquals(why, r.message());
        assertTrue(app.history.model(r).isEmpty(), "and holds no model");
    }

    @Test
    void stoppingKeepsTheActiveModelUntilTheUserChoosesToUseTheNewOne(FxRobot robot) throws Exception {
        app.awaitReady();
        ActiveModel builtIn = app.models().activeProperty().get();
        type(robot, "#epochsField", "50");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> run().currentLoop() != null && run().currentLoop().iteration() > 3);
        robot.clickOn("#stopButton");
        awaitEnd();
        assertEquals(TrainingResult.Outcome.STOPPED, run().resultProperty().get().outcome());
        assertSame(builtIn, app.models().activeProperty().get(), "a stopped run does not replace the built-in model");
        assertTrue(status(robot).contains("The active model (built-in MLP) is unchanged."), status(robot));
        // said once, in the Train view's status: no toast repeats it while the view shows
        assertEquals(List.of(), app.dialogs.infos.stream().filter(s -> s.startsWith("Training stopped")).toList());
        assertFalse(robot.lookup("#startButton").queryAs(Button.class).isDisabled(), "Start is usable again");
        robot.clickOn("#useModelButton");
        assertEquals("run " + run().recordedRunProperty().get(), app.models().activeProperty().get().name());
        assertTrue(robot.lookup("#useModelButton").queryAs(Button.class).isDisabled(), "already in use");
    }

    @Test
    void pauseHoldsTheRunAndContinueGoesOn(FxRobot robot) throws Exception {
        app.awaitReady();
        type(robot, "#epochsField", "50");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> run().currentLoop() != null && run().currentLoop().iteration() > 5);
        Node stop = robot.lookup("#stopButton").query();
        double stopAt = stop.localToScene(0, 0).getX(); // its place, not its bounds: a focus ring reaches past them
        robot.clickOn("#pauseButton");
        assertEquals(RunState.PAUSED, run().stateProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(stopAt, stop.localToScene(0, 0).getX(), 0.01, "Stop stays where it was when Pause becomes Continue");
        assertEquals("Continue", robot.lookup("#pauseButton").queryAs(Button.class).getText().replace("_", ""));
        assertEquals("Open snapshot…", robot.lookup("#resumeButton").queryAs(Button.class).getText().replace("_", ""));
        var loop = run().currentLoop();
        // paused: the worker parks before its next iteration
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> threadWaiting("digitstudio-train"));
        long held = loop.iteration();
        assertTrue(threadWaiting("digitstudio-train"));
        assertEquals(held, loop.iteration(), "no iterations while paused");
        robot.clickOn("#pauseButton");
        assertEquals(RunState.RUNNING, run().stateProperty().get());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> loop.iteration() > held + 10);
        assertSame(loop, run().currentLoop(), "the same run continues");
    }

    @Test
    void aUserChangesTheLearningRateWhileTrainingAndSeesItInTheChartTableAndLog(FxRobot robot, @TempDir java.nio.file.Path dir) throws Exception {
        app.awaitReady();
        subset(robot, "3000", "300");
        type(robot, "#networkSpec", "conv 8 5, relu, maxpool 2, linear");
        type(robot, "#epochsField", "30");
        robot.clickOn("#startButton");
        // after the first epoch, pause, lower the rate, apply it to the run and continue
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> run().currentLoop() != null && run().currentLoop().iterator().epoch() >= 1);
        robot.clickOn("#pauseButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> threadWaiting("digitstudio-train"));
        Button apply = robot.lookup("#applyButton").queryAs(Button.class);
        assertTrue(apply.isVisible());
        type(robot, "#hp-lr", "0.002");
        long at = run().currentLoop().iteration();
        click(robot, "#applyButton");
        assertEquals("Changed lr 0.002 from the next iteration", run().currentLoop() == null ? "" : presenterStatus());
        robot.clickOn("#pauseButton");
        awaitEnd();
        var loop = run().currentLoop();
        assertEquals(java.util.List.of(new io.digitstudio.train.HyperparameterChange(at, "lr", 0.002)), loop.changes());
        TableView<?> table = robot.lookup("#epochTable").queryAs(TableView.class);
        var rows = run().currentLoop().reports();
        assertEquals(0.01, rows.get(0).lr(), 0);
        assertEquals(0.002, rows.get(29).lr(), 0);
        assertEquals(30, table.getItems().size());
        DecimatedSeries lr = chart(robot, "#lrChart").series().get(0);
        var values = java.util.stream.IntStream.range(0, lr.size()).mapToDouble(lr::y).distinct().boxed().toList();
        assertTrue(values.contains(0.01) && values.contains(0.002), "the chart shows both rates: " + values);
        java.nio.file.Path csv = dir.resolve("epochs.csv");
        app.dialogs.willChoose(csv);
        export(robot, "exportCsvItem");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(csv));
        var lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).endsWith(",lr") && lines.get(1).endsWith(",0.01") && lines.get(30).endsWith(",0.002"), lines.toString());
    }

    @Test
    void aScheduleEarlyStoppingAndTheBestModelAreSetInTheForm(FxRobot robot) throws Exception {
        app.useModelOfUnknownAccuracy(); // the run's model is put to use
        subset(robot, "2000", "300");
        type(robot, "#epochsField", "3");
        type(robot, "#lrShiftField", "cosine:3");
        Label validation = robot.lookup("#validationLabel").queryAs(Label.class);
        assertTrue(validation.getText().startsWith("Schedule cosine:3: expected exponential:RATE"), validation.getText());
        assertTrue(robot.lookup("#startButton").queryButton().isDisabled());
        type(robot, "#lrShiftField", "exponential:0.5");
        type(robot, "#earlyStopField", "2");
        click(robot, "#keepBestCheck");
        assertFalse(validation.isVisible());
        startAndAwaitEnd(robot);
        var rows = run().currentLoop().reports();
        assertEquals(List.of(0.01, 0.005, 0.0025), rows.stream().map(io.digitstudio.train.EpochReport::lr).toList());
        assertEquals(RunState.FINISHED, run().stateProperty().get());
        var active = app.models().activeProperty().get();
        double best = rows.stream().mapToDouble(io.digitstudio.train.EpochReport::valAccuracy).max().orElseThrow();
        assertEquals(best, active.testAccuracy(), 1e-9, "the best epoch's model is the one adopted");
        int bestEpoch = rows.stream().filter(r -> r.valAccuracy() == best).findFirst().orElseThrow().epoch();
        String id = run().recordedRunProperty().get();
        assertEquals(bestEpoch == 3 ? "run " + id : "run " + id + " · best epoch " + bestEpoch,
                active.name(), "named by its run, and its epoch when it is not the last");
    }

    private String presenterStatus() {
        return app.main.train().presenter().statusProperty().get();
    }

    private static boolean threadWaiting(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).anyMatch(t -> t.getState() == Thread.State.WAITING
                && java.util.Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getMethodName().equals("awaitRunnable")));
    }

    @Test
    void aBadDataFolderIsReportedAndALongMessageDoesNotSqueezeTheStatusBar(FxRobot robot) throws Exception {
        app.awaitReady();
        java.nio.file.Path bad = Files.createDirectories(dir.resolve("a-folder-with-a-rather-long-name-that-makes-the-message-long/and-deeper/bad-data"));
        idx(bad, io.digitstudio.data.Mnist.bundled().train(), "train", 200);
        idx(bad, io.digitstudio.data.Mnist.bundled().test(), "t10k", 50);
        app.dialogs.willChoose(bad);
        click(robot, "#dataBox");
        robot.clickOn("IDX folder…");
        assertEquals(bad, app.main.train().settings().dataFolderProperty().get());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.main.train().dataPicker().foundProperty().get() != null);
        // the files are damaged after the picker read them: the run finds out as it starts
        Files.writeString(bad.resolve("train-images-idx3-ubyte"), "junk");
        robot.clickOn("#startButton");
        awaitEnd();
        String said = app.main.train().presenter().statusProperty().get();
        assertTrue(said.contains("train-images-idx3-ubyte: not an IDX file"), said);
        assertEquals(List.of(), app.dialogs.errors, "said in the status of the view shown, not again in a toast");
        assertEquals(RunState.IDLE, run().stateProperty().get());
        assertFalse(robot.lookup("#startButton").queryAs(Button.class).isDisabled());
        String text = Forms.status(robot);
        assertTrue(text.startsWith("Could not train:"), text);
        for (String id : new String[]{"#epochLabel", "#iterationLabel", "#timeLabel"}) {
            Label l = robot.lookup(id).queryAs(Label.class);
            assertTrue(l.getWidth() >= l.prefWidth(-1) - 0.5, id + " keeps its width");
        }
        Node bar = robot.lookup("#statusBar").query();
        assertTrue(bar.getBoundsInParent().getMaxX() <= app.main.getWidth() + 0.5, "the bar stays inside the window");
    }

    /** The first {@code n} examples of a set as two IDX files, {@code prefix}-images-idx3-ubyte and its labels. */
    static void idx(java.nio.file.Path folder, io.digitstudio.data.LabeledImages set, String prefix, int n) throws java.io.IOException {
        byte[] px = new byte[n * 784];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) set.label(i);
            for (int r = 0; r < 28; r++) for (int c = 0; c < 28; c++) px[i * 784 + r * 28 + c] = (byte) set.pixel(i, r, c);
        }
        io.digitstudio.io.IdxWriter.images(folder.resolve(prefix + "-images-idx3-ubyte"), px, n, 28, 28);
        io.digitstudio.io.IdxWriter.labels(folder.resolve(prefix + "-labels-idx1-ubyte"), labels);
    }

    @Test
    void aRunThatLearnedNothingNeverReplacesTheModelAndAGoodOneCanBeUndone(FxRobot robot) throws Exception {
        app.useModelOfUnknownAccuracy(); // even a model of unknown accuracy
        var builtIn = app.models().activeProperty().get();
        subset(robot, "1000", "300");
        type(robot, "#epochsField", "1");
        click(robot, "#optimizerBox");
        robot.clickOn("SGD");
        type(robot, "#hp-lr", "1e-12");
        startAndAwaitEnd(robot);
        assertSame(builtIn, app.models().activeProperty().get(), "a run at chance level is not put to use");
        assertTrue(status(robot).startsWith("Failed to learn: validation accuracy "), status(robot));
        assertEquals(io.digitstudio.runs.RunStatus.FAILED_TO_LEARN, app.history.list().get(0).status());

        type(robot, "#hp-lr", "0.1");
        startAndAwaitEnd(robot);
        var trained = app.models().activeProperty().get();
        assertNotSame(builtIn, trained, "a run that learned becomes the active model");
        String told = app.dialogs.infos.get(app.dialogs.infos.size() - 1);
        assertTrue(told.startsWith("Training finished: ") && told.endsWith("[Undo]"), told);
        robot.interact(() -> app.dialogs.lastAction.run());
        assertSame(builtIn, app.models().activeProperty().get(), "Undo brings the previous model back");

        // the next run that fails to learn can still be put to use by hand, whatever became of the last one
        startAndAwaitEnd(robot);
        type(robot, "#hp-lr", "1e-12");
        startAndAwaitEnd(robot);
        assertTrue(status(robot).startsWith("Failed to learn: "), status(robot));
        assertFalse(robot.lookup("#useModelButton").queryButton().isDisabled(), "Use model puts the run's model to use");
    }

    /**
     * Open snapshot… on an earlier snapshot of a finished run, as a new user tried it: picking the file trains nothing
     * and writes nothing. The finished run stays as it is; the form becomes a branch of it from there, with the run's
     * exact settings (its rate to the last digit, its two epochs rather than the form's five), and the status says what
     * Start does. Start trains a new run, bit for bit the parent's continuation; the form is the user's own again after.
     * (Picking it trained the finished run at once from epoch 1 to 5, rewriting its model, log, settings and
     * snapshots, and the next launch remembered the snapshot's values.)
     */
    @Test
    void openingASnapshotOfAFinishedRunSetsUpABranchAndTrainsOnlyOnStart(FxRobot robot) throws Exception {
        app.awaitReady();
        subset(robot, "1500", "300");
        type(robot, "#epochsField", "2");
        click(robot, "#optimizerBox");
        robot.clickOn("SGD");
        type(robot, "#hp-lr", "0.00015");
        int asked = app.dialogs.asked.size();
        click(robot, "#snapshotCheck");
        assertEquals(asked, app.dialogs.asked.size(), "no folder to choose: snapshots go into the run's own folder");
        robot.clickOn("#startButton");
        awaitEnd();
        var run = app.history.list().get(0);
        java.nio.file.Path snap = run.folder().resolve("snapshot_epoch_0001.npz");
        assertTrue(Files.exists(snap), "the snapshot is in the run's folder of the history");
        byte[] model = Files.readAllBytes(run.folder().resolve("model.npz"));
        String settings = Files.readString(run.folder().resolve("run.json"));
        List<String> files;
        try (var l = Files.list(run.folder())) {
            files = l.map(f -> f.getFileName().toString()).sorted().toList();
        }

        type(robot, "#hp-lr", "0.5");
        type(robot, "#epochsField", "5");
        app.dialogs.willChoose(snap);
        robot.clickOn("#resumeButton");
        assertEquals("open snapshot", app.dialogs.asked.get(app.dialogs.asked.size() - 1));
        assertEquals(RunState.FINISHED, run().stateProperty().get(), "opening a snapshot trains nothing by itself");
        String said = io.digitstudio.ui.train.RunControl.openedAsBranch(run.id(), true);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> said.equals(presenterStatus()));
        assertEquals(said, status(robot));
        assertEquals(RunState.FINISHED, run().stateProperty().get(), "still nothing trains: Start does");
        assertTrue(robot.lookup("#branchBanner").queryAs(Label.class).getText().startsWith("Branch of run " + run.id() + " from the end of epoch 1: "),
                robot.lookup("#branchBanner").queryAs(Label.class).getText());
        assertEquals("1.5e-4", robot.lookup("#hp-lr").queryAs(TextField.class).getText(), "the snapshot's rate, exactly");
        assertEquals("2", robot.lookup("#epochsField").queryAs(TextField.class).getText(), "the run's epochs: a branch of it trains on past epoch 1");
        assertEquals("5", app.main.train().run().ownValues().epochs(), "the next launch remembers the user's own form");
        assertEquals(1, app.history.list().size());

        robot.clickOn("#startButton");
        awaitEnd();
        assertEquals(2, app.history.list().size(), "a new run, branched from the finished one");
        var parent = app.history.find(run.id());
        assertEquals(2, parent.epochsDone());
        assertEquals(2, parent.settings().config().epochs());
        assertTrue(parent.resumes().isEmpty());
        assertArrayEquals(model, Files.readAllBytes(run.folder().resolve("model.npz")), "the finished run's model stays");
        assertEquals(settings, Files.readString(run.folder().resolve("run.json")), "and its settings");
        try (var l = Files.list(run.folder())) {
            assertEquals(files, l.map(f -> f.getFileName().toString()).sorted().toList(), "and its files, the snapshot opened among them");
        }
        assertEquals(1.5e-4, run().currentLoop().config().lr(), 0.0);
        var parentModel = io.digitstudio.io.ModelFiles.loadNpz(run.folder().resolve("model.npz")).model();
        for (var e : parentModel.namedParams().entrySet()) {
            assertArrayEquals(io.digitstudio.nn.Host.toArray(e.getValue().data()),
                    io.digitstudio.nn.Host.toArray(run().trainedNetwork().namedParams().get(e.getKey()).data()), 0f, e.getKey());
        }
        assertEquals("5", robot.lookup("#epochsField").queryAs(TextField.class).getText(), "the form is the user's own again");
        assertEquals("0.5", robot.lookup("#hp-lr").queryAs(TextField.class).getText());
    }

    @Test
    void everyBadFieldSaysWhyWhereItIsAndStartSaysWhyItIsOff(FxRobot robot) throws Exception {
        robot.interact(() -> {
            robot.window(0).setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
            robot.window(0).setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
        });
        app.awaitReady();
        assertTrue(exportItem(robot, "exportChartItem").isDisable() && robot.lookup("#exportButton").query().isDisabled(), "nothing to export before a run");
        assertEquals("Ready to train", robot.lookup("#statusText").queryAs(Label.class).getAccessibleText());
        type(robot, "#batchSizeField", "abc");
        type(robot, "#epochsField", "0");
        type(robot, "#lrShiftField", "bogus:1");
        type(robot, "#hp-lr", "-1");
        String[][] said = {{"#batchSizeField", "Batch size must be a whole number, got 'abc'"}, {"#epochsField", "Epochs must be between 1 and 10000, got 0"},
                {"#lrShiftField", "Schedule bogus:1: expected exponential:RATE, linear:START:END or step:RATE@E1,E2,..."},
                {"#hp-lr", "Learning rate must be a positive number, got -1"}};
        for (String[] f : said) {
            reveal(robot, f[0]);
            Node field = robot.lookup(f[0]).query();
            Label error = robot.lookup(f[0] + "Error").queryAs(Label.class);
            assertTrue(error.isVisible(), f[0] + "'s message is shown");
            assertEquals(f[1], error.getText());
            assertTrue(field.getPseudoClassStates().contains(atlantafx.base.theme.Styles.STATE_DANGER), f[0] + " is marked");
            // and the theme draws the mark: the field's frame in Primer Light's danger colour (-color-danger-emphasis)
            robot.interact(() -> field.applyCss());
            var frame = ((javafx.scene.layout.Region) field).getBackground().getFills().get(0).getFill();
            assertEquals(javafx.scene.paint.Color.web("#cf222e"), frame, f[0] + "'s frame");
            // right under its field, not at the bottom of the form
            double gap = error.localToScene(error.getBoundsInLocal()).getMinY() - field.localToScene(field.getBoundsInLocal()).getMaxY();
            assertTrue(gap >= 0 && gap < 16, f[0] + ": its message is " + gap + " px below it");
            DrawViewTest.assertWhole(error);
        }
        assertTrue(robot.lookup("#startButton").queryAs(Button.class).isDisabled());
        // the status line says why Start is off, in one line; each field says the rest under itself
        Label why = robot.lookup("#statusText").queryAs(Label.class);
        assertEquals("Fix Learning rate and 3 more fields (in red) to start.", why.getAccessibleText());
        assertEquals(why.getAccessibleText(), why.getText(), "on one line");
        DrawViewTest.assertWhole(why);
        robot.clickOn(why);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("hp-lr", why.getScene().getFocusOwner().getId(), "the click puts the cursor in the first bad field");
        robot.write("0.02");
        type(robot, "#batchSizeField", "64");
        type(robot, "#epochsField", "2");
        type(robot, "#lrShiftField", "");
        robot.type(javafx.scene.input.KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#startButton").queryAs(Button.class).isDisabled());
        assertEquals("Ready to train", why.getAccessibleText());
        assertFalse(robot.lookup("#batchSizeFieldError").query().isVisible());
    }

    @Test
    void aChartsUpdateRedrawsThatChartNotTheWholeCentreFromABitmap(FxRobot robot) throws Exception {
        app.awaitReady();
        // JavaFX's scroll pane skin caches its viewport: each chart update would then draw the charts, the pins and
        // the table into that bitmap again, on the renderer's thread, during the run
        javafx.scene.control.ScrollPane centre = robot.lookup("#trainScroll").queryAs(javafx.scene.control.ScrollPane.class);
        assertNotNull(centre.getSkin());
        assertFalse(io.digitstudio.ui.widgets.LiveViewport.cached(centre));
        // and a new skin (a theme that replaces it) keeps it so
        robot.interact(() -> centre.setSkin(new javafx.scene.control.skin.ScrollPaneSkin(centre)));
        assertFalse(io.digitstudio.ui.widgets.LiveViewport.cached(centre));
        assertTrue(centre.getChildrenUnmodifiable().stream().anyMatch(n -> n.getStyleClass().contains("viewport")), "the skin has a viewport to keep uncached");
    }

    @Test
    void settingsExplainWhatIsWrongAndDisableStart(FxRobot robot) throws Exception {
        app.awaitReady();
        type(robot, "#batchSizeField", "0");
        assertTrue(robot.lookup("#batchSizeFieldError").queryLabeled().getText().contains("Batch size must be between 1 and"));
        assertTrue(robot.lookup("#startButton").queryAs(Button.class).isDisabled());
        type(robot, "#batchSizeField", "128");
        type(robot, "#hp-lr", "-1");
        assertTrue(robot.lookup("#hp-lrError").queryLabeled().getText().contains("Learning rate must be a positive number"));
        type(robot, "#hp-lr", "0.01");
        assertFalse(robot.lookup("#startButton").queryAs(Button.class).isDisabled());
        click(robot, "#optimizerBox");
        robot.clickOn("Adam");
        assertNotNull(robot.lookup("#hp-beta1").query(), "Adam's own hyper-parameters are shown");
        assertEquals("0.001", robot.lookup("#hp-alpha").queryAs(TextField.class).getText());
    }

    @Test
    void theEvaluateTabFollowsTheRunEpochByEpochAndItsCellsOpenTheGalleryOnceTheRunEnds(FxRobot robot) throws Exception {
        app.useModelOfUnknownAccuracy(); // the run's model is put to use
        robot.clickOn((Node) robot.lookup(".tab-label").match(org.testfx.matcher.control.LabeledMatchers.hasText("Evaluate")).query());
        assertTrue(robot.lookup("#followTrainingCheck").queryAs(javafx.scene.control.CheckBox.class).isSelected(), "following is the default");
        robot.clickOn((Node) robot.lookup(".tab-label").match(org.testfx.matcher.control.LabeledMatchers.hasText("Train")).query());
        subset(robot, "3000", "1000");
        type(robot, "#epochsField", "2");
        robot.clickOn("#startButton");
        var eval = app.main.evaluate().viewModel();
        // the first epoch's validation shows while the run goes on
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> eval.evaluationProperty().get() != null);
        robot.clickOn((Node) robot.lookup(".tab-label").match(org.testfx.matcher.control.LabeledMatchers.hasText("Evaluate")).query());
        awaitEnd();
        var e = eval.evaluationProperty().get();
        assertEquals(2, e.epoch());
        assertEquals(1000, e.matrix().total());
        assertEquals(run().resultProperty().get().last().valAccuracy(), e.matrix().accuracy(), 1e-6);
        assertEquals(String.valueOf(e.matrix().count(3, 3)), robot.lookup("#cell-3-3").queryAs(Label.class).getText());
        assertEquals(12, robot.lookup("#perClassTable").queryAs(TableView.class).getItems().size());
        assertTrue(robot.lookup("#evaluateStatus").queryAs(Label.class).getText().startsWith("Training: epoch 2, validation accuracy"));
        // over the matrix and in the set box: what it is, not "Test set (10,000)"
        Label shown = robot.lookup("#evaluationShown").queryAs(Label.class);
        assertEquals("Epoch 2's validation of the training run, on 1,000 images of the test set of MNIST (bundled)", shown.getText());
        DrawViewTest.assertWhole(shown);
        javafx.scene.control.ComboBox<?> setBox = robot.lookup("#evaluateSetBox").queryAs(javafx.scene.control.ComboBox.class);
        assertEquals("Run's validation (1,000)", ((javafx.scene.control.ListCell<?>) setBox.getButtonCell()).getText());
        // the run's model is active now: the matrix's diagonal cell opens the gallery on that class's right answers
        assertSame(app.models().activeProperty().get(), e.model());
        robot.clickOn("#cell-3-3");
        var samples = app.main.samples().viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> samples.predictionsProperty().get() != null && !samples.visible().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("samplesTab", app.main.tabs().getSelectionModel().getSelectedItem().getId());
        for (int i : samples.visible()) {
            assertEquals(3, samples.imagesProperty().get().label(i));
            assertEquals(3, samples.predictedLabel(i));
        }
    }
    /**
     * A trial's short run ended below the built-in model's accuracy, which stayed in use; a click on a cell of the run's
     * matrix then said the gallery shows its images "once the run has ended and its model is active", of a run that had
     * ended. What it says now holds: only the model is still to be put to use.
     */
    @Test
    void aCellOfAnEndedRunsMatrixSaysOnlyItsModelIsStillToBePutToUse(FxRobot robot) throws Exception {
        app.awaitReady();
        ActiveModel builtIn = app.models().activeProperty().get();
        subset(robot, "3000", "500");
        type(robot, "#epochsField", "1");
        startAndAwaitEnd(robot);
        assertSame(builtIn, app.models().activeProperty().get(), "the built-in model's accuracy keeps a short run's model out of use");
        app.openTab(robot, "Evaluate");
        var e = app.main.evaluate().viewModel().evaluationProperty().get();
        assertNotNull(e, "the run's validation is followed");
        assertTrue(e.live());
        robot.clickOn("#cell-1-1");
        WaitForAsyncUtils.waitForFxEvents();
        Label status = robot.lookup("#evaluateStatus").queryAs(Label.class);
        DrawViewTest.assertWhole(status);
        String said = status.getText();
        assertFalse(said.contains("once the run has ended"), "the run has ended: " + said);
        assertEquals("The gallery shows these images once the run's model is active (Draw and Samples use " + builtIn.name() + ")", said);
        assertEquals("evaluateTab", app.main.tabs().getSelectionModel().getSelectedItem().getId(), "no gallery of another model's answers");
    }

    /**
     * The layer table (Layer, Type, Output, Params) in the smallest window, as a trial met it: the scale made 150 % with
     * the high-contrast theme, a look at Runs, back to Train, the light theme, then 100 % again. Its columns fit its
     * width again, as they did at first: no sideways scroll bar, Params whole in view (a trial saw the 150 % widths
     * kept, the table scrolling sideways and Params cut).
     */
    @Test
    void theLayerTableFitsAgainWhenTheScaleGoesBack(FxRobot robot) throws Exception {
        robot.interact(() -> {
            javafx.stage.Stage stage = (javafx.stage.Stage) app.main.getScene().getWindow();
            stage.setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
            stage.setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
        });
        Pulses.settle();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), layerTableMisfits(robot), "at first");
        var appearance = app.services.appearance();
        try {
            robot.interact(() -> appearance.choose(io.digitstudio.ui.widgets.Theme.HIGH_CONTRAST, 150));
            Pulses.settle();
            app.openTab(robot, "Runs");
            Pulses.settle();
            app.openTab(robot, "Train");
            robot.interact(() -> appearance.choose(io.digitstudio.ui.widgets.Theme.LIGHT, 150));
            Pulses.settle();
            robot.interact(() -> appearance.choose(io.digitstudio.ui.widgets.Theme.LIGHT, 100));
            Pulses.settle();
            WaitForAsyncUtils.waitForFxEvents();
            Pulses.settle();
            assertEquals(List.of(), layerTableMisfits(robot), "back at 100 %");
        } finally {
            robot.interact(() -> appearance.choose(io.digitstudio.ui.widgets.Theme.LIGHT, 100));
        }
    }

    /** What does not fit in the layer table: a sideways scroll bar, a column past its right edge, a cell cut. */
    private static List<String> layerTableMisfits(FxRobot robot) {
        List<String> wrong = new java.util.ArrayList<>();
        robot.interact(() -> {
            TableView<?> table = robot.lookup("#networkSummary").queryTableView();
            for (Node n : table.lookupAll(".scroll-bar")) {
                if (n instanceof javafx.scene.control.ScrollBar b && b.isVisible() && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                    wrong.add("a sideways scroll bar");
                }
            }
            var shown = table.localToScene(table.getLayoutBounds());
            for (Node n : table.lookupAll(".column-header")) {
                if (!(n instanceof javafx.scene.layout.Region h) || !h.isVisible() || h.getWidth() <= 0) continue;
                var b = h.localToScene(h.getLayoutBounds());
                if (b.getMaxX() > shown.getMaxX() + 0.5) wrong.add(h.getId() + " header ends at " + b.getMaxX() + " past " + shown.getMaxX());
            }
            wrong.addAll(Looks.cut(table.getScene(), "networkSummary"));
        });
        return wrong;
    }
}
