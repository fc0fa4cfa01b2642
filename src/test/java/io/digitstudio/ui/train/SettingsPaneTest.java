package io.digitstudio.ui.train;

import io.digitstudio.ui.TestDialogs;
import io.digitstudio.ui.core.HeldTasks;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The Train form while its data is still being read, and once it has been. */
@ExtendWith(ApplicationExtension.class)
class SettingsPaneTest {
    /** Holds every task until it is released: the form as it is before the data has been read. */
    private final HeldTasks tasks = new HeldTasks();
    private final SimpleBooleanProperty locked = new SimpleBooleanProperty(false);
    private SettingsPane form;

    @Start
    void start(Stage stage) {
        TrainSettings settings = new TrainSettings();
        TestDialogs dialogs = new TestDialogs();
        form = new SettingsPane(settings, new DataPicker(settings, tasks, dialogs), dialogs, locked, new SimpleBooleanProperty(false), () -> "", s -> {
        });
        // the app's scene and stylesheets, in a window as narrow as the form
        stage.setScene(io.digitstudio.ui.app.DigitStudioApp.createScene(form, new io.digitstudio.ui.app.ToastLayer()));
        stage.setWidth(360);
        stage.setHeight(600);
        stage.show();
    }

    @Test
    void theClassesTableIsMadeWhenTheDataHasBeenReadInItsPlaceInTheForm(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(robot.lookup("#dataClasses").tryQuery().orElse(null), "no table of classes before there are classes: the first frame need not build it");
        robot.interact(tasks::release);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#dataClasses").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#dataClasses").queryAs(TableView.class);
        assertEquals(10, table.getItems().size(), "MNIST's ten digits");
        assertTrue(table.isVisible());
        // in the form's order (which Tab follows): after what was found, before the training examples
        GridPane grid = (GridPane) table.getParent();
        List<Node> children = grid.getChildren();
        Node found = robot.lookup("#dataDescription").query();
        Node train = robot.lookup("#trainLimitField").query();
        while (train.getParent() != grid) train = train.getParent();
        assertTrue(children.indexOf(found) < children.indexOf(table) && children.indexOf(table) < children.indexOf(train));
        assertEquals(GridPane.getRowIndex(found) + 1, GridPane.getRowIndex(table));
        robot.interact(() -> locked.set(true));
        assertTrue(table.isDisabled(), "locked while a run trains, as the rest of the data section");
    }

    @Test
    void theFieldsStayWhereTheyAreWhenTheDataHasBeenRead(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Node train = robot.lookup("#trainLimitField").query();
        javafx.geometry.Bounds[] before = new javafx.geometry.Bounds[1];
        robot.interact(() -> before[0] = train.localToScene(train.getLayoutBounds()));
        assertTrue(robot.lookup("#dataDescription").queryAs(javafx.scene.control.Label.class).getText().startsWith("Reading"));
        robot.interact(tasks::release);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#dataClasses").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#dataDescription").queryAs(javafx.scene.control.Label.class).getText().contains("10 classes"));
        javafx.geometry.Bounds[] after = new javafx.geometry.Bounds[1];
        robot.interact(() -> after[0] = train.localToScene(train.getLayoutBounds()));
        assertEquals(before[0], after[0], "the data was read and its table came: the training examples' field did not move");
    }
}
