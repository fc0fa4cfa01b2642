package io.digitstudio.ui;

import io.digitstudio.ui.evaluate.EvaluateView;
import io.digitstudio.ui.widgets.Theme;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The per-class table stays where it was when the results come (issue 32: beside the matrix when Evaluate opened, it
 * jumped below it once the user pressed Evaluate): the window's width alone decides where it goes, at 100 % and 150 %,
 * in the smallest window and in larger ones; where it fits beside the matrix, it is beside it, before and after.
 */
class EvaluateArrangementStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.show(stage);
    }

    /** Whether the table is beside the matrix's column (right of its text), else below it. */
    private static boolean beside(EvaluateView view) {
        Node table = view.lookup("#perClassTable");
        Node matrixText = view.lookup("#evaluationShown");
        Bounds t = table.localToScene(table.getLayoutBounds());
        Bounds m = matrixText.localToScene(matrixText.getLayoutBounds());
        return t.getMinX() >= m.getMaxX() && t.getMinY() < m.getMaxY();
    }

    /** The user opens Evaluate in a window of this size at this scale, notes where the table is, and presses Evaluate. */
    @ParameterizedTest(name = "{0}x{1} at {2} %")
    @CsvSource({"1024, 700, 100", "1024, 700, 150", "1280, 800, 100", "1280, 800, 150"})
    void theTableStaysWhereItWasWhenTheResultsCome(int width, int height, int percent, FxRobot robot) throws Exception {
        app.awaitReady();
        try {
            robot.interact(() -> {
                stage.setWidth(width);
                stage.setHeight(height);
                app.services.appearance().choose(Theme.LIGHT, percent);
            });
            app.openTab(robot, "Evaluate");
            Pulses.settle(5);
            EvaluateView view = app.main.evaluate();
            assertEquals(width, view.getScene().getWidth(), 1, "the window is as wide as asked");
            boolean before = WaitForAsyncUtils.asyncFx(() -> beside(view)).get();

            robot.clickOn("#evaluateButton");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.viewModel().evaluationProperty().get() != null);
            Pulses.settle(5);
            boolean after = WaitForAsyncUtils.asyncFx(() -> beside(view)).get();
            assertEquals(before ? "beside the matrix" : "below the matrix", after ? "beside the matrix" : "below the matrix",
                    "where the table was before the results, and after");

            // where the table is beside the matrix, both fit: nothing scrolls sideways and no figure is cut
            java.util.List<String> failures = WaitForAsyncUtils.asyncFx(() -> {
                java.util.List<String> found = new java.util.ArrayList<>();
                for (Node n : view.lookupAll(".scroll-bar")) {
                    if (n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible() && b.getParent() != null
                            && b.getParent().isVisible() && b.getVisibleAmount() < b.getMax() - b.getMin()) {
                        Node owner = b;
                        while (owner != null && owner.getId() == null) owner = owner.getParent();
                        found.add("scrolls sideways in " + (owner == null ? "?" : "#" + owner.getId()));
                    }
                }
                found.addAll(Looks.cut(stage.getScene(), "cell-", "confusionGrid", "perClassTable"));
                return found;
            }).get();
            assertEquals(java.util.List.of(), failures);
            // at 100 % the smallest window has the room for both side by side (Monocle's headless screen is 1280x800)
            if (percent == 100) assertTrue(after, "the table is beside the matrix");
        } finally {
            robot.interact(() -> app.services.appearance().choose(Theme.LIGHT, 100));
        }
    }
}
