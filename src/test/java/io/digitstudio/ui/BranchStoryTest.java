package io.digitstudio.ui;

import io.digitstudio.runs.RunSummary;
import io.digitstudio.train.EpochReport;
import io.digitstudio.ui.runs.RunsViewModel;
import io.digitstudio.ui.train.RunState;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Branching as a user does it: a short run with snapshots, then in Runs "Branch from here…" at its first epoch with another rate. */
class BranchStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage); // nothing of this story's is cut there
    }

    /** This story's labels and buttons that show less than their text (JavaFX's "…"). */
    private List<String> cut(String... ids) {
        return Looks.cut(stage.getScene(), ids);
    }

    /** The Runs table's row showing the run {@code id}. */
    private static Node row(FxRobot robot, String id) {
        return robot.lookup("#runsTable .table-row-cell").match((javafx.scene.control.TableRow<RunSummary> r) -> !r.isEmpty() && r.getItem() != null
                && r.getItem().id().equals(id)).query();
    }

    private static void choosePoint(FxRobot robot, String label) {
        robot.clickOn("#branchPointBox");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn((Node) robot.lookup(".combo-box-popup .list-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText(label)).query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aRunBranchedAtItsFirstEpochWithAnotherRateIsListedAsItsBranch(FxRobot robot) throws Exception {
        app.awaitReady();
        var run = app.main.train().run();
        app.trainShortRunWithSnapshots(robot, 2);
        String parent = app.history.list().get(0).id();
        List<Double> parentAccuracy = run.resultProperty().get().epochs().stream().map(EpochReport::valAccuracy).toList();

        app.openTab(robot, "Runs");
        RunsViewModel runs = app.main.runs().viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#runsTable").queryTableView().getItems().size() == 1);
        robot.clickOn(row(robot, parent));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runs.branchChoices().size() == 2);
        choosePoint(robot, "end of epoch 1");
        assertEquals(List.of(), cut("branchRow", "branchPointBox", "branchButton", "branchReason"));
        Button branch = robot.lookup("#branchButton").queryButton();
        assertFalse(branch.isDisabled(), "the run kept a snapshot at the end of epoch 1");
        robot.clickOn(branch);
        WaitForAsyncUtils.waitForFxEvents();

        // the Train view, on the parent's settings, says it is a branch; the user lowers the rate and starts
        assertTrue(app.main.tabs().getSelectionModel().getSelectedItem().getId().equals("trainTab"));
        Label banner = robot.lookup("#branchBanner").queryAs(Label.class);
        assertTrue(banner.isVisible());
        assertTrue(banner.getText().startsWith("Branch of run " + parent + " from the end of epoch 1"), banner.getText());
        assertEquals("1000", robot.lookup("#trainLimitField").queryTextInputControl().getText());
        assertEquals(List.of(), cut("branchBanner", "leaveBranchButton"));
        Forms.type(robot, "#hp-lr", "0.05");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> run.stateProperty().get() == RunState.FINISHED && app.history.list().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), app.dialogs.errors);
        // it trains from epoch 2 on: its first epoch is its parent's, as it was, and its second its own
        List<EpochReport> shown = app.main.train().presenter().epochRows();
        assertEquals(List.of(1, 2), shown.stream().map(EpochReport::epoch).toList());
        assertEquals(parentAccuracy.get(0), shown.get(0).valAccuracy(), 1e-12);
        assertNotEquals(parentAccuracy.get(1), shown.get(1).valAccuracy(), "epoch 2 trained at the other rate");

        // Runs lists it as a branch of the first run
        app.openTab(robot, "Runs");
        TableView<RunSummary> table = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        RunSummary b = table.getItems().stream().filter(r -> !r.id().equals(parent)).findFirst().orElseThrow();
        assertEquals(parent, b.settings().branchedFrom().run());
        assertEquals(1, b.settings().branchedFrom().epoch(), "branched after epoch 1: its own epochs start at 2");
        assertEquals(2, b.epochsDone());
        assertEquals("0.05", String.valueOf(b.settings().config().hyperparams().get("lr")));
        assertEquals(List.of(), Looks.cut(stage.getScene()).stream().filter(c -> c.contains("'branch of'") || c.contains(", epoch 1'")).toList(),
                "the branch column's title and cells are whole");
        assertTrue(robot.lookup("#runsTable .table-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText(parent + ", epoch 1")).tryQuery().isPresent(),
                "the branch's row names its parent");
        // the branch's first epoch is its parent's: nothing to branch from there, and the button says why
        robot.clickOn(row(robot, b.id()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runs.branchChoices().size() == 2 && runs.selectedIds().equals(List.of(b.id())));
        choosePoint(robot, "end of epoch 1");
        assertTrue(robot.lookup("#branchButton").queryButton().isDisabled());
        Label why = robot.lookup("#branchReason").queryAs(Label.class);
        assertTrue(why.isVisible());
        assertEquals("Epoch 1 is the parent run's (" + parent + "): branch from that run", why.getText());
        assertEquals(List.of(), cut("branchRow", "branchPointBox", "branchButton", "branchReason"));
    }
}
