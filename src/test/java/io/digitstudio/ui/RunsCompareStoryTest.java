package io.digitstudio.ui;

import io.digitstudio.runs.RunSummary;
import io.digitstudio.ui.widgets.Theme;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
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

/**
 * A new user compares runs in the smallest window (1024×700) at 150 %, as in the trial of issue 32: the comparison
 * shows without scrolling past controls that apply to one run, its header stays in sight while its settings scroll,
 * its values wrap only between words, and a new comparison starts at its top.
 */
class RunsCompareStoryTest extends AppStory {
    /** The single-run controls that give way while several runs are compared. */
    private static final List<String> ONE_RUN = List.of("#runNameField", "#runNotesArea", "#saveRunInfoButton", "#openRunModelButton",
            "#evaluateRunButton", "#branchRow");

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.show(stage);
    }

    /**
     * With two runs selected the name, notes and one-run actions take no room (they were greyed out above the
     * comparison and pushed it below the pane's bottom): the first compared setting shows without scrolling. With one
     * run selected again they come back, in sight.
     */
    @Test
    void whileComparingTheOneRunControlsGiveTheirRoomToTheComparison(FxRobot robot) throws Exception {
        TableView<RunSummary> table = runsAt150(robot, 2);
        try {
            compare(robot, 0, 1);
            List<String> wrong = new ArrayList<>();
            robot.interact(() -> {
                ScrollPane pane = detailScroll();
                pane.setVvalue(0);
                pane.layout();
                for (String id : ONE_RUN) {
                    Node n = stage.getScene().lookup(id);
                    if (shown(n)) wrong.add(id + " shown while comparing, at " + n.localToScene(n.getLayoutBounds()));
                }
                TableRow<?> first = compareRow(0);
                if (first == null || !within(first, viewport(pane))) {
                    wrong.add("the first compared setting out of sight: " + (first == null ? "not laid out" : first.localToScene(first.getLayoutBounds()))
                            + " in a view of " + viewport(pane));
                }
            });
            assertEquals(List.of(), wrong, "two runs compared at 150 %");

            // one run again: its name, notes and actions are back, and in sight
            robot.clickOn(runRow(robot, 1));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getSelectionModel().getSelectedItems().size() == 1);
            Pulses.settle();
            robot.interact(() -> {
                ScrollPane pane = detailScroll();
                for (String id : ONE_RUN) {
                    Node n = stage.getScene().lookup(id);
                    if (!shown(n)) wrong.add(id + " hidden with one run selected");
                    else if (n.isDisabled()) wrong.add(id + " disabled with one run selected");
                }
                for (String id : List.of("#runNameField", "#saveRunInfoButton")) {
                    Node n = stage.getScene().lookup(id);
                    if (!within(n, viewport(pane))) wrong.add(id + " out of sight with one run selected: " + n.localToScene(n.getLayoutBounds()));
                }
            });
            assertEquals(List.of(), wrong, "one run selected after comparing");
        } finally {
            robot.interact(() -> app.services.appearance().choose(Theme.LIGHT, 100));
        }
    }

    /**
     * Two runs compared at 150 %, more settings than the pane shows: scrolled down to the last setting, the header
     * naming the runs' columns is still in sight at the top of the pane, in front of the rows (the pointer over it is
     * over the header), and back at the top it is where it was.
     */
    @Test
    void theComparisonsHeaderStaysInSightWhileItsSettingsScroll(FxRobot robot) throws Exception {
        runsAt150(robot, 2);
        try {
            compare(robot, 0, 1);
            double[] top = new double[1];
            List<String> wrong = new ArrayList<>();
            robot.interact(() -> {
                ScrollPane pane = detailScroll();
                pane.setVvalue(0);
                pane.layout();
                top[0] = header().localToScene(header().getLayoutBounds()).getMinY();
                if (pane.getVmax() <= pane.getVmin() || compareTable().getHeight() <= viewport(pane).getHeight()) {
                    wrong.add("the settings fit the pane: nothing scrolls (table " + compareTable().getHeight() + " px, view " + viewport(pane).getHeight() + ")");
                }
                pane.setVvalue(pane.getVmax());
            });
            Pulses.settle();
            robot.interact(() -> {
                ScrollPane pane = detailScroll();
                Bounds view = viewport(pane);
                Node h = header();
                if (!within(h, view)) wrong.add("scrolled to the end, the header at " + h.localToScene(h.getLayoutBounds()) + " outside the view " + view);
                TableRow<?> last = compareRow(compareTable().getItems().size() - 1);
                if (last == null || !within(last, view)) wrong.add("scrolled to the end, the last setting out of sight");
            });
            assertEquals(List.of(), wrong);
            // the header is in front of the rows it stands over: the pointer on it is on a column's header
            Node h = robot.lookup("#compareTable .column-header-background").query();
            robot.moveTo(h);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(h.isHover(), "the pointer over the header's place is over a row, not the header");
            robot.interact(() -> {
                detailScroll().setVvalue(0);
                detailScroll().layout();
            });
            Pulses.settle();
            robot.interact(() -> assertEquals(top[0], header().localToScene(header().getLayoutBounds()).getMinY(), 1, "back at the top, the header in its place"));
        } finally {
            robot.interact(() -> app.services.appearance().choose(Theme.LIGHT, 100));
        }
    }

    /**
     * Two runs compared at 150 %: the optimizer "momentum-sgd" (wrapped to "momentum-" and "sgd" in the trial) and
     * every other value of one word show on one line; values of several words break between them only.
     */
    @Test
    void comparedValuesWrapOnlyBetweenWords(FxRobot robot) throws Exception {
        runsAt150(robot, 2);
        try {
            compare(robot, 0, 1);
            List<String> wrong = new ArrayList<>();
            int[] seen = {0, 0};
            robot.interact(() -> {
                for (Node n : compareTable().lookupAll(".table-cell")) {
                    if (!(n instanceof javafx.scene.control.Labeled cell) || !cell.isVisible() || !(cell.getGraphic() instanceof javafx.scene.text.Text t)) continue;
                    if (t.getText() == null || t.getText().isBlank() || cell.getParent() == null || !cell.getParent().isVisible()) continue;
                    String value = cell.getAccessibleText() == null ? t.getText() : cell.getAccessibleText();
                    if (value.equals("momentum-sgd")) seen[0]++;
                    seen[1]++;
                    for (String line : shownLines(t)) {
                        // each line shown is whole words of the value: no line starts or ends inside a word
                        String[] words = value.split(" ");
                        if (!wholeWords(words, line)) wrong.add("'" + value + "' shown with the line '" + line + "'");
                    }
                }
            });
            assertEquals(2, seen[0], "cells showing momentum-sgd");
            assertTrue(seen[1] > 10, "cells looked at: " + seen[1]);
            assertEquals(List.of(), wrong, "values broken inside a word");
        } finally {
            robot.interact(() -> app.services.appearance().choose(Theme.LIGHT, 100));
        }
    }

    /**
     * Two runs compared at 150 %: a value in two lines ("best val accuracy", "18.00% (epoch 1)") keeps the room above
     * and below it that a one-line value has in its row. The lines of a taller row touched its lines (issue 32).
     */
    @Test
    void aValueInLinesKeepsTheRoomAOneLineValueHasAboveAndBelow(FxRobot robot) throws Exception {
        runsAt150(robot, 2);
        try {
            compare(robot, 0, 1);
            List<String> wrong = new ArrayList<>();
            double[] oneLine = {Double.MAX_VALUE};
            List<double[]> lined = new ArrayList<>();
            List<String> names = new ArrayList<>();
            robot.interact(() -> {
                for (Node n : compareTable().lookupAll(".table-cell")) {
                    if (!(n instanceof javafx.scene.control.Labeled cell) || !cell.isVisible() || !(cell.getGraphic() instanceof javafx.scene.text.Text t)) continue;
                    if (t.getText() == null || t.getText().isBlank() || !(cell.getParent() instanceof TableRow<?> row) || !row.isVisible()) continue;
                    Bounds text = t.localToScene(t.getLayoutBounds());
                    Bounds edges = row.localToScene(row.getLayoutBounds());
                    // the row's line is its bottom pixel (a fill inset by 1 at the bottom)
                    double above = text.getMinY() - edges.getMinY(), below = edges.getMaxY() - 1 - text.getMaxY();
                    if (shownLines(t).size() == 1) oneLine[0] = Math.min(oneLine[0], Math.min(above, below));
                    else {
                        lined.add(new double[]{above, below});
                        names.add("'" + t.getText().replace("\n", " / ") + "'");
                    }
                }
            });
            assertTrue(oneLine[0] > 2 && oneLine[0] < 100, "a one-line value's room above or below it: " + oneLine[0]);
            assertFalse(lined.isEmpty(), "no value in lines at 150 %: nothing looked at");
            for (int i = 0; i < lined.size(); i++) {
                double[] d = lined.get(i);
                if (d[0] < oneLine[0] - 1 || d[1] < oneLine[0] - 1) {
                    wrong.add(names.get(i) + ": " + Math.round(d[0]) + " px above, " + Math.round(d[1]) + " px below");
                }
            }
            assertEquals(List.of(), wrong, "values in lines with less room than a one-line value's " + Math.round(oneLine[0]) + " px");
        } finally {
            robot.interact(() -> app.services.appearance().choose(Theme.LIGHT, 100));
        }
    }

    /**
     * At 150 % the runs table hides the columns that give way (branch, start, data set…). The header's column menu
     * lists every column, those hidden unchecked; one chosen there shows and stays, though the table then scrolls
     * sideways. Nothing told that the hidden columns existed (issue 32).
     */
    @Test
    void theColumnsThatGaveWayAreListedUncheckedInTheTablesColumnMenu(FxRobot robot) throws Exception {
        TableView<RunSummary> table = runsAt150(robot, 2);
        try {
            List<String> hidden = new ArrayList<>();
            List<String> all = new ArrayList<>();
            robot.interact(() -> {
                for (var c : table.getColumns()) {
                    all.add(c.getText());
                    if (!c.isVisible()) hidden.add(c.getText());
                }
            });
            assertFalse(hidden.isEmpty(), "no column hidden at 150 %");
            Node corner = table.lookup(".show-hide-columns-button");
            assertTrue(corner != null && shown(corner) && corner.getLayoutBounds().getWidth() > 0, "the column menu's button in the header's corner");
            robot.interact(() -> {
                Bounds button = corner.localToScene(corner.getLayoutBounds()), edges = table.localToScene(table.getLayoutBounds());
                assertTrue(button.getMinX() >= edges.getMinX() && button.getMaxX() <= edges.getMaxX() + 0.5, "the button inside the table: " + button);
                // the last title clear of the button
                var last = table.getVisibleLeafColumns().get(table.getVisibleLeafColumns().size() - 1);
                Node title = table.lookupAll(".column-header").stream().filter(h -> h instanceof javafx.scene.control.skin.TableColumnHeader th
                        && th.getTableColumn() == last).findFirst().orElseThrow();
                Bounds b = title.localToScene(title.getLayoutBounds());
                assertTrue(b.getMaxX() <= button.getMinX() + 0.5, "the last column's title (" + last.getText() + ", " + b + ") under the menu's button " + button);
            });
            robot.clickOn(corner);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> menu() != null);
            javafx.scene.control.ContextMenu menu = menu();
            List<String> listed = new ArrayList<>(), unchecked = new ArrayList<>();
            for (var item : menu.getItems()) {
                if (!(item instanceof javafx.scene.control.CheckMenuItem check)) continue;
                listed.add(check.getText());
                if (!check.isSelected()) unchecked.add(check.getText());
            }
            assertEquals(all, listed, "every column in the menu");
            assertEquals(hidden, unchecked, "the hidden columns unchecked");
            // the last one hidden (the first to come back with more room): shown as the user asks
            String chosen = hidden.get(hidden.size() - 1);
            var item = menu.getItems().stream().filter(i -> chosen.equals(i.getText())).findFirst().orElseThrow();
            robot.clickOn(item.getStyleableNode());
            WaitForAsyncUtils.waitForFxEvents();
            Pulses.settle(4);
            var column = table.getColumns().stream().filter(c -> c.getText().equals(chosen)).findFirst().orElseThrow();
            assertTrue(column.isVisible(), "the " + chosen + " column shown, as chosen in the menu");
            // it stays through the next fits: a new font, rows measured again
            robot.interact(() -> app.services.appearance().choose(Theme.LIGHT, 125));
            Pulses.settle(4);
            robot.interact(() -> app.services.appearance().choose(Theme.LIGHT, 150));
            Pulses.settle(4);
            assertTrue(column.isVisible(), "the " + chosen + " column stays shown as the user chose");
        } finally {
            robot.interact(() -> {
                if (menu() != null) menu().hide();
                app.services.appearance().choose(Theme.LIGHT, 100);
            });
        }
    }

    /** The context menu showing, or null. */
    private static javafx.scene.control.ContextMenu menu() {
        for (var w : javafx.stage.Window.getWindows()) if (w instanceof javafx.scene.control.ContextMenu m && m.isShowing()) return m;
        return null;
    }

    /**
     * The settings' heading says what they show: with no run chosen, a sentence in their place and no empty framed
     * table; with one run, "Settings" (nothing to compare); with two, the comparison's heading (a trial read "side by
     * side" over one run, and an empty framed table under it with none).
     */
    @Test
    void theSettingsHeadingSaysWhatItShowsForNoneOneAndTwoRuns(FxRobot robot) throws Exception {
        runsAt150(robot, 2);
        try {
            robot.interact(() -> app.main.runs().table().getSelectionModel().clearSelection());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.main.runs().viewModel().selectedIds().isEmpty());
            Pulses.settle();
            robot.interact(() -> {
                assertFalse(shown(compareTable()), "no settings table while no run is chosen");
                assertFalse(shown(stage.getScene().lookup("#compareTitle")), "no settings heading while no run is chosen");
                javafx.scene.control.Labeled hint = (javafx.scene.control.Labeled) stage.getScene().lookup("#noComparison");
                assertTrue(shown(hint), "a sentence in the settings' place");
                assertEquals("Select a run to see its settings; Ctrl-click another to compare them", hint.getText());
            });
            robot.clickOn(runRow(robot, 0));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.main.runs().viewModel().selectedIds().size() == 1);
            Pulses.settle();
            robot.interact(() -> {
                assertEquals("Settings", ((javafx.scene.control.Labeled) stage.getScene().lookup("#compareTitle")).getText());
                assertTrue(shown(compareTable()), "the one run's settings");
                assertFalse(shown(stage.getScene().lookup("#noComparison")));
            });
            compare(robot, 0, 1);
            robot.interact(() -> assertEquals("Settings side by side (differences highlighted)",
                    ((javafx.scene.control.Labeled) stage.getScene().lookup("#compareTitle")).getText()));
        } finally {
            robot.interact(() -> app.services.appearance().choose(Theme.LIGHT, 100));
        }
    }

    /** A comparison scrolled to its end; then other runs selected: the new comparison shows from its top. */
    @Test
    void aNewComparisonStartsAtItsTop(FxRobot robot) throws Exception {
        TableView<RunSummary> table = runsAt150(robot, 3);
        try {
            compare(robot, 0, 1);
            robot.interact(() -> detailScroll().setVvalue(detailScroll().getVmax()));
            Pulses.settle();
            assertTrue(detailScroll().getVvalue() > 0, "scrolled down");
            List<String> before = app.main.runs().viewModel().selectedIds();
            compare(robot, 1, 2);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.main.runs().viewModel().selectedIds().equals(before));
            Pulses.settle();
            assertEquals(0, detailScroll().getVvalue(), 1e-9, "the new comparison's scroll");
            robot.interact(() -> {
                TableRow<?> first = compareRow(0);
                assertTrue(first != null && within(first, viewport(detailScroll())), "the new comparison's first setting in sight");
            });
            assertEquals(2, table.getSelectionModel().getSelectedItems().size());
        } finally {
            robot.interact(() -> app.services.appearance().choose(Theme.LIGHT, 100));
        }
    }

    /** Is every word of {@code line} a whole word of the value (a line of a wrapped value is words joined by spaces)? */
    private static boolean wholeWords(String[] words, String line) {
        List<String> all = List.of(words);
        for (String w : line.strip().split(" ")) if (!w.isEmpty() && !all.contains(w)) return false;
        return true;
    }

    /** The lines a text node shows, wrapped at its wrapping width or broken at its line breaks, as the user sees them. */
    private static List<String> shownLines(javafx.scene.text.Text t) {
        List<String> lines = new ArrayList<>();
        String s = t.getText();
        // a text's caret positions: where the y of a character's shape changes, a new line starts
        double lastY = Double.NaN;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            var hit = t.caretShape(i, true);
            double y = hit.length > 0 && hit[0] instanceof javafx.scene.shape.MoveTo m ? m.getY() : Double.NaN;
            if (!Double.isNaN(lastY) && Math.abs(y - lastY) > 0.5) {
                lines.add(s.substring(start, i).replace("\n", ""));
                start = i;
            }
            lastY = y;
        }
        lines.add(s.substring(start).replace("\n", ""));
        return lines;
    }

    /** {@code n} runs from the command line, the window at its smallest and 150 %, the Runs view open: its table. */
    private TableView<RunSummary> runsAt150(FxRobot robot, int n) throws Exception {
        app.awaitReady();
        robot.interact(() -> {
            stage.setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
            stage.setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
        });
        for (int i = 0; i < n; i++) app.tinyCliRun(i);
        robot.interact(() -> app.services.appearance().choose(Theme.LIGHT, 150));
        app.openTab(robot, "Runs");
        TableView<RunSummary> table = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == n);
        Pulses.settle();
        return table;
    }

    /** Selects run {@code a}, then ctrl-clicks run {@code b} beside it, and waits for the comparison to be laid out. */
    private void compare(FxRobot robot, int a, int b) throws Exception {
        robot.clickOn(runRow(robot, a));
        robot.press(KeyCode.CONTROL).clickOn(runRow(robot, b)).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.main.runs().viewModel().selectedIds().size() == 2
                && app.main.runs().viewModel().comparison().size() >= 8);
        Pulses.settle(4); // the columns measured and shared, the rows laid out at their widths, the table grown to them
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The runs table's row showing item {@code i}. */
    private static Node runRow(FxRobot robot, int i) {
        return robot.lookup("#runsTable .table-row-cell").match((TableRow<?> r) -> r.getIndex() == i && !r.isEmpty()).query();
    }

    private ScrollPane detailScroll() {
        return (ScrollPane) stage.getScene().lookup("#runsDetailScroll");
    }

    private TableView<?> compareTable() {
        return (TableView<?>) stage.getScene().lookup("#compareTable");
    }

    private Node header() {
        return compareTable().lookup(".column-header-background");
    }

    /** The compared setting's row {@code i} as laid out, or null. */
    private TableRow<?> compareRow(int i) {
        for (Node n : compareTable().lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> r && !r.isEmpty() && r.isVisible() && r.getIndex() == i) return r;
        }
        return null;
    }

    /** The scroll pane's view, in the scene. */
    private static Bounds viewport(ScrollPane pane) {
        Node v = pane.lookup(".viewport");
        return v.localToScene(v.getLayoutBounds());
    }

    private static boolean within(Node n, Bounds view) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        return b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5;
    }

    /** Shown and taking room: it and its parents visible, with a height. */
    private static boolean shown(Node n) {
        if (n == null || n.getLayoutBounds().getHeight() <= 0) return false;
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }
}
