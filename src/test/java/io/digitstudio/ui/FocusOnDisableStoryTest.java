package io.digitstudio.ui;

import io.digitstudio.mydigits.MyDigit;
import io.digitstudio.train.FineTune;
import io.digitstudio.ui.mydigits.MyDigitsViewModel;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A button that turns itself off as it is pressed hands the keyboard to its view's main control: a trial saw Undo hand
 * it to Delete (Space or Enter then deleted the selected digit) and Fine-tune to Import folder.
 */
class FocusOnDisableStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.last = io.digitstudio.ui.app.LastSession.inMemory();
        app.show(stage);
    }

    private MyDigitsViewModel collect(FxRobot robot) throws Exception {
        return collect(robot, 2);
    }

    /** The collection holds {@code perLabel} drawings of each of 7, 1 and 4, and My digits shows them. */
    private MyDigitsViewModel collect(FxRobot robot, int perLabel) throws Exception {
        return app.collectMyDigits(robot, perLabel);
    }

    private Node focused() {
        return stage.getScene().getFocusOwner();
    }

    @Test
    void undoingARelabelLeavesTheKeyboardOnTheDigitNotOnDelete(FxRobot robot) throws Exception {
        MyDigitsViewModel my = collect(robot);
        MyDigit first = my.digits().get(0);
        robot.clickOn("#digit-" + first.id());
        robot.type(first.label() == 9 ? KeyCode.DIGIT8 : KeyCode.valueOf("DIGIT" + (first.label() + 1)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> my.canUndoProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        // the digit stays selected; Undo, pressed with the keyboard, turns itself off
        robot.clickOn("#digit-" + first.id());
        robot.interact(() -> robot.lookup("#undoDigitsButton").query().requestFocus());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !my.canUndoProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Node owner = focused();
        assertNotEquals("deleteDigitsButton", owner == null ? null : owner.getId(), "Space would now delete the digit");
        assertTrue(owner != null && owner.getStyleClass().contains("digit-tile"), "on the collection, not on " + owner);
        // and Space there selects, it deletes nothing
        int size = my.digits().size();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(size, my.digits().size());
    }

    /**
     * A trial clicked a digit deep in the collection, typed a wrong label, pressed Undo: the keyboard landed on the
     * collection's first digit, and a keyboard user had lost their place. It goes back to the digit whose label came
     * back, selected, so the next key acts from there.
     */
    @Test
    void undoingARelabelGivesTheKeyboardAndTheSelectionBackToThatDigit(FxRobot robot) throws Exception {
        MyDigitsViewModel my = collect(robot, 4);
        java.util.List<Node> tiles = new java.util.ArrayList<>(robot.lookup(".digit-tile").queryAll());
        assertTrue(tiles.size() > 8, "a collection of " + tiles.size());
        // a digit in the middle of the collection, far from its first
        Node tile = tiles.stream().sorted(java.util.Comparator.comparingDouble(n -> n.localToScene(n.getBoundsInLocal()).getMinY()))
                .skip(tiles.size() / 2).findFirst().orElseThrow();
        String id = tile.getId().substring("digit-".length());
        MyDigit digit = my.digits().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
        robot.clickOn(tile);
        robot.type(digit.label() == 9 ? KeyCode.DIGIT8 : KeyCode.valueOf("DIGIT" + (digit.label() + 1)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> my.canUndoProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        // another digit chosen meanwhile; then Undo
        Node other = robot.lookup(".digit-tile").queryAll().stream().filter(n -> !n.getId().equals(tile.getId())).findFirst().orElseThrow();
        robot.clickOn(other);
        robot.clickOn("#undoDigitsButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !my.canUndoProperty().get()
                && my.digits().stream().anyMatch(d -> d.id().equals(id) && d.label() == digit.label()));
        WaitForAsyncUtils.waitForFxEvents();
        Node owner = focused();
        assertEquals("digit-" + id, owner == null ? null : owner.getId(), "the keyboard is on the digit whose label came back");
        Node back = robot.lookup("#digit-" + id).query();
        assertTrue(back.getStyleClass().contains("selected"), "it is selected");
        assertEquals(1, robot.lookup(".digit-tile.selected").queryAll().size(), "it alone");
        assertEquals("1 selected: press 0-9 to relabel it, Delete to remove it", robot.lookup("#myDigitsHint").queryAs(javafx.scene.control.Label.class).getText());
        // so a key acts on it: Delete removes that digit and no other
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> my.digits().stream().noneMatch(d -> d.id().equals(id)));
    }

    @Test
    void fineTuningLeavesTheKeyboardOnTheCollectionNotOnImport(FxRobot robot) throws Exception {
        MyDigitsViewModel my = collect(robot);
        my.setSettings(new FineTune.Settings(1, 0.005, 20, 1000, 0.3, 0));
        robot.clickOn("#fineTuneButton");
        WaitForAsyncUtils.waitForFxEvents();
        Node owner = focused();
        assertTrue(my.busyProperty().get() || my.proposalProperty().get() != null);
        assertTrue(owner != null && owner.getStyleClass().contains("digit-tile"), "on the collection, not on " + owner);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> my.proposalProperty().get() != null);
    }
}
