package io.digitstudio.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Trial 40 at 175 % in the smallest window: the last tab ("Sweeps") ran into the menu's ☰ button, the selected tab's
 * frame over its icon. At every scale the Preferences offer, in the smallest window, every tab's title is whole and no
 * tab reaches under the menu.
 */
class TabStripAtLargeScaleStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    @Test
    void everyTabIsWholeAndClearOfTheMenuAtEveryScale(FxRobot robot) throws Exception {
        app.awaitReady();
        app.openTab(robot, "Sweeps");
        List<String> failures = new ArrayList<>();
        try {
            for (int scale : new int[]{100, 125, 150, 175, 200}) {
                app.lightAtScaleInSmallest(robot, stage, scale);
                robot.interact(() -> {
                    Node menu = robot.lookup("#mainMenuButton").query();
                    Bounds m = menu.localToScene(menu.getLayoutBounds());
                    for (Node tab : robot.lookup(".main-tabs > .tab-header-area > .headers-region > .tab").queryAll()) {
                        Bounds t = tab.localToScene(tab.getLayoutBounds());
                        if (tab.isVisible() && t.getMaxX() > m.getMinX() + 0.5) failures.add(scale + " %: the tab " + Looks.name(tab) + " " + t + " reaches under the menu " + m);
                    }
                    for (String c : Looks.cut(stage.getScene())) if (c.contains("tab-label")) failures.add(scale + " %: " + c);
                });
            }
        } finally {
            app.lightAtScaleInSmallest(robot, stage, 100);
        }
        assertEquals(List.of(), failures);
    }
}
