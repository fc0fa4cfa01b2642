package io.digitstudio.ui;

import io.digitstudio.ui.train.LrFindViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** "Find learning rate…" as a user meets it: a search on the form's settings, its suggestion, and the rate put into the form. */
class LrFindStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage); // nothing of this story's is cut there
    }

    /** This story's labels and buttons that show less than their text (JavaFX's "…"). */
    private List<String> cut(String... ids) {
        return Looks.cut(stage.getScene(), ids);
    }

    /** Whether the node and all its parents are visible. */
    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    @Test
    void theFinderSuggestsARateAndUseThisRatePutsItInTheForm(FxRobot robot) throws Exception {
        app.awaitReady();
        Forms.type(robot, "#trainLimitField", "2000");
        Forms.type(robot, "#testLimitField", "200");
        TextField lr = robot.lookup("#hp-lr").queryAs(TextField.class);
        assertEquals("0.01", lr.getText());
        Forms.click(robot, "#findLrButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#lrFindPane").query().isVisible(), "the finder takes the charts' place");
        assertFalse(shown(robot.lookup("#lossChart").query()));

        LrFindViewModel finder = app.main.train().lrFind();
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !finder.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        LrFindViewModel.Suggestion s = finder.suggestionProperty().get();
        assertNotNull(s, finder.statusProperty().get());
        assertTrue(finder.curve().count() >= 20, "a point per rate tried: " + finder.curve().count());
        Label shown = robot.lookup("#lrFindSuggestion").queryAs(Label.class);
        assertTrue(shown.isVisible());
        assertTrue(shown.getText().matches("Suggested learning rate: [0-9.e-]+ \\(steepest descent\\); the minimum's rate / 10: [0-9.e-]+"), shown.getText());
        assertTrue(s.steepest() > 1e-4 && s.steepest() < 1, "a rate a network learns at: " + s.steepest());

        assertEquals(List.of(), cut("lrFindPane", "findLrButton"));
        robot.clickOn("#lrFindUseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals("0.01", lr.getText());
        assertEquals(s.rate(), Double.parseDouble(lr.getText()), 0, "the form's lr field holds the suggestion");
        assertEquals(s.steepest(), s.rate(), s.steepest() * 5e-3, "to three digits");
        assertTrue(shown.getText().startsWith("Suggested learning rate: " + lr.getText() + " "), "as the finder shows it");
        assertNull(app.main.train().settings().validationProperty().get(), "and the form can start with it");

        robot.clickOn("#lrFindCloseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shown(robot.lookup("#lossChart").query()), "the training charts are back");
        assertFalse(shown(robot.lookup("#lrFindPane").query()));
        assertFalse(robot.lookup("#startButton").queryButton().isDisabled());
    }
}
