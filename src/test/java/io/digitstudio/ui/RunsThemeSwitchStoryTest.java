package io.digitstudio.ui;

import io.digitstudio.runs.RunSummary;
import io.digitstudio.ui.widgets.Theme;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
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
 * The Runs view at 150 % in the smallest window, its theme switched to high contrast while it is open (a new user's
 * trial of issue 37): the runs table keeps three whole rows at least, as the guide says, and a click on a run moves
 * nothing. The trial saw the table shrink to one cut row, then jump to three when a run was selected.
 */
class RunsThemeSwitchStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    /** A run of the tutorial's network from the command line, as a user's first runs are: its columns wrap. */
    private void tutorialRun(int i) {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = io.digitstudio.cli.Cli.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err), "train", "--epochs", "1",
                "--train-size", "100", "--test-size", "50", "--out", app.history.root().resolveSibling("tutorial-" + i + ".npz").toString(),
                "--runs-dir", app.history.root().toString());
        assertEquals(0, code, err.toString());
    }

    /** The table's height, the divider's place and the rows shown whole, as one line to compare. */
    private static String split(FxRobot robot, TableView<RunSummary> table) {
        String[] out = new String[1];
        robot.interact(() -> {
            Node up = table.getParent();
            while (!(up instanceof SplitPane)) up = up.getParent();
            SplitPane main = (SplitPane) up;
            double divider = main.getDividers().get(0).getPosition() * (main.getHeight() - main.snappedTopInset() - main.snappedBottomInset());
            out[0] = "table " + Math.round(table.getHeight()) + " px, divider at " + Math.round(divider) + " px, " + wholeRows(table) + " whole rows";
        });
        return out[0];
    }

    /** How many of the table's runs show whole in its view (below the header, above its bottom edge). */
    private static int wholeRows(TableView<RunSummary> table) {
        Node flow = table.lookup(".virtual-flow");
        Bounds view = flow.localToScene(flow.getLayoutBounds());
        Node clipped = table.lookup(".clipped-container");
        if (clipped != null) view = clipped.localToScene(clipped.getLayoutBounds());
        int n = 0;
        for (Node r : table.lookupAll(".table-row-cell")) {
            if (!(r instanceof TableRow<?> row) || !row.isVisible() || row.getIndex() < 0 || row.getIndex() >= table.getItems().size()) continue;
            Bounds b = row.localToScene(row.getLayoutBounds());
            if (b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5) n++;
        }
        return n;
    }

    /** As the trial did it, in Preferences with the Runs view open: dark at 150 %, OK; then high contrast, OK. */
    @Test
    void theRunsTableKeepsThreeRowsThroughTheThemesChosenInPreferences(FxRobot robot) throws Exception {
        keepsThreeRows(robot);
    }

    private void preferences(FxRobot robot, Runnable keys) throws Exception {
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.COMMA).release(javafx.scene.input.KeyCode.COMMA, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesDialog").tryQuery().isPresent());
        Node d = robot.lookup("#preferencesDialog").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> d.getScene().getFocusOwner() != null && "themeChoice".equals(d.getScene().getFocusOwner().getId()));
        keys.run();
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());
        Pulses.settle(4);
    }

    private void keepsThreeRows(FxRobot robot) throws Exception {
        app.awaitReady();
        for (int i = 0; i < 4; i++) tutorialRun(i);
        app.openTab(robot, "Runs");
        TableView<RunSummary> table = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 4);
        Pulses.settle(4);
        // dark, then 150 % (the theme list, Tab, 125 %, 150 %)
        preferences(robot, () -> robot.type(javafx.scene.input.KeyCode.DOWN).type(javafx.scene.input.KeyCode.TAB).type(javafx.scene.input.KeyCode.DOWN)
                .type(javafx.scene.input.KeyCode.DOWN));
        assertEquals(150, app.services.appearance().scaleProperty().get());
        String dark = split(robot, table);
        preferences(robot, () -> robot.type(javafx.scene.input.KeyCode.DOWN));
        assertEquals(Theme.HIGH_CONTRAST, app.services.appearance().themeProperty().get());
        Pulses.settle(4);
        String contrast = split(robot, table);
        int[] whole = new int[1];
        robot.interact(() -> whole[0] = wholeRows(table));
        robot.clickOn(robot.lookup("#runsTable .table-row-cell").match((TableRow<?> r) -> r.getIndex() == 0).queryAs(Node.class));
        Pulses.settle(4);
        String selected = split(robot, table);
        List<String> wrong = new ArrayList<>();
        if (whole[0] < 3) wrong.add("high contrast: " + contrast + " (in dark: " + dark + ")");
        if (!selected.equals(contrast)) wrong.add("a click on a run moved the table: " + contrast + ", then " + selected);
        System.out.println("dark 150 %: " + dark + "; high contrast: " + contrast + "; selected: " + selected);
        assertEquals(List.of(), wrong);
    }
}
