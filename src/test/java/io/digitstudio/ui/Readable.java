package io.digitstudio.ui;

import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.chart.Chart;
import javafx.scene.control.*;
import javafx.scene.image.ImageView;

import java.util.ArrayList;
import java.util.List;

/**
 * What a screen reader can say about a window's controls and pictures, read through the same accessibility
 * attributes JavaFX hands its platform bridge ({@code Node.queryAccessibleAttribute}).
 * <p>
 * A control a user can focus (or one that carries information: progress, a slider, a list or table) needs a name: its
 * own text (a button's, a check box's), the text of a Label whose {@code labelFor} points at it, or an
 * {@code accessibleText}. A picture (a canvas, an image, a chart) needs a text that says what it shows, on itself or
 * on an ancestor that the bridge does not skip (a role other than NODE or PARENT: the bridge leaves those out).
 * A prompt text or a tooltip is not a name: the bridge reads the one as the field's value and the other as help.
 * <p>
 * A control that acts (a button, toggle, check box, combo box, slider, spinner, text field, table or list), a chart and
 * the drawing canvas also need a description, which the bridge reads after the name: their {@code accessibleHelp}, or
 * for a control its tooltip's text ({@code Control} answers the HELP attribute with either).
 */
final class Readable {
    private Readable() {
    }

    /**
     * One window's findings: how many nodes were checked and the ones with nothing to read; how many that act were
     * checked for a description and the ones without one.
     */
    record Findings(int checked, List<String> unnamed, int acting, List<String> undescribed) {
    }

    static Findings check(javafx.scene.Scene scene) {
        List<String> unnamed = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        int[] checked = {0, 0};
        walk(scene.getRoot(), checked, unnamed, undescribed);
        return new Findings(checked[0], unnamed, checked[1], undescribed);
    }

    private static void walk(Node n, int[] checked, List<String> unnamed, List<String> undescribed) {
        if (!n.isVisible() || n.getOpacity() == 0) return;
        if (acts(n)) {
            checked[1]++;
            if (help(n).isBlank()) undescribed.add(describe(n) + (n instanceof Labeled l && l.getText() != null ? " \"" + l.getText() + "\"" : ""));
        }
        boolean descend = true;
        if (isContainer(n) || n instanceof TableRow<?> || n instanceof TreeTableRow<?>
                || n.getClass().getName().equals("impl.org.controlsfx.skin.GridRow")) {
            // a frame around other controls: the tabs, panes, toolbar items and cells inside are what is read
        } else if (n instanceof IndexedCell<?> cell) {
            // a cell beyond the items, or one whose value is nothing (an empty figure), shows nothing to read
            if (cell.isEmpty() || cell.getItem() == null || cell.getItem() instanceof String v && v.isEmpty()) return;
            checked[0]++;
            if (text(cell).isBlank()) {
                unnamed.add(describe(n) + " (a list or table cell showing " + cell.getItem().getClass().getSimpleName() + ")");
                return;
            }
        } else if (n instanceof Control c && needsName(c)) {
            checked[0]++;
            if (name(c).isBlank()) {
                unnamed.add(describe(n));
                return;
            }
            // the parts of a control's skin are read as the control; lists and tables are read cell by cell
            descend = c instanceof ListView<?> || c instanceof TableView<?> || c instanceof TreeView<?> || c instanceof TreeTableView<?>
                    || c instanceof TitledPane || c.getClass().getName().equals("org.controlsfx.control.GridView");
        } else if (isPicture(n)) {
            checked[0]++;
            if (!namedWithin(n)) {
                unnamed.add(describe(n) + " (a picture)");
                return;
            }
        }
        if (descend && n instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) walk(child, checked, unnamed, undescribed);
    }

    /** Controls that only hold others: their tabs, panes and items are read. */
    private static boolean isContainer(Node n) {
        return n instanceof ScrollPane || n instanceof SplitPane || n instanceof TabPane || n instanceof ToolBar
                || n instanceof Accordion || n instanceof MenuBar || n instanceof ButtonBar || n instanceof DialogPane
                || n instanceof Pagination || n instanceof ScrollBar || n instanceof Separator
                || n.getClass().getName().startsWith("org.controlsfx.control.SegmentedButton")
                || n.getClass().getName().startsWith("org.controlsfx.control.StatusBar");
    }

