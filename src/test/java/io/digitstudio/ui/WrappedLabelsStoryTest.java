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
