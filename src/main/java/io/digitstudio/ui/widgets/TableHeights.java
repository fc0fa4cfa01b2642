package io.digitstudio.ui.widgets;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

/**
 * A table's height measured from its rows as laid out: its header, each row (rows whose values wrap are taller than
 * others) and a sideways scroll bar if it shows. JavaFX's tables have no height of their own but a fixed guess; these
 * measures let a short table take the room its rows need, in a scroll pane or beside a divider.
 */
public final class TableHeights {
    private static final String KEY = TableHeights.class.getName();

    private TableHeights() {
    }

    /**
     * Keeps the table as high as its header and all its rows, so that it never scrolls up and down by itself: inside a
     * scroll pane the user scrolls one pane, not a table within it. The height is measured again after every layout
     * pass (new rows, a new width that wraps values into more or fewer lines, another font) until it holds its rows.
     * With no rows it keeps room for its placeholder.
     */
    public static void growToRows(TableView<?> table) {
        Runnable fit = () -> fitToRows(table);
        table.needsLayoutProperty().addListener((o, a, needs) -> {
            if (!needs) later(table, fit);
        });
        table.getItems().addListener((javafx.collections.ListChangeListener<Object>) c -> table.requestLayout());
    }

    /**
     * Keeps the table high enough for its header and {@code least} rows, and wanting room for {@code wanted}, measured
     * from its rows as laid out in the font in force (an em-based height held fewer rows at a large UI scale, whose
     * rows and two-line header grow more than the em: one or two rows at 150 %). Measured again after every layout
     * pass until it holds. With no row to measure, it keeps the room of its header as laid out and rows as high as
     * its rows were in this font, or rows of a dense table's 2 em before any came: as high as it is once the rows come,
     * so that the first row moves nothing (a header and rows estimated in em kept 6 px more at 100 %, 15 px more at
     * 150 %, and the charts above the epoch table grew and shrank by that as a run's first epoch came, and again as the
     * next run emptied the table). Before it is styled, it keeps the room of {@link #estimate}, as high as the room kept
     * for it before it is made (so that nothing moves when it takes that room's place).
     */
    public static void forRows(TableView<?> table, int least, int wanted) {
        Runnable fit = () -> {
            boolean measured = hasRows(table);
            double em = em(table);
            double row = measured ? 0 : table.getProperties().get(KEY + ".row") instanceof double[] r && r[0] == em ? r[1] : 2 * em;
            double min = measured ? asLaidOut(table, least) : forRows(table, least, row);
            double pref = measured ? asLaidOut(table, wanted) : forRows(table, wanted, row);
            if (measured) table.getProperties().put(KEY + ".row", new double[]{em, rows(table).values().stream().mapToDouble(Double::doubleValue).min().orElse(2 * em)});
            if (min <= 0 || pref <= 0) {
                min = estimate(em, least);
                pref = estimate(em, wanted);
            }
            if (Math.abs(table.getMinHeight() - min) >= 0.5) table.setMinHeight(min);
            if (Math.abs(table.getPrefHeight() - pref) >= 0.5) table.setPrefHeight(pref);
        };
        table.needsLayoutProperty().addListener((o, a, needs) -> {
            if (!needs) later(table, fit);
        });
        fit.run();
    }

    /**
     * Runs {@code r} once after the events of this moment, however often asked: a size set while its parents are
     * being laid out is lost with the layout pass under way, and the parents are not laid out again.
     */
    public static void later(Node owner, Runnable r) {
        String key = KEY + ".later." + System.identityHashCode(r);
        if (Boolean.TRUE.equals(owner.getProperties().get(key))) return;
        owner.getProperties().put(key, true);
        javafx.application.Platform.runLater(() -> {
            owner.getProperties().remove(key);
            r.run();
        });
    }

    private static void fitToRows(TableView<?> table) {
        int n = table.getItems().size();
        double header = header(table);
        if (header <= 0) return;
        double content;
        if (n == 0) {
            content = table.getPlaceholder() instanceof Region p ? p.prefHeight(table.getWidth()) + 2 * em(table) : 4 * em(table);
        } else {
            // the rows laid out now, by index; those not laid out (below the table's bottom) are as high as the average
            java.util.Map<Integer, Double> rows = rows(table);
            if (rows.isEmpty()) return;
            double sum = 0;
            for (double h : rows.values()) sum += h;
            content = sum + (n - rows.size()) * (sum / rows.size());
        }
        double height = Math.ceil(table.snappedTopInset() + header + content + sidewaysBar(table) + table.snappedBottomInset() + 1);
        Object before = table.getProperties().get(KEY);
        if (before instanceof Double b && Math.abs(b - height) < 0.5) return;
        table.getProperties().put(KEY, height);
        table.setMinHeight(height);
        table.setPrefHeight(height);
    }

