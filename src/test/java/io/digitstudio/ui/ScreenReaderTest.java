package io.digitstudio.ui;

import io.digitstudio.ui.train.RunState;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every view after a short run, in the smallest window, and the dialogs (Preferences, a confirmation): each control a
 * user can focus or that carries information has a name a screen reader reads, each chart, canvas and image a text
 * that says what it shows, and each control that acts, each chart and the drawing canvas a description (see
 * {@link Readable}).
 */
class ScreenReaderTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    @Test
    void everyControlAndChartHasSomethingToRead(FxRobot robot) throws Exception {
        app.awaitReady();
        javafx.scene.Node loss = robot.lookup("#lossChart").query();
        assertEquals("Loss chart: no data yet", read(loss), "the loss chart before a run");
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "2");
        robot.clickOn("#startButton");
        var run = app.main.train().run();
        await(120, () -> run.stateProperty().get() == RunState.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        // the chart's text follows the data: the newest point of each line (the smoothed train loss's is the last
        // iteration's, a little past the epoch when the batches do not divide the set)
        String said = read(loss);
        assertTrue(said.matches("Loss chart: train loss \\(smoothed\\) [0-9.]+( at epoch [0-9.]+)?, validation loss [0-9.]+ at epoch 2"), said);
        assertTrue(read(robot.lookup("#accuracyChart").query())
                .matches("Accuracy chart: train accuracy 0\\.[0-9]+, validation accuracy 0\\.[0-9]+ at epoch 2"));

        List<String> unnamed = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        StringBuilder figures = new StringBuilder();
        String[] tabs = ThemesAndScalesTest.TABS;
        for (int tab = 0; tab < tabs.length; tab++) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + (tab + 1));
            robot.press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            if (tabs[tab].equals("Samples")) {
                await(60, () -> app.main.samples().viewModel().imagesProperty().get() != null);
            }
            if (tabs[tab].equals("Runs")) {
                await(30, () -> !app.main.runs().table().getItems().isEmpty());
                robot.interact(() -> app.main.runs().table().getSelectionModel().select(0));
            }
            if (tabs[tab].equals("Draw")) {
                // a stroke: the answer, its probabilities, the network's input and the explanations show
                robot.moveTo(app.onCanvas(140, 60)).press(MouseButton.PRIMARY);
                robot.moveTo(app.onCanvas(145, 140)).moveTo(app.onCanvas(150, 220)).release(MouseButton.PRIMARY);
                await(10, () -> app.draw().viewModel().predictionProperty().get() != null);
                app.awaitDrawAnswer();
                String canvas = read(app.draw().canvas());
                assertTrue(canvas.startsWith("Drawing canvas: 1 stroke; the model reads "), canvas);
            }
            check(robot, tabs[tab], stage.getScene(), figures, unnamed, undescribed);
        }
        // the Preferences dialog (Ctrl+,); Esc closes it
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        await(10, () -> robot.lookup("#preferencesDialog").tryQuery().isPresent());
        check(robot, "Preferences", robot.lookup("#preferencesDialog").query().getScene(), figures, unnamed, undescribed);
        robot.type(KeyCode.ESCAPE);
        await(10, () -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());
        // a confirmation, as the app asks before it deletes a run or quits during training (the stories' dialogs are
        // faked, so this one is the real service's); Esc answers it
        var asking = new io.digitstudio.ui.app.FxDialogService(stage, null);
        javafx.application.Platform.runLater(() -> asking.confirm("Delete run", "Delete the run and its files?", "Delete"));
        await(10, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        check(robot, "Confirmation", robot.lookup(".dialog-pane").query().getScene(), figures, unnamed, undescribed);
        robot.type(KeyCode.ESCAPE);
        await(10, () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        System.out.print(figures);
        assertTrue(unnamed.isEmpty() && undescribed.isEmpty(), unnamed.size() + " controls or pictures with nothing for a screen reader to read:\n"
                + String.join("\n", unnamed) + "\n" + undescribed.size() + " controls, charts or canvases with no description for a screen reader:\n"
                + String.join("\n", undescribed));
    }

    private static void await(int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited " + seconds + " s in vain at " + Thread.currentThread().getStackTrace()[2], e);
        }
    }

    /** What the screen reader is told for {@code n} (asked on the FX thread, as the platform asks). */
    private static String read(javafx.scene.Node n) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Readable.text(n)).get();
    }

    /** Walks the window as it is now: what was checked, what had nothing to read, and what acts with no description. */
    private static void check(FxRobot robot, String view, javafx.scene.Scene scene, StringBuilder figures, List<String> unnamed,
                              List<String> undescribed) throws Exception {
        Pulses.settle(); // a layout pass after loading
        WaitForAsyncUtils.waitForFxEvents();
        Readable.Findings[] found = new Readable.Findings[1];
        robot.interact(() -> found[0] = Readable.check(scene));
        figures.append(view).append(": ").append(found[0].checked()).append(" checked, ")
                .append(found[0].unnamed().size()).append(" with nothing to read; ").append(found[0].acting())
                .append(" that act, ").append(found[0].undescribed().size()).append(" with no description\n");
        for (String u : found[0].unnamed()) unnamed.add(view + ": " + u);
        for (String u : found[0].undescribed()) undescribed.add(view + ": " + u);
    }
}
