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
     * Two runs compared in the Runs view: every value stands under its column's title, as wide as it, in every row (a
     * trial saw the runs' values out of line with the header naming them).
     */
    @ParameterizedTest
    @ValueSource(ints = {100, 150})
    void comparedRunsValuesStandUnderTheirTitles(int scale, FxRobot robot) throws Exception {
        app.awaitReady();
        app.tinyCliRun(0);
        app.tinyCliRun(1);
        app.lightAtScaleInSmallest(robot, stage, scale);
        app.openTab(robot, "Runs");
        TableView<?> runs = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> runs.getItems().size() == 2);
        Pulses.settle();
        robot.clickOn(runRow(robot, 0));
        robot.press(javafx.scene.input.KeyCode.CONTROL).clickOn(runRow(robot, 1)).release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> app.main.runs().viewModel().selectedIds().size() == 2
                && app.main.runs().viewModel().comparison().size() >= 8);
        Pulses.settle(4);
        TableView<?> compare = robot.lookup("#compareTable").queryTableView();
        List<String> wrong = new ArrayList<>();
        robot.interact(() -> wrong.addAll(outOfLine(compare)));
        assertEquals(List.of(), wrong, "at " + scale + " %");
    }

    /** The runs table's row showing item {@code i}. */
    private static Node runRow(FxRobot robot, int i) {
        return robot.lookup("#runsTable .table-row-cell").match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == i && !r.isEmpty()).query();
    }

    /** Cells of a table not under their column's header: another left edge or another width, as "column row: why". */
    static List<String> outOfLine(TableView<?> table) {
        List<String> out = new ArrayList<>();
        java.util.Map<javafx.scene.control.TableColumnBase<?, ?>, javafx.geometry.Bounds> headers = new java.util.IdentityHashMap<>();
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof javafx.scene.control.skin.TableColumnHeader h && h.isVisible() && h.getTableColumn() != null) {
                headers.put(h.getTableColumn(), h.localToScene(h.getLayoutBounds()));
            }
        }
        if (headers.size() != table.getVisibleLeafColumns().size()) out.add(headers.size() + " headers for " + table.getVisibleLeafColumns().size() + " columns");
        // the right edge of what shows of the table: its own, or a clipping parent's (the pane it scrolls in)
        double visible = table.localToScene(table.getLayoutBounds()).getMaxX();
        for (javafx.scene.Parent p = table.getParent(); p != null; p = p.getParent()) {
            if (p.getClip() != null) visible = Math.min(visible, p.localToScene(p.getClip().getBoundsInParent()).getMaxX());
        }
        int cells = 0;
        for (Node n : table.lookupAll(".table-cell")) {
            if (!(n instanceof javafx.scene.control.TableCell<?, ?> c) || !c.isVisible() || c.getTableRow() == null || c.getTableRow().isEmpty()) continue;
            if (!c.getTableRow().isVisible()) continue;
            javafx.geometry.Bounds h = headers.get(c.getTableColumn());
            if (h == null) continue;
            cells++;
            var b = c.localToScene(c.getLayoutBounds());
            String name = c.getTableColumn().getText() + " row " + c.getIndex();
            if (Math.abs(b.getMinX() - h.getMinX()) > 0.5) out.add(name + ": begins at " + b.getMinX() + ", its title at " + h.getMinX());
            if (Math.abs(b.getWidth() - h.getWidth()) > 0.5) out.add(name + ": " + b.getWidth() + " wide, its title " + h.getWidth());
            // the value drawn inside its column, and inside the room the table is shown in
            Node shown = c.getGraphic() instanceof Text t ? t : c.lookup(".text");
            if (shown instanceof Text t && !t.getText().isEmpty()) {
                var tb = t.localToScene(t.getLayoutBounds());
                if (tb.getMaxX() > b.getMaxX() + 0.5) out.add(name + ": '" + t.getText().replace('\n', ' ') + "' ends at " + Math.round(tb.getMaxX()) + ", its column at " + Math.round(b.getMaxX()));
                if (tb.getMaxX() > visible + 0.5) out.add(name + ": '" + t.getText().replace('\n', ' ') + "' ends at " + Math.round(tb.getMaxX()) + ", out of sight past " + Math.round(visible));
            }
        }
        if (cells == 0) out.add("no cells");
        return out;
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