    /** A control a user can reach with Tab, or one whose state is information (progress, a value, a list). */
    private static boolean needsName(Control c) {
        if (c instanceof Label l) return l.getText() == null || l.getText().isEmpty() ? l.getGraphic() != null : false;
        return c.isFocusTraversable() || c instanceof ProgressIndicator || c instanceof Slider || c instanceof ListView<?>
                || c instanceof TableView<?> || c instanceof TreeView<?> || c instanceof TreeTableView<?>
                || c.getClass().getName().equals("org.controlsfx.control.GridView");
    }

    /**
     * A control a user acts on or reads through (buttons, toggles, check boxes, combo boxes, sliders, spinners, text
     * fields, tables, lists, galleries), a chart (a JavaFX chart, a live chart, the Sweeps chart's picture) or the drawing
     * canvas.
     */
    static boolean acts(Node n) {
        if (n instanceof ButtonBase || n instanceof ComboBoxBase<?> || n instanceof ChoiceBox<?> || n instanceof Slider || n instanceof Spinner<?>
                || n instanceof TextInputControl || n instanceof TableView<?> || n instanceof ListView<?> || n instanceof TreeView<?>
                || n instanceof TreeTableView<?> || n.getClass().getName().equals("org.controlsfx.control.GridView")) {
            // the parts a control's skin is made of (a combo box's arrow, a spinner's field) are described by the control
            for (Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ComboBoxBase<?> || p instanceof Spinner<?> || p instanceof ChoiceBox<?>) return false;
            }
            return true;
        }
        if (n instanceof Chart || n instanceof io.digitstudio.ui.widgets.LiveChart) return true;
        if (n instanceof ImageView && n.getId() != null && n.getId().endsWith("Chart")) return true;
        return n instanceof Canvas && "drawCanvas".equals(n.getId());
    }

    /** What the bridge reads as the node's description (HELP: its accessibleHelp; a control's tooltip otherwise). */
    static String help(Node n) {
        Object h = n.queryAccessibleAttribute(AccessibleAttribute.HELP);
        return h instanceof String s ? s : "";
    }

    /** A drawing, an image or a chart with something in it. */
    private static boolean isPicture(Node n) {
        if (n instanceof Chart) return true;
        var b = n.getLayoutBounds();
        if (b.getWidth() <= 0 || b.getHeight() <= 0) return false;
        if (n instanceof Canvas) return true;
        return n instanceof ImageView iv && iv.getImage() != null;
    }

    /** A control's name as the bridge reads it. */
    static String name(Control c) {
        String own = c.getAccessibleText();
        if (own != null && !own.isBlank()) return own;
        if (c instanceof Labeled) {
            String t = text(c);
            if (!t.isBlank()) return t;
        }
        Object by = c.queryAccessibleAttribute(AccessibleAttribute.LABELED_BY);
        if (by instanceof Node label) return text(label);
        return "";
    }

    /** The TEXT attribute (a Labeled's skin gives its accessible text, else its text, else its graphic's). */
    static String text(Node n) {
        Object t = n.queryAccessibleAttribute(AccessibleAttribute.TEXT);
        return t instanceof String s ? s : "";
    }

    /** Is there a text for this picture on it or an ancestor the bridge shows? */
    private static boolean namedWithin(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            Object role = p.queryAccessibleAttribute(AccessibleAttribute.ROLE);
            if (role == null || role == AccessibleRole.NODE || role == AccessibleRole.PARENT) continue;
            if (!text(p).isBlank()) return true;
        }
        return false;
    }

    static String describe(Node n) {
        String what = n.getClass().getSimpleName().isEmpty() ? n.getClass().getSuperclass().getSimpleName() : n.getClass().getSimpleName();
        String id = n.getId() != null ? "#" + n.getId() : "";
        Node p = n.getParent();
        while (p != null && p.getId() == null) p = p.getParent();
        String where = p != null ? " in #" + p.getId() : "";
        String style = n.getStyleClass().isEmpty() ? "" : " ." + String.join(".", n.getStyleClass());
        return what + id + style + where;
    }
}
