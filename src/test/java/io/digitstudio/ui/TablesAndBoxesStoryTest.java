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
