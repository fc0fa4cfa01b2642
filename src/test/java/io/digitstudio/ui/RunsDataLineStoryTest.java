package io.digitstudio.ui;

import io.digitstudio.runs.RunSummary;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * At 150 % in the smallest window the runs table's data column gives way, and a run's name says its data set on a line
 * of its own where that is not the app's default training data (the bundled MNIST). A trial saw that line jump from
 * the runs on other data to the runs on MNIST after a deletion: the line went by the most common data set in the table,
 * and deleting a run on MNIST made the other data set as common.
 */
class RunsDataLineStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    @Test
    void onlyRunsOnOtherDataThanMnistSayTheirDataThroughADeletionAt150Percent(FxRobot robot) throws Exception {
        app.awaitReady();
        app.tinyCliRun(0);
        app.tinyCliRun(1);
        // the newest run, on a Kaggle CSV of the user's: listed first, so that its data set is the first of the most
        // common once a run on MNIST is deleted
        java.nio.file.Path csv = io.digitstudio.data.KaggleCsvTest.csv(app.history.root().resolveSibling("digits.csv"),
                io.digitstudio.data.Mnist.bundled().test(), 350, true);
        StringWriter err = new StringWriter();
        assertEquals(0, io.digitstudio.cli.Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "train", "--data", csv.toString(),
                "--epochs", "1", "--model", "linear 8, relu, linear", "--out", app.history.root().resolveSibling("csv.npz").toString(),
                "--runs-dir", app.history.root().toString()), err.toString());
        List<RunSummary> runs = app.history.list();
        RunSummary onCsv = runs.stream().filter(r -> !r.dataset().equals("MNIST")).findFirst().orElseThrow();
        assertEquals(2, runs.stream().filter(r -> r.dataset().equals("MNIST")).count(), "two runs on the bundled MNIST: " + runs);

        app.lightAtScaleInSmallest(robot, stage, 150);
        app.openTab(robot, "Runs");
        robot.clickOn("#refreshRunsButton");
        TableView<RunSummary> table = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        Pulses.settle(4);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(WaitForAsyncUtils.asyncFx(() -> table.getColumns().stream().filter(c -> c.getText().equals("data")).findFirst().orElseThrow().isVisible()).get(),
                "at 150 % the data column gives way");
        assertEquals(meant(table), names(robot, table), "three runs, one on the CSV");

        // a run on MNIST deleted: one run on each data set is left, and the line stays with the run on the CSV
        RunSummary deleted = runs.stream().filter(r -> r.dataset().equals("MNIST")).findFirst().orElseThrow();
        robot.clickOn((Node) robot.lookup("#runsTable .table-row-cell")
                .match((TableRow<RunSummary> r) -> r.getItem() != null && r.getItem().id().equals(deleted.id())).query());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#deleteRunButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        Pulses.settle(4);
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, String> after = names(robot, table);
        assertEquals(meant(table), after, "after the deletion");
        assertEquals(onCsv.title() + "\n" + onCsv.dataset(), after.get(onCsv.id()));
        assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> Looks.cut(stage.getScene(), "runsTable")).get(), "no name cut to …");
    }

    /** What each run's name says: its title, and its data set under it for a run on other data than the bundled MNIST. */
    private static Map<String, String> meant(TableView<RunSummary> table) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (RunSummary r : table.getItems()) m.put(r.id(), r.dataset().equals("MNIST") ? r.title() : r.title() + "\n" + r.dataset());
            return m;
        }).get();
    }

    /** The name column's cells as shown, by run id, for every row in sight. */
    private static Map<String, String> names(FxRobot robot, TableView<RunSummary> table) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (Node n : table.lookupAll(".table-cell")) {
                if (!(n instanceof javafx.scene.control.TableCell<?, ?> c) || c.getTableRow() == null || !(c.getTableRow().getItem() instanceof RunSummary r)
                        || c.getTableColumn() == null || !c.getTableColumn().getText().equals("name") || !c.isVisible()) continue;
                m.put(r.id(), c.getGraphic() instanceof javafx.scene.text.Text t ? t.getText() : c.getText());
            }
            // in the table's order, as meant() has them
            Map<String, String> ordered = new LinkedHashMap<>();
            for (RunSummary r : table.getItems()) if (m.containsKey(r.id())) ordered.put(r.id(), m.get(r.id()));
            return ordered;
        }).get();
    }
}
