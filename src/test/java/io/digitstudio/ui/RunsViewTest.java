package io.digitstudio.ui;

import io.digitstudio.runs.RunStatus;
import io.digitstudio.runs.RunSummary;
import io.digitstudio.ui.runs.RunsView;
import io.digitstudio.ui.train.RunState;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The Runs view as a user meets it: runs from the app and the command line side by side, compared and named. */
class RunsViewTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.show(stage);
    }

    /** The table's row showing item {@code i} (rows are reused cells: their order in the scene is not the items'). */
    /** The table's row {@code i} once it is drawn: the rows come a pulse or more after the list has loaded. */
    private static Node row(FxRobot robot, int i) throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> robot.lookup("#runsTable .table-row-cell")
                .match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == i && !r.isEmpty()).tryQuery().isPresent()).get());
        return drawnRow(robot, i);
    }

    /** The table's row {@code i} as drawn now, on the FX thread. */
    private static Node drawnRow(FxRobot robot, int i) {
        return robot.lookup("#runsTable .table-row-cell").match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == i && !r.isEmpty()).query();
    }

    /**
     * Runs → Resume on a stopped run, as Open snapshot… on its newest snapshot: the Train view shows the resume set up
     * (the run's own settings in the form, the status saying what Start does) and nothing trains until Start, which
     * resumes the run from where it stopped, to its own epochs; the form is the user's own again after. (Resume trained
     * at once, and the run's values stayed in the form, and in the next launch's, for good.)
     */
    @Test
    void resumeInTheRunsViewSetsUpTheStoppedRunsResumeAndStartResumesIt(FxRobot robot) throws Exception {
        app.awaitReady();
        var run = app.main.train().run();
        // run A finishes with its snapshots; run B, a longer one, is stopped once it has trained a little
        app.trainShortRunWithSnapshots(robot, 2);
        String a = app.history.list().get(0).id();
        Forms.type(robot, "#epochsField", "40");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> run.currentLoop() != null && run.currentLoop().iteration() > 3);
        robot.clickOn("#stopButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> run.stateProperty().get() == RunState.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        String b = app.history.list().stream().filter(r -> !r.id().equals(a)).findFirst().orElseThrow().id();
        RunSummary stopped = app.history.find(b);
        assertEquals(io.digitstudio.runs.RunStatus.STOPPED, stopped.status());
        assertTrue(stopped.resumes().isEmpty());
        java.nio.file.Path snapshot = app.history.lastSnapshot(stopped).orElseThrow();
        io.digitstudio.train.Snapshot.Position at = io.digitstudio.train.Snapshot.position(snapshot);
        // the user's own values for the next run
        Forms.type(robot, "#epochsField", "3");
        Forms.type(robot, "#hp-lr", "0.05");

        app.openTab(robot, "Runs");
        TableView<RunSummary> table = robot.lookup("#runsTable").queryTableView();
        int row = table.getItems().indexOf(table.getItems().stream().filter(r -> r.id().equals(b)).findFirst().orElseThrow());
        robot.clickOn(row(robot, row));
        // whether it can be resumed is found off the UI thread: Resume is on once its snapshot is found
        javafx.scene.control.Button resume = robot.lookup("#resumeRunButton").queryButton();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !resume.isDisabled());
        robot.clickOn("#resumeRunButton");

        // the Train view, set up: the snapshot is read off the UI thread, then the status says what Start does
        String where = at.epochEnd() ? "the end of epoch " + at.epoch() : io.digitstudio.runs.RunSettings.Branch.point(at.epochDetail(), at.iteration());
        String said = io.digitstudio.ui.train.RunControl.openedAsResume(b, where);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> said.equals(app.main.train().presenter().statusProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("trainTab", app.main.tabs().getSelectionModel().getSelectedItem().getId());
        assertEquals(said, Forms.status(robot));
        assertEquals("40", robot.lookup("#epochsField").queryAs(javafx.scene.control.TextField.class).getText(), "the run's own epochs");
        assertEquals("0.01", robot.lookup("#hp-lr").queryAs(javafx.scene.control.TextField.class).getText(), "the run's own rate");
        assertEquals("3", run.ownValues().epochs(), "the next launch remembers the user's own form");
        assertEquals(RunState.FINISHED, run.stateProperty().get(), "nothing trains until Start");
        assertEquals(io.digitstudio.runs.RunStatus.STOPPED, app.history.find(b).status());
        assertTrue(app.history.find(b).resumes().isEmpty(), "nothing is written until Start");

        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> run.stateProperty().get() == RunState.FINISHED
                && run.resultProperty().get() != null && app.history.find(b).status() == io.digitstudio.runs.RunStatus.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, app.history.list().size(), "resuming adds no run");
        RunSummary resumed = app.history.find(b);
        assertEquals(40, resumed.epochsDone(), "the stopped run, not the finished one, went on to its end");
        assertEquals(1, resumed.resumes().size());
        assertEquals(at.iteration(), ((Number) resumed.resumes().get(0).get("iteration")).longValue(), "from where it stopped");
        assertTrue(String.valueOf(resumed.resumes().get(0).get("from")).endsWith(snapshot.getFileName().toString()), resumed.resumes().toString());
        assertEquals(2, app.history.find(a).epochsDone(), "the other run is untouched");
        assertTrue(app.history.find(a).resumes().isEmpty());
        assertEquals("3", robot.lookup("#epochsField").queryAs(javafx.scene.control.TextField.class).getText(), "the form is the user's own again");
        assertEquals("0.05", robot.lookup("#hp-lr").queryAs(javafx.scene.control.TextField.class).getText());
        // its curves go on to its end too, not only to where it was stopped
        var runs = app.main.runs().viewModel();
        robot.interact(runs::refresh);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runs.curvesProperty().get().stream().anyMatch(c -> c.run().id().equals(b)
                && !c.loss().isEmpty() && c.loss().get(c.loss().size() - 1)[0] >= 40 - 1e-9));
    }

    /**
     * Runs → Evaluate on a weaker run, as in the trial of session 37: the Evaluate view shows the run's model and says
     * it is not the one in use; Draw, Samples and Inside keep the built-in model, with no question and no Undo needed.
     */
    @Test
    void evaluatingARunsModelLeavesTheModelInUseAlone(FxRobot robot) throws Exception {
        app.awaitReady();
        var inUse = app.models().activeProperty().get();
        assertEquals("built-in MLP", inUse.name());
        StringWriter err = new StringWriter();
        int code = io.digitstudio.cli.Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "train", "--epochs", "1", "--lr", "0.1",
                "--train-size", "1000", "--test-size", "200", "--out", app.history.root().resolveSibling("weak-" + app.history.root().getFileName() + ".npz").toString(),
                "--runs-dir", app.history.root().toString());
        assertEquals(0, code, err.toString());
        app.openTab(robot, "Runs");
        robot.clickOn(row(robot, 0));
        javafx.scene.control.Button evaluate = robot.lookup("#evaluateRunButton").queryButton();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !evaluate.isDisabled());
        robot.clickOn(evaluate);
        javafx.scene.control.TabPane tabs = robot.lookup(".main-tabs").queryAs(javafx.scene.control.TabPane.class);
        // the run's model is read off the UI thread, then the Evaluate view shows it
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> "evaluateTab".equals(tabs.getSelectionModel().getSelectedItem().getId())
                && app.main.evaluate().viewModel().evaluationProperty().get() != null).get());
        WaitForAsyncUtils.waitForFxEvents();
        var e = WaitForAsyncUtils.asyncFx(() -> app.main.evaluate().viewModel().evaluationProperty().get()).get();
        assertTrue(e.model().name().startsWith("run "), e.model().name());
        assertSame(inUse, app.models().activeProperty().get(), "Draw, Samples and Inside keep the model in use");
        String shown = robot.lookup("#evaluationShown").queryLabeled().getText();
        assertTrue(shown.endsWith("(not in use: Draw and Samples use built-in MLP)"), shown);
        assertFalse(app.dialogs.infos.stream().anyMatch(i -> i.startsWith("Model opened")), app.dialogs.infos.toString());
    }

    @Test
    void aCliRunAndAnAppRunAreBothListedAndSelectingBothOverlaysTheirCurves(FxRobot robot) throws Exception {
        app.awaitReady();
        // a run from the command line, into the same history
        StringWriter err = new StringWriter();
        int code = io.digitstudio.cli.Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "train", "--epochs", "2", "--lr", "0.1",
                "--train-size", "2000", "--test-size", "300", "--out", app.history.root().resolveSibling("cli-" + app.history.root().getFileName() + ".npz").toString(),
                "--runs-dir", app.history.root().toString());
        assertEquals(0, code, err.toString());
        // and one from the app
        Forms.type(robot, "#trainLimitField", "2000");
        Forms.type(robot, "#testLimitField", "300");
        Forms.type(robot, "#epochsField", "2");
        robot.clickOn("#startButton");
        var run = app.main.train().run();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> run.stateProperty().get() == RunState.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();

        // the command line lists the app's run beside its own
        java.io.ByteArrayOutputStream listed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(listed, true)); // the commands print to System.out
        try {
            assertEquals(0, io.digitstudio.cli.Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "runs", "list",
                    "--runs-dir", app.history.root().toString()));
        } finally {
            System.setOut(stdout);
        }
        assertTrue(listed.toString().contains(run.recordedRunProperty().get()), listed.toString());
        assertEquals(3, listed.toString().strip().lines().count(), listed.toString());
        // a folder damaged by hand is listed as such, the rest as before
        java.nio.file.Files.createDirectory(app.history.root().resolve("00000bad"));
        java.nio.file.Files.writeString(app.history.root().resolve("00000bad").resolve("run.json"), "not json");

        app.openTab(robot, "Runs");
        RunsView view = app.main.runs();
        TableView<RunSummary> table = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        RunSummary bad = table.getItems().stream().filter(RunSummary::damaged).findFirst().orElseThrow();
        assertEquals("00000bad", bad.id());
        assertTrue(bad.problem().startsWith("run.json cannot be read"), bad.problem());
        assertTrue(robot.lookup("#runsStatus").queryLabeled().getText().endsWith("(1 damaged)"), robot.lookup("#runsStatus").queryLabeled().getText());
        app.history.delete("00000bad");
        robot.clickOn("#refreshRunsButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        assertEquals(Set.of("cli", "gui"), table.getItems().stream().map(r -> r.settings().origin()).collect(Collectors.toSet()));
        assertTrue(table.getItems().stream().allMatch(r -> r.status() == RunStatus.FINISHED && r.epochsDone() == 2));
        assertEquals(run.recordedRunProperty().get(), table.getItems().stream().filter(r -> r.settings().origin().equals("gui")).findFirst().orElseThrow().id());

        // select both: click one, ctrl-click the other
        robot.clickOn(row(robot, 0));
        robot.press(KeyCode.CONTROL).clickOn(row(robot, 1)).release(KeyCode.CONTROL);
        LineChart<?, ?> loss = robot.lookup("#runsLossChart").queryAs(LineChart.class);
        LineChart<?, ?> acc = robot.lookup("#runsAccuracyChart").queryAs(LineChart.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> loss.getData().size() == 2 && loss.getData().stream().allMatch(s -> s.getData().size() == 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, acc.getData().size());
        assertEquals(table.getItems().stream().map(RunSummary::title).collect(Collectors.toSet()),
                loss.getData().stream().map(s -> s.getName()).collect(Collectors.toSet()), "a legend entry per run");
        // each curve is the run's validation accuracy, epoch by epoch
        for (var s : acc.getData()) {
            RunSummary r = table.getItems().stream().filter(x -> x.title().equals(s.getName())).findFirst().orElseThrow();
            assertEquals(r.finalAccuracy(), ((Number) s.getData().get(1).getYValue()).doubleValue(), 1e-9);
        }
        // the comparison marks the learning rate, which differs
        var rows = view.viewModel().comparison();
        var lr = rows.stream().filter(r -> r.setting().equals("lr")).findFirst().orElseThrow();
        assertTrue(lr.differs());
        assertEquals(Set.of("0.1", "0.01"), Set.copyOf(lr.values()));
        assertFalse(rows.stream().filter(r -> r.setting().equals("batch_size")).findFirst().orElseThrow().differs());
        // every value of the comparison is shown whole
        WaitForAsyncUtils.waitForFxEvents();
        // (each value wraps in its column: a text in lines, inside its cell)
        List<javafx.scene.control.Labeled> cells = robot.lookup("#compareTable .table-cell").queryAll().stream().map(n -> (javafx.scene.control.Labeled) n)
                .filter(c -> c.getGraphic() instanceof javafx.scene.text.Text t && !t.getText().isEmpty() && c.isVisible()).collect(Collectors.toList());
        assertTrue(cells.size() >= 6, "cells shown: " + cells.size());
        for (var c : cells) {
            var t = (javafx.scene.text.Text) c.getGraphic();
            var inCell = c.sceneToLocal(t.localToScene(t.getBoundsInLocal()));
            assertTrue(inCell.getMaxX() <= c.getWidth() + 1 && inCell.getMaxY() <= c.getHeight() + 1, "'" + t.getText() + "' at " + inCell + " beyond its cell of "
                    + c.getWidth() + "x" + c.getHeight());
        }
        // a column per run, each within the table or reached by its scroll bar
        TableView<?> compare = robot.lookup("#compareTable").queryTableView();
        assertEquals(3, compare.getColumns().size());
        double columns = compare.getColumns().stream().mapToDouble(c -> c.getWidth()).sum();
        boolean scrolls = compare.lookupAll(".scroll-bar").stream().anyMatch(b -> b instanceof javafx.scene.control.ScrollBar sb
                && sb.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && sb.isVisible());
        assertTrue(columns <= compare.getWidth() || scrolls, "columns of " + columns + " px in a table of " + compare.getWidth() + " px, no scroll bar");
        for (var c : compare.getColumns()) assertTrue(c.getWidth() >= c.getMinWidth() - 0.5, c.getText() + " narrower than its values");
        // two runs in two colours anyone tells apart: Okabe and Ito's blue and vermillion (the light theme's first two)
        assertEquals(List.of(javafx.scene.paint.Color.web("#0072b2"), javafx.scene.paint.Color.web("#d55e00")),
                loss.getData().stream().map(s -> ((javafx.scene.shape.Path) s.getNode()).getStroke()).toList());

        // smoothing and the log axis redraw the same runs
        robot.clickOn("#logLossCheck");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, loss.getData().size());
        assertTrue(((Number) loss.getData().get(0).getData().get(0).getYValue()).doubleValue() < 1, "log10 of a loss below 10");

        // name one run: select it alone, type, save
        robot.clickOn(row(robot, 0));
        String id = table.getSelectionModel().getSelectedItem().id();
        robot.clickOn("#runNameField").write("baseline");
        robot.clickOn("#runNotesArea").write("the tutorial's rate");
        robot.clickOn("#saveRunInfoButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> table.getItems().stream()
                .anyMatch(r -> r.title().equals("baseline"))).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("the tutorial's rate", app.history.find(id).notes());
        assertEquals(id, table.getSelectionModel().getSelectedItem() == null ? null : table.getSelectionModel().getSelectedItem().id(),
                "saving keeps the run selected");
        assertEquals("baseline", robot.lookup("#runNameField").queryAs(javafx.scene.control.TextField.class).getText());
        assertEquals(List.of(id), view.viewModel().selectedIds());

        // nothing selected: no empty axes, but what to do
        robot.press(KeyCode.CONTROL).clickOn(row(robot, table.getSelectionModel().getSelectedIndex())).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getSelectionModel().isEmpty());
        assertFalse(loss.getParent().isVisible(), "no chart without a run");
        assertTrue(robot.lookup("#noCurvesLabel").query().isVisible());
        // how to compare is said once, not by the bar, the curves' place and the settings' place at once
        List<String> howToCompare = robot.lookup((javafx.scene.control.Labeled l) -> l.getText() != null && l.getText().contains("Ctrl-click")
                && shows(l)).queryAllAs(javafx.scene.control.Labeled.class).stream().map(javafx.scene.control.Labeled::getText).toList();
        assertEquals(1, howToCompare.size(), howToCompare.toString());

        // the filter narrows the table
        robot.clickOn("#runsFilter").write("baseline");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(id), table.getItems().stream().map(RunSummary::id).toList());
    }

    private static boolean shows(Node n) {
        if (n.getScene() == null) return false;
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    /**
     * More runs than the table shows at once, so it has a vertical scroll bar, and its columns narrower than the window
     * (some hidden, as in a wide window): the last column, the status, fills the room left beside the scroll bar, not
     * under it ("finishe" in a trial at 1280x800). Nothing in the table is cut at an edge or to "…".
     */
    @Test
    void theStatusColumnIsWholeBesideTheScrollBar(FxRobot robot) throws Exception {
        TableView<RunSummary> table = twoCliRunsInTheSmallestWindow(robot);
        robot.interact(() -> table.getColumns().stream().filter(c -> Set.of("branch of", "data", "network", "started").contains(c.getText()))
                .forEach(c -> c.setVisible(false)));
        Pulses.settle(); // a layout pass after the columns change
        WaitForAsyncUtils.waitForFxEvents();
        // more runs come in while the view is open (from the command line here; a finished run from Train alike)
        cliRuns(7);
        robot.clickOn("#refreshRunsButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 9);
        Pulses.settle(); // a layout pass after the rows change
        WaitForAsyncUtils.waitForFxEvents();
        boolean[] bars = new boolean[2];
        robot.interact(() -> table.lookupAll(".scroll-bar").forEach(n -> {
            if (n instanceof javafx.scene.control.ScrollBar b && b.isVisible()) bars[b.getOrientation() == javafx.geometry.Orientation.VERTICAL ? 0 : 1] = true;
        }));
        assertTrue(bars[0], "more runs than rows in view: a vertical scroll bar");
        assertFalse(bars[1], "the columns fit the table's width");
        assertRunsTableWhole(robot);
    }

    /**
     * Two runs compared in the smallest window: the settings side by side show enough rows to compare at a glance
     * (a trial at 1280x800 saw two), below the selected run's name, notes and actions, reached by scrolling.
     */
    @Test
    void twoRunsComparedShowSeveralSettingsAtOnce(FxRobot robot) throws Exception {
        TableView<RunSummary> table = twoCliRunsInTheSmallestWindow(robot);
        compareBoth(robot);
        Pulses.settle(); // a layout pass after the rows change
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> compare = robot.lookup("#compareTable").queryTableView();
        int[] whole = {0};
        robot.interact(() -> {
            Node view = compare.lookup(".clipped-container");
            var shown = view.localToScene(view.getLayoutBounds());
            for (Node n : compare.lookupAll(".table-row-cell")) {
                if (!(n instanceof javafx.scene.control.TableRow<?> r) || r.isEmpty() || !r.isVisible()) continue;
                var b = r.localToScene(r.getLayoutBounds());
                if (b.getMinY() >= shown.getMinY() - 0.5 && b.getMaxY() <= shown.getMaxY() + 0.5) whole[0]++;
            }
        });
        assertTrue(whole[0] >= 6, "settings rows shown whole: " + whole[0]);
    }

    /**
     * Two runs compared in the smallest window: the runs table is as high as three rows, not a fixed third of the view,
     * and the settings side by side grow to all their rows in the right pane's one scroll, with no scroll bar of their
     * own, so that the first settings show without scrolling (a trial at 1280x800 saw two rows and a half in a scroll
     * inside the pane's scroll, below a runs table half empty; at 150 % none). At 150 % the runs' rows take two lines:
     * the table keeps three one-line rows' height and scrolls, the selected run in sight; the pane scrolls as one down to
     * the last setting. The divider stays the user's to move.
     */
    @Test
    void theComparedSettingsShowInThePanesOneScroll(FxRobot robot) throws Exception {
        TableView<RunSummary> table = twoCliRunsInTheSmallestWindow(robot);
        compareBoth(robot);
        var appearance = app.services.appearance();
        List<String> failures = new java.util.ArrayList<>();
        try {
            for (int scale : new int[]{100, 150}) {
                robot.interact(() -> appearance.choose(io.digitstudio.ui.widgets.Theme.LIGHT, scale));
                Pulses.settle(3); // the layout passes that measure the rows in the new font
                WaitForAsyncUtils.waitForFxEvents();
                row(robot, 0);
                robot.interact(() -> {
                    TableView<?> compare = (TableView<?>) stage.getScene().lookup("#compareTable");
                    Node up = compare.getParent();
                    while (!(up instanceof javafx.scene.control.ScrollPane)) up = up.getParent();
                    javafx.scene.control.ScrollPane pane = (javafx.scene.control.ScrollPane) up; // the right pane's one scroll
                    pane.setVvalue(0);
                    pane.layout();
                    // the runs table: its header and three rows at least, no more than its share, whatever the number of
                    // runs (a table that grew with them moved the selected run's actions below it)
                    Node header = table.lookup(".column-header-background");
                    double row = drawnRow(robot, 0).getLayoutBounds().getHeight();
                    double need = header.getLayoutBounds().getHeight() + 3 * row + table.getInsets().getTop() + table.getInsets().getBottom();
                    Node up2 = table.getParent();
                    while (!(up2 instanceof javafx.scene.control.SplitPane)) up2 = up2.getParent();
                    javafx.scene.control.SplitPane split = (javafx.scene.control.SplitPane) up2;
                    double most = Math.floor(io.digitstudio.ui.runs.RunsView.MOST_SHARE * (split.getHeight() - split.snappedTopInset() - split.snappedBottomInset()));
                    if (scale == 100) {
                        if (table.getHeight() > most + 1) failures.add(scale + " %: runs table " + Math.round(table.getHeight()) + " px, over its share's " + most);
                        if (table.getHeight() < Math.min(need, most) - 2) failures.add(scale + " %: runs table " + Math.round(table.getHeight()) + " px, under three rows' " + Math.round(need) + " and its share's " + most);
                    } else {
                        // the runs' texts in two lines: the table keeps the height of three one-line rows in this look
                        // (the divider does not follow the runs' values), shows fewer of these taller rows and scrolls
                        // to the others, the selected run's row whole in sight
                        if (table.getHeight() > most + 1) failures.add(scale + " %: runs table " + Math.round(table.getHeight()) + " px, over its share's " + most);
                        Node clip = table.lookup(".clipped-container");
                        var inTable = clip.localToScene(clip.getLayoutBounds());
                        List<Integer> inView = new java.util.ArrayList<>();
                        for (Node n : table.lookupAll(".table-row-cell")) {
                            if (!(n instanceof javafx.scene.control.TableRow<?> r) || r.isEmpty() || !r.isVisible()) continue;
                            var b = r.localToScene(r.getLayoutBounds());
                            if (b.getMinY() >= inTable.getMinY() - 0.5 && b.getMaxY() <= inTable.getMaxY() + 0.5) inView.add(r.getIndex());
                        }
                        if (!inView.contains(table.getSelectionModel().getSelectedIndex())) failures.add(scale + " %: the selected run's row out of sight: " + inView);
                        boolean scrolls = table.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof javafx.scene.control.ScrollBar b
                                && b.getOrientation() == javafx.geometry.Orientation.VERTICAL && b.isVisible());
                        if (inView.size() < table.getItems().size() && !scrolls) failures.add(scale + " %: runs out of sight, no scroll bar: " + inView);
                    }
                    // the settings: no scroll bar of their own, every row laid out whole
                    for (Node n : compare.lookupAll(".scroll-bar")) {
                        if (n instanceof javafx.scene.control.ScrollBar b && b.getOrientation() == javafx.geometry.Orientation.VERTICAL && b.isVisible()) {
                            failures.add(scale + " %: the settings scroll up and down inside the pane");
                        }
                    }
                    Node view = compare.lookup(".clipped-container");
                    var inTable = view.localToScene(view.getLayoutBounds());
                    Node viewport = pane.lookup(".viewport");
                    var inPane = viewport.localToScene(viewport.getLayoutBounds());
                    List<Integer> whole = new java.util.ArrayList<>(), inSight = new java.util.ArrayList<>();
                    for (Node n : compare.lookupAll(".table-row-cell")) {
                        if (!(n instanceof javafx.scene.control.TableRow<?> r) || r.isEmpty() || !r.isVisible()) continue;
                        var b = r.localToScene(r.getLayoutBounds());
                        if (b.getMinY() >= inTable.getMinY() - 0.5 && b.getMaxY() <= inTable.getMaxY() + 0.5) whole.add(r.getIndex());
                        if (b.getMinY() >= inPane.getMinY() - 0.5 && b.getMaxY() <= inPane.getMaxY() + 0.5) inSight.add(r.getIndex());
                    }
                    int rows = compare.getItems().size();
                    if (whole.size() != rows) failures.add(scale + " %: " + whole.size() + " of " + rows + " settings laid out whole in the table");
                    if (scale == 100 && !inSight.containsAll(List.of(0, 1, 2))) failures.add(scale + " %: settings in sight without scrolling: " + inSight);
                    // and the pane, scrolled to its end, shows the last one
                    pane.setVvalue(pane.getVmax());
                    pane.layout();
                    inPane = viewport.localToScene(viewport.getLayoutBounds());
                    boolean last = false;
                    for (Node n : compare.lookupAll(".table-row-cell")) {
                        if (!(n instanceof javafx.scene.control.TableRow<?> r) || r.isEmpty() || r.getIndex() != rows - 1) continue;
                        var b = r.localToScene(r.getLayoutBounds());
                        last = b.getMinY() >= inPane.getMinY() - 0.5 && b.getMaxY() <= inPane.getMaxY() + 0.5;
                    }
                    if (!last) failures.add(scale + " %: the last setting out of sight with the pane scrolled to its end");
                    pane.setVvalue(0);
                });
            }
        } finally {
            robot.interact(() -> appearance.choose(io.digitstudio.ui.widgets.Theme.LIGHT, 100));
        }
        assertEquals(List.of(), failures);

        // the divider moved by the user: the table keeps the height given, through a refresh
        Pulses.settle(2);
        WaitForAsyncUtils.waitForFxEvents();
        Node split = robot.lookup("#runsSplit").query();
        Node divider = robot.lookup(".split-pane-divider").match(n -> n.getParent() == split).query();
        double before = table.getHeight();
        robot.drag(divider).moveBy(0, 80).release(javafx.scene.input.MouseButton.PRIMARY);
        Pulses.settle();
        WaitForAsyncUtils.waitForFxEvents();
        double dragged = table.getHeight();
        assertTrue(dragged > before + 60, "dragged down 80 px: " + before + " -> " + dragged);
        robot.clickOn("#refreshRunsButton");
        Pulses.settle(2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(dragged, table.getHeight(), 1.5, "the height the user gave, after a refresh");
    }

    /**
     * Runs with no name of their own and no branch among them, in the smallest window: the "branch of" column and the
     * name column take the room of their title and values, not a fixed guess (a trial at 1240x800 saw them take 340 px
     * while the status was cut at the table's edge), and nothing in the table is cut
     * (at 1024x700 these runs' columns need more than the width: the table scrolls sideways, no column squeezed).
     */
    @Test
    void columnsWithShortOrNoValuesLeaveTheRoomToTheStatus(FxRobot robot) throws Exception {
        TableView<RunSummary> table = twoCliRunsInTheSmallestWindow(robot);
        Pulses.settle(); // a layout pass after the rows come
        WaitForAsyncUtils.waitForFxEvents();
        double[] widths = new double[3];
        robot.interact(() -> {
            javafx.scene.text.Text probe = new javafx.scene.text.Text("branch of, epoch");
            widths[0] = probe.getLayoutBounds().getWidth(); // wider than the title with its padding and sort arrow
            for (var c : table.getColumns()) {
                if (c.getText().equals("branch of")) widths[1] = c.getWidth();
                if (c.getText().equals("name")) widths[2] = c.getWidth();
            }
        });
        assertTrue(widths[1] < widths[0] + 30, "'branch of' with no branch: " + widths[1] + " px");
        assertTrue(widths[2] < widths[0] + 30, "name column for ids of eight letters: " + widths[2] + " px");
        assertRunsTableWhole(robot);
    }

    /**
     * A second run selected to compare: the selected run's buttons and branch row, which apply to one run, give their
     * room to the settings side by side (RunsCompareStoryTest); one run selected again, they are back where they were,
     * in view (a trial at 1240x800 saw them pushed below the pane's bottom by a comparison).
     */
    @Test
    void comparingASecondRunKeepsTheRunsButtonsInView(FxRobot robot) throws Exception {
        TableView<RunSummary> table = twoCliRunsInTheSmallestWindow(robot);
        compareBoth(robot);
        Pulses.settle(); // a layout pass after the rows change
        WaitForAsyncUtils.waitForFxEvents();
        List<String> ids = List.of("#resumeButtonPlace", "#exportRunButton", "#branchRow");
        List<String> out = new java.util.ArrayList<>();
        robot.interact(() -> {
            for (String id : ids) if (robot.lookup(id).query().isVisible() && robot.lookup("#runDetail").query().isVisible()) out.add(id + " shown while comparing");
        });
        robot.clickOn(row(robot, 0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getSelectionModel().getSelectedItems().size() == 1);
        Pulses.settle(); // a layout pass after the rows change
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            Node pane = robot.lookup("#compareTable").query().getParent();
            while (!(pane instanceof javafx.scene.control.ScrollPane)) pane = pane.getParent();
            Node viewport = pane.lookup(".viewport");
            var shown = viewport.localToScene(viewport.getLayoutBounds());
            for (String id : ids) {
                Node n = robot.lookup(id).query();
                var b = n.localToScene(n.getLayoutBounds());
                if (!robot.lookup("#runDetail").query().isVisible()) out.add(id + " hidden with one run selected");
                else if (b.getMinY() < shown.getMinY() - 0.5 || b.getMaxY() > shown.getMaxY() + 0.5) out.add(id + " " + b + " outside " + shown);
            }
        });
        assertEquals(List.of(), out, "the selected run's actions out of view");
    }

    /**
     * Two runs compared in the smallest window while the theme and the UI scale change under it, as from Preferences:
     * after each change the settings side by side are measured again in the font then in force, and no cell or title
     * is cut to "…" (issue 37 saw them cut in high contrast), nor when the runs are compared anew in that look.
     */
    @Test
    void theComparedSettingsStayWholeWhenTheThemeOrTheScaleChanges(FxRobot robot) throws Exception {
        TableView<RunSummary> table = twoCliRunsInTheSmallestWindow(robot);
        compareBoth(robot);
        WaitForAsyncUtils.waitForFxEvents();
        var appearance = app.services.appearance();
        List<String> failures = new java.util.ArrayList<>();
        try {
            // into high contrast, its scale changed, out of it and back, as the trials went
            var hc = io.digitstudio.ui.widgets.Theme.HIGH_CONTRAST;
            for (var look : List.of(new ThemesAndScalesTest.Look(hc, 100), new ThemesAndScalesTest.Look(hc, 150),
                    new ThemesAndScalesTest.Look(io.digitstudio.ui.widgets.Theme.LIGHT, 150), new ThemesAndScalesTest.Look(hc, 150),
                    new ThemesAndScalesTest.Look(io.digitstudio.ui.widgets.Theme.DARK, 200), new ThemesAndScalesTest.Look(hc, 200))) {
                var theme = look.theme();
                int scale = look.scale();
                robot.interact(() -> appearance.choose(theme, scale));
                Pulses.settle(); // the layout passes after the change
                WaitForAsyncUtils.waitForFxEvents();
                List<String> cut = new java.util.ArrayList<>();
                robot.interact(() -> cut.addAll(Looks.cut(stage.getScene(), "compareTable")));
                for (String c : cut) failures.add(theme.id() + " " + scale + " %: " + c);
                // and the runs compared anew in this look: new columns, measured in the font in force
                robot.clickOn(row(robot, 1));
                robot.press(KeyCode.CONTROL).clickOn(row(robot, 0)).release(KeyCode.CONTROL);
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.main.runs().viewModel().selectedIds().size() == 2);
                Pulses.settle();
                WaitForAsyncUtils.waitForFxEvents();
                List<String> cutAnew = new java.util.ArrayList<>();
                robot.interact(() -> cutAnew.addAll(Looks.cut(stage.getScene(), "compareTable")));
                for (String c : cutAnew) failures.add(theme.id() + " " + scale + " %, compared anew: " + c);
            }
        } finally {
            robot.interact(() -> appearance.choose(io.digitstudio.ui.widgets.Theme.LIGHT, 100));
        }
        assertEquals(List.of(), failures, "compared settings cut");
    }

    /** The Runs legend's entries as "name colour", in its order. */
    private static List<String> legend(FxRobot robot) {
        return robot.lookup("#runsLegend .runs-legend-entry").queryAll().stream().filter(Node::isVisible)
                .map(n -> (javafx.scene.control.Label) n)
                .map(l -> l.getText() + " " + Looks.web((javafx.scene.paint.Color) ((javafx.scene.shape.Shape) l.getGraphic()).getStroke())).toList();
    }

    /** Each curve of a Runs chart as "name colour", in the chart's order. */
    private static List<String> curves(LineChart<?, ?> chart) {
        return chart.getData().stream().map(s -> s.getName() + " " + Looks.web((javafx.scene.paint.Color) ((javafx.scene.shape.Path) s.getNode()).getStroke())).toList();
    }

    /**
     * In the smallest window the charts are too low for JavaFX's own legends (it drops them), and a run's colour was its
     * place in the table's order: the older run, selected first, turned from blue to vermillion when a newer one joined
     * above it. A legend above the charts names each run in its own colour, which it keeps while it stays selected.
     */
    @Test
    void theLegendNamesEachRunInItsColourWhichItKeepsAsAnotherJoins(FxRobot robot) throws Exception {
        TableView<RunSummary> table = twoCliRunsInTheSmallestWindow(robot);
        String newer = table.getItems().get(0).title();
        String older = table.getItems().get(1).title();
        LineChart<?, ?> loss = robot.lookup("#runsLossChart").queryAs(LineChart.class);
        LineChart<?, ?> acc = robot.lookup("#runsAccuracyChart").queryAs(LineChart.class);
        String blue = "#0072b2", vermillion = "#d55e00"; // the light theme's first two of Okabe and Ito's set

        robot.clickOn(row(robot, 1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> loss.getData().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(older + " " + blue), legend(robot));
        assertEquals(List.of(older + " " + blue), curves(loss));

        robot.press(KeyCode.CONTROL).clickOn(row(robot, 0)).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> loss.getData().size() == 2 && acc.getData().size() == 2);
        Pulses.settle(); // a layout pass after the curves change
        WaitForAsyncUtils.waitForFxEvents();
        List<String> both = List.of(newer + " " + vermillion, older + " " + blue);
        assertEquals(both, legend(robot), "the older run stays blue; the one that joined takes the next colour");
        assertEquals(both, curves(loss));
        assertEquals(both, curves(acc));
        // the points too, in their run's colour
        for (var s : loss.getData()) {
            String colour = s.getName().equals(older) ? blue : vermillion;
            for (var d : s.getData()) {
                var fills = ((javafx.scene.layout.Region) d.getNode()).getBackground().getFills();
                assertEquals(colour, Looks.web((javafx.scene.paint.Color) fills.get(0).getFill()), s.getName() + "'s point");
            }
        }
        // the legend is in sight, above the charts, each name whole
        Node key = robot.lookup("#runsLegend").query();
        assertTrue(key.isVisible() && Looks.onScreen(key));
        assertTrue(key.localToScene(key.getLayoutBounds()).getMaxY() <= loss.localToScene(loss.getLayoutBounds()).getMinY() + 0.5, "above the charts");
        List<String> cut = new java.util.ArrayList<>();
        robot.interact(() -> cut.addAll(Looks.cut(stage.getScene(), "runsLegend")));
        assertEquals(List.of(), cut);

        // the newer run leaves: the older keeps blue
        robot.press(KeyCode.CONTROL).clickOn(row(robot, 0)).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> loss.getData().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(older + " " + blue), legend(robot));
        assertEquals(List.of(older + " " + blue), curves(acc));
    }

    /**
     * Two runs compared in the smallest window, one with a long network spec (about 300 px in one line): the runs'
     * columns share the width beside the settings' names and the long values wrap, so that every value is shown whole,
     * no cell is cut to "…" and no run's column is out of sight (a trial at 1240x800 saw the second run's column pushed
     * past the table's edge); the same at 150 %.
     */
    @Test
    void theComparedRunsShareTheWidthAndLongValuesWrap(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.interact(() -> {
            stage.setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
            stage.setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
        });
        String spec = "linear 16, relu, dropout 0.1, linear 16, relu, dropout 0.1, linear 16, relu, linear";
        cliRun(1, spec);
        cliRun(1, "linear 8, relu, linear");
        app.openTab(robot, "Runs");
        TableView<RunSummary> table = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        compareBoth(robot);
        var appearance = app.services.appearance();
        List<String> failures = new java.util.ArrayList<>();
        try {
            for (int scale : new int[]{100, 150}) {
                robot.interact(() -> appearance.choose(io.digitstudio.ui.widgets.Theme.LIGHT, scale));
                Pulses.settle();
                WaitForAsyncUtils.waitForFxEvents();
                // the columns are measured in the new font, shared, and the rows laid out again at their new widths over
                // a few layout passes (more on a loaded machine): until the sideways bar goes, or it stays
                try {
                    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#compareTable .scroll-bar").queryAll().stream()
                            .noneMatch(n -> n instanceof javafx.scene.control.ScrollBar b && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && b.isVisible()));
                } catch (java.util.concurrent.TimeoutException stays) {
                    // said below
                }
                Pulses.settle();
                WaitForAsyncUtils.waitForFxEvents();
                row(robot, 0);
                robot.interact(() -> {
                    TableView<?> compare = (TableView<?>) stage.getScene().lookup("#compareTable");
                    for (String c : Looks.cut(stage.getScene(), "compareTable")) failures.add(scale + " %: " + c);
                    double columns = compare.getColumns().stream().mapToDouble(c -> c.getWidth()).sum();
                    if (columns > compare.getWidth()) failures.add(scale + " %: columns of " + Math.round(columns) + " px in a table of " + Math.round(compare.getWidth()) + " px");
                    for (Node n : compare.lookupAll(".scroll-bar")) {
                        if (n instanceof javafx.scene.control.ScrollBar b && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && b.isVisible()) {
                            StringBuilder why = new StringBuilder();
                            for (Node v : compare.lookupAll(".scroll-bar")) if (v instanceof javafx.scene.control.ScrollBar vb) why.append(" bar ").append(vb.getOrientation()).append(" w=").append(vb.getWidth()).append(" pref=").append(vb.prefWidth(-1)).append(" vis=").append(vb.isVisible());
                            compare.getColumns().forEach(c -> why.append(" col ").append(c.getText()).append('=').append(c.getWidth()));
                            why.append(" table=").append(compare.getWidth()).append(" insets=").append(compare.getInsets());
                            failures.add(scale + " %: the settings scroll sideways" + why);
                        }
                    }
                    // every value is shown whole, in lines within its cell, and the network's cell within the table's sides
                    var shown = compare.localToScene(compare.getLayoutBounds());
                    boolean seen = false;
                    for (Node n : compare.lookupAll(".table-cell")) {
                        if (!(n instanceof javafx.scene.control.Labeled l) || !l.isVisible() || l.getParent() == null || !l.getParent().isVisible()) continue;
                        // a wrapped value's text holds its lines: the value it shows is the one it says
                        String value = l.getAccessibleText() != null ? l.getAccessibleText() : l.getGraphic() instanceof javafx.scene.text.Text t ? t.getText() : l.getText();
                        if (value == null || value.isEmpty()) continue;
                        var b = l.localToScene(l.getLayoutBounds());
                        Node text = l.getGraphic() instanceof javafx.scene.text.Text t ? t : l.lookup(".text");
                        var tb = text == null ? b : text.localToScene(text.getBoundsInLocal());
                        if (tb.getMaxY() > b.getMaxY() + 1 || tb.getMaxX() > b.getMaxX() + 1) {
                            failures.add(scale + " %: '" + value + "' at " + tb + " beyond its cell " + b);
                        }
                        if (!spec.equals(value)) continue;
                        seen = true;
                        if (b.getMaxX() > shown.getMaxX() + 0.5) failures.add(scale + " %: the network's cell ends at " + Math.round(b.getMaxX()) + " > " + Math.round(shown.getMaxX()));
                    }
                    if (!seen) failures.add(scale + " %: no cell shows the network " + spec);
                });
            }
        } finally {
            robot.interact(() -> appearance.choose(io.digitstudio.ui.widgets.Theme.LIGHT, 100));
        }
        assertEquals(List.of(), failures, "compared settings not shown whole");
    }

    /**
     * The Runs view's pickers (the branch point, the curves' set and axis) after the UI scale goes to 150 % and back:
     * as wide as they were at 100 % before, not the width they took at 150 % (a JavaFX ComboBox never narrows by itself).
     */
    @Test
    void thePickersNarrowAgainWhenTheScaleGoesBack(FxRobot robot) throws Exception {
        TableView<RunSummary> table = twoCliRunsInTheSmallestWindow(robot);
        robot.clickOn(row(robot, 0));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !app.main.runs().viewModel().branchChoices().isEmpty());
        Pulses.settle();
        WaitForAsyncUtils.waitForFxEvents();
        List<String> ids = List.of("#branchPointBox", "#curveSetBox", "#xAxisBox");
        double[] before = new double[ids.size()], larger = new double[ids.size()], after = new double[ids.size()];
        var appearance = app.services.appearance();
        try {
            robot.interact(() -> {
                for (int i = 0; i < ids.size(); i++) before[i] = robot.lookup(ids.get(i)).queryAs(javafx.scene.layout.Region.class).getWidth();
                appearance.choose(io.digitstudio.ui.widgets.Theme.LIGHT, 150);
            });
            Pulses.settle();
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                for (int i = 0; i < ids.size(); i++) larger[i] = robot.lookup(ids.get(i)).queryAs(javafx.scene.layout.Region.class).getWidth();
                appearance.choose(io.digitstudio.ui.widgets.Theme.LIGHT, 100);
            });
            Pulses.settle();
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                for (int i = 0; i < ids.size(); i++) after[i] = robot.lookup(ids.get(i)).queryAs(javafx.scene.layout.Region.class).getWidth();
            });
        } finally {
            robot.interact(() -> appearance.choose(io.digitstudio.ui.widgets.Theme.LIGHT, 100));
        }
        List<String> wrong = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!(larger[i] > before[i] + 5)) wrong.add(ids.get(i) + " did not grow at 150 %: " + before[i] + " -> " + larger[i]);
            if (Math.abs(after[i] - before[i]) > 1) wrong.add(ids.get(i) + " " + before[i] + " px at 100 %, " + larger[i] + " at 150 %, " + after[i] + " back at 100 %");
        }
        assertEquals(List.of(), wrong);
        List<String> cut = new java.util.ArrayList<>();
        robot.interact(() -> cut.addAll(Looks.cut(stage.getScene(), "branchPointBox", "curveSetBox", "xAxisBox")));
        assertEquals(List.of(), cut);
    }

    /** A run's log written as Chainer's LogReport writes it: per epoch, the training and validation loss and accuracy. */
    private void writeLog(RunSummary r, double[] accuracies) throws java.io.IOException {
        StringBuilder b = new StringBuilder("[");
        for (int e = 1; e <= accuracies.length; e++) {
            if (e > 1) b.append(',');
            double a = accuracies[e - 1];
            b.append(String.format(java.util.Locale.ROOT, "{\"epoch\": %d, \"iteration\": %d, \"elapsed_time\": %.1f, \"main/loss\": %.4f, \"main/accuracy\": %.4f,"
                    + " \"validation/main/loss\": %.4f, \"validation/main/accuracy\": %.4f}", e, 10 * e, 1.5 * e, 2 * (1 - a) + 0.01, a, 2 * (1 - a), a));
        }
        java.nio.file.Files.writeString(r.folder().resolve("log"), b.append(']').toString());
    }

    /** The x axis's tick values of a chart, as shown. */
    private static List<Double> ticks(LineChart<?, ?> chart) {
        return chart.getXAxis().getTickMarks().stream().map(t -> ((Number) t.getValue()).doubleValue()).toList();
    }

    /**
     * The Runs charts by epoch count whole epochs: a run of one epoch and one of twelve, alone and together, have ticks
     * on whole numbers only (a trial saw 0.75 and 1.25), a step of 1, 2, 5, 10… that fits the width.
     */
    @Test
    void theEpochAxisTicksWholeEpochs(FxRobot robot) throws Exception {
        TableView<RunSummary> table = twoCliRunsInTheSmallestWindow(robot);
        writeLog(table.getItems().get(1), new double[]{0.41, 0.55, 0.63, 0.7, 0.74, 0.78, 0.8, 0.83, 0.85, 0.86, 0.88, 0.9});
        LineChart<?, ?> loss = robot.lookup("#runsLossChart").queryAs(LineChart.class);
        LineChart<?, ?> acc = robot.lookup("#runsAccuracyChart").queryAs(LineChart.class);
        List<String> wrong = new java.util.ArrayList<>();
        for (List<Integer> rows : List.of(List.of(0), List.of(1), List.of(0, 1))) {
            robot.clickOn(row(robot, rows.get(0)));
            if (rows.size() > 1) robot.press(KeyCode.CONTROL).clickOn(row(robot, rows.get(1))).release(KeyCode.CONTROL);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> loss.getData().size() == rows.size() && acc.getData().size() == rows.size());
            Pulses.settle();
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                for (LineChart<?, ?> c : List.of(loss, acc)) {
                    List<Double> t = ticks(c);
                    if (t.size() < 2 || t.stream().anyMatch(v -> v != Math.rint(v))) wrong.add(c.getId() + " of rows " + rows + ": ticks " + t);
                    double last = c.getData().stream().flatMap(s -> s.getData().stream()).mapToDouble(d -> ((Number) d.getXValue()).doubleValue()).max().orElse(0);
                    if (!t.isEmpty() && t.get(t.size() - 1) < last) wrong.add(c.getId() + " of rows " + rows + ": ticks " + t + " end before epoch " + last);
                }
                // the charts are stacked: their plots start and end at the same x, whatever their labels' widths (a
                // trial saw the accuracy's "0.9450" push its plot 13 px right of the loss's)
                var a = loss.lookup(".chart-plot-background"); var b = acc.lookup(".chart-plot-background");
                var ba = a.localToScene(a.getBoundsInLocal()); var bb = b.localToScene(b.getBoundsInLocal());
                if (Math.abs(ba.getMinX() - bb.getMinX()) > 0.5 || Math.abs(ba.getMaxX() - bb.getMaxX()) > 0.5) {
                    wrong.add("rows " + rows + ": the loss plot spans x " + ba.getMinX() + "-" + ba.getMaxX() + ", the accuracy plot " + bb.getMinX() + "-" + bb.getMaxX());
                }
            });
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * No point of a Runs chart is cut by the plot's edge: the best accuracy near the top of its axis, the first and last
     * epochs at its sides, are drawn whole (a trial saw the top marker half clipped).
     */
    @Test
    void thePointsAtThePlotsEdgesAreDrawnWhole(FxRobot robot) throws Exception {
        TableView<RunSummary> table = twoCliRunsInTheSmallestWindow(robot);
        // auto-ranged, the axis ends 1 % above the highest point, and that rounded to its tick unit: 0.999 is 1.5 px
        // from the top of an axis that ends at 1
        writeLog(table.getItems().get(0), new double[]{0.8, 0.9, 0.95, 0.999});
        robot.clickOn(row(robot, 0));
        LineChart<?, ?> loss = robot.lookup("#runsLossChart").queryAs(LineChart.class);
        LineChart<?, ?> acc = robot.lookup("#runsAccuracyChart").queryAs(LineChart.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> acc.getData().size() == 1 && acc.getData().get(0).getData().size() == 4);
        Pulses.settle();
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new java.util.ArrayList<>();
        robot.interact(() -> {
            for (LineChart<?, ?> c : List.of(loss, acc)) {
                for (var s : c.getData()) {
                    for (var d : s.getData()) {
                        Node n = d.getNode();
                        var b = n.localToScene(n.getBoundsInLocal());
                        for (Node p = n.getParent(); p != null && p != c; p = p.getParent()) {
                            if (p.getClip() == null) continue;
                            var clip = p.localToScene(p.getClip().getBoundsInParent());
                            if (b.getMinX() < clip.getMinX() - 0.5 || b.getMaxX() > clip.getMaxX() + 0.5 || b.getMinY() < clip.getMinY() - 0.5 || b.getMaxY() > clip.getMaxY() + 0.5) {
                                cut.add(c.getId() + " point (" + d.getXValue() + ", " + d.getYValue() + ") at " + b + " in a clip of " + clip);
                            }
                        }
                    }
                }
            }
        });
        assertEquals(List.of(), cut);
    }

    /**
     * The runs' columns stay in sight, and the curves' boxes ("Validation", "by epoch") show their choice whole, after
     * the look changes while another view is shown, as from Preferences (a trial went from light at 100 % to dark at
     * 150 % on the Draw view and found the runs' figures out of sight, and the box showing "Validat…").
     */
    @Test
    void theRunsColumnsAndCurvesBoxesStayWholeWhenTheLookChanges(FxRobot robot) throws Exception {
        twoCliRunsInTheSmallestWindow(robot);
        robot.clickOn(row(robot, 0));
        var appearance = app.services.appearance();
        List<String> failures = new java.util.ArrayList<>();
        try {
            var light = io.digitstudio.ui.widgets.Theme.LIGHT;
            var dark = io.digitstudio.ui.widgets.Theme.DARK;
            var hc = io.digitstudio.ui.widgets.Theme.HIGH_CONTRAST;
            for (var look : List.of(new ThemesAndScalesTest.Look(dark, 150), new ThemesAndScalesTest.Look(light, 100), new ThemesAndScalesTest.Look(hc, 150),
                    new ThemesAndScalesTest.Look(dark, 150), new ThemesAndScalesTest.Look(light, 200), new ThemesAndScalesTest.Look(light, 100))) {
                app.openTab(robot, "Train");
                robot.interact(() -> appearance.choose(look.theme(), look.scale()));
                Pulses.settle();
                app.openTab(robot, "Runs");
                Pulses.settle(2); // the layout passes after the view is shown in the new look
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> {
                    for (String c : Looks.cutPickers(stage.getScene())) failures.add(look + ": " + c);
                    for (String c : Looks.sideways(stage.getScene())) if (c.contains("#runsTable")) failures.add(look + ": " + c);
                });
            }
        } finally {
            robot.interact(() -> appearance.choose(io.digitstudio.ui.widgets.Theme.LIGHT, 100));
        }
        assertEquals(List.of(), failures);
    }

    /**
     * Two runs of a sweep beside a run of none: the table's "sweep" column names the sweep that made each of the two (as
     * the Sweeps view names it) and nothing for the other, its tooltip says which run of the sweep, and the selected
     * run's settings say it too, where the column gives way in a narrow window.
     */
    @Test
    void theRunsOfASweepSayWhichSweepMadeThem(FxRobot robot) throws Exception {
        app.awaitReady();
        cliRun(1, "linear 8, relu, linear");
        StringWriter err = new StringWriter();
        int code = io.digitstudio.cli.Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "sweep", "--model", "linear 8, relu, linear",
                "--lr", "0.1,0.01", "--batch", "50", "--epochs", "1", "--train-size", "300", "--test-size", "100", "--runs-dir", app.history.root().toString());
        assertEquals(0, code, err.toString());
        String sweepId = io.digitstudio.runs.sweep.Sweep.list(app.history.root()).get(0).id();

        app.openTab(robot, "Runs");
        TableView<RunSummary> table = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        Pulses.settle();
        var column = table.getColumns().stream().filter(c -> "sweep".equals(c.getText())).findFirst().orElseThrow(() -> new AssertionError("no sweep column"));
        assertTrue(column.isVisible(), "the sweep column in the window as it opens, at 100 %");
        // what each row's cell shows, and its tooltip
        java.util.Map<String, String> shown = new java.util.HashMap<>(), tips = new java.util.HashMap<>();
        robot.interact(() -> {
            for (Node n : table.lookupAll(".table-cell")) {
                if (n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() == column && c.getTableRow() != null
                        && c.getTableRow().getItem() instanceof RunSummary r) {
                    shown.put(r.id(), c.getText() == null ? "" : c.getText());
                    tips.put(r.id(), c.getTooltip() == null ? "" : c.getTooltip().getText());
                }
            }
        });
        List<RunSummary> swept = table.getItems().stream().filter(r -> r.settings().sweep() != null).toList();
        assertEquals(2, swept.size(), "the sweep's two runs: " + table.getItems());
        for (RunSummary r : table.getItems()) {
            var s = r.settings().sweep();
            assertEquals(s == null ? "" : sweepId, shown.get(r.id()), "run " + r.id() + "'s sweep, as shown: " + shown);
            assertEquals(s == null ? "" : "Run " + (s.point() + 1) + " of sweep " + sweepId, tips.get(r.id()), "run " + r.id() + "'s tooltip");
        }
        assertRunsTableWhole(robot);

        // the second run of the sweep selected: its settings say the sweep and which run of it
        RunSummary second = swept.stream().filter(r -> r.settings().sweep().point() == 1).findFirst().orElseThrow();
        robot.clickOn(row(robot, table.getItems().indexOf(second)));
        var comparison = app.main.runs().viewModel().comparison();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> comparison.stream().anyMatch(c -> c.setting().equals("sweep")));
        assertEquals(List.of(sweepId + ", run 2"), comparison.stream().filter(c -> c.setting().equals("sweep")).findFirst().orElseThrow().values());
    }

    private int cliRun;

    /** {@code n} tiny runs from the command line, into the app's history. */
    /** Two runs made by the command line, listed in the Runs view of the smallest window (1024×700): its table. */
    /**
     * A run selected in Runs is deleted from the command line; the user clicks "Open in Draw": the view says the run
     * was deleted and drops it from the list and the count. A trial saw the run stay listed and only "Could not open
     * model best.npz: file not found".
     */
    @Test
    void aRunDeletedFromTheCommandLineLeavesTheListOnTheNextClick(FxRobot robot) throws Exception {
        TableView<RunSummary> table = twoCliRunsInTheSmallestWindow(robot);
        robot.clickOn(row(robot, 0));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.main.runs().viewModel().runModelProperty().get().found());
        String id = table.getSelectionModel().getSelectedItem().id();
        StringWriter err = new StringWriter();
        assertEquals(0, io.digitstudio.cli.Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "runs", "delete", id, "--force",
                "--runs-dir", app.history.root().toString()), err.toString());
        robot.clickOn("#openRunModelButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().stream().noneMatch(r -> r.id().equals(id)), "the deleted run leaves the list");
        assertEquals("Run " + id + " was deleted outside this window", robot.lookup("#runsStatus").queryLabeled().getText());
    }

    /** Where the Runs view's two dividers are, in pixels of their panes. */
    private static List<Long> dividers(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.control.SplitPane main = robot.lookup("#runsSplit").queryAs(javafx.scene.control.SplitPane.class);
            javafx.scene.control.SplitPane bottom = robot.lookup("#runsBottomSplit").queryAs(javafx.scene.control.SplitPane.class);
            return List.of(Math.round(main.getDividerPositions()[0] * main.getHeight()), Math.round(bottom.getDividerPositions()[0] * bottom.getWidth()));
        }).get();
    }

    /**
     * At 125 % in the smallest window the dividers stay where they are as the user selects one run, then the other, and
     * renames one. A trial saw them jump between selections and after a rename.
     */
    @Test
    void theDividersKeepTheirPlacesThroughSelectionsAndARename(FxRobot robot) throws Exception {
        TableView<RunSummary> table = twoCliRunsInTheSmallestWindow(robot);
        try {
            robot.interact(() -> app.services.appearance().scaleProperty().set(125));
            Pulses.settle();
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn(row(robot, 0));
            Pulses.settle();
            WaitForAsyncUtils.waitForFxEvents();
            List<Long> first = dividers(robot);
            robot.clickOn(row(robot, 1));
            Pulses.settle();
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(first, dividers(robot), "after selecting the other run");
            Forms.type(robot, "#runNameField", "a much longer name for this run than before");
            robot.clickOn("#saveRunInfoButton");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().stream().anyMatch(r -> r.name().startsWith("a much longer")));
            Pulses.settle();
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(first, dividers(robot), "after the rename");
            robot.clickOn(row(robot, 0));
            Pulses.settle();
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(first, dividers(robot), "back on the first run");
        } finally {
            robot.interact(() -> app.services.appearance().scaleProperty().set(100));
        }
    }

    private TableView<RunSummary> twoCliRunsInTheSmallestWindow(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.interact(() -> {
            stage.setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
            stage.setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
        });
        cliRuns(2);
        app.openTab(robot, "Runs");
        TableView<RunSummary> table = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        return table;
    }

    /** Selects the first run, then the second beside it, as a user compares two runs, and waits for their settings. */
    private void compareBoth(FxRobot robot) throws Exception {
        robot.clickOn(row(robot, 0));
        robot.press(KeyCode.CONTROL).clickOn(row(robot, 1)).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.main.runs().viewModel().comparison().size() >= 8);
    }

    /**
     * A run, a branch of it and a sweep's two runs in the smallest window, as a new user meets them after the Sweeps
     * view said each run "is recorded in the history (the Runs tab) with the sweep's id": at 100 % every column is in
     * sight, the sweep and the branch among them, and the time each run started is on one line (its full date and time
     * in the cell's tooltip); at 150 % too the time is on one line where its column shows; nothing is cut and the table
     * does not scroll sideways. A trial found the sweep column given way at 1024x700 and the started time broken after
     * its date. At 150 % and 175 %, where the sweep's and the branch's columns give way, the run's name says them on
     * lines of its own ("sweep a1b2c3d4", "branch of …, epoch 1"): trial 41 saw a branch and a sweep's runs look like
     * ordinary runs there.
     */
    @Test
    void everyColumnIsInSightInTheSmallestWindowWithTheStartedTimeOnOneLine(FxRobot robot) throws Exception {
        app.awaitReady();
        StringWriter err = new StringWriter();
        String root = app.history.root().toString();
        assertEquals(0, io.digitstudio.cli.Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "train", "--epochs", "2", "--snapshot-every", "1",
                "--train-size", "100", "--test-size", "50", "--model", "linear 8, relu, linear", "--out", app.history.root().resolveSibling("parent.npz").toString(),
                "--runs-dir", root), err.toString());
        String parent = app.history.list().get(0).id();
        assertEquals(0, io.digitstudio.cli.Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "train", "--branch", parent + "@epoch:1", "--lr", "0.05",
                "--out", app.history.root().resolveSibling("branch.npz").toString(), "--runs-dir", root), err.toString());
        assertEquals(0, io.digitstudio.cli.Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "sweep", "--model", "linear 8, relu, linear",
                "--lr", "0.1,0.01", "--batch", "50", "--epochs", "1", "--train-size", "300", "--test-size", "100", "--runs-dir", root), err.toString());
        String sweepId = io.digitstudio.runs.sweep.Sweep.list(app.history.root()).get(0).id();
        robot.interact(() -> {
            stage.setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
            stage.setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
        });
        app.openTab(robot, "Runs");
        TableView<RunSummary> table = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 4);
        var format = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT).withZone(java.time.ZoneId.systemDefault());
        List<String> failures = new java.util.ArrayList<>();
        try {
            for (int scale : List.of(100, 150, 175)) {
                robot.interact(() -> app.services.appearance().choose(io.digitstudio.ui.widgets.Theme.LIGHT, scale));
                Pulses.settle(4);
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> {
                    String at = scale + " %: ";
                    java.util.Map<String, String> names = new java.util.HashMap<>();
                    List<String> hidden = table.getColumns().stream().filter(c -> !c.isVisible()).map(c -> c.getText() + " " + c.getMinWidth()).toList();
                    // at 150 % the columns' least widths need half as much again as the table has: those that give way do
                    if (!hidden.isEmpty() && scale == 100) {
                        failures.add(at + "columns out of sight " + hidden + " in a table " + table.getWidth() + " px wide, shown: "
                                + table.getVisibleLeafColumns().stream().map(c -> c.getText() + " " + c.getWidth() + " (least " + c.getMinWidth() + ")").toList());
                    }
                    for (String c : Looks.sideways(stage.getScene())) if (c.contains("#runsTable")) failures.add(at + c);
                    for (String c : Looks.cut(stage.getScene(), "runsTable")) failures.add(at + c);
                    for (String c : Looks.clipped(stage.getScene())) if (c.contains("#runsTable")) failures.add(at + c);
                    java.util.Map<String, String> started = new java.util.HashMap<>(), tips = new java.util.HashMap<>(), sweeps = new java.util.HashMap<>(),
                            branches = new java.util.HashMap<>();
                    for (Node n : table.lookupAll(".table-cell")) {
                        if (!(n instanceof javafx.scene.control.TableCell<?, ?> c) || c.getTableRow() == null || !(c.getTableRow().getItem() instanceof RunSummary r)
                                || c.getTableColumn() == null || !c.isVisible()) continue;
                        String shown = c.getGraphic() instanceof javafx.scene.text.Text t ? t.getText() : c.getText() == null ? "" : c.getText();
                        switch (c.getTableColumn().getText()) {
                            case "started" -> {
                                started.put(r.id(), shown);
                                tips.put(r.id(), c.getTooltip() == null ? "" : c.getTooltip().getText());
                            }
                            case "name" -> names.put(r.id(), shown.replaceAll("\\s+", " "));
                            case "sweep" -> sweeps.put(r.id(), shown);
                            case "branch of" -> branches.put(r.id(), shown);
                            default -> {
                            }
                        }
                    }
                    if (names.isEmpty()) failures.add(at + "no run's name in sight");
                    for (RunSummary r : table.getItems()) {
                        // where the sweep's or the branch's column gives way, the run's name says it: a branch or a
                        // sweep's run never looks like an ordinary run
                        String sweepSaid = r.settings().sweep() == null ? "" : "sweep " + sweepId;
                        String branchSaid = r.settings().isBranch() ? "branch of " + parent + ", epoch 1" : "";
                        String name = names.get(r.id());
                        // (a row out of sight has no name cell)
                        if (name != null && !sweepSaid.isEmpty() && !sweepId.equals(sweeps.get(r.id())) && !name.contains(sweepSaid)) {
                            failures.add(at + "run " + r.id() + " of sweep " + sweepId + " says no sweep: named " + name + ", sweep column " + sweeps.get(r.id()));
                        }
                        if (name != null && !branchSaid.isEmpty() && !(parent + ", epoch 1").equals(branches.get(r.id())) && !name.contains(branchSaid)) {
                            failures.add(at + "run " + r.id() + ", a branch, says no parent: named " + name + ", branch column " + branches.get(r.id()));
                        }
                        if (name != null && r.settings().sweep() == null && !r.settings().isBranch() && !name.equals(r.title())) {
                            failures.add(at + "run " + r.id() + " of no sweep and no branch named " + name);
                        }
                        if (scale != 100) {
                            String full = format.format(r.created()), shown = started.get(r.id());
                            if (shown != null && (shown.contains("\n") || !full.endsWith(shown))) failures.add(at + "run " + r.id() + " started at " + full + ", shown as " + shown);
                            continue;
                        }
                        String full = format.format(r.created()), shown = started.get(r.id());
                        if (shown == null || shown.isEmpty() || shown.contains("\n") || !full.endsWith(shown)) {
                            failures.add(at + "run " + r.id() + " started at " + full + ", shown as " + shown);
                        }
                        if (!full.equals(tips.get(r.id()))) failures.add(at + "run " + r.id() + "'s start in its tooltip: " + tips.get(r.id()));
                        String sweep = r.settings().sweep() == null ? "" : sweepId;
                        if (!sweep.equals(sweeps.get(r.id()))) failures.add(at + "run " + r.id() + "'s sweep, shown as " + sweeps.get(r.id()));
                        String branch = r.settings().isBranch() ? parent + ", epoch 1" : "";
                        if (!branch.equals(branches.get(r.id()))) failures.add(at + "run " + r.id() + " a branch of, shown as " + branches.get(r.id()));
                    }
                });
            }
        } finally {
            robot.interact(() -> app.services.appearance().choose(io.digitstudio.ui.widgets.Theme.LIGHT, 100));
        }
        assertEquals(List.of(), failures);
        // the started column sorts by the time, whatever it shows
        var started = table.getColumns().stream().filter(c -> "started".equals(c.getText())).findFirst().orElseThrow();
        robot.interact(() -> {
            table.getSortOrder().setAll(List.of(started));
            started.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<RunSummary> latestFirst = table.getItems().stream().sorted(java.util.Comparator.comparing(RunSummary::created).reversed()).toList();
        assertEquals(latestFirst.stream().map(RunSummary::id).toList(), table.getItems().stream().map(RunSummary::id).toList(), "latest first");
    }

    private void cliRuns(int n) {
        for (int i = 0; i < n; i++) cliRun(1, "linear 8, relu, linear");
    }

    /** A tiny run of {@code epochs} from the command line with this network, into the app's history. */
    private void cliRun(int epochs, String model) {
        StringWriter err = new StringWriter();
        int code = io.digitstudio.cli.Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "train", "--epochs", String.valueOf(epochs),
                "--train-size", "100", "--test-size", "50", "--model", model,
                "--out", app.history.root().resolveSibling("cli-" + app.history.root().getFileName() + "-" + cliRun++ + ".npz").toString(),
                "--runs-dir", app.history.root().toString());
        assertEquals(0, code, err.toString());
    }

    /** No text of the runs table is cut to "…" or clipped by its cell. */
    private void assertRunsTableWhole(FxRobot robot) {
        List<String> cut = new java.util.ArrayList<>();
        robot.interact(() -> {
            cut.addAll(Looks.cut(stage.getScene(), "runsTable"));
            for (String c : Looks.clipped(stage.getScene())) if (c.contains("finished") || c.contains("#runsTable")) cut.add(c);
        });
        assertEquals(List.of(), cut, "texts of the runs table cut");
    }
}
