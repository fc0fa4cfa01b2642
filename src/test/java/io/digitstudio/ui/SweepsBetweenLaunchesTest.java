package io.digitstudio.ui;

import io.digitstudio.runs.sweep.Sweep;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The app closed and opened again on the same run history: the Sweeps view shows the sweeps recorded before. */
class SweepsBetweenLaunchesTest extends AppStory {
    @TempDir
    Path runs;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.runsFolder = runs;
        app.showSmallest(stage);
    }

    /** A sweep of one short run per learning rate, from the command line, into the window's run history. */
    private void sweep(String learningRates) {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = io.digitstudio.cli.Cli.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err), "sweep",
                "--model", "linear 16, relu, linear", "--lr", learningRates, "--batch", "50", "--epochs", "1", "--train-size", "300",
                "--test-size", "100", "--runs-dir", runs.toString());
        assertEquals(0, code, err.toString());
    }

    /**
     * Two sweeps recorded, the app closed and opened again on the same folders, Sweeps opened (Ctrl+8): the newest sweep
     * is chosen in the picker and its table and status show it. (The picker listed both, but the view said "none yet"
     * and showed nothing until one was picked.)
     */
    @Test
    void afterARelaunchSweepsShowsTheNewestSweep(FxRobot robot) throws Exception {
        app.awaitReady();
        sweep("0.1");
        sweep("0.1,0.01");
        List<Sweep> recorded = Sweep.list(runs);
        assertEquals(2, recorded.size());
        Sweep newest = recorded.get(0);
        assertEquals(2, newest.points().size(), "the second sweep is the newest: " + recorded);

        app.close();
        robot.interact(() -> stage.hide());
        UiFixture again = new UiFixture();
        again.runsFolder = runs;
        robot.interact(() -> {
            stage = new Stage();
            again.showSmallest(stage);
        });
        try {
            again.awaitReady();
            robot.press(KeyCode.CONTROL, KeyCode.DIGIT8).release(KeyCode.DIGIT8, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("sweepsTab", again.main.tabs().getSelectionModel().getSelectedItem().getId());
            var vm = again.main.sweeps().viewModel();
            try {
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.rows().size() == 2 && !vm.statusProperty().get().isEmpty());
            } catch (java.util.concurrent.TimeoutException e) {
                // the assertions below say what is shown
            }
            Pulses.settle();
            ComboBox<?> picker = robot.lookup("#sweepsBox").queryComboBox();
            assertEquals(2, picker.getItems().size(), "both sweeps listed");
            assertEquals(newest, picker.getValue(), "the newest sweep chosen");
            String shown = ((ListCell<?>) picker.getButtonCell()).getText();
            assertTrue(shown.startsWith(newest.id()), "the picker says the newest sweep: '" + shown + "'");
            var table = robot.lookup("#sweepTable").queryTableView();
            assertEquals(2, table.getItems().size(), "the newest sweep's runs in the table");
            assertEquals("Sweep " + newest.id() + ": all 2 runs finished.", robot.lookup("#sweepStatus").queryLabeled().getText());
            assertEquals(List.of(), again.dialogs.errors);
        } finally {
            again.close();
        }
    }
}
