package io.digitstudio.ui;

import io.digitstudio.ui.train.RunState;
import io.digitstudio.ui.widgets.Contrast;
import io.digitstudio.ui.widgets.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Control;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
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
 * A disabled check box, text field, drop-down or label still reads, as a disabled button does: its text against what
 * lies under it, both as drawn (faded by the control's opacity over what is behind it), at 3:1 at least in every theme,
 * and at AA's 4.5:1 in high contrast; a ticked box fades no more than its text. The Train form while a run is paused,
 * all of it locked but the optimizer's values: a user reads there what the paused run trains with (Primer faded it to
 * 40 %, and a ticked box to 16 %, while disabled buttons read at 60 %). The form's own labels count too: a field's
 * name, a section's heading in the accent colour, a muted hint (Primer's 40 % left them 1.8 to 2.3:1 in Primer Light),
 * and its tables' column titles and values, which fade as the labels do (Primer left the values at 40 %, 2.35:1).
 * An empty field's prompt is a hint, not a value, and is not measured.
 */
class DisabledFieldsContrastTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.show(stage);
    }

    @Test
    void aDisabledCheckBoxesAndFieldsTextReadsAtThreeToOneInEveryTheme(FxRobot robot) throws Exception {
        app.awaitReady();
        var run = app.main.train().run();
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "40");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> run.stateProperty().get() == RunState.RUNNING && run.currentLoop() != null);
        robot.clickOn("#pauseButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> run.stateProperty().get() == RunState.PAUSED);
        List<String> failures = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        try {
            for (Theme theme : List.of(Theme.LIGHT, Theme.DARK, Theme.HIGH_CONTRAST)) {
                robot.interact(() -> app.services.appearance().themeProperty().set(theme));
                Pulses.settle();
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> measure(theme, failures, seen));
            }
        } finally {
            robot.interact(() -> app.services.appearance().themeProperty().set(Theme.LIGHT));
            robot.clickOn("#stopButton");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> run.stateProperty().get().canStart());
        }
        for (String kind : List.of("check box", "text field", "text area", "drop-down", "label", "heading", "hint", "table title", "table value")) {
            assertTrue(seen.stream().anyMatch(s -> s.contains(" " + kind + " ")), kind + " measured disabled: " + String.join("\n", seen));
        }
        assertEquals(List.of(), failures, "measured: " + String.join("\n", seen));
    }

    private void measure(Theme theme, List<String> failures, List<String> seen) {
        Scene scene = stage.getScene();
        Looks.shown(scene.getRoot(), n -> {
            if (!(n instanceof CheckBox || n instanceof TextInputControl || n instanceof ComboBoxBase || formLabel(n) || formTableCell(n)) || !n.isDisabled()) return;
            Control c = (Control) n;
            // a field scrolled out of the form's view counts too: scrolled to, it reads as it is drawn
            if (c.getWidth() <= 0 || c.getHeight() <= 0) return;
            // a drop-down's text is its button cell's, the skin's display node
            Labeled shows = c instanceof ComboBox<?> box && box.getSkin() instanceof javafx.scene.control.skin.ComboBoxListViewSkin<?> skin
                    && skin.getDisplayNode() instanceof Labeled cell ? cell : c instanceof Labeled l ? l : null;
            String meant = shows != null ? Looks.meant(shows) : c instanceof TextInputControl f ? f.getText() : null;
            if (meant == null || meant.isBlank()) return;
            Text t = text(shows != null ? shows : c, meant);
            if (t == null || !(t.getFill() instanceof Color fg)) return;
            double o = opacity(t);
            Color under = Looks.behind(c, scene);
            // a field's own fill (its frame is a larger fill behind it); a check box's text lies on the pane, a label's
            // on its own fill if it has one (the form's problem, on the danger colour's subtle tint)
            Color fill = c instanceof TextInputControl || c instanceof ComboBoxBase || c instanceof Label ? fills(c, under) : under;
            Color text = faded(Contrast.over(fg, fill), o, under);
            Color ground = faded(fill, o, under);
            double ratio = Contrast.ratio(text, ground);
            String line = String.format(Locale.ROOT, "%s %s %s '%s' %s on %s (opacity %.2f): %.2f:1", theme.id(), kind(c), Looks.name(c),
                    meant.length() > 30 ? meant.substring(0, 30) + "…" : meant, Looks.web(text), Looks.web(ground), o, ratio);
            seen.add(line);
            if (ratio < (theme == Theme.HIGH_CONTRAST ? 4.5 : 3)) failures.add(line);
            // a ticked box says the setting is on: it fades as its text does, not more (Primer faded it twice, to 16 %)
            // a table's column titles and values fade as the form's labels do, to 60 %, not again with their table
            if (kind(c).startsWith("table ") && Math.abs(o - 0.6) > 1e-9) {
                failures.add(String.format(Locale.ROOT, "%s %s %s '%s': drawn at %.2f, a disabled label at 0.60", theme.id(), kind(c), Looks.name(c), meant, o));
            }
            if (c instanceof CheckBox b && b.isSelected() && b.lookup(".box") instanceof Region box && opacity(box) < o - 1e-9) {
                failures.add(String.format(Locale.ROOT, "%s %s: its ticked box drawn at %.2f, its text at %.2f", theme.id(), Looks.name(c), opacity(box), o));
            }
        });
    }

    /** The opacity {@code n} is drawn at: its own and its ancestors'. */
    private static double opacity(Node n) {
        double o = 1;
        for (Node p = n; p != null; p = p.getParent()) o *= p.getOpacity();
        return o;
    }

    private static String kind(Control c) {
        return c instanceof CheckBox ? "check box" : c instanceof javafx.scene.control.TextArea ? "text area" : c instanceof TextInputControl ? "text field"
                : c instanceof ComboBoxBase ? "drop-down" : c.getStyleClass().contains("section") ? "heading" : c.getStyleClass().contains("hint") ? "hint"
                : columnTitle(c) ? "table title" : c instanceof javafx.scene.control.TableCell<?, ?> ? "table value" : "label";
    }

    /** A value of one of the Train form's tables (the data's classes, the network's layers). */
    private static boolean formTableCell(Node n) {
        if (!(n instanceof javafx.scene.control.TableCell<?, ?> cell) || cell.getTableView() == null) return false;
        for (Node p = cell.getTableView().getParent(); p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("settings")) return true;
            if (p instanceof Control) return false;
        }
        return false;
    }

    /**
     * A label of the Train form's own (a field's name, a heading, a hint, a message, a table's column title), not one
     * inside another control.
     */
    private static boolean formLabel(Node n) {
        if (!(n instanceof Label)) return false;
        boolean title = columnTitle(n);
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("settings")) return true;
            if (p instanceof Control && !(title && p instanceof javafx.scene.control.TableView<?>)) return false;
        }
        return false;
    }

    /** A table's column title: the label of a column's header. */
    private static boolean columnTitle(Node n) {
        return n instanceof Label && n.getParent() != null && n.getParent().getStyleClass().contains("column-header");
    }

    /** The text node that shows {@code meant} in {@code c}'s skin (a field's first line, for a text area). */
    private static Text text(Node c, String meant) {
        String first = meant.lines().findFirst().orElse("");
        for (Node n : c.lookupAll(".text")) {
            if (n instanceof Text t && t.isVisible() && t.getText() != null && !t.getText().isBlank() && (meant.startsWith(t.getText().strip()) || t.getText().startsWith(first))) return t;
        }
        return null;
    }

    private static Color fills(Region r, Color under) {
        Color fill = under;
        if (r.getBackground() == null) return fill;
        for (BackgroundFill f : r.getBackground().getFills()) {
            if (f.getInsets().getTop() * 2 >= r.getHeight() || f.getInsets().getLeft() * 2 >= r.getWidth()) continue;
            if (f.getFill() instanceof Color fc && fc.getOpacity() > 0) fill = Contrast.over(fc, fill);
        }
        return fill;
    }

    /** {@code c} laid at {@code opacity} over {@code under}. */
    private static Color faded(Color c, double opacity, Color under) {
        return Contrast.over(Color.color(c.getRed(), c.getGreen(), c.getBlue(), opacity), under);
    }
}
