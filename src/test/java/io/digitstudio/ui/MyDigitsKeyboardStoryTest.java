package io.digitstudio.ui;

import io.digitstudio.mydigits.MyDigit;
import io.digitstudio.ui.mydigits.MyDigitsViewModel;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A new user's trial of My digits with the keyboard: the digit the arrow keys were on grew by its focus frame and
 * pushed the rows under it down, and Ctrl+Z, which undoes in Draw, did nothing here after a relabel or a deletion.
 */
class MyDigitsKeyboardStoryTest extends AppStory {
    @Start
    void start(Stage stage) {
        app.last = io.digitstudio.ui.app.LastSession.inMemory();
        app.show(stage);
    }

    /** The collection holds {@code perLabel} drawings of each of 7, 1 and 4, and My digits shows them. */
    private MyDigitsViewModel collect(FxRobot robot, int perLabel) throws Exception {
        return app.collectMyDigits(robot, perLabel);
    }

    /** Each digit tile's box in the window, by its id. */
    private static Map<String, Bounds> tiles(FxRobot robot) {
        Map<String, Bounds> out = new LinkedHashMap<>();
        robot.interact(() -> robot.lookup(".digit-tile").queryAll().forEach(n -> out.put(n.getId(), n.localToScene(n.getLayoutBounds()))));
        return out;
    }

    private static void undoByKey(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theDigitTheKeyboardIsOnMovesNothing(FxRobot robot) throws Exception {
        collect(robot, 4);
        Map<String, Bounds> before = tiles(robot);
        List<String> ids = new ArrayList<>(before.keySet());
        assertTrue(ids.size() >= 12, "a collection of " + ids.size());
        // the keyboard on the first digit of the first row, then one to the right, as a user walks the collection
        Node first = robot.lookup("#" + ids.get(0)).query();
        robot.interact(first::requestFocus);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        Node owner = first.getScene().getFocusOwner();
        assertEquals(ids.get(1), owner == null ? null : owner.getId(), "the keyboard went to the next digit");
        Map<String, Bounds> after = tiles(robot);
        List<String> moved = new ArrayList<>();
        before.forEach((id, b) -> {
            if (!b.equals(after.get(id))) moved.add(id + (id.equals(owner.getId()) ? " (focused)" : "") + ": " + b + " → " + after.get(id));
        });
        assertEquals(List.of(), moved, "focusing a digit changes nothing's place or size");
    }

    @Test
    void ctrlZUndoesARelabelAndADeletionAsUndoDoes(FxRobot robot) throws Exception {
        MyDigitsViewModel my = collect(robot, 2);
        int kept = my.digits().size();
        MyDigit first = my.digits().get(0);
        int wrong = first.label() == 9 ? 8 : first.label() + 1;
        robot.clickOn("#digit-" + first.id());
        robot.type(KeyCode.valueOf("DIGIT" + wrong));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> my.digits().stream().anyMatch(d -> d.id().equals(first.id()) && d.label() == wrong));
        WaitForAsyncUtils.waitForFxEvents();
        undoByKey(robot);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> my.digits().stream().anyMatch(d -> d.id().equals(first.id()) && d.label() == first.label()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(my.canUndoProperty().get(), "nothing left to undo");
        String said = robot.lookup("#myDigitsStatus").queryLabeled().getText();
        assertTrue(said.startsWith("Gave 1 digit back its label"), said);

        MyDigit last = my.digits().get(my.digits().size() - 1);
        robot.clickOn("#digit-" + last.id());
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> my.digits().size() == kept - 1);
        WaitForAsyncUtils.waitForFxEvents();
        undoByKey(robot);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> my.digits().size() == kept);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(my.digits().stream().anyMatch(d -> d.id().equals(last.id())), "the deleted digit is back");
        // and in Draw, Ctrl+Z is still Draw's: it takes back the stroke, and My digits has nothing it undoes
        app.openTab(robot, "Draw");
        app.stroke(robot, new double[]{80, 80}, new double[]{140, 140}, new double[]{200, 200});
        var draw = app.draw().viewModel();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> draw.strokes().size() == 1);
        undoByKey(robot);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> draw.strokes().isEmpty());
        assertEquals(kept, my.digits().size());
    }
}
