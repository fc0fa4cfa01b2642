package io.digitstudio.ui;

import io.digitstudio.runs.RunSummary;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A new user names a run ({@code runs name 8415 "first try"}); in a trial its id then showed nowhere in the Runs view,
 * neither in the table nor in the details, while the command line asks for it. The selected run's details show its id
 * whole, in a field the user can select and copy it from, in the smallest window at 150 %.
 */
class NamedRunIdStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    @Test
    void aNamedRunShowsItsIdToCopyInItsDetailsAt150Percent(FxRobot robot) throws Exception {
        app.awaitReady();
        app.tinyCliRun(0);
        RunSummary run = app.history.list().get(0);
        app.history.describe(run.id(), "first try", "");
        app.lightAtScaleInSmallest(robot, stage, 150);
        app.openTab(robot, "Runs");
        robot.clickOn("#refreshRunsButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> robot.lookup("#runsTable .table-row-cell")
                .match((TableRow<RunSummary> r) -> r.getItem() != null && "first try".equals(r.getItem().name())).tryQuery().isPresent()).get());
        robot.clickOn((javafx.scene.Node) robot.lookup("#runsTable .table-row-cell")
                .match((TableRow<RunSummary> r) -> r.getItem() != null && r.getItem().id().equals(run.id())).query());
        Pulses.settle(4);
        WaitForAsyncUtils.waitForFxEvents();

        TextField id = robot.lookup("#runIdField").queryAs(TextField.class);
        assertEquals(run.id(), id.getText());
        assertFalse(id.isEditable(), "the id is read, not changed");
        assertTrue(Looks.onScreen(id), "the id is in sight");
        // whole in its field: the field is as wide as its text and more
        String[] whole = new String[1];
        robot.interact(() -> {
            javafx.scene.text.Text t = new javafx.scene.text.Text(id.getText());
            t.setFont(id.getFont());
            double room = id.getWidth() - id.snappedLeftInset() - id.snappedRightInset();
            whole[0] = room + 0.5 >= t.getLayoutBounds().getWidth() ? null : "the id needs " + t.getLayoutBounds().getWidth() + " px, has " + room;
        });
        assertNull(whole[0]);
        // selectable and copied as a user does
        robot.clickOn(id);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).type(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(run.id(), WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()).get());
        assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> Looks.cut(stage.getScene())).get(), "no label cut to …");
    }

    /**
     * A named run's id shows in the runs list too, on the line under its name, whole in the name column at 150 % in the
     * smallest window: a user copying ids for the command line ({@code --branch ID@epoch:N}) reads them off the list
     * without selecting each run. An unnamed run, titled by its id, says it once.
     */
    @Test
    void aNamedRunShowsItsIdUnderItsNameInTheListAt150Percent(FxRobot robot) throws Exception {
        app.awaitReady();
        app.tinyCliRun(0);
        app.tinyCliRun(1);
        RunSummary run = app.history.list().get(0);
        RunSummary unnamed = app.history.list().get(1);
        app.history.describe(run.id(), "first try", "");
        app.lightAtScaleInSmallest(robot, stage, 150);
        app.openTab(robot, "Runs");
        robot.clickOn("#refreshRunsButton");
        javafx.scene.control.TableView<RunSummary> table = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> table.getItems().size() == 2
                && table.getItems().stream().anyMatch(r -> "first try".equals(r.name()))).get());
        Pulses.settle(4);
        WaitForAsyncUtils.waitForFxEvents();

        java.util.Map<String, String> shown = new java.util.HashMap<>();
        List<String> cut = new java.util.ArrayList<>();
        robot.interact(() -> {
            for (javafx.scene.Node n : table.lookupAll(".table-cell")) {
                if (!(n instanceof javafx.scene.control.TableCell<?, ?> c) || c.getTableRow() == null || !(c.getTableRow().getItem() instanceof RunSummary r)
                        || c.getTableColumn() == null || !c.getTableColumn().getText().equals("name") || !c.isVisible()) continue;
                if (!(c.getGraphic() instanceof javafx.scene.text.Text t)) {
                    cut.add(r.id() + ": no text shown");
                    continue;
                }
                shown.put(r.id(), t.getText());
                // each line whole in the column: no wider than the cell's room beside its padding
                double room = c.getWidth() - c.snappedLeftInset() - c.snappedRightInset();
                for (String line : t.getText().split("\n")) {
                    javafx.scene.text.Text probe = new javafx.scene.text.Text(line);
                    probe.setFont(t.getFont());
                    if (probe.getLayoutBounds().getWidth() > room + 0.5) cut.add(r.id() + ": '" + line + "' needs " + probe.getLayoutBounds().getWidth() + " px, has " + room);
                }
            }
        });
        assertEquals("first try\n" + run.id(), shown.get(run.id()), "the named run's id under its name");
        assertEquals(unnamed.id(), shown.get(unnamed.id()), "an unnamed run's id once, as its title");
        assertEquals(List.of(), cut);
        assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> Looks.cut(stage.getScene())).get(), "no label cut to …");
        assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> Looks.clipped(stage.getScene())).get().stream().filter(c -> c.contains("#runsTable")).toList());
    }
}
