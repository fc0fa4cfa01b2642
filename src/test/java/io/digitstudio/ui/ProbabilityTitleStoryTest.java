package io.digitstudio.ui;

import io.digitstudio.ui.widgets.ProbabilityBars;
import io.digitstudio.ui.widgets.Theme;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A new user's trial at 150 % in the smallest window (1024x700): the probability chart's upright axis title
 * "probability" was drawn over the tick labels 0.75, 0.5 and 0.25 in Samples, and showed as "ity" in Draw, where
 * the chart's top peeks in at the bottom of the pane. At every scale the Preferences offer up to 175 %, in both views,
 * the title shows whole, inside its chart, clear of each tick label, and never in part in its pane's sight.
 */
class ProbabilityTitleStoryTest extends AppStory {
    private Stage stage;

    /** Launched in light at 150 % in the smallest window, as the trial's window was after a restart. */
    @Start
    void start(Stage stage) {
        this.stage = stage;
        io.digitstudio.ui.app.LastSession last = io.digitstudio.ui.app.LastSession.inMemory();
        last.theme(Theme.LIGHT);
        last.uiScale(150);
        app.last = last;
        app.showSmallest(stage);
    }

    private static final int[] SCALES = {100, 125, 150, 175};

    /** The chart's label that says "probability", wherever the chart puts it (null: none shown). */
    private static Labeled title(ProbabilityBars bars) {
        for (Node n : bars.lookupAll(".label")) {
            if (n instanceof Labeled l && "probability".equals(l.getText()) && shown(l)) return l;
        }
        return null;
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return n.getLayoutBounds().getWidth() > 0;
    }

    /**
     * What is wrong with a chart's axis title: not shown whole, outside its chart, over a tick label, or cut by the edge
     * of the pane that scrolls the chart (in part in sight, in part not); with {@code inSight}, also out of the pane's
     * sight.
     */
    private static List<String> titleWrong(String at, ProbabilityBars bars, boolean inSight) {
        List<String> wrong = new ArrayList<>();
        Labeled title = title(bars);
        Node shown = title == null ? null : title.lookup(".text");
        if (!(shown instanceof Text text) || !"probability".equals(text.getText())) {
            wrong.add(at + ": the title shows as " + (shown instanceof Text t ? "'" + t.getText() + "'" : "nothing"));
            return wrong;
        }
        Bounds t = text.localToScene(text.getLayoutBounds());
        Bounds chart = bars.localToScene(bars.getLayoutBounds());
        if (!contains(chart, t)) wrong.add(at + ": the title " + box(t) + " runs out of its chart " + box(chart));
        for (javafx.scene.chart.Axis<?> axis : List.of(bars.getXAxis(), bars.getYAxis())) {
            for (Node n : axis.getChildrenUnmodifiable()) {
                if (!(n instanceof Text tick) || !n.isVisible() || tick.getText() == null || tick.getText().isBlank()) continue;
                Bounds b = tick.localToScene(tick.getLayoutBounds());
                double across = Math.min(t.getMaxX(), b.getMaxX()) - Math.max(t.getMinX(), b.getMinX());
                double down = Math.min(t.getMaxY(), b.getMaxY()) - Math.max(t.getMinY(), b.getMinY());
                if (across > 0 && down > 0) wrong.add(at + ": the title " + box(t) + " over the tick label '" + tick.getText() + "' " + box(b));
            }
        }
        for (Node p = bars.getParent(); p != null; p = p.getParent()) {
            if (!(p instanceof ScrollPane pane)) continue;
            Node viewport = pane.lookup(".viewport");
            Bounds view = viewport.localToScene(viewport.getLayoutBounds());
            boolean some = t.getMaxY() > view.getMinY() && t.getMinY() < view.getMaxY() && t.getMaxX() > view.getMinX() && t.getMinX() < view.getMaxX();
            if (some && !contains(view, t)) wrong.add(at + ": the title " + box(t) + " is cut by its pane's view " + box(view));
            if (inSight && !some) wrong.add(at + ": the title " + box(t) + " is out of its pane's view " + box(view));
        }
        return wrong;
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        return inner.getMinX() >= outer.getMinX() - 0.5 && inner.getMaxX() <= outer.getMaxX() + 0.5 && inner.getMinY() >= outer.getMinY() - 0.5
                && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }

    private static String box(Bounds b) {
        return String.format(Locale.ROOT, "(%.1f,%.1f %.1fx%.1f)", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }

    /**
     * {@link #titleWrong} for the chart {@code id}, once the window has settled, as the view shows it; then, where the
     * chart is in a pane that scrolls, with the pane scrolled to its end as the user does to see the chart.
     */
    private void look(FxRobot robot, String at, String id, List<String> wrong) throws Exception {
        Pulses.settle(3);
        WaitForAsyncUtils.waitForFxEvents();
        ProbabilityBars bars = (ProbabilityBars) stage.getScene().lookup(id);
        robot.interact(() -> wrong.addAll(titleWrong(at, bars, false)));
        ScrollPane pane = null;
        for (Node p = bars.getParent(); p != null && pane == null; p = p.getParent()) if (p instanceof ScrollPane s) pane = s;
        if (pane == null) return;
        ScrollPane scrolled = pane;
        robot.interact(() -> scrolled.setVvalue(scrolled.getVmax()));
        Pulses.settle(2);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> wrong.addAll(titleWrong(at + ", scrolled to the chart", bars, true)));
        robot.interact(() -> scrolled.setVvalue(scrolled.getVmin()));
        Pulses.settle(1);
    }

    /**
     * Launched at 150 %, the user opens Samples, picks a test image, and draws a 1 in Draw, looking at the chart before
     * and after each; then goes through the scales in Preferences' order, looking at both charts at each: the title and
     * the ticks never meet, and the title is never cut.
     */
    @Test
    void theAxisTitleShowsWholeAndClearOfTheTicksAtEveryScale(FxRobot robot) throws Exception {
        app.awaitReady();
        List<String> wrong = new ArrayList<>();
        app.openTab(robot, "Samples");
        var samples = app.main.samples().viewModel();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> samples.predictionsProperty().get() != null);
        look(robot, "Samples at launch, nothing picked", "#detailBars", wrong);
        robot.clickOn("#sample-0");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> samples.selectedPredictionProperty().get() != null);
        look(robot, "Samples at launch, an image picked", "#detailBars", wrong);
        app.openTab(robot, "Draw");
        look(robot, "Draw at launch, nothing drawn", "#drawBars", wrong);
        app.stroke(robot, new double[]{160, 60}, new double[]{162, 140}, new double[]{164, 220}, new double[]{166, 280});
        app.awaitDrawAnswer();
        look(robot, "Draw at launch, a 1 drawn", "#drawBars", wrong);
        try {
            for (int scale : SCALES) {
                for (String view : List.of("Samples", "Draw")) {
                    app.openTab(robot, view);
                    app.lightAtScaleInSmallest(robot, stage, scale);
                    look(robot, view + " at " + scale + " %", view.equals("Samples") ? "#detailBars" : "#drawBars", wrong);
                }
            }
        } finally {
            robot.interact(() -> app.services.appearance().choose(Theme.LIGHT, 100));
        }
        assertEquals(List.of(), wrong);
    }
}
