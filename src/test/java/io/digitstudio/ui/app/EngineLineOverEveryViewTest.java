package io.digitstudio.ui.app;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While the engine starts, its line ("Starting the engine…") lies over the open view's bottom line: a user who opens
 * each view meanwhile reads no text of that line beside or under it. A trial at 175 % saw Runs' "4 runs in
 * /…/digitstudio/runs" show its end past the engine's line ("…ata/digitstudio/runs"): Runs' line is a plain text, not a
 * status line that makes way.
 */
@ExtendWith(ApplicationExtension.class)
class EngineLineOverEveryViewTest {
    @TempDir
    Path dir;

    private final HeldEngineWindow window = new HeldEngineWindow();
    private AppServices services;

    @Start
    void start(Stage stage) throws Exception {
        var history = new io.digitstudio.runs.RunStore(dir.resolve("runs"));
        java.nio.file.Files.createDirectories(history.root());
        // the last session ended on the Runs tab, as the trial's relaunch did
        LastSession last = LastSession.inMemory();
        last.tab("runsTab");
        services = window.open(stage, dir, history, last);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void noViewsBottomLineShowsTextBesideTheEnginesLine(FxRobot robot) throws Exception {
        List<String> wrong = new ArrayList<>();
        List<String> covered = new ArrayList<>();
        // the Runs tab first, as the window opens on it; then every view made meanwhile
        List<Tab> tabs = new ArrayList<>(services.main().tabs().getTabs());
        tabs.sort(java.util.Comparator.comparing(t -> !"runsTab".equals(t.getId())));
        for (Tab tab : tabs) {
            robot.interact(() -> services.main().tabs().getSelectionModel().select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                Node line = tab.getContent() == null ? null : DigitStudioApp.bottomLine(tab.getContent());
                Node engineLine = robot.lookup("#engineStatus").query();
                if (line == null || !shown(engineLine)) return;
                covered.add(tab.getId());
                Bounds over = engineLine.localToScene(engineLine.getLayoutBounds());
                // the line's texts on the engine line's row: beside it to the right or under it
                for (Node n : line.lookupAll(".text")) {
                    if (!(n instanceof Text t) || t.getText() == null || t.getText().isBlank() || !shown(t)) continue;
                    Bounds b = t.localToScene(t.getLayoutBounds());
                    if (b.getMaxY() > over.getMinY() && b.getMinY() < over.getMaxY()) {
                        wrong.add(tab.getId() + ": '" + t.getText() + "' at x " + Math.round(b.getMinX()) + "-" + Math.round(b.getMaxX())
                                + " beside the engine's line at x " + Math.round(over.getMinX()) + "-" + Math.round(over.getMaxX()));
                    }
                }
            });
        }
        assertTrue(covered.contains("runsTab"), "the engine's line lies over Runs' bottom line while it starts: " + covered);
        assertEquals(List.of(), wrong);
        // the engine up, each view's line is there again
        window.startEngine();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !robot.lookup("#engineStatus").query().isVisible()).get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            Node runs = DigitStudioApp.bottomLine(services.main().tabs().getSelectionModel().getSelectedItem().getContent());
            if (runs != null) assertTrue(shown(runs), "the open view's bottom line shows again");
        });
    }

    private static boolean shown(Node n) {
        for (; n != null; n = n.getParent()) if (!n.isVisible() || n.getOpacity() == 0) return false;
        return true;
    }
}
