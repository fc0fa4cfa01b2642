package io.digitstudio.ui;

import io.digitstudio.runs.RunSummary;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The command line changes the run history while the window shows Runs: back in the window, the user finds the new
 * run listed without pressing Refresh. A window outlives the views shown in it, and a view it no longer shows reads
 * nothing when the window comes back into focus (each app shown in TestFX's one stage kept listening to it, and a full
 * build's test run held 129 apps and ran out of memory).
 */
class WindowFocusRefreshStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.show(stage);
    }

    /**
     * The user goes to a terminal and comes back: the window loses focus and gets it again, as the window system tells
     * it (Monocle's headless screen has no other window to take focus, so the test says it as the window system would).
     */
    private void awayAndBack(FxRobot robot) {
        robot.interact(() -> com.sun.javafx.stage.WindowHelper.setFocused(stage, false));
        robot.interact(() -> com.sun.javafx.stage.WindowHelper.setFocused(stage, true));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aRunFromTheCommandLineIsListedWhenTheWindowIsBackInFocus(FxRobot robot) throws Exception {
        app.awaitReady();
        app.openTab(robot, "Runs");
        TableView<RunSummary> table = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, table.getItems().size());
        app.tinyCliRun(0);
        awayAndBack(robot);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
    }

    @Test
    void anAppNoLongerShownInTheWindowReadsNothingWhenItIsBackInFocus(FxRobot robot) throws Exception {
        app.awaitReady();
        app.openTab(robot, "Runs");
        WaitForAsyncUtils.waitForFxEvents();
        var firstRuns = app.main.runs().viewModel();
        // another app in the same window, as TestFX shows each story's in its one stage
        UiFixture next = new UiFixture();
        try {
            robot.interact(() -> next.show(stage));
            next.awaitReady();
            app.tinyCliRun(0);
            awayAndBack(robot);
            // a read the first app set off on focus would come before this on its one worker for short work
            app.services.tasks().compute(() -> null).get(20, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(0, firstRuns.runs().size(), "the first app, no longer shown, read its history again");
        } finally {
            next.close();
        }
    }
}
