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
        }, settings::resetToDefaults);
        // the app's scene and stylesheets, in a window as narrow as the form
        stage.setScene(io.digitstudio.ui.app.DigitStudioApp.createScene(form, new io.digitstudio.ui.app.ToastLayer()));
        stage.setWidth(360);
        stage.setHeight(600);
        // what the first frame holds: the form as it is at the end of the first pulse, when the window is drawn
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            stage.getScene().removePostLayoutPulseListener(once[0]);
            Node reserve = stage.getScene().lookup("#networkSummaryReserve");
            firstFrame = new FirstFrame(form.isComplete(), nodes(form), stage.getScene().lookup("#optimizerBox") != null,
                    stage.getScene().lookup("#epochsField") != null, stage.getScene().lookup("#networkSummary") != null,
                    reserve == null ? null : sceneBounds(reserve), ((javafx.scene.layout.Region) form.getContent()).getHeight());
        };
        stage.getScene().addPostLayoutPulseListener(once[0]);
        stage.show();
    }

    private record FirstFrame(boolean complete, int nodes, boolean optimizer, boolean epochs, boolean layers, javafx.geometry.Bounds network, double height) {
    }

    private volatile FirstFrame firstFrame;

    private static int nodes(Node n) {
        int c = 1;
        if (n instanceof javafx.scene.Parent p) for (Node k : p.getChildrenUnmodifiable()) c += nodes(k);
        return c;
    }

    private static javafx.geometry.Bounds sceneBounds(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    @Test
    void theFirstFrameHoldsTheDataAndTheNetworkAndTheRestComesRightAfterInItsPlace(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> firstFrame != null);
        // the optimizer and the run are below the fold of the window's first size: the first frame does not style and
        // lay them out (about 150 of the form's 400 nodes, and the optimizer's list with its hidden list view); nor the
        // network's table of layers (about 110 nodes), whose empty frame keeps its place
        assertFalse(firstFrame.complete(), "the whole form was made before the first frame");
        assertFalse(firstFrame.optimizer(), "the optimizer's list is in the first frame");
        assertFalse(firstFrame.epochs(), "the run's fields are in the first frame");
        assertFalse(firstFrame.layers(), "the network's table of layers is in the first frame");
        assertNotNull(firstFrame.network(), "the first frame keeps the table of layers' place");
        assertTrue(firstFrame.nodes() < 200, "the first frame holds " + firstFrame.nodes() + " nodes of the form");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(form::isComplete).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(robot.lookup("#settingsRest").tryQuery().orElse(null), "the room kept for the rest is given back");
        assertNull(robot.lookup("#networkSummaryReserve").tryQuery().orElse(null), "the table of layers' kept place is given back");
        javafx.geometry.Bounds[] network = new javafx.geometry.Bounds[1];
        double[] height = new double[1];
        robot.interact(() -> {
            network[0] = sceneBounds(robot.lookup("#networkSummary").query());
            height[0] = ((javafx.scene.layout.Region) form.getContent()).getHeight();
        });
        assertEquals(firstFrame.network(), network[0], "the table of layers comes in the place and at the size the first frame kept for it");
        // the room kept for the rest is about its height: the scroll bar's thumb barely changes when it comes
        assertEquals(height[0], firstFrame.height(), height[0] * 0.05, "the form's height at the first frame and when whole");
        // in the form's order, which Tab follows: the network's table, the optimizer, its values, the run's fields
        GridPane grid = (GridPane) form.getContent();
        List<Integer> order = java.util.stream.Stream.of("#networkSummary", "#optimizerBox", "#hp-lr", "#applyButton", "#batchSizeField", "#epochsField",
                "#snapshotCheck", "#validationLabel").map(id -> {
                    Node n = robot.lookup(id).query();
                    while (n.getParent() != grid) n = n.getParent();
                    return grid.getChildren().indexOf(n);
                }).toList();
        assertEquals(order.stream().sorted().toList(), order, "the sections' order in the form");
        // made after the first frame, the run's fields are locked while a run trains, the optimizer's values are not
        robot.interact(() -> locked.set(true));
        assertTrue(robot.lookup("#epochsField").query().isDisabled(), "the run's fields locked by a run");
        assertTrue(robot.lookup("#optimizerBox").query().isDisabled(), "the optimizer's choice locked by a run");
        assertFalse(robot.lookup("#hp-lr").query().isDisabled(), "the optimizer's values stay open to Apply");
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
