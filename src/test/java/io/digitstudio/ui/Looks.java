package io.digitstudio.ui;

import io.digitstudio.ui.widgets.Contrast;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** What a window shows, measured: text cut to "…", and text's contrast with what is behind it. */
final class Looks {
    private Looks() {
    }

    /** Every node shown (it and its ancestors visible, inside the window), depth first. */
    static void shown(Node n, Consumer<Node> visit) {
        if (!n.isVisible() || n.getOpacity() == 0) return;
        visit.accept(n);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) shown(c, visit);
    }

    /** Is {@code n} on screen: inside the scene's area, with a size. */
    static boolean onScreen(Node n) {
        var b = n.localToScene(n.getLayoutBounds());
        Scene s = n.getScene();
        return b.getWidth() > 0 && b.getHeight() > 0 && b.getMaxX() > 0 && b.getMaxY() > 0 && b.getMinX() < s.getWidth() && b.getMinY() < s.getHeight();
    }

    /** The text a Labeled means to show (mnemonic underscores removed). */
    static String meant(Labeled l) {
        String t = l.getText();
        if (t == null) return "";
        if (l.isMnemonicParsing()) {
            int i = t.indexOf('_');
            if (i >= 0 && i + 1 < t.length()) t = t.substring(0, i) + t.substring(i + 1);
        }
        return t;
    }

    /** How many Labeled nodes with a text are shown: what {@link #cut} looked at. */
    static int labels(Scene scene) {
        int[] n = {0};
        shown(scene.getRoot(), x -> {
            if (x instanceof Labeled l && !meant(l).isEmpty() && onScreen(l)) n[0]++;
        });
        return n[0];
    }

    /** Labeled nodes shown with less than their text (JavaFX's "…"), as "id or class: 'meant' shown as 'shown'". */
    static List<String> cut(Scene scene) {
        List<String> out = new ArrayList<>();
        shown(scene.getRoot(), n -> {
            if (!(n instanceof Labeled l) || meant(l).isEmpty() || !onScreen(l)) return;
            Node shownText = l.lookup(".text");
            if (!(shownText instanceof Text t) || t.getParent() != l && !isSkinChild(t, l)) return;
            if (!t.getText().equals(meant(l))) out.add(name(l) + ": '" + meant(l) + "' shown as '" + t.getText() + "'");
        });
        return out;
    }

    /** The cut texts of the Labeled nodes shown inside {@code root} (it included), as {@link #cut(Scene)} names them. */
    static List<String> cutIn(Node root) {
        List<String> out = new ArrayList<>();
        shown(root, n -> {
            if (!(n instanceof Labeled l) || meant(l).isEmpty() || !onScreen(l)) return;
            Node shownText = l.lookup(".text");
            if (!(shownText instanceof Text t) || t.getParent() != l && !isSkinChild(t, l)) return;
            if (!t.getText().equals(meant(l))) out.add(name(l) + ": '" + meant(l) + "' shown as '" + t.getText() + "'");
        });
        return out;
    }

    /** The cut texts of the nodes with these ids (or inside them), as {@link #cut(Scene)} names them. */
    static List<String> cut(Scene scene, String... ids) {
        List<String> out = new ArrayList<>();
        for (String c : cut(scene)) {
            for (String id : ids) if (c.contains("#" + id)) out.add(c);
        }
        return out;
    }

    /**
     * Labeled nodes cut at an edge: shown, but with part of their box outside what their ancestors let show (a clip that
     * is not a scroll pane's or a list's, which the user scrolls) or outside the window; as "name: 'text' cut at the
     * bottom (y > edge)". A row of a list or a control in a scroll pane half in view is not cut: it scrolls.
     */
    static List<String> clipped(Scene scene) {
        List<String> out = new ArrayList<>();
        shown(scene.getRoot(), n -> {
            if (!(n instanceof Labeled l) || meant(l).isEmpty() || !onScreen(l)) return;
            var b = l.localToScene(l.getLayoutBounds());
            double top = 0, left = 0, bottom = scene.getHeight(), right = scene.getWidth();
            // inside a list's, table's or scroll pane's view, what is out of sight is reached by its scroll bars, in
            // the directions it has one: a column under the vertical bar of a table that does not scroll sideways is cut
            boolean across = false, down = false;
            for (Node p = l.getParent(); p != null; p = p.getParent()) {
                if (p.getClip() == null) continue;
                if (scrolls(p)) return; // the user scrolls to what is out of view
                Node scroller = viewOf(p);
                if (scroller != null) {
                    across |= scrollsWith(scroller, javafx.geometry.Orientation.HORIZONTAL);
                    down |= scrollsWith(scroller, javafx.geometry.Orientation.VERTICAL);
                }
                var c = p.localToScene(p.getClip().getBoundsInParent());
                top = Math.max(top, c.getMinY());
                left = Math.max(left, c.getMinX());
                bottom = Math.min(bottom, c.getMaxY());
                right = Math.min(right, c.getMaxX());
            }
            if (down) {
                top = Double.NEGATIVE_INFINITY;
                bottom = Double.POSITIVE_INFINITY;
            }
            if (across) {
                left = Double.NEGATIVE_INFINITY;
                right = Double.POSITIVE_INFINITY;
            }
            String text = meant(l).length() > 40 ? meant(l).substring(0, 40) + "…" : meant(l);
            if (b.getMaxY() > bottom + 1) out.add(name(l) + ": '" + text + "' cut at the bottom (" + Math.round(b.getMaxY()) + " > " + Math.round(bottom) + ")");
            else if (b.getMinY() < top - 1) out.add(name(l) + ": '" + text + "' cut at the top (" + Math.round(b.getMinY()) + " < " + Math.round(top) + ")");
            else if (b.getMaxX() > right + 1) out.add(name(l) + ": '" + text + "' cut at the right (" + Math.round(b.getMaxX()) + " > " + Math.round(right) + ")");
            else if (b.getMinX() < left - 1) out.add(name(l) + ": '" + text + "' cut at the left (" + Math.round(b.getMinX()) + " < " + Math.round(left) + ")");
        });
        return out;
    }

    /**
     * A clipping node that the user scrolls in both directions, or whose scrolling is not a scroll bar's: a table's
     * header (it scrolls sideways with its rows), a tab strip too wide (it scrolls and has a menu of the tabs). A scroll
     * pane's or a flow's view is judged by its scroll bars ({@link #viewOf}).
     */
    private static boolean scrolls(Node clipping) {
        Node parent = clipping.getParent();
        return clipping instanceof javafx.scene.control.ScrollPane || clipping instanceof javafx.scene.control.skin.VirtualFlow<?>
                || clipping.getClass().getName().contains("TableHeaderRow") || parent != null && parent.getClass().getName().contains("TableHeaderRow")
                || clipping.getClass().getName().contains("TabHeaderArea") || parent != null && parent.getClass().getName().contains("TabHeaderArea");
    }

    /** The scroll pane or list/table flow whose view a clipping node is, or null. */
    private static Node viewOf(Node clipping) {
        Node parent = clipping.getParent();
        if (parent instanceof javafx.scene.control.ScrollPane || parent instanceof javafx.scene.control.skin.VirtualFlow<?>) return parent;
        return null;
    }

    /** Whether a scroll pane or flow shows a scroll bar of this orientation: what it cuts that way, the user scrolls to. */
    private static boolean scrollsWith(Node scroller, javafx.geometry.Orientation o) {
        if (!(scroller instanceof Parent p)) return false;
        for (Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.control.ScrollBar b && b.getOrientation() == o && b.isVisible()) return true;
        }
        return false;
    }

    /**
     * Tables shown wider than their view: a sideways scroll bar shown, or columns together wider than the room beside
     * the vertical scroll bar (a column past the right edge, which the user has to scroll to); as "table: why (each
     * column's title and width)". A table with no rows is measured too: its titles are what the user reads then.
     */
    static List<String> sideways(Scene scene) {
        List<String> out = new ArrayList<>();
        shown(scene.getRoot(), n -> {
            if (!(n instanceof javafx.scene.control.TableView<?> t) || !onScreen(t)) return;
            double bar = 0;
            boolean across = false;
            for (Node b : t.lookupAll(".scroll-bar")) {
                if (!(b instanceof javafx.scene.control.ScrollBar sb) || !sb.isVisible() || !(sb.getParent() instanceof javafx.scene.control.skin.VirtualFlow<?>)) continue;
                if (sb.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) across = true;
                else bar = sb.getWidth();
            }
            double room = t.getWidth() - t.snappedLeftInset() - t.snappedRightInset() - bar;
            double total = 0;
            StringBuilder columns = new StringBuilder();
            for (var c : t.getVisibleLeafColumns()) {
                total += c.getWidth();
                columns.append(columns.length() == 0 ? "" : ", ").append(c.getText()).append(' ').append(Math.round(c.getWidth()));
            }
            String rows = t.getItems() == null ? "0" : String.valueOf(t.getItems().size());
            // a table wider than the pane that shows it: its right columns are out of sight behind that pane's scroll
            double right = t.localToScene(t.getLayoutBounds()).getMaxX(), edge = scene.getWidth();
            for (Node p = t.getParent(); p != null; p = p.getParent()) {
                if (p.getClip() != null) edge = Math.min(edge, p.localToScene(p.getClip().getBoundsInParent()).getMaxX());
            }
            if (right > edge + 1) {
                out.add(name(t) + ": runs past the right edge of what shows it (" + Math.round(right) + " > " + Math.round(edge) + "; " + rows + " rows; columns "
                        + columns + ")");
            }
            if (across) {
                out.add(name(t) + ": a sideways scroll bar (" + rows + " rows; columns " + columns + " = " + Math.round(total) + " px in " + Math.round(room) + ")");
            } else if (total > room + 1) {
                out.add(name(t) + ": columns " + Math.round(total) + " px wide in " + Math.round(room) + " (" + rows + " rows; " + columns + ")");
            }
        });
        return out;
    }

    /** How many tables with rows {@link #sideways} looked at, and how many rows they held: what the check meant. */
    static int[] tablesWithRows(Scene scene) {
        int[] n = {0, 0};
        shown(scene.getRoot(), x -> {
            if (x instanceof javafx.scene.control.TableView<?> t && onScreen(t) && t.getItems() != null && !t.getItems().isEmpty()) {
                n[0]++;
                n[1] += t.getItems().size();
            }
        });
        return n;
    }

    /**
     * Combo and choice boxes whose chosen item (or prompt) shows cut: the text the box's own cell or label shows against
     * the text it holds (a box's own button cell may say its value its own way), or, where it holds none, the text its
     * converter gives its value; as "box: 'meant' shown as 'shown'".
     */
    static List<String> cutPickers(Scene scene) {
        List<String> out = new ArrayList<>();
        shown(scene.getRoot(), n -> {
            Labeled shown = pickerLabel(n);
            if (shown == null || !onScreen(n)) return;
            String meant = pickerMeant(n, shown);
            if (meant.isEmpty()) return;
            String seen = shown.lookup(".text") instanceof Text t ? t.getText() : null;
            if (!meant.equals(seen)) out.add(name(n) + ": '" + meant + "' shown as '" + seen + "'");
        });
        return out;
    }

    /** How many combo and choice boxes with a text {@link #cutPickers} looked at. */
    static int pickers(Scene scene) {
        int[] n = {0};
        shown(scene.getRoot(), x -> {
            Labeled shown = pickerLabel(x);
            if (shown != null && onScreen(x) && !pickerMeant(x, shown).isEmpty()) n[0]++;
        });
        return n[0];
    }

    /** The cell a combo box shows its choice in, or the label of a choice box; null for other nodes. */
    private static Labeled pickerLabel(Node n) {
        if (!(n instanceof javafx.scene.control.ComboBox<?> || n instanceof javafx.scene.control.ChoiceBox<?>)) return null;
        for (Node c : ((Parent) n).getChildrenUnmodifiable()) if (c instanceof Labeled l) return l;
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String pickerMeant(Node box, Labeled shown) {
        String text = meant(shown);
        if (!text.isEmpty()) return text;
        Object value = box instanceof javafx.scene.control.ComboBox<?> c ? c.getValue() : ((javafx.scene.control.ChoiceBox<?>) box).getValue();
        javafx.util.StringConverter converter = box instanceof javafx.scene.control.ComboBox<?> c ? c.getConverter() : ((javafx.scene.control.ChoiceBox<?>) box).getConverter();
        if (value == null) return box instanceof javafx.scene.control.ComboBox<?> c && c.getPromptText() != null ? c.getPromptText() : "";
        String s = converter == null ? value.toString() : converter.toString(value);
        return s == null ? "" : s;
    }

    /**
     * Toolbar controls out of sight: a toolbar's "»" overflow button shown (what does not fit hides behind it), or a
     * toolbar's item running past the window's edge; as "where: what".
     */
    static List<String> hiddenByBars(Scene scene) {
        List<String> out = new ArrayList<>();
        shown(scene.getRoot(), n -> {
            if (n.getStyleClass().contains("tool-bar-overflow-button") && onScreen(n)) {
                out.add(name(n) + ": controls hidden behind the toolbar's overflow button");
            }
            if (n.getParent() != null && n.getParent().getStyleClass().contains("tool-bar") && n.isManaged()) {
                var b = n.localToScene(n.getLayoutBounds());
                if (b.getWidth() > 0 && (b.getMaxX() > scene.getWidth() + 0.5 || b.getMaxY() > scene.getHeight() + 0.5)) {
                    out.add(name(n) + ": past the window's edge at " + b.getMaxX() + "," + b.getMaxY());
                }
            }
        });
        return out;
    }

    /**
     * Tick labels that overlap in the charts shown: each LiveChart's labels as it drew them, and each JavaFX chart's
     * axis labels it shows (the Text nodes of its axes), compared pairwise within a chart, as "chart: 'a' over 'b'".
     */
    static List<String> overlappingTicks(Scene scene) {
        List<String> out = new ArrayList<>();
        shown(scene.getRoot(), n -> {
            List<String> texts = new ArrayList<>();
            List<javafx.geometry.Bounds> boxes = new ArrayList<>();
            if (n instanceof io.digitstudio.ui.widgets.LiveChart c && onScreen(c)) {
                for (var t : c.tickLabels()) {
                    texts.add(t.text());
                    boxes.add(c.canvas().localToScene(t.bounds()));
                }
            } else if (n instanceof javafx.scene.chart.XYChart<?, ?> c && onScreen(c)) {
                for (javafx.scene.chart.Axis<?> a : List.of(c.getXAxis(), c.getYAxis())) {
                    if (!a.isVisible() || !a.isTickLabelsVisible()) continue;
                    for (Node t : a.getChildrenUnmodifiable()) {
                        if (t instanceof Text text && t.isVisible() && text.getText() != null && !text.getText().isBlank()) {
                            texts.add(text.getText());
                            boxes.add(t.localToScene(t.getLayoutBounds()));
                        }
                    }
                }
            } else {
                return;
            }
            for (int i = 0; i < boxes.size(); i++) {
                for (int j = i + 1; j < boxes.size(); j++) {
                    var a = boxes.get(i);
                    var b = boxes.get(j);
                    double across = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
                    double down = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
                    if (across > 0 && down > 0) {
                        out.add(name(n) + ": tick label '" + texts.get(i) + "' over '" + texts.get(j) + "' ("
                                + String.format(Locale.ROOT, "%.1f x %.1f px", across, down) + ")");
                    }
                }
            }
        });
        return out;
    }

    private static boolean isSkinChild(Node t, Labeled l) {
        return t.getParent() != null && t.getParent().getParent() == l;
    }

    static String name(Node n) {
        String where = n.getId() != null ? "#" + n.getId() : n.getStyleClass().isEmpty() ? n.getClass().getSimpleName() : "." + String.join(".", n.getStyleClass());
        Node p = n.getParent();
        while (p != null && p.getId() == null) p = p.getParent();
        return (p != null ? "#" + p.getId() + " " : "") + where;
    }

    /** One text's measured contrast; {@code kind} is what sort of text it is ({@link #kind}). */
    record Reading(String kind, String what, String text, Color fg, Color bg, double ratio) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s '%s' %s on %s: %.2f:1", what, text, web(fg), web(bg), ratio);
        }
    }

    /**
     * What sort of text a node is, from the controls it sits in: "selected row" (a cell of a list's or table's selected
     * row), "table cell", "table header", "axis" (a chart's axis names and, drawn in their colour, its tick labels),
     * "status" (a status bar's), "tab", "field", "button", "label" or "text".
     */
    static String kind(Node n) {
        boolean selectedRow = false, cell = false, header = false, axis = false, status = false, tab = false, field = false, button = false,
                label = false;
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.IndexedCell<?> c && !(c.getParent() instanceof javafx.scene.control.ComboBoxBase<?>)) {
                cell = true;
                selectedRow |= c.isSelected();
            }
            var classes = p.getStyleClass();
            header |= classes.contains("column-header");
            axis |= classes.contains("axis-label") || p instanceof javafx.scene.chart.Axis<?>;
            status |= classes.contains("status-bar");
            tab |= classes.contains("tab");
            field |= p instanceof javafx.scene.control.TextInputControl;
            button |= p instanceof javafx.scene.control.ButtonBase || p instanceof javafx.scene.control.ComboBoxBase<?>;
            label |= p instanceof Labeled;
        }
        return selectedRow ? "selected row" : cell ? "table cell" : header ? "table header" : axis ? "axis" : status ? "status" : tab ? "tab"
                : field ? "field" : button ? "button" : label ? "label" : "text";
    }

    /** Every shown, enabled text's colour against the colours laid beneath it. */
    static List<Reading> contrast(Scene scene) {
        List<Reading> out = new ArrayList<>();
        shown(scene.getRoot(), n -> {
            if (!(n instanceof Text t) || t.getText() == null || t.getText().isBlank() || !onScreen(t) || t.isDisabled()) return;
            if (!(t.getFill() instanceof Color fg) || faded(t)) return;
            Color bg = behind(t, scene);
            if (bg == null) return;
            Color fgOver = Contrast.over(fg, bg);
            out.add(new Reading(kind(t), name(t.getParent() != null ? t.getParent() : t), t.getText().length() > 30 ? t.getText().substring(0, 30) + "…" : t.getText(),
                    fgOver, bg, Contrast.ratio(fgOver, bg)));
        });
        return out;
    }

    /** An ancestor drawn see-through (a faded curve, a hidden-while-empty part): not text meant to be read as is. */
    private static boolean faded(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (p.getOpacity() < 1) return true;
        return false;
    }

    /** The colour under a node: the scene's fill, then each ancestor's topmost background colour, laid over each other. */
    static Color behind(Node n, Scene scene) {
        List<Node> chain = new ArrayList<>();
        for (Node p = n.getParent(); p != null; p = p.getParent()) chain.add(0, p);
        Color c = scene.getFill() instanceof Color f && f.getOpacity() == 1 ? f : Color.WHITE;
        for (Node p : chain) {
            if (!(p instanceof Region r)) continue;
            Background b = r.getBackground();
            if (b == null) continue;
            for (BackgroundFill f : b.getFills()) {
                // fills inset past the middle cover no text (a control's outline drawn as a larger fill behind)
                if (f.getInsets().getTop() * 2 >= r.getHeight() || f.getInsets().getLeft() * 2 >= r.getWidth()) continue;
                if (f.getFill() instanceof Color fc && fc.getOpacity() > 0) c = Contrast.over(fc, c);
            }
        }
        return c;
    }

    /** The colour a region's own fills paint at ({@code x}, {@code y}) over {@code under}, and its cells' too. */
    static Color colourAt(Region r, double x, double y, Color under) {
        Color c = under;
        if (r.getBackground() != null) {
            for (var f : r.getBackground().getFills()) {
                var in = f.getInsets();
                boolean covers = x >= in.getLeft() && y >= in.getTop() && x < r.getWidth() - in.getRight() && y < r.getHeight() - in.getBottom();
                if (covers && f.getFill() instanceof Color fc && fc.getOpacity() > 0) c = Contrast.over(fc, c);
            }
        }
        for (Node n : r.getChildrenUnmodifiable()) {
            if (n instanceof Region cell && n.isVisible() && n.getBoundsInParent().contains(x, y)) {
                c = colourAt(cell, x - cell.getLayoutX(), y - cell.getLayoutY(), c);
            }
        }
        return c;
    }

    static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }
}
