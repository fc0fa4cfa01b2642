package io.digitstudio.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Trial 40: launched with Draw as the remembered view, "Starting the engine…" lay over Draw's "Nearest examples | How
 * the answer moves" tabs. Draw has no status line at its bottom for the engine's line to lie over: the line covers none
 * of Draw's texts while the engine starts.
 */
class EngineLineOverDrawStoryTest extends AppStory {
    @Start
    void start(Stage stage) {
        app.last = io.digitstudio.ui.app.LastSession.inMemory();
        app.last.tab("drawTab");
        app.showSmallest(stage);
    }

    @Test
    void theEnginesStartCoversNothingOfDraw(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Node line = robot.lookup("#engineStatus").query();
        Assumptions.assumeTrue(line.isVisible(), "the engine is still starting at the first frame");
        List<String> covered = new ArrayList<>();
        robot.interact(() -> {
            assertTrue(app.main.tabs().getSelectionModel().getSelectedItem().getId().equals("drawTab"), "Draw is the view at start");
            Node holder = line.getParent();
            if (!holder.isVisible()) return;
            Bounds b = line.localToScene(line.getLayoutBounds());
            Looks.shown(app.draw(), n -> {
                if (n instanceof javafx.scene.control.Labeled l && !Looks.meant(l).isEmpty() && Looks.onScreen(l)
                        && l.localToScene(l.getLayoutBounds()).intersects(b)) covered.add(Looks.name(l) + " '" + Looks.meant(l) + "'");
            });
        });
        assertEquals(List.of(), covered, "the engine's line covers these texts of Draw");
    }
}