    /**
     * The height a table needs for its header, {@code rows} rows as high as its lowest row laid out (or 2.2 em before
     * any is) and a sideways scroll bar if it shows; before it is styled, a header of 2.4 em.
     */
    private static double asLaidOut(TableView<?> table, int rows) {
        double header = header(table);
        if (header <= 0) header = 2.4 * em(table);
        double row = rows(table).values().stream().mapToDouble(Double::doubleValue).min().orElse(2.2 * em(table));
        return Math.ceil(table.snappedTopInset() + header + rows * row + sidewaysBar(table) + table.snappedBottomInset() + 1);
    }

    /**
     * The height of a dense table (AtlantaFX's {@code dense}: rows of 2 em, a header at least 34 px high) with a header
     * of two lines and {@code rows} rows of one line, in a font {@code em} high: a header of 2.46 em (two lines of the
     * font and the labels' padding), rows of 2 em and its edges. The room kept for a table before it is made, and what
     * it keeps until it is styled: both come from the font in force, so each follows the UI scale and the two are the
     * same; styled, the table measures its header and rows ({@link #forRows}), as high as this at 100 % and 150 %.
     */
    public static double estimate(double em, int rows) {
        return Math.ceil(Math.max(34, 2.46 * em) + rows * 2 * em + 3);
    }

    /** The height a table needs for its header, {@code rows} rows {@code row} high and a sideways scroll bar if it shows. */
    public static double forRows(TableView<?> table, int rows, double row) {
        double header = header(table);
        if (header <= 0 || row <= 0) return 0;
        return Math.ceil(table.snappedTopInset() + header + rows * row + sidewaysBar(table) + table.snappedBottomInset() + 1);
    }

    /**
     * The lowest row laid out now (rows whose values wrap are taller), no lower than a row of one line; a row of one
     * line while none is laid out; 0 before the table is styled. The lowest, not the average: the average of six runs
     * alike came out 4 px more than that of two.
     */
    public static double rowNow(TableView<?> table) {
        double line = oneLine(table);
        java.util.Map<Integer, Double> rows = rows(table);
        if (line <= 0 || rows.isEmpty()) return line;
        return Math.max(line, rows.values().stream().mapToDouble(Double::doubleValue).min().orElse(line));
    }

    /** Whether the table has rows laid out (not only its placeholder or empty rows). */
    public static boolean hasRows(TableView<?> table) {
        return !rows(table).isEmpty();
    }

    /**
     * A row of one line in the look in force: its skin's least size (-fx-cell-size), or a line of the cells' font and
     * their padding where that is more; 0 before the table is styled.
     */
    public static double oneLine(TableView<?> table) {
        double size = 0;
        for (Node r : table.lookupAll(".table-row-cell")) {
            if (r instanceof IndexedCell<?> cell && cell.getSkin() instanceof javafx.scene.control.skin.CellSkinBase<?> skin) {
                size = Math.max(size, skin.getCellSize());
                break;
            }
        }
        if (!(table.lookup(".table-cell") instanceof javafx.scene.control.Labeled cell) || size <= 0) return 0;
        javafx.scene.text.Text probe = new javafx.scene.text.Text("Xg");
        probe.setFont(cell.getFont());
        return Math.max(size, Math.ceil(probe.getLayoutBounds().getHeight() + cell.snappedTopInset() + cell.snappedBottomInset()));
    }

    /** The height of each non-empty row laid out now, by its index. */
    private static java.util.Map<Integer, Double> rows(TableView<?> table) {
        java.util.Map<Integer, Double> out = new java.util.HashMap<>();
        for (Node r : table.lookupAll(".table-row-cell")) {
            if (r instanceof IndexedCell<?> cell && !cell.isEmpty() && cell.isVisible() && cell.getIndex() >= 0 && cell.getHeight() > 0) {
                out.put(cell.getIndex(), cell.getHeight());
            }
        }
        return out;
    }

    private static double header(TableView<?> table) {
        Node h = table.lookup(".column-header-background");
        return h instanceof Region r ? r.getHeight() : 0;
    }

    private static double sidewaysBar(TableView<?> table) {
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible() && b.getParent() != null) {
                return b.getHeight() > 0 ? b.getHeight() : b.prefHeight(-1);
            }
        }
        return 0;
    }

    /**
     * The font's size in force in the table: its cells', or its column titles' while it has none (the root's, as a
     * label's; the default font is 13 px at every UI scale, and an empty table kept the room of four rows at 100 % at
     * 150 %; the placeholder's is 1.25 em in the theme).
     */
    private static double em(TableView<?> table) {
        Node cell = table.lookup(".table-cell");
        if (cell instanceof javafx.scene.control.Labeled l) return l.getFont().getSize();
        if (table.lookup(".column-header .label") instanceof javafx.scene.control.Labeled l) return l.getFont().getSize();
        return javafx.scene.text.Font.getDefault().getSize();
    }
}
