package io.digitstudio.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ProgressIndicator;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A user presses Start and the run reads its data before its first step. An indeterminate progress bar's skin runs a
 * Timeline, which makes JavaFX pulse about 60 times a second (lay out, copy and paint the bar) for the seconds the data
 * takes, while the run's own thread wants the cores (decision record 0005): the window says "Loading data…" and
 * nothing in it animates.
 */
class QuietWhileLoadingStoryTest extends AppStory {
    @Start
    void start(Stage stage) {
        app.showSmallest(stage);
    }

    @Test
    void nothingAnimatesWhileARunLoadsItsData(FxRobot robot) throws Exception {
        app.awaitReady();
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "1");
        var run = app.main.train().run();
        List<String> animated = new ArrayList<>();
        String[] status = new String[1];
        // the state is PREPARING from start() until the data is read on a worker and the UI thread hears of it, so it is
        // still PREPARING within this same task on the UI thread
        robot.interact(() -> {
            run.start();
            assertEquals(io.digitstudio.ui.train.RunState.PREPARING, run.stateProperty().get());
            for (Window w : Window.getWindows()) if (w.isShowing() && w.getScene() != null) indeterminate(w.getScene().getRoot(), animated);
            status[0] = app.main.train().presenter().statusProperty().get();
        });
        assertEquals(List.of(), animated, "indeterminate (animated) progress shown while the run loads its data");
        assertEquals("Loading data…", status[0], "the status says what the run does meanwhile");
        WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS, () -> run.stateProperty().get() == io.digitstudio.ui.train.RunState.FINISHED);
    }

    private static void indeterminate(Node n, List<String> found) {
        if (!n.isVisible()) return;
        if (n instanceof ProgressIndicator p && p.isIndeterminate()) found.add(p.getId() + " " + p.getClass().getSimpleName());
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) indeterminate(c, found);
    }
}
