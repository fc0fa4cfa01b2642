package io.digitstudio.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A new user's trial of the Draw view, at 100 % and 150 % in the smallest window (1024×700), light theme. */
class DrawTrialStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    /** The results' column (its pane with its own background) that {@code n} is in. */
    private static Node column(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (p.getStyleClass().contains("detail-pane")) return p;
        throw new AssertionError(n + " is in no column");
    }

    /** What the results' scroll pane shows, in scene coordinates. */
    private Bounds resultsShown() {
        Node viewport = stage.getScene().lookup("#drawResultsScroll").lookup(".viewport");
        return viewport.localToScene(viewport.getLayoutBounds());
    }

    /**
     * The user draws a 1, keeps it (Enter), and then presses another digit to correct it, as the hint beside Keep
     * invites: "Corrected: now in My digits as 7" is shown whole, every line of it inside the results' column and inside
     * what that column shows, at 150 % and at 100 %. The user had scrolled the column to its top to read the answer;
     * at 150 % the message's second line was drawn below the column's bottom edge, out of sight.
     */
    @Test
    void aCorrectionAfterKeepIsShownWholeInsideItsColumn(FxRobot robot) throws Exception {
        app.awaitReady();
        app.openTab(robot, "Draw");
        List<String> failures = new ArrayList<>();
        int kept = 0;
        for (int scale : new int[]{150, 100}) {
            app.lightAtScaleInSmallest(robot, stage, scale);
            robot.type(KeyCode.ESCAPE);
            robot.interact(() -> ((javafx.scene.control.ScrollPane) stage.getScene().lookup("#drawResultsScroll")).setVvalue(0));
            // a stroke of its own slant at each scale: the same drawing twice is a duplicate the collection refuses
            app.stroke(robot, new double[]{160, 50}, new double[]{160 + (scale - 125) / 5.0, 160}, new double[]{160 + (scale - 125) / 2.5, 270});
            app.awaitDrawAnswer();
            robot.type(KeyCode.ENTER);
            int now = ++kept;
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.myDigits.list().size() == now);
            WaitForAsyncUtils.waitForFxEvents();
            int other = app.draw().viewModel().predictionProperty().get().label() == 7 ? 2 : 7;
            robot.type(other == 7 ? KeyCode.DIGIT7 : KeyCode.DIGIT2);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.myDigits.list().stream().filter(d -> d.label() == other).count() == now);
            Pulses.settle(3);
            robot.interact(() -> {
                Label said = robot.lookup("#collectedLabel").queryAs(Label.class);
                assertEquals("Corrected: now in My digits as " + other, said.getText());
                Node text = said.lookup(".text");
                Bounds lines = text.localToScene(text.getBoundsInLocal());
                Node col = column(said);
                Bounds c = col.localToScene(col.getLayoutBounds()), shown = resultsShown();
                if (!c.contains(lines)) failures.add(scale + " %: the message's lines " + lines + " are not inside its column " + c);
                if (!shown.contains(lines)) failures.add(scale + " %: the message's lines " + lines + " are not inside what the column shows " + shown);
                for (String s : Looks.cut(stage.getScene(), "collectedLabel")) failures.add(scale + " %: " + s);
            });
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * The Draw view's toolbar keeps one row at 100 % and at 150 % in the smallest window, each control whole (never cut
     * to "…") and inside the window: at 150 % the model's buttons wrapped onto a second row, which took the canvas and
     * the answer a row further down.
     */
    @Test
    void theToolbarKeepsOneRowWithEveryControlWhole(FxRobot robot) throws Exception {
        app.awaitReady();
        app.openTab(robot, "Draw");
        List<String> failures = new ArrayList<>();
        for (int scale : new int[]{100, 150}) {
            app.lightAtScaleInSmallest(robot, stage, scale);
            robot.interact(() -> {
                javafx.scene.Parent bar = robot.lookup("#clearButton").query().getParent();
                Bounds first = null;
                List<String> names = new ArrayList<>();
                for (Node n : bar.getChildrenUnmodifiable()) {
                    if (!n.isManaged() || !n.isVisible()) continue;
                    Bounds b = n.localToScene(n.getLayoutBounds());
                    String name = n instanceof javafx.scene.control.Labeled l ? "'" + Looks.meant(l) + "'" : Looks.name(n);
                    names.add(name);
                    if (first == null) first = b;
                    else if (b.getMinY() >= first.getMaxY() || b.getMaxY() <= first.getMinY()) failures.add(scale + " %: " + name + " is on another row than "
                            + names.get(0) + " (" + Math.round(b.getMinY()) + " against " + Math.round(first.getMinY()) + ")");
                    if (b.getMaxX() > stage.getScene().getWidth() + 0.5) failures.add(scale + " %: " + name + " runs past the window's right edge");
                }
                for (String c : Looks.cutIn(bar)) failures.add(scale + " %: " + c);
                System.out.println(scale + " %: the toolbar " + names + ", " + Math.round(bar.getLayoutBounds().getHeight()) + " px tall");
            });
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
