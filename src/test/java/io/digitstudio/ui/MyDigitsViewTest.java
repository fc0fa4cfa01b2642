package io.digitstudio.ui;

import io.digitstudio.data.UnusualDigits;
import io.digitstudio.mydigits.MyDigit;
import io.digitstudio.train.FineTune;
import io.digitstudio.ui.mydigits.MyDigitsViewModel;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Teaching it your hand as a user does: draw, correct, keep, tidy the collection, fine-tune, accept, come back. */
class MyDigitsViewTest extends AppStory {
    @Start
    void start(Stage stage) {
        app.last = io.digitstudio.ui.app.LastSession.inMemory();
        app.show(stage);
    }

    private void stroke(FxRobot robot, double... xy) {
        robot.moveTo(app.onCanvas(xy[0], xy[1]));
        robot.press(MouseButton.PRIMARY);
        for (int i = 2; i + 1 < xy.length; i += 2) {
            double[] a = {xy[i - 2], xy[i - 1]};
            for (int k = 1; k <= 6; k++) robot.moveTo(app.onCanvas(a[0] + (xy[i] - a[0]) * k / 6, a[1] + (xy[i + 1] - a[1]) * k / 6));
        }
        robot.release(MouseButton.PRIMARY);
    }

    @Test
    void aUserDrawsCorrectsKeepsTidiesAndFineTunesOnTheirDigits(FxRobot robot) throws Exception {
        app.awaitReady();
        // 57 digits of this hand are already in the collection (as if kept over a few sessions)
        for (UnusualDigits.Drawing d : UnusualDigits.make(19, 21)) app.myDigits.add(d.input(), d.label(), d.strokes(), "drawn");
        var vm = app.draw().viewModel();

        // a 1 with a flag and a base: the model reads something; the user presses 1
        app.openTab(robot, "Draw");
        stroke(robot, 100, 130, 170, 70, 170, 250);
        stroke(robot, 105, 252, 240, 252);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.predictionProperty().get() != null && vm.strokes().size() == 2);
        app.awaitDrawAnswer();
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        String said = robot.lookup("#collectedLabel").queryAs(Label.class).getText();
        assertTrue(said.endsWith("added to My digits as 1"), said);
        // a plain 7 the model gets right: Enter keeps it
        robot.type(KeyCode.ESCAPE);
        stroke(robot, 90, 80, 230, 80, 150, 250);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.predictionProperty().get() != null && vm.strokes().size() == 1);
        app.awaitDrawAnswer();
        WaitForAsyncUtils.waitForFxEvents();
        int seven = vm.predictionProperty().get().label();
        robot.clickOn("#keepButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Kept: added to My digits as " + seven, robot.lookup("#collectedLabel").queryAs(Label.class).getText());

        // My digits: 59, grouped by label; delete the kept 7 and undo
        app.openTab(robot, "My digits");
        MyDigitsViewModel my = app.main.myDigits().viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> my.digits().size() == 59);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(59, app.myDigits.list().size(), "kept on disk");
        assertTrue(robot.lookup("#group-1").queryAs(Label.class).getText().startsWith("1 — 20 digits"));
        MyDigit last = my.digits().get(my.digits().size() - 1);
        robot.clickOn("#digit-" + last.id());
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> my.digits().size() == 58);
        robot.clickOn("#undoDigitsButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> my.digits().size() == 59);
        // relabel it by a key press, and back
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#digit-" + last.id());
        robot.type(KeyCode.DIGIT9);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> my.digits().stream().anyMatch(d -> d.id().equals(last.id()) && d.label() == 9));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#digit-" + last.id());
        robot.type(KeyCode.DIGIT7);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> my.digits().stream().anyMatch(d -> d.id().equals(last.id()) && d.label() == 7));

        // fine-tune (a shorter run than the app's default, for the test's time), see before and after, accept
        String before = app.models().activeProperty().get().name();
        my.setSettings(new FineTune.Settings(1, 0.005, 60, 6000, 0.3, 0));
        double[] furthest = {0};
        my.progressProperty().addListener((o, a, b) -> furthest[0] = Math.max(furthest[0], b.doubleValue()));
        robot.clickOn("#fineTuneButton");
        assertTrue(robot.lookup("#fineTuneProgress").query().isVisible(), "a progress bar while it fine-tunes");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> my.proposalProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(furthest[0] >= 0.9, "the bar went as far as " + furthest[0]);
        assertFalse(robot.lookup("#fineTuneProgress").query().isVisible(), "and goes when it is done");
        FineTune.Result r = my.proposalProperty().get().result();
        assertTrue(r.heldOut() >= 17, "about 30% of each label kept aside: " + r.heldOut());
        assertTrue(r.mineAfter() > r.mineBefore(), r.summary());
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f%%", 100 * r.mineAfter()), robot.lookup("#mineAfter").queryAs(Label.class).getText());
        assertEquals(before, app.models().activeProperty().get().name(), "not active before the user accepts");
        robot.clickOn("#acceptFineTuneButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.models().activeProperty().get().name().startsWith("fine-tuned-"));
        assertTrue(app.models().recent().get(0).getFileName().toString().startsWith("fine-tuned-"), app.models().recent().toString());
        // and the fine-tuning is in the run history
        assertEquals(List.of("MNIST + my digits"), app.history.list().stream().map(x -> x.settings().dataName()).toList());

        // the app closed and opened again: the accepted model is the one in use
        java.nio.file.Path tuned = app.models().activeProperty().get().file();
        UiFixture again = app.relaunch(robot);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> again.models().activeProperty().get().file() != null);
            assertEquals(tuned, again.models().activeProperty().get().file(), "the accepted fine-tuned model, in use again");
            assertTrue(again.dialogs.errors.isEmpty(), again.dialogs.errors.toString());
        } finally {
            again.close();
        }
    }
}
