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
}
