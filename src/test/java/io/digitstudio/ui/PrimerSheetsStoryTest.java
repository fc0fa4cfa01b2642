package io.digitstudio.ui;

import io.digitstudio.ui.widgets.PrimerSheets;
import javafx.application.Application;
import javafx.css.Rule;
import javafx.css.Selector;
import javafx.css.Stylesheet;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The window reads AtlantaFX's Primer without the rules no node of the app can match (PrimerSheets): the sheet it sets is
 * ours, and no selector left out of it applies to any node of any view, the menu, a drop-down list or a dialog.
 */
class PrimerSheetsStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.show(stage);
    }

    @Test
    void theWindowReadsTheTrimmedSheetAndNoRuleLeftOutAppliesToWhatItShows(FxRobot robot) throws Exception {
        assertEquals(PrimerSheets.LIGHT, Application.getUserAgentStylesheet(), "the window's sheet for every control");
        Set<Selector> leftOut = new LinkedHashSet<>();
        for (var e : PrimerSheets.SHEETS.entrySet()) {
            Set<Selector> kept = new HashSet<>();
            for (Rule r : Stylesheet.loadBinary(PrimerSheets.class.getResource(e.getValue())).getRules()) kept.addAll(r.getSelectors());
            for (Rule r : Stylesheet.loadBinary(PrimerSheets.class.getResource(e.getKey())).getRules()) {
                for (Selector s : r.getSelectors()) if (!kept.contains(s)) leftOut.add(s);
            }
        }
        assertFalse(leftOut.isEmpty());
        List<String> applied = new ArrayList<>();
        int[] nodes = new int[1];
        Runnable look = () -> robot.interact(() -> {
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null) check(w.getScene().getRoot(), leftOut, applied, nodes);
            }
        });
        for (int tab = 0; tab < ThemesAndScalesTest.TABS.length; tab++) {
            String key = "DIGIT" + (tab + 1);
            robot.press(KeyCode.CONTROL, KeyCode.valueOf(key)).release(KeyCode.valueOf(key), KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            Pulses.settle();
            look.run();
        }
        // the Train view's drop-down list open, then the app's menu, then Preferences
        app.openTab(robot, "Train");
        robot.clickOn("#networkPreset");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".combo-box-popup").tryQuery().isPresent());
        look.run();
        robot.type(KeyCode.ESCAPE);
        robot.clickOn("#mainMenuButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesItem").tryQuery().isPresent());
        look.run();
        robot.clickOn("#preferencesItem");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesDialog").tryQuery().isPresent());
        Pulses.settle();
        look.run();
        robot.type(KeyCode.ESCAPE);
        assertTrue(nodes[0] > 1000, "the nodes looked at: " + nodes[0]);
        // the check can see a match: a kept selector, Primer's .button, applies to the window's buttons
        boolean[] button = new boolean[1];
        Selector kept = Selector.createSelector(".button");
        robot.interact(() -> button[0] = stage.getScene().getRoot().lookupAll(".button").stream().anyMatch(kept::applies));
        assertTrue(button[0]);
        assertEquals(List.of(), applied, "rules left out of the sheet that a node of the app matches");
    }

    private static void check(Node n, Set<Selector> leftOut, List<String> applied, int[] nodes) {
        nodes[0]++;
        for (Selector s : leftOut) if (s.applies(n)) applied.add(s + " applies to " + n);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) check(c, leftOut, applied, nodes);
    }
}
