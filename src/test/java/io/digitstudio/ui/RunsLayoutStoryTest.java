package io.digitstudio.ui;

import io.digitstudio.runs.RunSummary;
import io.digitstudio.ui.widgets.Theme;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Runs view's layout (issue 32, a new user's trial at 1280x800): the runs table takes the height the charts below
 * do not need to read, up to ten rows, whatever the number of runs; the split between them stays where it is as runs
 * come in, are filtered and as the theme is switched, and once the user drags it, stays where they put it; the table's columns are as wide after a
 * theme's round trip as before it.
 */
class RunsLayoutStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    private TableView<RunSummary> runs(FxRobot robot, int n) throws Exception {
        app.awaitReady();
        for (int i = 0; i < n; i++) app.tinyCliRun(i);
        app.openTab(robot, "Runs");
        TableView<RunSummary> table = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == n);
        Pulses.settle(3);
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }

    /** The runs table's height and the divider's place in the split, in pixels from the split's top. */
    private static String split(FxRobot robot, TableView<RunSummary> table) {
        String[] out = new String[1];
        robot.interact(() -> out[0] = splitNow(table));
        return out[0];
    }

    /** {@link #split} on the FX thread. */
    private static String splitNow(TableView<RunSummary> table) {
        Node up = table.getParent();
        while (!(up instanceof SplitPane)) up = up.getParent();
        SplitPane main = (SplitPane) up;
        double divider = main.getDividers().get(0).getPosition() * (main.getHeight() - main.snappedTopInset() - main.snappedBottomInset());
        return "table " + Math.round(table.getHeight()) + " px, divider at " + Math.round(divider) + " px of " + Math.round(main.getHeight());
    }

    private void choose(FxRobot robot, Theme theme, int scale) throws Exception {
        robot.interact(() -> app.services.appearance().choose(theme, scale));
        Pulses.settle(4);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Two runs, then more from the command line (a refresh lists them), then a filter that leaves none, then light to
     * dark and back: the divider the user never dragged stays where it was with two runs (a trial saw the table grow
     * with the runs and push the selected run's actions down, so that a click meant for Delete… landed on Open in
     * Draw), through the filter and the themes (a trial saw it move by 6 px at a theme switch). Dragged, it stays where the user put it, through more runs and theme switches.
     */
    @Test
    void theDividerStaysPutUntilTheUserDragsItAndThenWhereTheyPutIt(FxRobot robot) throws Exception {
        TableView<RunSummary> table = runs(robot, 2);
        double twoRuns = table.getHeight();
        List<String> seen = new ArrayList<>();
        for (int i = 2; i < 6; i++) app.tinyCliRun(i);
        robot.clickOn("#refreshRunsButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 6);
        Pulses.settle(3);
        String first = split(robot, table);
        assertEquals(twoRuns, table.getHeight(), "as high with the runs that came in: " + twoRuns + " px, then " + first);
        robot.clickOn("#runsFilter").write("zzz");
        Pulses.settle(3);
        seen.add("none filtered in: " + split(robot, table));
        robot.interact(() -> ((javafx.scene.control.TextField) robot.lookup("#runsFilter").query()).clear());
        Pulses.settle(3);
        seen.add("filter cleared: " + split(robot, table));
        choose(robot, Theme.DARK, 100);
        seen.add("dark: " + split(robot, table));
        choose(robot, Theme.LIGHT, 100);
        seen.add("light again: " + split(robot, table));
        assertEquals(List.of(), seen.stream().filter(s -> !s.endsWith(first)).toList(), "at first: " + first);

        // the user drags it down: it stays there through more runs and a theme's round trip
        Node split = robot.lookup("#runsSplit").query();
        Node divider = robot.lookup(".split-pane-divider").match(n -> n.getParent() == split).query();
        robot.drag(divider).moveBy(0, 90).release(javafx.scene.input.MouseButton.PRIMARY);
        Pulses.settle(2);
        WaitForAsyncUtils.waitForFxEvents();
        String dragged = split(robot, table);
        assertNotEquals(first, dragged, "dragged 90 px down");
        seen.clear();
        app.tinyCliRun(6);
        robot.clickOn("#refreshRunsButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 7);
        Pulses.settle(3);
        seen.add("7 runs: " + split(robot, table));
        choose(robot, Theme.DARK, 100);
        seen.add("dark: " + split(robot, table));
        choose(robot, Theme.LIGHT, 100);
        seen.add("light again: " + split(robot, table));
        assertEquals(List.of(), seen.stream().filter(s -> !s.endsWith(dragged)).toList(), "as dragged: " + dragged);
    }

    /**
     * Three runs, two of them compared, in the smallest window; two more come from the command line and a refresh
     * lists them: the table settles at one height and stays there. A trial saw it flip between three and four rows on
     * every frame from then on, and the app use more than a core while it sat idle.
     */
    @Test
    void theTableSettlesAfterARefreshWhileRunsAreCompared(FxRobot robot) throws Exception {
        app.awaitReady();
        for (int i = 0; i < 3; i++) tutorialRun(i);
        app.openTab(robot, "Runs");
        TableView<RunSummary> table = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        Pulses.settle(3);
        robot.clickOn(robot.lookup("#runsTable .table-row-cell").match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == 0).queryAs(Node.class));
        robot.press(javafx.scene.input.KeyCode.CONTROL);
        try {
            robot.clickOn(robot.lookup("#runsTable .table-row-cell").match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == 2).queryAs(Node.class));
        } finally {
            robot.release(javafx.scene.input.KeyCode.CONTROL);
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.main.runs().viewModel().curvesProperty().get().size() == 2);
        Pulses.settle(3);
        tutorialRun(3);
        tutorialRun(4);
        robot.clickOn("#refreshRunsButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 5);
        Pulses.settle(6);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Pulses.settle(1);
            seen.add(split(robot, table));
        }
        assertEquals(1, seen.stream().distinct().count(), "the table's height over twelve pulses: " + seen);
    }

    /** A run of the tutorial's network from the command line, as a user's first runs are: its columns wrap at 1024 px. */
    private void tutorialRun(int i) {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = io.digitstudio.cli.Cli.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err), "train", "--epochs", "1",
                "--train-size", "100", "--test-size", "50", "--out", app.history.root().resolveSibling("tutorial-" + i + ".npz").toString(),
                "--runs-dir", app.history.root().toString());
        assertEquals(0, code, err.toString());
    }

    /** Each column of a table as "title width", or "title hidden". */
    private static List<String> widths(FxRobot robot, String id) {
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            TableView<?> t = (TableView<?>) robot.lookup(id).query();
            for (TableColumn<?, ?> c : t.getColumns()) out.add(c.getText() + (c.isVisible() ? " " + c.getWidth() : " hidden"));
        });
        return out;
    }

    /**
     * Two of seven runs compared, at 100 % and 150 %: light, dark and light again lays the runs table's and the
     * settings' columns out as wide as before (a trial saw the settings' columns 2 to 4 px apart after the round trip).
     */
    @Test
    void theColumnsAreAsWideAfterAThemesRoundTrip(FxRobot robot) throws Exception {
        runs(robot, 7);
        robot.clickOn(robot.lookup("#runsTable .table-row-cell").match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == 0).queryAs(Node.class));
        robot.press(javafx.scene.input.KeyCode.CONTROL).clickOn(robot.lookup("#runsTable .table-row-cell")
                .match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == 1).queryAs(Node.class)).release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.main.runs().viewModel().comparison().size() >= 8);
        Pulses.settle(3);
        List<String> failures = new ArrayList<>();
        for (int scale : new int[]{100, 150}) {
            choose(robot, Theme.LIGHT, scale);
            List<String> runs = widths(robot, "#runsTable"), compare = widths(robot, "#compareTable");
            choose(robot, Theme.DARK, scale);
            choose(robot, Theme.LIGHT, scale);
            List<String> runsAgain = widths(robot, "#runsTable"), compareAgain = widths(robot, "#compareTable");
            if (!runs.equals(runsAgain)) failures.add(scale + " %: runs " + runs + " then " + runsAgain);
            if (!compare.equals(compareAgain)) failures.add(scale + " %: settings " + compare + " then " + compareAgain);
        }
        assertEquals(List.of(), failures);
    }

    /**
     * Three runs, none selected, at 150 % and 100 % in the smallest window: the settings' hint (in place of the
     * settings) shows whole, its text inside its label, the window and every pane round it that cuts what overflows it. The trial saw its lines sliced at the pane's bottom at 150 %.
     */
    @Test
    void theCompareHintShowsWholeAtLargeScales(FxRobot robot) throws Exception {
        runs(robot, 3);
        List<String> wrong = new ArrayList<>();
        for (int scale : new int[]{150, 100}) {
            choose(robot, Theme.LIGHT, scale);
            robot.interact(() -> {
                stage.setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
                stage.setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
            });
            Pulses.settle(4);
            robot.interact(() -> wrong.addAll(hintCut(scale + " %")));
        }
        assertEquals(List.of(), wrong);
    }

    /** Where the compare hint's text is cut: by its label, the window, or a pane round it that clips. */
    private List<String> hintCut(String at) {
        List<String> wrong = new ArrayList<>();
        javafx.scene.control.Labeled hint = (javafx.scene.control.Labeled) stage.getScene().lookup("#noComparison");
        if (hint == null || !hint.isVisible()) return List.of(at + ": no hint shown in the settings' place");
        Node shown = hint.lookup(".text");
        javafx.geometry.Bounds text = shown.localToScene(shown.getLayoutBounds());
        javafx.geometry.Bounds label = hint.localToScene(hint.getLayoutBounds());
        if (!(shown instanceof javafx.scene.text.Text t) || !t.getText().replaceAll("\\s+", " ").equals(hint.getText())) {
            wrong.add(at + ": the hint shows as '" + (shown instanceof javafx.scene.text.Text t2 ? t2.getText() : shown) + "'");
        }
        if (!contains(label, text)) wrong.add(at + ": the hint's text " + text + " runs out of its label " + label);
        javafx.geometry.Bounds window = new javafx.geometry.BoundingBox(0, 0, stage.getScene().getWidth(), stage.getScene().getHeight());
        if (!contains(window, text)) wrong.add(at + ": the hint's text " + text + " runs out of the window");
        for (Node p = hint.getParent(); p != null; p = p.getParent()) {
            if (p.getClip() != null) {
                javafx.geometry.Bounds clip = p.localToScene(p.getClip().getBoundsInLocal());
                if (!contains(clip, text)) wrong.add(at + ": the hint's text " + text + " is cut by " + Looks.name(p) + "'s clip " + clip);
            }
        }
        return wrong;
    }

    /** The runs table's rows shown whole in its view, by index. */
    private static List<Integer> rowsInSight(TableView<RunSummary> table) {
        List<Integer> in = new ArrayList<>();
        Node clip = table.lookup(".clipped-container");
        var view = clip.localToScene(clip.getLayoutBounds());
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (!(n instanceof javafx.scene.control.TableRow<?> r) || r.isEmpty() || !r.isVisible()) continue;
            var b = r.localToScene(r.getLayoutBounds());
            if (b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5) in.add(r.getIndex());
        }
        return in;
    }

    /**
     * What keeps the two charts from reading without a scroll: a chart lower than its least readable height, or out of
     * its pane's sight.
     */
    private List<String> chartsUnread(String at) {
        List<String> wrong = new ArrayList<>();
        for (String id : List.of("#runsLossChart", "#runsAccuracyChart")) {
            javafx.scene.layout.Region chart = (javafx.scene.layout.Region) stage.getScene().lookup(id);
            double least = chart.minHeight(-1);
            if (chart.getHeight() < least - 0.5) wrong.add(at + ": " + id + " " + Math.round(chart.getHeight()) + " px, under its " + Math.round(least));
            Node up = chart.getParent();
            while (!(up instanceof javafx.scene.control.ScrollPane)) up = up.getParent();
            Node viewport = up.lookup(".viewport");
            var sight = viewport.localToScene(viewport.getLayoutBounds());
            var b = chart.localToScene(chart.getLayoutBounds());
            if (b.getMinY() < sight.getMinY() - 0.5 || b.getMaxY() > sight.getMaxY() + 0.5) {
                wrong.add(at + ": " + id + " " + b.getMinY() + "-" + b.getMaxY() + " out of its pane's sight " + sight.getMinY() + "-" + sight.getMaxY());
            }
        }
        return wrong;
    }

    /** The height the charts' pane shows beyond both charts at their least readable height. */
    private double spareUnderCharts() {
        javafx.scene.layout.Region loss = (javafx.scene.layout.Region) stage.getScene().lookup("#runsLossChart");
        javafx.scene.layout.Region accuracy = (javafx.scene.layout.Region) stage.getScene().lookup("#runsAccuracyChart");
        javafx.scene.layout.VBox plots = (javafx.scene.layout.VBox) loss.getParent();
        Node up = plots.getParent();
        while (!(up instanceof javafx.scene.control.ScrollPane)) up = up.getParent();
        double sight = up.lookup(".viewport").getLayoutBounds().getHeight();
        return sight - loss.minHeight(-1) - accuracy.minHeight(-1) - plots.getSpacing();
    }

    /**
     * Ten runs, one selected, in a 1280x800 window: the runs table shows eight of them at least, over both charts at
     * their readable height with nothing to scroll (a trial saw three rows over empty chart room). In the smallest
     * window the table shows as many rows as leave the charts that height; at 150 % nothing in the view is cut to
     * "…" and the table's rows that show are whole.
     */
    @Test
    void tenRunsShowEightRowsOverChartsThatStillRead(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        TableView<RunSummary> table = runs(robot, 10);
        robot.clickOn(robot.lookup("#runsTable .table-row-cell").match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == 0).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.main.runs().viewModel().curvesProperty().get().isEmpty());
        Pulses.settle(3);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> wrong = new ArrayList<>();
        robot.interact(() -> {
            List<Integer> rows = rowsInSight(table);
            if (rows.size() < 8) wrong.add("1280x800: " + rows.size() + " runs in sight: " + rows + "; " + splitNow(table) + ", rows of " + Math.round(io.digitstudio.ui.widgets.TableHeights.rowNow(table)));
            wrong.addAll(chartsUnread("1280x800"));
        });

        robot.interact(() -> {
            stage.setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
            stage.setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
        });
        Pulses.settle(4);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            List<Integer> rows = rowsInSight(table);
            // the charts' height first; what is left holds more runs than the three the table showed before, and no
            // room for another run's row is left to the charts
            if (rows.size() < 4) wrong.add("1024x700: " + rows.size() + " runs in sight: " + rows + "; " + splitNow(table) + ", rows of " + Math.round(io.digitstudio.ui.widgets.TableHeights.rowNow(table)));
            wrong.addAll(chartsUnread("1024x700"));
            double spare = spareUnderCharts();
            double row = io.digitstudio.ui.widgets.TableHeights.rowNow(table);
            if (spare >= row) wrong.add("1024x700: " + Math.round(spare) + " px to spare under the charts, rows of " + Math.round(row) + " px; " + splitNow(table));
        });

        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        try {
            choose(robot, Theme.LIGHT, 150);
            robot.interact(() -> {
                if (rowsInSight(table).isEmpty()) wrong.add("150 %: no run in sight; " + splitNow(table));
                for (String c : Looks.cut(stage.getScene())) wrong.add("150 %: " + c);
                for (String c : Looks.clipped(stage.getScene())) wrong.add("150 %: " + c);
            });
        } finally {
            choose(robot, Theme.LIGHT, 100);
        }
        assertEquals(List.of(), wrong);
    }

    private static boolean contains(javafx.geometry.Bounds outer, javafx.geometry.Bounds inner) {
        return inner.getMinX() >= outer.getMinX() - 0.5 && inner.getMinY() >= outer.getMinY() - 0.5 && inner.getMaxX() <= outer.getMaxX() + 0.5
                && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }
}
