package io.digitstudio.ui;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A UI scale tried in Preferences (Ctrl+,) and taken back: the window follows at once. */
class ScalePreviewStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.show(stage);
    }

    /** Ctrl+, and the keyboard on the theme, as the dialog opens. */
    private Node openPreferences(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesDialog").tryQuery().isPresent());
        Node d = robot.lookup("#preferencesDialog").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> d.getScene().getFocusOwner() != null && "themeChoice".equals(d.getScene().getFocusOwner().getId()));
        return d;
    }

    private void closePreferences(FxRobot robot, KeyCode key) throws Exception {
        robot.type(key);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());
        Pulses.settle();
    }

    /** The height of each tab strip shown (the window's, Draw's explanation tabs, in sight or scrolled to), by its tabs. */
    private Map<String, Double> strips(FxRobot robot) {
        Map<String, Double> heights = new LinkedHashMap<>();
        robot.interact(() -> Looks.shown(stage.getScene().getRoot(), n -> {
            if (n instanceof Region r && r.getStyleClass().contains("tab-header-area")) {
                String tabs = String.join("|", r.lookupAll(".tab-label").stream().map(l -> ((javafx.scene.control.Labeled) l).getText()).toList());
                heights.put(tabs, r.getHeight());
            }
        }));
        return heights;
    }

    /** Each strip shown as tall as its tabs need in the font now in force. */
    private void assertStripsFit(FxRobot robot, String at) {
        robot.interact(() -> Looks.shown(stage.getScene().getRoot(), n -> {
            if (n instanceof Region r && r.getStyleClass().contains("tab-header-area")) {
                assertEquals(r.snapSizeY(r.prefHeight(-1)), r.getHeight(), 0.5, "the strip of " + r.lookup(".tab-label") + " at " + at);
            }
        }));
    }

    /**
     * 100 % → 150 % → 100 % in Preferences, over Draw with an answer and its nearest examples: the window's tab strip and
     * Draw's explanation tabs grow with the scale and come back to their 100 % height at once. (Draw's explanation
     * strip kept the height of the scale before until another of its tabs was opened: only its text changed, and the
     * pane around it was not laid out again.)
     */
    @Test
    void theTabStripsFollowAScaleTriedAndTakenBackAtOnce(FxRobot robot) throws Exception {
        app.awaitReady();
        app.openTab(robot, "Draw");
        app.stroke(robot, new double[]{160, 50}, new double[]{160, 120}, new double[]{160, 190}, new double[]{160, 270});
        app.awaitDrawAnswer();
        app.awaitDrawNeighbours();
        Pulses.settle();
        Map<String, Double> at100 = strips(robot);
        assertEquals(2, at100.size(), "the window's strip and Draw's explanation tabs: " + at100);

        openPreferences(robot);
        robot.type(KeyCode.TAB).type(KeyCode.DOWN).type(KeyCode.DOWN); // UI scale: 100 → 125 → 150 %
        Pulses.settle();
        assertEquals(150, app.services.appearance().scaleProperty().get());
        assertStripsFit(robot, "150 %");
        closePreferences(robot, KeyCode.ENTER);
        // the other explanation tab looked at and left again at 150 %: every strip laid out at 150 %
        for (String tab : new String[]{"#profileTab", "#neighboursTab"}) {
            robot.interact(() -> {
                var explain = (javafx.scene.control.TabPane) stage.getScene().getRoot().lookup("#explainTabs");
                explain.getSelectionModel().select(explain.getTabs().stream().filter(t -> tab.equals("#" + t.getId())).findFirst().orElseThrow());
            });
            Pulses.settle();
        }
        Map<String, Double> at150 = strips(robot);
        for (var e : at100.entrySet()) assertTrue(at150.get(e.getKey()) > e.getValue() * 1.3, "grown at 150 %: " + at100 + " → " + at150);

        openPreferences(robot);
        robot.type(KeyCode.TAB).type(KeyCode.UP).type(KeyCode.UP); // back to 100 %
        Pulses.settle();
        assertEquals(100, app.services.appearance().scaleProperty().get());
        assertEquals(at100, strips(robot), "back at 100 % (at 150 %: " + at150 + ")");
        assertStripsFit(robot, "100 %");
        closePreferences(robot, KeyCode.ENTER);
        assertEquals(at100, strips(robot), "after OK at 100 %");
    }
}
