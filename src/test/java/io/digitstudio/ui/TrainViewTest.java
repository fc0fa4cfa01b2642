package io.digitstudio.ui;

import io.digitstudio.train.TrainingResult;
import io.digitstudio.ui.train.TrainViewModel;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(ApplicationExtension.class)
class TrainViewTest {
    private final UiFixture app = new UiFixture();

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        app.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        TrainViewModel vm = app.main.train().viewModel();
        robotStop(vm);
        app.close();
    }

    private static void robotStop(TrainViewModel vm) throws Exception {
        WaitForAsyncUtils.asyncFx(vm::stop).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.stateProperty().get() == TrainViewModel.State.FINISHED
                || vm.stateProperty().get() == TrainViewModel.State.IDLE);
    }

    private void setField(FxRobot robot, String id, String text) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> f.setText(text));
    }

    private TrainViewModel vm() {
        return app.main.train().viewModel();
    }

    @Test
    void aOneEpochRunOnASubsetFillsChartsTableAndStatus(FxRobot robot) throws Exception {
        app.awaitReady();
        setField(robot, "#trainLimitField", "2000");
        setField(robot, "#testLimitField", "500");
        setField(robot, "#epochsField", "1");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm().stateProperty().get() == TrainViewModel.State.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TrainingResult.Outcome.COMPLETED, vm().resultProperty().get().outcome());
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> loss = robot.lookup("#lossChart").queryAs(LineChart.class);
        assertFalse(loss.getData().get(0).getData().isEmpty(), "training loss points");
        assertEquals(1, loss.getData().get(1).getData().size(), "one validation loss point");
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> acc = robot.lookup("#accuracyChart").queryAs(LineChart.class);
        assertEquals(1, acc.getData().get(1).getData().size());
        TableView<?> table = robot.lookup("#epochTable").queryAs(TableView.class);
        assertEquals(1, table.getItems().size());
        String status = robot.lookup("#statusBar").queryAs(StatusBar.class).getText();
        assertTrue(status.matches("Finished: validation accuracy \\d+\\.\\d\\d%"), status);
        assertTrue(app.notifier.infos.stream().anyMatch(s -> s.startsWith("Training finished: Final validation accuracy")), app.notifier.infos.toString());
        // the trained model is now the app's model, and can be saved
        assertTrue(app.context.activeModelProperty().get().name().startsWith("trained 784-100-100-10"));
        Path saved = dir.resolve("trained.npz");
        app.dialogs.willChoose(saved);
        robot.clickOn("#saveModelButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(saved));
        // and the log and chart can be exported
        Path csv = dir.resolve("epochs.csv");
        app.dialogs.willChoose(csv);
        robot.clickOn("#exportCsvButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(csv));
        assertEquals(2, Files.readAllLines(csv).size());
        Path png = dir.resolve("chart.png");
        app.dialogs.willChoose(png);
        robot.clickOn("#exportChartButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(png));
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void stopEndsWithinASecondAndTheUiStaysUsable(FxRobot robot) throws Exception {
        app.awaitReady();
        setField(robot, "#epochsField", "50");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().stateProperty().get() == TrainViewModel.State.RUNNING);
        Thread.sleep(300);
        long t0 = System.nanoTime();
        robot.clickOn("#stopButton");
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> vm().stateProperty().get() == TrainViewModel.State.FINISHED);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 1.0, "stop took " + seconds + " s");
        assertEquals(TrainingResult.Outcome.STOPPED, vm().resultProperty().get().outcome());
        assertFalse(robot.lookup("#startButton").queryAs(Button.class).isDisabled(), "Start is usable again");
        assertFalse(robot.lookup("#saveModelButton").queryAs(Button.class).isDisabled(), "the stopped model can be saved");
    }

    @Test
    void pauseHoldsTheRunAndResumeContinuesIt(FxRobot robot) throws Exception {
        app.awaitReady();
        setField(robot, "#epochsField", "50");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().stateProperty().get() == TrainViewModel.State.RUNNING
                && vm().currentLoop() != null && vm().currentLoop().iteration() > 5);
        robot.clickOn("#pauseButton");
        assertEquals(TrainViewModel.State.PAUSED, vm().stateProperty().get());
        Thread.sleep(200);
        long held = vm().currentLoop().iteration();
        Thread.sleep(400);
        assertEquals(held, vm().currentLoop().iteration(), "no iterations while paused");
        robot.clickOn("#pauseButton"); // now "Resume"
        assertEquals(TrainViewModel.State.RUNNING, vm().stateProperty().get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm().currentLoop().iteration() > held + 10);
        assertSame(vm().currentLoop(), vm().currentLoop(), "the same run continues");
    }

    @Test
    void aBadDataFolderIsReportedAndTheViewStaysUsable(FxRobot robot) throws Exception {
        app.awaitReady();
        Path bad = Files.createDirectory(dir.resolve("bad-data"));
        Files.writeString(bad.resolve("train-images-idx3-ubyte"), "junk");
        app.dialogs.willChoose(bad);
        robot.interact(() -> robot.lookup("#dataBox").queryComboBox().getSelectionModel().select(1));
        assertEquals(bad, vm().dataFolderProperty().get());
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.notifier.errors.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.notifier.errors.get(0).contains("train-images-idx3-ubyte: not an IDX file"), app.notifier.errors.toString());
        assertEquals(TrainViewModel.State.IDLE, vm().stateProperty().get());
        assertFalse(robot.lookup("#startButton").queryAs(Button.class).isDisabled());
    }

    @Test
    void snapshotsInTheGuiResumeBitForBit(FxRobot robot) throws Exception {
        app.awaitReady();
        setField(robot, "#trainLimitField", "1500");
        setField(robot, "#testLimitField", "300");
        setField(robot, "#epochsField", "2");
        Path snaps = Files.createDirectory(dir.resolve("snaps"));
        app.dialogs.willChoose(snaps);
        robot.clickOn("#snapshotCheck");
        assertEquals(snaps, vm().snapshotFolderProperty().get());
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm().stateProperty().get() == TrainViewModel.State.FINISHED);
        Path snap = snaps.resolve("snapshot_epoch_0002.npz");
        assertTrue(Files.exists(snap));

        setField(robot, "#epochsField", "3");
        app.dialogs.willChoose(snap);
        robot.clickOn("#resumeButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm().stateProperty().get() == TrainViewModel.State.FINISHED
                && vm().resultProperty().get() != null && vm().resultProperty().get().epochs().size() == 3);
        var straight = io.digitstudio.train.TrainingLoop.create(io.digitstudio.train.TrainingConfig.tutorial().withEpochs(3).withLimits(1500, 300),
                io.digitstudio.data.Mnist.bundled().train().head(1500), io.digitstudio.data.Mnist.bundled().test().head(300), "t");
        straight.run();
        for (var e : straight.model().namedParams().entrySet()) {
            assertArrayEquals(io.digitstudio.nn.Host.toArray(e.getValue().data()),
                    io.digitstudio.nn.Host.toArray(vm().trainedModelProperty().get().namedParams().get(e.getKey()).data()), 0f, e.getKey());
        }
    }

    @Test
    void settingsExplainWhatIsWrongAndDisableStart(FxRobot robot) throws Exception {
        app.awaitReady();
        setField(robot, "#batchSizeField", "0");
        assertTrue(robot.lookup("#validationLabel").queryLabeled().getText().contains("Batch size must be between 1 and"));
        assertTrue(robot.lookup("#startButton").queryAs(Button.class).isDisabled());
        setField(robot, "#batchSizeField", "128");
        setField(robot, "#hp-lr", "-1");
        assertTrue(robot.lookup("#validationLabel").queryLabeled().getText().contains("Learning rate must be a positive number"));
        setField(robot, "#hp-lr", "0.01");
        assertFalse(robot.lookup("#startButton").queryAs(Button.class).isDisabled());
        robot.interact(() -> vm().optimizerProperty().set("adam"));
        assertNotNull(robot.lookup("#hp-beta1").query(), "Adam's own hyper-parameters are shown");
        assertEquals("0.001", robot.lookup("#hp-alpha").queryAs(TextField.class).getText());
    }
}
