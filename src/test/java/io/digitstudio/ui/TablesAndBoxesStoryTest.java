package io.digitstudio.ui;

import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static io.digitstudio.ui.Forms.click;
import static org.junit.jupiter.api.Assertions.*;

/** Tables and boxes as a new user meets them in the smallest window, in the light theme at 100 % and 150 %. */
class TablesAndBoxesStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    /**
     * The user picks LeNet in the Train form: each of its layers' values shows whole in the layer table, Params too (a
     * trial saw the Params column's values cut in the smallest window at 100 %).
     */
    @ParameterizedTest
    @ValueSource(ints = {100, 150})
    void leNetsLayerTableShowsEveryValueWhole(int scale, FxRobot robot) throws Exception {
        app.awaitReady();
        app.lightAtScaleInSmallest(robot, stage, scale);
        click(robot, "#networkPreset");
        robot.clickOn("LeNet (CNN)");
        Pulses.settle(4);
        TableView<?> table = robot.lookup("#networkSummary").queryTableView();
        assertEquals(10, table.getItems().size(), "input and nine layers");
        List<String> wrong = new ArrayList<>();
        robot.interact(() -> wrong.addAll(cellsNotWhole(table)));
        assertEquals(List.of(), wrong, "at " + scale + " %");
    }

    /**
     * The user trains a run on all 10,000 test images while Evaluate follows it: the set box says "Run's validation
     * (10,000)" in the width it had for "Test set (10,000)", whole, and the controls beside it stay where they were (a
     * trial saw the box widen and push them to the right).
     */
    @ParameterizedTest
    @ValueSource(ints = {100, 150})
    void evaluatesSetBoxKeepsItsWidthWhenItNamesARunsValidation(int scale, FxRobot robot) throws Exception {
        app.awaitReady();
        app.lightAtScaleInSmallest(robot, stage, scale);
        app.openTab(robot, "Evaluate");
        Pulses.settle();
        javafx.scene.control.ComboBox<?> box = robot.lookup("#evaluateSetBox").queryAs(javafx.scene.control.ComboBox.class);
        assertEquals("Test set (10,000)", ((javafx.scene.control.ListCell<?>) box.getButtonCell()).getText());
        double[] before = setBoxPlace(robot, box);
        app.openTab(robot, "Train");
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#epochsField", "1");
        var run = app.main.train().run();
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(180, java.util.concurrent.TimeUnit.SECONDS, () -> run.stateProperty().get() == io.digitstudio.ui.train.RunState.FINISHED);
        app.openTab(robot, "Evaluate");
        Pulses.settle();
        assertEquals("Run's validation (10,000)", ((javafx.scene.control.ListCell<?>) box.getButtonCell()).getText());
        List<String> cut = new ArrayList<>();
        robot.interact(() -> cut.addAll(Looks.cutIn(box)));
        assertEquals(List.of(), cut, "the box's text at " + scale + " %");
        double[] after = setBoxPlace(robot, box);
        assertArrayEquals(before, after, 0.5, "the box's width, then where Follow training and Export CSV are, at " + scale + " %");
    }

    /** The set box's width, and where the controls after it in the bar begin. */
    private static double[] setBoxPlace(FxRobot robot, javafx.scene.control.ComboBox<?> box) {
        double[] place = new double[3];
        robot.interact(() -> {
            place[0] = box.getWidth();
            Node follow = box.getScene().lookup("#followTrainingCheck");
            Node export = box.getScene().lookup("#exportConfusionButton");
            place[1] = follow.localToScene(follow.getLayoutBounds()).getMinX();
            place[2] = export.localToScene(export.getLayoutBounds()).getMinX();
        });
        return place;
    }

    /**
     * The table's cells with a value that does not show whole: drawn with less than their text ("…"), narrower than their
     * text, or reaching past the room the table shows its rows in (under its vertical scroll bar or past its edge).
     */
    static List<String> cellsNotWhole(TableView<?> table) {
        List<String> out = new ArrayList<>();
        Node flow = table.lookup(".virtual-flow");
        var room = flow.localToScene(flow.getLayoutBounds());
        double right = room.getMaxX();
        for (Node n : flow.lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar b && b.isVisible() && b.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                right = Math.min(right, b.localToScene(b.getLayoutBounds()).getMinX());
            }
            if (n instanceof javafx.scene.control.ScrollBar b && b.isVisible() && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                out.add("a sideways scroll bar");
            }
        }
        for (Node n : table.lookupAll(".table-cell")) {
            if (!(n instanceof javafx.scene.control.TableCell<?, ?> c) || !c.isVisible() || c.isEmpty() || c.getText() == null || c.getText().isEmpty()) continue;
            if (c.getTableRow() == null || !((IndexedCell<?>) c.getTableRow()).isVisible()) continue;
            String name = c.getTableColumn().getText() + " '" + c.getText() + "'";
            Node shown = c.lookup(".text");
            if (shown instanceof Text t && !t.getText().equals(c.getText())) out.add(name + " shown as '" + t.getText() + "'");
            var b = c.localToScene(c.getLayoutBounds());
            if (b.getMaxX() > right + 0.5) out.add(name + " ends at " + Math.round(b.getMaxX()) + " past " + Math.round(right));
            double textWidth = new Text(c.getText()) {{
                setFont(c.getFont());
            }}.getLayoutBounds().getWidth();
            if (textWidth > c.getWidth() - c.snappedLeftInset() - c.snappedRightInset() + 0.5) {
                out.add(name + " needs " + Math.round(textWidth) + " px in " + Math.round(c.getWidth() - c.snappedLeftInset() - c.snappedRightInset()));
            }
        }
        return out;
    }
}
