package io.digitstudio.ui;

import io.digitstudio.runs.RunSummary;
import io.digitstudio.ui.widgets.Theme;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
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
 * Themes switched while the window is open (Preferences, Ctrl+,; the same {@code Appearance.choose} the dialog calls)
 * leave every view as a fresh launch in that theme shows it. The window is launched in light at 150 %, as a user who
 * chose that last time meets it: what it shows then is what each live switch back to light at 150 % must show again.
 */
class LiveThemeSwitchTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        io.digitstudio.ui.app.LastSession last = io.digitstudio.ui.app.LastSession.inMemory();
        last.theme(Theme.LIGHT);
        last.uiScale(150);
        app.last = last;
        app.show(stage);
        stage.setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
        stage.setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
    }

    /**
     * Two runs compared, as launched in light at 150 %: a line under every row, in the highlighted block of settings
     * that differ too (filled in one colour, those rows ran into each other). Switched live to dark at 150 %, back to
     * light, to high contrast, to dark at 100 % from another view, at 200 % in the view and back to light at 150 %, the
     * rows are as at launch: as high, each value at the same height in its row, each with its line (a trial saw the
     * values at the top of their rows and the lines gone inside the highlighted block after such a switch).
     */
    @Test
    void theComparedSettingsLookAsAtLaunchAfterALiveSwitch(FxRobot robot) throws Exception {
        app.awaitReady();
        app.tinyCliRun(0);
        app.tinyCliRun(1);
        app.openTab(robot, "Runs");
        TableView<RunSummary> table = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        Pulses.settle();
        robot.clickOn(runRow(robot, 0));
        robot.press(KeyCode.CONTROL).clickOn(runRow(robot, 1)).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.main.runs().viewModel().selectedIds().size() == 2
                && app.main.runs().viewModel().comparison().size() >= 8);
        Pulses.settle(4);
        List<Row> atLaunch = rows(robot);
        assertTrue(atLaunch.stream().anyMatch(Row::differs), "a setting that differs: " + atLaunch);
        // a line under every row, in the highlighted block of settings that differ too, as Primer draws its rows
        assertEquals(List.of(), atLaunch.stream().filter(r -> !r.line()).toList(), "rows drawn without their line, at launch");
        List<String> failures = new ArrayList<>();
        for (Look l : List.of(new Look(Theme.DARK, 150), new Look(Theme.LIGHT, 150), new Look(Theme.HIGH_CONTRAST, 150),
                new Look(Theme.DARK, 100), new Look(Theme.DARK, 200), new Look(Theme.LIGHT, 150))) {
            // from another view too, as a user who opens Preferences there
            if (l.scale() == 100) app.openTab(robot, "Train");
            robot.interact(() -> app.services.appearance().choose(l.theme(), l.scale()));
            Pulses.settle();
            if (l.scale() != 150) continue;
            app.openTab(robot, "Runs");
            Pulses.settle(4);
            List<Row> now = rows(robot);
            if (!Row.alike(now, atLaunch)) failures.add(l.theme().id() + " at 150 % after a live switch:\n  " + Row.lines(now));
        }
        assertEquals(List.of(), failures, "at launch:\n  " + Row.lines(atLaunch));
    }

    /**
     * The Samples gallery while themes and scales are switched live, at 100 % and 150 %, as it loads its images and
     * after: nothing goes wrong on the FX thread (a trial saw ControlsFX's GridView throw IndexOutOfBoundsException from
     * its skin's updateItemCount, under Appearance.restyle), and the gallery shows its images in rows as wide as it
     * holds.
     */
    @Test
    void theSamplesGalleryTakesEveryThemeAndScaleLive(FxRobot robot) throws Exception {
        app.awaitReady();
        List<Throwable> thrown = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread.UncaughtExceptionHandler[] before = new Thread.UncaughtExceptionHandler[1];
        robot.interact(() -> {
            before[0] = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> thrown.add(e));
        });
        try {
            robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
            List<Look> looks = List.of(new Look(Theme.DARK, 100), new Look(Theme.DARK, 150), new Look(Theme.HIGH_CONTRAST, 100),
                    new Look(Theme.LIGHT, 150), new Look(Theme.LIGHT, 100), new Look(Theme.HIGH_CONTRAST, 150), new Look(Theme.DARK, 100),
                    new Look(Theme.LIGHT, 150));
            // while the gallery fills: the images read, their predictions coming in
            for (Look l : looks) {
                robot.interact(() -> app.services.appearance().choose(l.theme(), l.scale()));
                WaitForAsyncUtils.waitForFxEvents();
            }
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.main.samples().viewModel().imagesProperty().get() != null);
            Pulses.settle();
            // and once it has
            for (Look l : looks) {
                robot.interact(() -> app.services.appearance().choose(l.theme(), l.scale()));
                Pulses.settle(2);
            }
            Pulses.settle();
            robot.interact(() -> {
                for (Throwable e : List.copyOf(thrown)) e.printStackTrace();
            });
            assertEquals(List.of(), thrown.stream().map(Throwable::toString).toList(), "thrown on the FX thread");
            int[] cells = {0};
            robot.interact(() -> {
                for (Node n : robot.lookup("#samplesGrid .sample-cell").queryAll()) if (n.isVisible() && n.getId() != null) cells[0]++;
            });
            int perRow = app.main.samples().itemsPerRow();
            assertTrue(perRow > 1 && cells[0] >= perRow, "images shown: " + cells[0] + ", " + perRow + " a row");
        } finally {
            robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(before[0]));
        }
    }

    record Look(Theme theme, int scale) {
    }

    /**
     * A drop-down list's popup and a menu, in every theme switched to live: the popup's window draws its four corners
     * itself, opaque. Primer's popups have rounded corners and a drop shadow in the room round them, both see-through; a
     * desktop that does not composite see-through windows (as a trial's) showed white squares at the corners of the
     * dark theme's rounded lists.
     */
    @Test
    void aPopupsWindowIsOpaqueToItsCornersInEveryTheme(FxRobot robot) throws Exception {
        app.awaitReady();
        List<String> failures = new ArrayList<>();
        for (Theme t : List.of(Theme.DARK, Theme.HIGH_CONTRAST, Theme.LIGHT)) {
            robot.interact(() -> app.services.appearance().choose(t, 150));
            Pulses.settle();
            robot.interact(() -> app.main.selectTab("trainTab"));
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#dataBox");
            corners(robot, t.id() + " drop-down list", popupWith("list-view"), failures);
            robot.type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> app.main.selectTab("drawTab"));
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#exportModelMenu");
            corners(robot, t.id() + " menu", popupWith("context-menu"), failures);
            robot.type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(List.of(), failures);
    }

    /**
     * What the popup's window shows, drawn over nothing (a popup's scene has no fill: what its content leaves is
     * see-through), and the colour of its four corner pixels: each must be opaque, and the drawing as large as the
     * window.
     */
    private static void corners(FxRobot robot, String what, javafx.scene.Scene popup, List<String> failures) throws Exception {
        Pulses.settle(2);
        robot.interact(() -> {
            assertNull(popup.getFill(), what + ": the popup's scene has a fill of its own");
            javafx.scene.SnapshotParameters clear0 = new javafx.scene.SnapshotParameters();
            clear0.setFill(Color.TRANSPARENT);
            javafx.scene.image.WritableImage shot = popup.getRoot().snapshot(clear0, null);
            var px = shot.getPixelReader();
            int w = (int) shot.getWidth() - 1, h = (int) shot.getHeight() - 1;
            StringBuilder seen = new StringBuilder();
            boolean clear = false;
            var window = popup.getWindow();
            seen.append(String.format(Locale.ROOT, " window %.0fx%.0f, drawn %dx%d:", window.getWidth(), window.getHeight(), w + 1, h + 1));
            if (window.getWidth() > w + 1.5 || window.getHeight() > h + 1.5) clear = true;
            for (int[] at : new int[][]{{0, 0}, {w, 0}, {0, h}, {w, h}}) {
                Color c = px.getColor(at[0], at[1]);
                seen.append(String.format(Locale.ROOT, " (%d,%d) %s alpha %.2f", at[0], at[1], Looks.web(c), c.getOpacity()));
                if (c.getOpacity() < 1) clear = true;
            }
            if (clear) failures.add(what + ", a window of " + (w + 1) + "x" + (h + 1) + " px, has see-through corners:" + seen);
        });
    }

    /** The popup window showing with a node of this style class in it. */
    private static javafx.scene.Scene popupWith(String styleClass) throws Exception {
        javafx.scene.Scene[] found = new javafx.scene.Scene[1];
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (w instanceof javafx.stage.PopupWindow && w.isShowing() && w.getScene() != null
                        && w.getScene().getRoot().lookup("." + styleClass) != null) {
                    found[0] = w.getScene();
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /**
     * A compared row as drawn: its index and height, each value's top and bottom in the row, whether a line is drawn
     * under it, and whether it is marked as differing: the geometry and the row lines, not the colours, which differ
     * from theme to theme.
     */
    record Row(int index, double height, List<double[]> values, boolean line, boolean differs) {
        /**
         * The same rows, as high, each value centred within a pixel of where it was. JavaFX shares a string's laid-out
         * lines between text nodes, and a line first laid out by a text field has its bounds rounded to whole pixels
         * ("0.01" 24.0 high where "0.05" is 22.7), so a value's box depends by up to 1.3 px on what the window showed
         * before; the value itself is drawn where it was. A value pushed to the top of its row moves 8 px.
         */
        static boolean alike(List<Row> a, List<Row> b) {
            if (a.size() != b.size()) return false;
            for (int i = 0; i < a.size(); i++) {
                Row x = a.get(i), y = b.get(i);
                if (x.index != y.index || Math.abs(x.height - y.height) > 0.5 || x.line != y.line || x.differs != y.differs
                        || x.values.size() != y.values.size()) return false;
                for (int k = 0; k < x.values.size(); k++) {
                    double[] u = x.values.get(k), v = y.values.get(k);
                    if (Math.abs((u[0] + u[1]) / 2 - (v[0] + v[1]) / 2) > 1) return false;
                }
            }
            return true;
        }

        static String lines(List<Row> rows) {
            return String.join("\n  ", rows.stream().map(Row::toString).toList());
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder().append(index).append(String.format(Locale.ROOT, " h%.1f", height));
            for (double[] v : values) b.append(String.format(Locale.ROOT, " [%.1f..%.1f]", v[0], v[1]));
            return b.append(line ? " line" : " no line").append(differs ? " differs" : "").toString();
        }
    }

    private List<Row> rows(FxRobot robot) {
        List<Row> out = new ArrayList<>();
        robot.interact(() -> {
            TableView<?> compare = (TableView<?>) stage.getScene().lookup("#compareTable");
            List<TableRow<?>> shown = new ArrayList<>();
            for (Node n : compare.lookupAll(".table-row-cell")) {
                if (n instanceof TableRow<?> r && !r.isEmpty() && r.isVisible() && r.getIndex() >= 0) shown.add(r);
            }
            shown.sort(java.util.Comparator.comparingInt(TableRow::getIndex));
            for (TableRow<?> r : shown) {
                List<double[]> values = new ArrayList<>();
                for (Node c : r.getChildrenUnmodifiable()) {
                    if (!(c instanceof javafx.scene.control.TableCell<?, ?> cell) || !c.isVisible()) continue;
                    Node t = cell.getGraphic() instanceof Text g ? g : cell.lookup(".text");
                    if (!(t instanceof Text text) || text.getText() == null || text.getText().isBlank()) continue;
                    var in = r.sceneToLocal(t.localToScene(t.getLayoutBounds()));
                    values.add(new double[]{in.getMinY(), in.getMaxY()});
                }
                Color under = Color.WHITE;
                Color middle = Looks.colourAt(r, 2, r.getHeight() / 2, under);
                Color bottom = Looks.colourAt(r, 2, r.getHeight() - 0.5, under);
                out.add(new Row(r.getIndex(), r.getHeight(), values, !middle.equals(bottom), r.getStyleClass().contains("differs")));
            }
        });
        return out;
    }

    private static Node runRow(FxRobot robot, int i) {
        return robot.lookup("#runsTable .table-row-cell").match((TableRow<?> r) -> r.getIndex() == i && !r.isEmpty()).query();
    }
}
