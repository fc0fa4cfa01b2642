package io.digitstudio.ui;

import io.digitstudio.ui.app.DigitStudioApp;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** In the smallest window at 150 %, a label that wraps breaks its text between words, never inside one ("(28×28" and ")"). */
class WrappedLabelsStoryTest extends AppStory {
    @Start
    void start(Stage stage) {
        app.show(stage);
    }

    @Test
    void theInsideViewsCaptionsWrapBetweenWordsOnly(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.interact(() -> {
            robot.window(0).setWidth(DigitStudioApp.MIN_WIDTH);
            robot.window(0).setHeight(DigitStudioApp.MIN_HEIGHT);
            app.services.appearance().scaleProperty().set(150);
        });
        app.openTab(robot, "Inside");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        Labeled input = robot.lookup(".label").queryAllAs(Labeled.class).stream()
                .filter(l -> l.getText() != null && l.getText().contains("28×28")).findFirst().orElseThrow();
        assertTrue(input.isVisible() && input.getScene() != null, "the input's caption is shown");
        List<String> broken = new ArrayList<>();
        for (Labeled l : robot.lookup(".label").queryAllAs(Labeled.class)) {
            if (l.getScene() == null || !l.isVisible() || !l.isWrapText()) continue;
            Node shown = l.lookup(".text");
            if (!(shown instanceof Text t) || t.getText() == null) continue;
            String[] at = new String[1];
            robot.interact(() -> at[0] = breakInsideAWord(t));
            if (at[0] != null) broken.add(at[0]);
        }
        app.openTab(robot, "Draw");
        WaitForAsyncUtils.waitForFxEvents();
        Labeled sees = robot.lookup("#inputCaption").queryAs(Labeled.class);
        String[] at = new String[1];
        robot.interact(() -> at[0] = breakInsideAWord((Text) sees.lookup(".text")));
        if (at[0] != null) broken.add(at[0]);
        assertEquals(List.of(), broken, "labels wrapped inside a word");
    }

    /**
     * The Inside view's header under "First layer's weights", for a run's model in the smallest window at 100 % and
     * 150 %: on one line, or broken between its phrases as a sentence is, never inside "l1: 400 units of 28×28" (it
     * read "l1: 400" and "units of 28×28" on two lines), nor inside a word, and never cut.
     */
    @Test
    void theInsideViewsHeaderBreaksBetweenItsPhrasesOnly(FxRobot robot) throws Exception {
        app.awaitReady();
        var builtIn = app.models().activeProperty().get();
        var run = io.digitstudio.ui.model.ActiveModel.of(builtIn.model(), "run 64c5dae8 · best epoch 7", builtIn.info(), null);
        WaitForAsyncUtils.asyncFx(() -> app.models().adopt(run)).get();
        robot.interact(() -> {
            robot.window(0).setWidth(DigitStudioApp.MIN_WIDTH);
            robot.window(0).setHeight(DigitStudioApp.MIN_HEIGHT);
        });
        app.openTab(robot, "Inside");
        var vm = app.main.inside().viewModel();
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> vm.weightsProperty().get() != null
                && vm.weightsProperty().get().source().contains("64c5dae8"));
        var tiles = vm.weightsProperty().get().tiles();
        String phrase = tiles.layer() + ": " + tiles.count() + " units of 28×28";
        for (int scale : new int[]{100, 150}) {
            robot.interact(() -> app.services.appearance().scaleProperty().set(scale));
            Pulses.settle(3);
            javafx.scene.control.Label header = robot.lookup("#weightsSource").queryAs(javafx.scene.control.Label.class);
            Text t = (Text) header.lookup(".text");
            String[] found = new String[3];
            robot.interact(() -> {
                found[0] = t.getText();
                found[1] = breakInsideAWord(t);
                found[2] = breakInside(t, phrase);
            });
            String at = scale + " %: ";
            assertEquals(header.getText().replace('\u00a0', ' '), found[0].replace('\u00a0', ' '), at + "whole, not cut: " + found[0]);
            assertTrue(found[0].replace('\u00a0', ' ').endsWith(phrase), at + found[0]);
            assertNull(found[1], at + "a break inside a word");
            assertNull(found[2], at + "a break inside \"" + phrase + "\"");
            assertTrue(header.getHeight() >= header.prefHeight(header.getWidth()) - 0.5, at + "every line of it shown");
        }
    }

    /** The text around a line break that falls inside {@code phrase} (spaces as no-break spaces alike), or null. */
    private static String breakInside(Text t, String phrase) {
        String s = t.getText();
        int from = s.replace('\u00a0', ' ').indexOf(phrase);
        if (from < 0) return "no \"" + phrase + "\" in " + s;
        double first = Double.NaN;
        String out = null;
        for (int i = from; i < from + phrase.length() && out == null; i++) {
            t.setCaretPosition(i);
            javafx.scene.shape.PathElement[] caret = t.getCaretShape();
            if (caret.length == 0 || !(caret[0] instanceof javafx.scene.shape.MoveTo m)) continue;
            if (Double.isNaN(first)) first = m.getY();
            else if (m.getY() > first + 1) out = s.substring(0, i) + "⏎" + s.substring(i);
        }
        t.setCaretPosition(-1);
        return out;
    }

    /** The text around the first line break that falls inside a word, or null when every line starts after a space. */
    private static String breakInsideAWord(Text t) {
        String s = t.getText();
        double lastY = Double.NaN;
        for (int i = 0; i < s.length(); i++) {
            t.setCaretPosition(i);
            javafx.scene.shape.PathElement[] caret = t.getCaretShape();
            if (caret.length == 0 || !(caret[0] instanceof javafx.scene.shape.MoveTo m)) continue;
            double y = m.getY();
            if (!Double.isNaN(lastY) && y > lastY + 1 && i > 0 && !Character.isWhitespace(s.charAt(i - 1)) && s.charAt(i - 1) != '-'
                    && s.charAt(i - 1) != '\n') {
                t.setCaretPosition(-1);
                return s.substring(0, i) + "⏎" + s.substring(i);
            }
            lastY = y;
        }
        t.setCaretPosition(-1);
        return null;
    }
}
