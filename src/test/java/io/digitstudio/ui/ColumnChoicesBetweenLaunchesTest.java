package io.digitstudio.ui;

import io.digitstudio.runs.RunSummary;
import io.digitstudio.ui.app.LastSession;
import io.digitstudio.ui.widgets.Theme;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A column the user ticks on or off in a table's column menu stays as chosen: through theme and scale changes, and at
 * the next launch (issue 32: at 150 % the runs table's sweep column gives way first, and a user who showed it again
 * found it gone).
 */
class ColumnChoicesBetweenLaunchesTest extends AppStory {
    @TempDir
    Path dir;

    private final LastSession last = LastSession.inMemory();

    @Start
    void start(Stage stage) throws Exception {
        last.theme(Theme.LIGHT);
        last.uiScale(150);
        app.last = last;
        // the run history outlives the window, as the user's does
        app.runsFolder = Files.createDirectory(dir.resolve("runs"));
        app.showSmallest(stage);
    }

    /** The epoch table's training loss column, titled in two lines. */
    private static final String TRAIN_LOSS = "train\nloss";

    private static TableColumn<?, ?> column(TableView<?> table, String title) {
        return table.getColumns().stream().filter(c -> c.getText().equals(title)).findFirst().orElseThrow();
    }

    /** Ticks the column with this title on or off in the table's column menu, as a user does. */
    private static void tick(FxRobot robot, TableView<?> table, String title) throws Exception {
        Node corner = table.lookup(".show-hide-columns-button");
        assertNotNull(corner, "the column menu's button");
        robot.clickOn(corner);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> menu() != null);
        var item = menu().getItems().stream().filter(i -> title.equals(i.getText())).findFirst().orElseThrow();
        robot.clickOn(item.getStyleableNode());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            if (menu() != null) menu().hide();
        });
        Pulses.settle(4);
    }

    private static javafx.scene.control.ContextMenu menu() {
        for (var w : javafx.stage.Window.getWindows()) if (w instanceof javafx.scene.control.ContextMenu m && m.isShowing()) return m;
        return null;
    }

    @Test
    void aColumnTickedInTheColumnMenuStaysAsChosenThroughLooksAndLaunches(FxRobot robot) throws Exception {
        app.awaitReady();
        app.tinyCliRun(0);
        app.tinyCliRun(1);
        // Train's epoch table: the user unticks the training loss (at 150 % the time, the rate and the training accuracy
        // have given way from the start)
        TableView<?> epochs = robot.lookup("#epochTable").queryTableView();
        assertTrue(column(epochs, TRAIN_LOSS).isVisible(), "the training loss shown at 150 %");
        tick(robot, epochs, TRAIN_LOSS);
        assertFalse(column(epochs, TRAIN_LOSS).isVisible(), "train loss unticked");
        // the runs table at 150 % in the smallest window: the sweep column has given way; the user ticks it on
        app.openTab(robot, "Runs");
        TableView<RunSummary> runs = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> runs.getItems().size() == 2);
        Pulses.settle(4);
        assertFalse(column(runs, "sweep").isVisible(), "the sweep column gives way first at 150 %");
        tick(robot, runs, "sweep");
        assertTrue(column(runs, "sweep").isVisible(), "sweep ticked on");
        for (var look : java.util.List.of(new ThemesAndScalesTest.Look(Theme.DARK, 150), new ThemesAndScalesTest.Look(Theme.LIGHT, 100),
                new ThemesAndScalesTest.Look(Theme.HIGH_CONTRAST, 200), new ThemesAndScalesTest.Look(Theme.LIGHT, 150))) {
            robot.interact(() -> app.services.appearance().choose(look.theme(), look.scale()));
            Pulses.settle(4);
            assertTrue(column(runs, "sweep").isVisible(), "sweep as chosen in " + look);
            assertFalse(column(epochs, TRAIN_LOSS).isVisible(), "train loss as chosen in " + look);
        }

        // the next launch, at 150 % as this one ends
        UiFixture second = app.relaunch(robot, true, () -> {
        });
        try {
            TableView<?> epochsAgain = robot.lookup("#epochTable").queryTableView();
            assertFalse(column(epochsAgain, TRAIN_LOSS).isVisible(), "train loss unticked last time");
            second.openTab(robot, "Runs");
            TableView<RunSummary> runsAgain = robot.lookup("#runsTable").queryTableView();
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> runsAgain.getItems().size() == 2);
            Pulses.settle(4);
            assertTrue(column(runsAgain, "sweep").isVisible(), "sweep ticked on last time");
            assertFalse(column(runsAgain, "branch of").isVisible(), "the branch still gives way: there is no room for every column");
            // at 100 % the columns that give way have room, and the training loss is hidden only because the user
            // unticked it last time
            robot.interact(() -> second.services.appearance().choose(Theme.LIGHT, 100));
            second.openTab(robot, "Train");
            Pulses.settle(4);
            assertTrue(column(epochsAgain, "time").isVisible(), "at 100 % the columns that give way have room");
            assertFalse(column(epochsAgain, TRAIN_LOSS).isVisible(), "train loss unticked last time, at 100 % too");
        } finally {
            second.close();
        }
    }
}
