package io.digitstudio.ui;

import io.digitstudio.data.UnusualDigits;
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
        app.awaitReady();
        for (UnusualDigits.Drawing d : UnusualDigits.make(2, 21)) app.myDigits.add(d.input(), d.label(), d.strokes(), "drawn");
        int kept = app.myDigits.list().size();
        app.openTab(robot, "My digits");
        MyDigitsViewModel my = app.main.myDigits().viewModel();
        robot.interact(my::refresh);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> my.digits().size() == kept);
        WaitForAsyncUtils.waitForFxEvents();
        return my;
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
