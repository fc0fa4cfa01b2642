package io.digitstudio.ui;

import io.digitstudio.ui.widgets.Contrast;
import io.digitstudio.ui.widgets.Theme;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Cell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * What opens over the window, in every theme, with the colours its looked-up styles give once shown: a drop-down list's
 * items and a menu's read at WCAG AA (4.5:1) on what is behind them (the window under a see-through popup counted as
 * white, as a desktop without compositing shows it); the selected item and the menu item the keyboard is on stand out
 * from the others by 3:1 (WCAG 1.4.11; Primer marks them with greys 1.2 to 1.6:1 from the others, in Primer Dark as in
 * Primer Light), and in high contrast a popup draws nothing outside its frame (its drop shadow,
 * black on black there, made a white box round the list on such a desktop). A dialog has a frame at 3:1 against the
 * window behind it and its own background, in every theme (in high contrast the Preferences dialog was black on black,
 * with no edge at all where the desktop draws none round it).
 */
class PopupContrastTest extends AppStory {
    static final double TEXT = 4.5;
    static final double NON_TEXT = 3;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass FOCUSED = PseudoClass.getPseudoClass("focused");
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.show(stage);
    }

    /** The popup window showing with a node of this style class in it. */
    private static Scene popupWith(String styleClass) throws Exception {
        Scene[] found = new Scene[1];
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof PopupWindow && w.isShowing() && w.getScene() != null && w.getScene().getRoot().lookup("." + styleClass) != null) {
                    found[0] = w.getScene();
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** The colour behind a node's text (its label's, its cell's), as {@link Looks#behind} lays it. */
    private static Color behindText(Node n) {
        Node text = n instanceof Text ? n : n.lookup(".text");
        assertNotNull(text, Looks.name(n) + " has a text");
        return Looks.behind(text, text.getScene());
    }

    private static Color textFill(Node n) {
        Text t = (Text) (n instanceof Text ? n : n.lookup(".text"));
        return Contrast.over((Color) t.getFill(), behindText(n));
    }

    @Test
    void dropDownListsAndMenusFollowTheThemeAtAa(FxRobot robot) throws Exception {
        app.awaitReady();
        List<String> failures = new ArrayList<>();
        StringBuilder figures = new StringBuilder();
        try {
            for (Theme theme : Theme.values()) {
                robot.interact(() -> {
                    app.services.appearance().themeProperty().set(theme);
                    app.services.appearance().scaleProperty().set(150);
                });
                WaitForAsyncUtils.waitForFxEvents();

                // the Train view's data list, MNIST (bundled) selected, the pointer away from it
                robot.interact(() -> app.main.selectTab("trainTab"));
                robot.clickOn("#dataBox");
                Scene list = popupWith("list-view");
                robot.moveTo(stage.getX() + stage.getWidth() - 20, stage.getY() + stage.getHeight() / 2);
                Pulses.settle(2);
                robot.interact(() -> check(theme, "drop-down list", list, ".list-cell", SELECTED, failures, figures));
                robot.type(KeyCode.ESCAPE);
                WaitForAsyncUtils.waitForFxEvents();

                // Draw's Model menu, opened from the keyboard: the keyboard on its first item
                robot.interact(() -> app.main.selectTab("drawTab"));
                WaitForAsyncUtils.waitForFxEvents();
                robot.clickOn("#modelMenu");
                Scene menu = popupWith("context-menu");
                robot.type(KeyCode.DOWN);
                robot.moveTo(stage.getX() + stage.getWidth() - 20, stage.getY() + stage.getHeight() / 2);
                Pulses.settle(2);
                robot.interact(() -> check(theme, "menu", menu, ".menu-item", FOCUSED, failures, figures));
                robot.type(KeyCode.ESCAPE);
                WaitForAsyncUtils.waitForFxEvents();
            }
        } finally {
            robot.interact(() -> {
                app.services.appearance().themeProperty().set(Theme.LIGHT);
                app.services.appearance().scaleProperty().set(100);
            });
        }
        Figures.write("popup-contrast", figures);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void dialogsHaveAFrameAtThreeToOneAgainstTheWindowBehindInEveryTheme(FxRobot robot) throws Exception {
        app.awaitReady();
        List<String> failures = new ArrayList<>();
        StringBuilder figures = new StringBuilder();
        try {
            for (Theme theme : Theme.values()) {
                robot.interact(() -> app.services.appearance().themeProperty().set(theme));
                WaitForAsyncUtils.waitForFxEvents();
                robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesDialog").tryQuery().isPresent());
                Pulses.settle(2);
                robot.interact(() -> {
                    Region pane = robot.lookup("#preferencesDialog").queryAs(Region.class);
                    // behind the dialog: the window's own background
                    Color behind = Looks.behind(stage.getScene().getRoot().getChildrenUnmodifiable().get(0), stage.getScene());
                    Color inside = Looks.behind(pane.getChildrenUnmodifiable().get(0), pane.getScene());
                    javafx.scene.layout.Border border = pane.getBorder();
                    String where = theme.id() + " Preferences";
                    if (border == null || border.getStrokes().isEmpty()) {
                        failures.add(where + ": no frame");
                        figures.append(where + ": no frame\n");
                        return;
                    }
                    var stroke = border.getStrokes().get(0);
                    double width = Math.min(Math.min(stroke.getWidths().getTop(), stroke.getWidths().getBottom()),
                            Math.min(stroke.getWidths().getLeft(), stroke.getWidths().getRight()));
                    boolean atEdge = stroke.getInsets().getTop() <= 0 && stroke.getInsets().getLeft() <= 0;
                    for (javafx.scene.paint.Paint p : List.of(stroke.getTopStroke(), stroke.getRightStroke(), stroke.getBottomStroke(), stroke.getLeftStroke())) {
                        if (!(p instanceof Color c) || c.getOpacity() == 0) {
                            failures.add(where + ": a side of the frame is " + p);
                            continue;
                        }
                        Color edge = Contrast.over(c, inside);
                        double out = Contrast.ratio(edge, behind), in = Contrast.ratio(edge, inside);
                        if (out < NON_TEXT || in < NON_TEXT) {
                            failures.add(String.format(Locale.ROOT, "%s: frame %s is %.2f:1 on the window's %s, %.2f:1 on the dialog's %s", where,
                                    Looks.web(edge), out, Looks.web(behind), in, Looks.web(inside)));
                        }
                    }
                    if (width < 1) failures.add(where + ": the frame is " + width + " px wide");
                    if (!atEdge) failures.add(where + ": the frame is inset from the dialog's edge by " + stroke.getInsets());
                    Color edge = Contrast.over((Color) stroke.getTopStroke(), inside);
                    figures.append(String.format(Locale.ROOT, "%s: frame %s %.0f px, %.2f:1 on the window's %s, %.2f:1 on the dialog's %s%n", where,
                            Looks.web(edge), width, Contrast.ratio(edge, behind), Looks.web(behind), Contrast.ratio(edge, inside), Looks.web(inside)));
                });
                robot.type(KeyCode.ESCAPE);
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());
            }
        } finally {
            robot.interact(() -> app.services.appearance().themeProperty().set(Theme.LIGHT));
        }
        Figures.write("dialog-frames", figures);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * In every theme a table's selected row stands out from every other row by 3:1 at its edge (Primer fills it with a
     * grey of its own palette: 1.55:1 on Primer Dark's background, 1.17:1 on Primer Light's white, 1.7:1 on high
     * contrast's black), whether the table has the keyboard or not; its texts keep their AA contrast (the Train view's
     * classes table, MNIST's ten rows). The cell a drop-down list shows its choice in is a selected cell too
     * (Preferences' lists), and is not marked as a row.
     */
    @Test
    void aSelectedRowStandsOutInEveryTheme(FxRobot robot) throws Exception {
        app.awaitReady();
        List<String> failures = new ArrayList<>();
        StringBuilder figures = new StringBuilder();
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !robot.lookup("#dataClasses").queryAs(javafx.scene.control.TableView.class).getItems().isEmpty());
            for (Theme theme : Theme.values()) {
                robot.interact(() -> app.services.appearance().themeProperty().set(theme));
                WaitForAsyncUtils.waitForFxEvents();
                for (boolean focused : new boolean[]{false, true}) {
                    robot.interact(() -> {
                        var table = robot.lookup("#dataClasses").queryAs(javafx.scene.control.TableView.class);
                        table.getSelectionModel().select(1);
                        if (focused) table.requestFocus();
                        else app.main.tabs().requestFocus();
                    });
                    restyle(robot);
                    robot.interact(() -> selectedRowStandsOut(robot, theme.id() + " classes table" + (focused ? " with the keyboard" : ""), failures, figures));
                }
                robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#preferencesDialog").tryQuery().isPresent());
                restyle(robot);
                robot.interact(() -> {
                    for (String id : List.of("#themeChoice", "#scaleChoice")) {
                        var box = robot.lookup(id).queryAs(javafx.scene.control.ComboBox.class);
                        Region shownChoice = (Region) ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) box.getSkin()).getDisplayNode();
                        Color plain = Looks.behind(shownChoice, shownChoice.getScene());
                        Color drawn = Looks.colourAt(shownChoice, 1, 1, plain);
                        figures.append(theme.id() + " " + id + "'s own cell: " + Looks.web(drawn) + " on " + Looks.web(plain) + "\n");
                        if (!drawn.equals(plain)) failures.add(theme.id() + ": " + id + "'s own cell is marked " + Looks.web(drawn) + " on " + Looks.web(plain));
                    }
                });
                robot.type(KeyCode.ESCAPE);
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());
            }
        } finally {
            robot.interact(() -> app.services.appearance().themeProperty().set(Theme.LIGHT));
        }
        Figures.write("selected-rows", figures);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * Every shown window's styles and layout brought up to date, on the FX thread: what the rows' backgrounds are is
     * CSS's to say (waiting for layout pulses in each window instead could wait for one that a window under load had
     * not asked for).
     */
    private static void restyle(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() != null) {
                    w.getScene().getRoot().applyCss();
                    w.getScene().getRoot().layout();
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The classes table's selected row against each of the others, 1 px inside the row's top left corner (where a frame
     * or a fill shows), and the texts in it on what is behind them.
     */
    private static void selectedRowStandsOut(FxRobot robot, String where, List<String> failures, StringBuilder figures) {
        Region selected = null;
        List<Region> others = new ArrayList<>();
        for (Node n : robot.lookup("#dataClasses .table-row-cell").queryAll()) {
            if (!(n instanceof javafx.scene.control.TableRow<?> row) || row.isEmpty() || !n.isVisible()) continue;
            if (row.getPseudoClassStates().contains(SELECTED)) selected = row;
            else others.add(row);
        }
        assertNotNull(selected, where + ": a selected row");
        assertFalse(others.isEmpty(), where + ": an unselected row");
        Color table = Looks.behind(selected, selected.getScene());
        Color mark = Looks.colourAt(selected, 1, 1, table);
        double stands = Double.MAX_VALUE;
        Color closest = null;
        for (Region other : others) {
            Color plain = Looks.colourAt(other, 1, 1, Looks.behind(other, other.getScene()));
            double r = Contrast.ratio(mark, plain);
            if (r < stands) {
                stands = r;
                closest = plain;
            }
        }
        double lowestText = Double.MAX_VALUE;
        for (Node t : selected.lookupAll(".text")) {
            if (!(t instanceof Text text) || text.getText() == null || text.getText().isBlank()) continue;
            Color bg = Looks.behind(t, t.getScene());
            double r = Contrast.ratio(Contrast.over((Color) text.getFill(), bg), bg);
            lowestText = Math.min(lowestText, r);
            if (r < TEXT) failures.add(String.format(Locale.ROOT, "%s: '%s' in the selected row is %s on %s, %.2f:1", where, text.getText(),
                    Looks.web(Contrast.over((Color) text.getFill(), bg)), Looks.web(bg), r));
        }
        figures.append(String.format(Locale.ROOT, "%s: selected row %s against the others' %s %.2f:1, its texts at %.2f:1 or more%n", where,
                Looks.web(mark), Looks.web(closest), stands, lowestText));
        if (stands < NON_TEXT) failures.add(String.format(Locale.ROOT, "%s: the selected row's %s against another's %s is %.2f:1", where,
                Looks.web(mark), Looks.web(closest), stands));
    }

    /**
     * A popup's items: each one's text on what is behind it, and in high contrast the marked one ({@code marked}: the
     * selected, the focused) against the others, and the popup's window against its frame.
     */
    private static void check(Theme theme, String what, Scene popup, String items, PseudoClass marked, List<String> failures, StringBuilder figures) {
        String where = theme.id() + " " + what;
        List<Node> shown = new ArrayList<>();
        Looks.shown(popup.getRoot(), n -> {
            if (n.getStyleClass().contains(items.substring(1)) && n.lookup(".text") instanceof Text t && t.getText() != null && !t.getText().isBlank()
                    && !(n instanceof Cell<?> c && c.isEmpty())) {
                shown.add(n);
            }
        });
        if (shown.isEmpty()) {
            failures.add(where + ": no items shown");
            return;
        }
        Node mark = null, other = null;
        double lowest = Double.MAX_VALUE;
        for (Node n : shown) {
            double r = Contrast.ratio(textFill(n), behindText(n));
            lowest = Math.min(lowest, r);
            if (r < TEXT) {
                failures.add(String.format(Locale.ROOT, "%s: '%s' %s on %s is %.2f:1", where, ((Text) n.lookup(".text")).getText(),
                        Looks.web(textFill(n)), Looks.web(behindText(n)), r));
            }
            if (n.getPseudoClassStates().contains(marked)) mark = n;
            else if (other == null) other = n;
        }
        Color popupBg = Looks.behind(shown.get(0).getParent(), popup);
        figures.append(String.format(Locale.ROOT, "%s: %d items on %s, lowest text contrast %.2f:1", where, shown.size(), Looks.web(popupBg), lowest));
        if (mark == null || other == null) {
            failures.add(where + ": no " + marked.getPseudoClassName() + " item beside an other one");
        } else {
            double stands = Contrast.ratio(behindText(mark), behindText(other));
            figures.append(String.format(Locale.ROOT, ", %s item %s against %s %.2f:1", marked.getPseudoClassName(), Looks.web(behindText(mark)),
                    Looks.web(behindText(other)), stands));
            if (stands < NON_TEXT) {
                failures.add(String.format(Locale.ROOT, "%s: the %s item's %s against the others' %s is %.2f:1", where, marked.getPseudoClassName(),
                        Looks.web(behindText(mark)), Looks.web(behindText(other)), stands));
            }
        }
        // the popup's frame: its outermost region with a background; the window, its size
        Region frame = frame(popup.getRoot());
        Window w = popup.getWindow();
        double outside = frame == null ? Double.NaN : Math.max(w.getWidth() - frame.getWidth(), w.getHeight() - frame.getHeight());
        figures.append(String.format(Locale.ROOT, ", window %.0f px past its frame%n", outside));
        if (theme == Theme.HIGH_CONTRAST && !(outside < 1)) {
            failures.add(String.format(Locale.ROOT, "%s: the popup's window reaches %.0f px past its frame (%s)", where, outside,
                    frame == null ? "none" : Looks.name(frame)));
        }
    }

    /** The outermost region that paints a background: a list's or a menu's frame. */
    private static Region frame(Node n) {
        if (n instanceof Region r && r.getBackground() != null && !r.getBackground().getFills().isEmpty()
                && r.getBackground().getFills().stream().anyMatch(f -> f.getFill() instanceof Color c && c.getOpacity() > 0)) {
            return r;
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                Region f = frame(c);
                if (f != null) return f;
            }
        }
        return null;
    }
}
