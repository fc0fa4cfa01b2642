package io.digitstudio.ui;

import io.digitstudio.train.ConfusionMatrix;
import io.digitstudio.train.FineTune;
import io.digitstudio.ui.mydigits.MyDigitsViewModel;
import io.digitstudio.ui.samples.SamplesViewModel;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A new user's first hour, as a trial went: three digits drawn and kept, a fine-tuning on them accepted, the new model
 * evaluated on the test set and then the training set, and a cell of each matrix opened in the gallery, which names
 * the set as Evaluate's set box does.
 */
class FineTunedSamplesStoryTest extends AppStory {
    @Start
    void start(Stage stage) {
        app.last = io.digitstudio.ui.app.LastSession.inMemory();
        app.show(stage);
    }

    private void stroke(FxRobot robot, double... xy) {
        robot.moveTo(app.onCanvas(xy[0], xy[1]));
        robot.press(MouseButton.PRIMARY);
        for (int i = 2; i + 1 < xy.length; i += 2) {
            double[] a = {xy[i - 2], xy[i - 1]};
            for (int k = 1; k <= 6; k++) robot.moveTo(app.onCanvas(a[0] + (xy[i] - a[0]) * k / 6, a[1] + (xy[i + 1] - a[1]) * k / 6));
        }
        robot.release(MouseButton.PRIMARY);
    }

    /** Draws one stroke on a clear canvas and keeps the drawing with Enter, as the model reads it. */
    private void drawAndKeep(FxRobot robot, double... xy) throws Exception {
        var vm = app.draw().viewModel();
        robot.type(KeyCode.ESCAPE);
        stroke(robot, xy);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.predictionProperty().get() != null && vm.strokes().size() == 1);
        app.awaitDrawAnswer();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Chooses {@code set} in Evaluate's set box, presses Evaluate and waits for the matrix of {@code images} images. */
    private ConfusionMatrix evaluateOn(FxRobot robot, String set, int images) throws Exception {
        app.openTab(robot, "Evaluate");
        robot.clickOn("#evaluateSetBox");
        robot.clickOn(set);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#evaluateButton");
        var evaluation = app.main.evaluate().viewModel();
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> evaluation.evaluationProperty().get() != null
                && evaluation.evaluationProperty().get().matrix().total() == images);
        WaitForAsyncUtils.waitForFxEvents();
        return evaluation.evaluationProperty().get().matrix();
    }

    /** Clicks the matrix's most confused cell and waits for the gallery to show its images with the model's answers. */
    private ConfusionMatrix.Pair openWorstCell(FxRobot robot, ConfusionMatrix m) throws Exception {
        ConfusionMatrix.Pair cell = m.mostConfused(1).get(0);
        while (!robot.lookup("#toastCloseButton").queryAll().isEmpty()) robot.clickOn("#toastCloseButton");
        Node target = robot.lookup("#cell-" + cell.truth() + "-" + cell.predicted()).query();
        Forms.reveal(robot, target);
        robot.clickOn(target);
        SamplesViewModel samples = app.main.samples().viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> "samplesTab".equals(app.main.tabs().getSelectionModel().getSelectedItem().getId())
                && samples.predictionsProperty().get() != null && samples.cellSet() != null && samples.visible().size() == cell.count());
        WaitForAsyncUtils.waitForFxEvents();
        return cell;
    }

    private String setBoxText(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Object> box = robot.lookup("#splitBox").queryAs(ComboBox.class);
        return box.getConverter().toString(box.getValue());
    }

    @Test
    void theGalleryNamesTheSetAFineTunedModelsCellComesFrom(FxRobot robot) throws Exception {
        app.awaitReady();
        app.openTab(robot, "Draw");
        drawAndKeep(robot, 150, 60, 150, 250);                        // a 1
        drawAndKeep(robot, 90, 80, 230, 80, 150, 250);                // a 7
        drawAndKeep(robot, 150, 60, 90, 150, 150, 250, 210, 150, 150, 60); // a 0
        app.openTab(robot, "My digits");
        MyDigitsViewModel my = app.main.myDigits().viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> my.digits().size() == 3);
        // a shorter fine-tuning than the app's default, for the test's time
        my.setSettings(new FineTune.Settings(1, 0.005, 60, 6000, 0.3, 0));
        robot.clickOn("#fineTuneButton");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> my.proposalProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#acceptFineTuneButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.models().activeProperty().get().name().startsWith("fine-tuned-"));
        WaitForAsyncUtils.waitForFxEvents();

        ConfusionMatrix test = evaluateOn(robot, "Test set (10,000)", 10_000);
        ConfusionMatrix.Pair cell = openWorstCell(robot, test);
        SamplesViewModel samples = app.main.samples().viewModel();
        assertEquals("Test set", setBoxText(robot), "the set box names the set as a user knows it, not by its file's id");
        assertEquals(10_000, samples.imagesProperty().get().size());
        for (int i : samples.visible()) assertEquals(cell.truth(), samples.imagesProperty().get().label(i));
        assertTrue(samples.summaryProperty().get().contains(" of the test set that the matrix counts as "), samples.summaryProperty().get());

        // the same for the training set, which Evaluate offers too
        ConfusionMatrix training = evaluateOn(robot, "Training set (60,000)", 60_000);
        ConfusionMatrix.Pair trainingCell = openWorstCell(robot, training);
        assertEquals("Training set", setBoxText(robot));
        assertEquals(60_000, samples.imagesProperty().get().size());
        for (int i : samples.visible()) assertEquals(trainingCell.truth(), samples.imagesProperty().get().label(i));
        assertTrue(samples.summaryProperty().get().contains(" of the training set that the matrix counts as "), samples.summaryProperty().get());
    }
}
