package io.digitstudio.ui;

import io.digitstudio.runs.RunSummary;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A new user's trial in the smallest window (1024x700): the runs table grew with each run and pushed the selected run's
 * actions down, so they were somewhere else at each visit, and a click meant for "Delete…" landed on "Open in Draw".
 * The actions stay where they are whatever the number of runs, and Delete… is not within a slip of the actions used
 * most.
 */
class RunsActionsStayPutStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    /** The selected run's actions, the ones used most first. */
    private static final List<String> ACTIONS = List.of("#openRunModelButton", "#evaluateRunButton", "#rerunButton", "#resumeButtonPlace",
            "#exportRunButton", "#branchPointBox", "#branchButton", "#deleteRunButton");
    /** The actions a user reaches for most often. */
    private static final List<String> FREQUENT = List.of("#openRunModelButton", "#evaluateRunButton", "#rerunButton");

    /** Each action's box on the screen. */
    private static Map<String, String> places(FxRobot robot) {
        Map<String, String> out = new LinkedHashMap<>();
        robot.interact(() -> {
            for (String id : ACTIONS) {
                Node n = robot.lookup(id).query();
                Bounds b = n.localToScreen(n.getLayoutBounds());
                out.put(id, n.isVisible() ? String.format(Locale.ROOT, "(%.1f,%.1f %.1fx%.1f)", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight()) : "hidden");
            }
        });
        return out;
    }

    private static Node row(FxRobot robot, int i) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> robot.lookup("#runsTable .table-row-cell")
                .match((TableRow<?> r) -> r.getIndex() == i && !r.isEmpty()).tryQuery().isPresent()).get());
        return robot.lookup("#runsTable .table-row-cell").match((TableRow<?> r) -> r.getIndex() == i && !r.isEmpty()).query();
    }

    /** One run from the command line, selected in Runs, its actions laid out: the runs table. */
    private TableView<RunSummary> oneRunSelected(FxRobot robot) throws Exception {
        app.awaitReady();
        return oneRunSelectedNow(robot);
    }

    private TableView<RunSummary> oneRunSelectedNow(FxRobot robot) throws Exception {
        app.tinyCliRun(0);
        app.openTab(robot, "Runs");
        TableView<RunSummary> table = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        robot.clickOn(row(robot, 0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getSelectionModel().getSelectedItems().size() == 1);
        settle();
        return table;
    }

    private static void settle() throws Exception {
        Pulses.settle(4);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * One run, selected: its actions are somewhere. Eleven more come from the command line and a refresh lists them:
     * with the same run selected, and then with another, each action is where it was with one run.
     */
    @Test
    void theSelectedRunsActionsAreWhereTheyWereWithOneRunAfterTwelve(FxRobot robot) throws Exception {
        TableView<RunSummary> table = oneRunSelected(robot);
        Map<String, String> one = places(robot);
        assertFalse(one.containsValue("hidden"), "one run selected: its actions show " + one);

        for (int i = 1; i < 12; i++) app.tinyCliRun(i);
        robot.clickOn("#refreshRunsButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 12);
        settle();
        assertEquals(one, places(robot), "twelve runs, the same run selected");

        robot.clickOn(row(robot, 2));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getSelectionModel().getSelectedIndex() == 2);
        settle();
        assertEquals(one, places(robot), "twelve runs, another run selected");
    }

    /**
     * At 100 % and 150 % in the smallest window: one run, selected, its actions whole; a second run comes from the
     * command line and a refresh lists it: each action is where it was, and still whole. (A trial at 150 % reported the
     * actions moving from one run to two, and "Branch from here…" cut to "…" with one run.)
     */
    @ParameterizedTest
    @ValueSource(ints = {100, 150})
    void theActionsStayPutAndWholeFromOneRunToTwo(int scale, FxRobot robot) throws Exception {
        app.awaitReady();
        app.lightAtScaleInSmallest(robot, stage, scale);
        TableView<RunSummary> table = oneRunSelectedNow(robot);
        Map<String, String> one = places(robot);
        assertFalse(one.containsValue("hidden"), scale + " %, one run selected: its actions show " + one);
        List<String> cut = new ArrayList<>();
        robot.interact(() -> cut.addAll(Looks.cutIn(robot.lookup("#runDetail").query())));
        assertEquals(List.of(), cut, scale + " %, one run: the actions whole");

        app.tinyCliRun(1);
        robot.clickOn("#refreshRunsButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        settle();
        assertEquals(one, places(robot), scale + " %, two runs, the same run selected");
        robot.interact(() -> cut.addAll(Looks.cutIn(robot.lookup("#runDetail").query())));
        assertEquals(List.of(), cut, scale + " %, two runs: the actions whole");
    }

    /**
     * One run selected: between Delete… and each action used most lies at least Delete…'s own width, so that a click
     * off by a button lands on neither.
     */
    @Test
    void deleteIsNotWithinASlipOfTheActionsUsedMost(FxRobot robot) throws Exception {
        TableView<RunSummary> table = oneRunSelected(robot);
        List<String> near = new ArrayList<>();
        robot.interact(() -> {
            Node delete = robot.lookup("#deleteRunButton").query();
            Bounds d = delete.localToScreen(delete.getLayoutBounds());
            for (String id : FREQUENT) {
                Node n = robot.lookup(id).query();
                Bounds b = n.localToScreen(n.getLayoutBounds());
                double across = Math.max(b.getMinX() - d.getMaxX(), d.getMinX() - b.getMaxX());
                double down = Math.max(b.getMinY() - d.getMaxY(), d.getMinY() - b.getMaxY());
                if (Math.max(across, down) < d.getWidth()) {
                    near.add(String.format(Locale.ROOT, "%s %.0f px across and %.0f px down from Delete…, which is %.0f px wide", id, across, down, d.getWidth()));
                }
            }
        });
        assertEquals(List.of(), near);
    }
}
