package io.digitstudio.ui.widgets;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.List;

/**
 * Keeps a table's columns at least as wide as their titles and their values, measured in the fonts the table is drawn
 * in by the theme in force at the current UI scale, so that no header or cell is cut to "…": the last column takes the
 * room left over, and when there is none the table scrolls sideways instead of squeezing a column. Columns that wrap
 * their values ({@link #wraps}) share the room instead, each at least as wide as its title and a word.
 * <p>
 * The table gets the unconstrained resize policy: JavaFX's constrained policies keep every column inside the table's
 * width, even below the columns' least widths, and then cut their texts.
 */
public final class Columns {
    /** Room beside a header's title for the sort arrow. */
    private static final double SORT_ARROW_EM = 1.0;
    /** A margin for rounding at fractional scales and a font a little wider than the one measured. */
    private static final double MARGIN_EM = 0.4;
    private static final String KEY = Columns.class.getName();
    /**
     * The widest run ids ({@link #expects}): eight hex digits, whose width differs from id to id in a proportional font
     * (the digits and "b" or "d" are the widest in one font or another).
     */
    public static final List<String> RUN_IDS = List.of("00000000", "dddddddd", "bbbbbbbb");
    /** A column's preferred width until one is set (TableColumnBase's default). */
    private static final double DEFAULT_WIDTH = 80;
    /** The room above and below a one-line value in a compact row (AtlantaFX's dense rows: 2 em for a 1.2 em line). */
    private static final double COMPACT_ROOM_EM = 0.4;

    private Columns() {
    }

    /**
     * A width this class gives a column, a pixel more when it is JavaFX's default (80): the table's header takes a
     * column at its default width for one nobody sized, and sizes it to its content when its cells change, over the
     * width given here (a name column shared 80 px became 84, and the table scrolled sideways).
     */
    private static double notDefault(double width) {
        return width == DEFAULT_WIDTH ? width + 1 : width;
    }

    /**
     * Sizes the columns now, and again whenever the rows, the columns, the skin, the fonts (the UI scale), the theme or
     * the width change.
     */
    public static <S> void keepWhole(TableView<S> table) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // where columns give way ({@link #givesWay}), the header's menu button lists every column, those given way
        // unchecked: a column out of sight is still there to be found, and shown
        if (table.getColumns().stream().anyMatch(c -> c.getProperties().get(KEY + ".givesWay") instanceof Integer)) {
            table.setTableMenuButtonVisible(true);
            // the last title beside the menu's button ends over its figures, wherever the table lies in the window
            if (table.getSkin() == null) table.setSkin(new ColumnMenuSkin<>(table));
        }
        // new rows are measured at once, so that no frame shows them cut; other changes wait for the styles to apply
        ListChangeListener<S> rows = c -> {
            if (!fitAppended(table, appended(c))) fit(table);
        };
        if (table.getItems() != null) table.getItems().addListener(rows);
        table.itemsProperty().addListener((o, a, b) -> {
            if (a != null) a.removeListener(rows);
            if (b != null) b.addListener(rows);
            restyled(table);
        });
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) c -> restyled(table));
        // the sort arrow takes room beside the sorted columns' titles only
        table.getSortOrder().addListener((ListChangeListener<TableColumn<S, ?>>) c -> schedule(table));
        table.skinProperty().addListener((o, a, b) -> restyled(table));
        table.sceneProperty().addListener((o, a, b) -> restyled(table));
        table.widthProperty().addListener((o, a, b) -> fillLast(table));
        // the headers' and cells' fonts are known only once styled, and change with the UI scale: fit again when they
        // do, and the last column's share again once laid out: new rows may have brought the vertical scroll bar, which
        // takes its width from the room (the last column would run under it, and the table scroll sideways for it).
        // The styled nodes are walked for their paddings only while the measures may have changed: a table is laid out
        // again for every row and every width, and a walk visits every cell
        table.needsLayoutProperty().addListener((o, a, needs) -> {
            if (needs) return;
            describeHeaders(table);
            if (!fontsOf(table).equals(table.getProperties().get(KEY + ".fonts"))) table.getProperties().put(KEY + ".stale", true);
            if (!measures(table).equals(table.getProperties().get(KEY + ".measures"))) schedule(table);
            else fillLast(table);
        });
        // a theme restyles every control at once, fonts and paddings alike, whether or not the table is laid out again:
        // fit once that has been done (the table holds the listener; the theme only a weak reference to it)
        javafx.beans.value.ChangeListener<Theme> themed = (o, a, b) -> {
            table.getProperties().put(KEY + ".stale", true);
            afterNextLayout(table);
        };
        table.getProperties().put(KEY + ".themed", themed);
        Theme.activeProperty().addListener(new javafx.beans.value.WeakChangeListener<>(themed));
        // the columns the user showed or hid in the column menu, as at the last launch, and remembered for the next
        if (table.isTableMenuButtonVisible()) ColumnChoices.follow(table);
        schedule(table);
    }

    /**
     * A table's placeholder ({@code shown}, the text an empty table shows) that also holds an unseen cell styled as the
     * table's cells are: the columns are measured with the cells' paddings before the first row comes. Without it the
     * paddings are guessed, and the first row's cells, measured at once, widened every column: every row, the empty
     * ones that fill the table included, and the header were laid out again at that row (a run's first epoch).
     */
    public static javafx.scene.layout.StackPane placeholder(Node shown) {
        Labeled cell = new javafx.scene.control.Label();
        cell.getStyleClass().setAll("table-cell");
        javafx.scene.layout.StackPane row = new javafx.scene.layout.StackPane(cell);
        row.getStyleClass().setAll("table-row-cell");
        row.setManaged(false);
        row.setVisible(false);
        row.setMouseTransparent(true);
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(shown, row);
        holder.getStyleClass().add("columns-placeholder");
        return holder;
    }

    /** One fit once the next pulse has applied the styles and laid the scene out, when the fonts in force are known. */
    private static void afterNextLayout(TableView<?> table) {
        javafx.scene.Scene scene = table.getScene();
        if (scene == null || Boolean.TRUE.equals(table.getProperties().get(KEY + ".waiting"))) return;
        table.getProperties().put(KEY + ".waiting", true);
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            table.getProperties().remove(KEY + ".waiting");
            fit(table);
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /** The table's styled nodes may have changed (its skin, scene, columns or rows): measured again, and fit. */
    private static void restyled(TableView<?> table) {
        table.getProperties().put(KEY + ".stale", true);
        schedule(table);
    }

    /** One fit after the events of this moment, however many asked for it. */
    private static void schedule(TableView<?> table) {
        if (Boolean.TRUE.equals(table.getProperties().get(KEY + ".scheduled"))) return;
        table.getProperties().put(KEY + ".scheduled", true);
        Platform.runLater(() -> {
            table.getProperties().remove(KEY + ".scheduled");
            fit(table);
        });
    }

    /** Sets each column's least width to its widest title or value, and gives the last one the room left. */
    public static <S> void fit(TableView<S> table) {
        // the cells and headers the table's skin makes in a layout (every row's cells when the columns are replaced, as
        // the settings compared are at each change of the comparison) are styled only in the next pulse: until then
        // they have the default font, whatever the UI scale, and no padding. A walk that finds only those measures
        // 19.5 px values in 13 px, and no later layout need come to measure them again: they are styled now, first
        boolean walks = !(table.getProperties().get(KEY + ".measured") instanceof List) || Boolean.TRUE.equals(table.getProperties().get(KEY + ".stale"));
        if (walks && table.getScene() != null) table.applyCss();
        List<Object> measures = measures(table);
        table.getProperties().put(KEY + ".measures", measures);
        // the fonts the walk found on styled nodes, not those of the first node a look-up finds now (one made since)
        List<Font> fonts = fontsIn(measures);
        // titles in the headers' font (bold in Primer), values in the cells' size: a theme or a table may give each its own
        Text title = new Text();
        title.setFont(fonts.get(0));
        Text value = new Text();
        value.setFont(valuesFont(fonts.get(0), fonts.get(1)));
        // the values a column wraps are drawn in the cells' own font ({@link #wraps}), and measured in it
        Text wrapped = new Text();
        wrapped.setFont(fonts.get(1));
        double em = Math.max(fonts.get(0).getSize(), fonts.get(1).getSize());
        double header = (Double) measures.get(2);
        double cell = (Double) measures.get(3);
        List<S> items = table.getItems() == null ? List.of() : table.getItems();
        java.util.Map<TableColumn<?, ?>, Double> wholes = new java.util.IdentityHashMap<>();
        int measured = 0;
        for (TableColumn<S, ?> c : leaves(table)) {
            double w = width(title, c.getText()) + header + (c.isSortable() && table.getSortOrder().contains(c) ? SORT_ARROW_EM * em : 0);
            boolean wraps = isWrapping(c);
            double whole = w;
            // the widest value the column expects ({@link #expects}) is measured whether or not its rows have come; in a
            // column that wraps, its words hold the least width too: a run's id, whose width in the cells' font differs
            // from id to id, otherwise set the names' least width anew with each run listed, the wrapping columns'
            // shares with it, and the rows' heights (at 150 % a second run's id moved the actions below the table)
            Object expected = c.getProperties().get(KEY + ".expects");
            for (Object sample : expected instanceof List<?> samples ? samples : expected == null ? List.of() : List.of(expected)) {
                whole = Math.max(whole, width(value, String.valueOf(sample)) + cell);
                if (wraps) for (String word : String.valueOf(sample).split("\\s+")) w = Math.max(w, width(wrapped, word) + cell);
            }
            for (S item : items) {
                Object v = c.getCellData(item);
                if (v == null) continue;
                // a column whose values wrap needs its title's room and its longest word's (its values break between
                // words only: "momentum-sgd" or a checksum whole), and would like its longest value's; the others need
                // their whole values
                measured++;
                whole = Math.max(whole, width(wraps ? wrapped : value, text(c, v)) + cell);
                if (wraps) for (String word : text(c, v).split("\\s+")) w = Math.max(w, width(wrapped, word) + cell);
            }
            if (wraps) c.getProperties().put(KEY + ".whole", Math.ceil(whole + MARGIN_EM * em));
            else w = whole;
            wholes.put(c, wraps ? Double.NaN : whole);
            double least = Math.ceil(w + MARGIN_EM * em);
            Double given = (Double) c.getProperties().get(KEY + ".least");
            if (given == null || given != least) {
                c.getProperties().put(KEY + ".least", least);
                c.setMinWidth(least);
                // a width this class gave follows the least width down as well as up (the UI scale made smaller), back
                // to the column's own width when that is larger, as in a table shown at this scale from the start; a
                // width the user dragged the column to only grows. A column left at JavaFX's default width has no
                // width of its own: the table sizes it to its content when first shown, which the least width is, and
                // the width that a larger least width once pushed it to (150 %) would otherwise stay when the least
                // width goes down again, as the preferred width did not change
                Object own = c.getProperties().computeIfAbsent(KEY + ".own", k -> c.getPrefWidth() == DEFAULT_WIDTH ? 0.0 : c.getPrefWidth());
                Object set = c.getProperties().get(KEY + ".set");
                boolean ours = set == null || (set instanceof Double d && d == c.getPrefWidth());
                double pref = notDefault(ours ? Math.max((Double) own, least) : Math.max(c.getPrefWidth(), least));
                if (pref != c.getPrefWidth()) c.setPrefWidth(pref);
                c.getProperties().put(KEY + ".set", pref);
            }
        }
        table.getProperties().put(KEY + ".wholes", new Fitted(measures, wholes));
        counted(table, measured);
        fillLast(table);
    }

    /** What the last fit measured with (the fonts and paddings) and each column's widest title or value then. */
    private record Fitted(List<Object> measures, java.util.Map<TableColumn<?, ?>, Double> wholes) {
    }

    /** The rows a change of the items adds at their end, or null when it does anything else. */
    private static <S> List<S> appended(ListChangeListener.Change<? extends S> c) {
        List<S> added = new java.util.ArrayList<>();
        while (c.next()) {
            if (c.wasPermutated() || c.wasUpdated() || c.wasRemoved() || c.getTo() != c.getList().size()) return null;
            added.addAll(c.getAddedSubList());
        }
        return added;
    }

    /**
     * Rows added at the end, as a run's epochs come: only their values are measured against each column's widest so
     * far. A table measured all its rows again for each new one (a run's twelfth epoch measured 84 values for 7 new
     * ones, each a text layout on the UI thread). False, and nothing done, when a new value is wider than its column's
     * widest, a column wraps its values, or the fonts or paddings have changed since the last fit: then all are fitted.
     */
    private static <S> boolean fitAppended(TableView<S> table, List<S> added) {
        if (added == null || !(table.getProperties().get(KEY + ".wholes") instanceof Fitted fitted)) return false;
        List<Object> measures = measures(table);
        if (!measures.equals(fitted.measures())) return false;
        List<Font> fonts = fontsIn(measures);
        Text value = new Text();
        value.setFont(valuesFont(fonts.get(0), fonts.get(1)));
        double cell = (Double) measures.get(3);
        int measured = 0;
        try {
            for (TableColumn<S, ?> c : leaves(table)) {
                Double whole = fitted.wholes().get(c);
                if (whole == null || whole.isNaN()) return false;
                for (S item : added) {
                    Object v = c.getCellData(item);
                    if (v == null) continue;
                    measured++;
                    if (width(value, text(c, v)) + cell > whole) return false;
                }
            }
        } finally {
            counted(table, measured);
        }
        fillLast(table);
        return true;
    }

    /**
     * Counts the values a table's columns measure from now on, for a test that asks ({@link #valuesMeasured}); a table
     * nobody counts pays one look-up a fit, not one a value.
     */
    static void countValues(TableView<?> table) {
        table.getProperties().putIfAbsent(KEY + ".values", new int[1]);
    }

    private static void counted(TableView<?> table, int values) {
        if (values > 0 && table.getProperties().get(KEY + ".values") instanceof int[] n) n[0] += values;
    }

    /** How many values the table's columns have measured since {@link #countValues} (0 when nobody asked). */
    static int valuesMeasured(TableView<?> table) {
        return table.getProperties().get(KEY + ".values") instanceof int[] n ? n[0] : 0;
    }

    /**
     * The last column as wide as the room the others leave, never less than its own least width; or, when some columns
     * wrap their values, those columns share that room equally.
     */
    private static <S> void fillLast(TableView<S> table) {
        if (table.getWidth() <= 0) return;
        giveWay(table);
        signHidden(table);
        List<TableColumn<S, ?>> columns = table.getVisibleLeafColumns();
        if (columns.isEmpty()) return;
        if (columns.stream().anyMatch(Columns::isWrapping)) {
            share(table, columns);
            return;
        }
        TableColumn<S, ?> last = columns.get(columns.size() - 1);
        Object least = last.getProperties().get(KEY + ".least");
        if (!(least instanceof Double own)) return;
        // a column that was last, and took the room left, goes back to its own width when columns that gave way come
        // back after it: kept wide, it pushed them past the right edge
        for (TableColumn<S, ?> c : columns) {
            if (c == last || !(c.getProperties().get(KEY + ".least") instanceof Double l)) continue;
            Object set = c.getProperties().get(KEY + ".set");
            if (!(set instanceof Double d) || d != c.getPrefWidth()) continue; // the user's width
            double base = Math.max(c.getProperties().get(KEY + ".own") instanceof Double o ? o : 0, l);
            if (c.getPrefWidth() != base) {
                c.setPrefWidth(base);
                c.getProperties().put(KEY + ".set", base);
            }
        }
        double others = 0;
        for (TableColumn<S, ?> c : columns) if (c != last) others += c.getWidth();
        Insets in = table.getInsets();
        // the header's corner holds the column menu's button whether or not the vertical bar shows: the last title
        // stays clear of it
        double bar = table.isTableMenuButtonVisible() ? barRoom(table) : verticalBar(table);
        double room = table.getWidth() - in.getLeft() - in.getRight() - others - bar - 1;
        double w = notDefault(Math.floor(Math.max(own, room)));
        if (Math.abs(last.getPrefWidth() - w) >= 1) {
            last.setPrefWidth(w);
            last.getProperties().put(KEY + ".set", w);
        }
    }

    /**
     * The room beside the columns that keep their values whole, shared by the columns that wrap theirs: each column
     * whose longest value fits an equal share gets that value's width, and the others share what is left equally,
     * each at least its least width (its title and a word); the last takes what none needs. A change of width lays the
     * rows out again, as tall as their wrapped values now need.
     */
    private static <S> void share(TableView<S> table, List<TableColumn<S, ?>> columns) {
        List<TableColumn<S, ?>> pending = new java.util.ArrayList<>(columns.stream().filter(Columns::isWrapping).toList());
        // the vertical bar's room kept whether or not it shows: wrapped rows grow taller as the columns narrow, and the
        // bar they bring would otherwise push the last column past the edge
        double room = table.getWidth() - table.getInsets().getLeft() - table.getInsets().getRight() - barRoom(table) - 2;
        // each as wide as it is about to be: a fit that has just widened a column for new values comes before the layout
        // that gives it that width, and its old width left the wrapping columns 2 px too many (a sideways scroll bar)
        for (TableColumn<S, ?> c : columns) if (!isWrapping(c)) room -= Math.max(c.getMinWidth(), Math.min(c.getPrefWidth(), c.getMaxWidth()));
        java.util.Map<TableColumn<S, ?>, Double> widths = new java.util.HashMap<>();
        for (TableColumn<S, ?> c : pending) {
            if (!(c.getProperties().get(KEY + ".least") instanceof Double) || !(c.getProperties().get(KEY + ".whole") instanceof Double)) return;
        }
        TableColumn<S, ?> last = pending.get(pending.size() - 1);
        // a column that wraps only when narrow keeps its whole values while the others still have their least room
        for (TableColumn<S, ?> c : List.copyOf(pending)) {
            if (!Boolean.TRUE.equals(c.getProperties().get(KEY + ".narrow"))) continue;
            double others = 0;
            for (TableColumn<S, ?> o : pending) if (o != c) others += (Double) o.getProperties().get(KEY + ".least");
            double least = (Double) c.getProperties().get(KEY + ".least");
            double w = Math.max(least, Math.min((Double) c.getProperties().get(KEY + ".whole"), room - others));
            widths.put(c, w);
            room -= w;
            pending.remove(c);
        }
        while (!pending.isEmpty()) {
            double each = Math.floor(room / pending.size());
            // a column whose least width (a run's id in bold, which differs from id to id) is more than an equal share
            // takes it, and the others share what it leaves: given the share, it would push the last one past the edge
            double share = each;
            List<TableColumn<S, ?>> wide = pending.stream().filter(c -> (Double) c.getProperties().get(KEY + ".least") > share).toList();
            if (!wide.isEmpty()) {
                for (TableColumn<S, ?> c : wide) {
                    double w = (Double) c.getProperties().get(KEY + ".least");
                    widths.put(c, w);
                    room -= w;
                }
                pending.removeAll(wide);
                continue;
            }
            List<TableColumn<S, ?>> fit = pending.stream().filter(c -> (Double) c.getProperties().get(KEY + ".whole") <= each).toList();
            if (fit.isEmpty()) {
                for (TableColumn<S, ?> c : pending) widths.put(c, Math.max((Double) c.getProperties().get(KEY + ".least"), each));
                room = 0;
                break;
            }
            for (TableColumn<S, ?> c : fit) {
                double w = Math.max((Double) c.getProperties().get(KEY + ".least"), (Double) c.getProperties().get(KEY + ".whole"));
                widths.put(c, w);
                room -= w;
            }
            pending.removeAll(fit);
        }
        if (room >= 1 && widths.containsKey(last)) widths.put(last, widths.get(last) + Math.floor(room));
        boolean changed = false;
        for (var e : widths.entrySet()) {
            TableColumn<S, ?> c = e.getKey();
            double w = notDefault(Math.floor(e.getValue()));
            if (Math.abs(c.getPrefWidth() - w) >= 1) {
                c.setPrefWidth(w);
                c.getProperties().put(KEY + ".set", w);
                changed = true;
            }
        }
        // the rows keep the heights they were measured at: measured again at the new widths
        if (changed) Platform.runLater(table::refresh);
    }

    /**
     * Wraps a column's values within it, in rows as tall as they need: the column is as wide as its title and its
     * longest word at least, and shares the room beside the other columns with the other wrapping columns, so that a
     * long value (a network spec) shows whole in lines rather than pushing the next columns out of sight. The value is a
     * text node in the cell's font and colour, broken into lines between words only ({@link #breakAtSpaces}): JavaFX's
     * own wrapping also breaks after a hyphen and inside a word wider than the line ("momentum-" "sgd" at 150 %). A
     * cell's own label is measured for one line by its row, and cut to "…" below it.
     */
    public static <S, T> void wraps(TableColumn<S, T> column) {
        column.getProperties().put(KEY + ".wraps", true);
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            private final Text text = new Text();
            private final Text probe = new Text();
            private String shown;

            {
                text.fontProperty().bind(fontProperty());
                text.fillProperty().bind(textFillProperty());
                probe.fontProperty().bind(fontProperty());
                javafx.beans.InvalidationListener reflow = o -> reflow();
                column.widthProperty().addListener(new javafx.beans.WeakInvalidationListener(reflow));
                paddingProperty().addListener(reflow);
                fontProperty().addListener(reflow);
                // the column holds the listener weakly: the cell, not the column, keeps it
                getProperties().put(KEY + ".reflow", reflow);
                setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
                // lines in the middle of a row made taller for them, as a line is in its row
                setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            }

            /**
             * A value in lines as tall as its lines and the room a one-line value has above and below it in its row
             * (the row's cell size less a line, halved), up to that of a compact row (0.4 em each side, as in the
             * settings compared): the cells have no padding above and below of their own, and the lines of a taller row
             * touched its lines. In a table of roomy rows (the runs', 0.8 em) the full room would make each two-line row
             * as tall as three lines, and at 150 % the runs table would show fewer than its three rows.
             */
            @Override
            protected double computePrefHeight(double width) {
                double h = super.computePrefHeight(width);
                if (shown == null || text.getText().indexOf('\n') < 0) return h;
                probe.setText("X");
                double line = probe.getLayoutBounds().getHeight();
                double row = getTableRow() != null && getTableRow().getSkin() instanceof javafx.scene.control.skin.CellSkinBase<?> s ? s.getCellSize() : 0;
                double room = Math.max(snappedTopInset() + snappedBottomInset(), Math.min(row - line, COMPACT_ROOM_EM * 2 * getFont().getSize()));
                return Math.max(h, Math.ceil(text.getLayoutBounds().getHeight() + room));
            }

            private void reflow() {
                double width = Math.max(1, column.getWidth() - snappedLeftInset() - snappedRightInset() - 1);
                text.setText(shown == null ? "" : breakAtSpaces(shown, probe, width));
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                shown = empty || item == null ? null : text(column, item);
                reflow();
                setGraphic(shown == null ? null : text);
                setAccessibleText(shown);
            }
        });
    }

    /**
     * {@code value} in lines no wider than {@code width} as measured by {@code probe} (a text in the font shown),
     * broken at spaces only, as many words on a line as fit; a word wider than the width keeps a line of its own, whole.
     */
    static String breakAtSpaces(String value, Text probe, double width) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : value.split("\n", -1)) {
            if (out.length() > 0) out.append('\n');
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" +")) {
                if (word.isEmpty()) continue;
                if (line.length() > 0 && width(probe, line + " " + word) > width) {
                    out.append(line).append('\n');
                    line.setLength(0);
                }
                if (line.length() > 0) line.append(' ');
                line.append(word);
            }
            out.append(line);
        }
        return out.toString();
    }

    /**
     * Like {@link #wraps}, but the column keeps its values whole (on one line) as long as the other wrapping columns
     * still have their least room beside it, and wraps them only beyond: the names beside the values they name.
     */
    public static <S, T> void wrapsIfNarrow(TableColumn<S, T> column) {
        wraps(column);
        column.getProperties().put(KEY + ".narrow", true);
    }

    /**
     * Says what the column's widest usual value looks like ("0.0000", "00.00s"), so that its least width holds it before
     * any row has come: measured by its title alone, an empty table keeps columns that the first row's values then push
     * out of the table's width, and a column that gives way ({@link #givesWay}) vanishes as the data arrives. A wider
     * value (a diverging loss) still widens the column when it comes. In a column that wraps its values, each word of
     * the sample holds its least width as well.
     */
    public static <S, T> void expects(TableColumn<S, T> column, String sample) {
        column.getProperties().put(KEY + ".expects", sample);
    }

    /**
     * As {@link #expects(TableColumn, String)}, for a column whose values are of a few known kinds that no one sample is
     * the widest of in every font ("not started", "epoch 10/10"): the least width holds the widest of them.
     */
    public static <S, T> void expects(TableColumn<S, T> column, List<String> samples) {
        column.getProperties().put(KEY + ".expects", List.copyOf(samples));
    }

    /**
     * Gives a short title ("#") its full name ({@code name}, what a screen reader says for the header) and a tooltip
     * saying what the column holds: a title short enough for the column to stay in sight still says what it means.
     */
    public static <S, T> void titleMeans(TableColumn<S, T> column, String name, String tip) {
        column.getProperties().put(KEY + ".means", new String[]{name, tip});
    }

    /**
     * Puts the names and tooltips of {@link #titleMeans} on the headers' labels, which the table's skin makes and makes
     * again as the columns change: looked for in the header row only, not among the cells.
     */
    private static void describeHeaders(TableView<?> table) {
        if (table.getColumns().stream().noneMatch(c -> c.getProperties().get(KEY + ".means") instanceof String[])) return;
        Node headers = table.lookup(".column-header-background");
        if (headers == null) return;
        for (Node n : headers.lookupAll(".column-header")) {
            if (!(n instanceof javafx.scene.control.skin.TableColumnHeader h) || h.getTableColumn() == null) continue;
            if (!(h.getTableColumn().getProperties().get(KEY + ".means") instanceof String[] means)) continue;
            if (!(h.lookup(".label") instanceof Labeled label)) continue;
            if (!means[0].equals(label.getAccessibleText())) label.setAccessibleText(means[0]);
            if (label.getTooltip() == null || !means[1].equals(label.getTooltip().getText())) label.setTooltip(new javafx.scene.control.Tooltip(means[1]));
        }
    }

    /**
     * Lets a column give way when the table is too narrow for all its columns: it is hidden while the least widths of
     * the columns (the whole values of those that keep them, the title and a word of those that wrap) need more than the
     * table's width, and shown again when they fit. Columns given way later come back later: {@code rank} orders them,
     * the lowest given way first. Its values should be found elsewhere too (the run's settings, a tooltip).
     */
    public static <S, T> void givesWay(TableColumn<S, T> column, int rank) {
        column.getProperties().put(KEY + ".givesWay", rank);
        // shown or hidden by the user in the table's column menu ({@link #keepWhole} shows its button): that choice
        // stays, and the other columns that give way make room for a column the user asked for
        column.visibleProperty().addListener((o, was, is) -> {
            if (Boolean.TRUE.equals(column.getProperties().get(KEY + ".hiding"))) return;
            column.getProperties().put(KEY + ".chosen", is);
            column.getProperties().put(KEY + ".gaveWay", false);
        });
    }

    /**
     * Shows or hides a column as the user chose in an earlier launch ({@link ColumnChoices}), and keeps it so: a column
     * that gives way no longer does. The choice is marked even when the column is already as chosen (a table put in the
     * scene before its first fit shows every column), or the first fit would hide it again to give way.
     */
    static void choose(TableColumn<?, ?> column, boolean shown) {
        column.getProperties().put(KEY + ".chosen", shown);
        column.getProperties().put(KEY + ".gaveWay", false);
        if (column.isVisible() != shown) column.setVisible(shown);
    }

    /** Whether this class is hiding or showing the column now to give way: a change that is no choice of the user's. */
    static boolean givingWay(TableColumn<?, ?> c) {
        return Boolean.TRUE.equals(c.getProperties().get(KEY + ".hiding"));
    }

    /** Whether a column gives way now: it may ({@link #givesWay}), and the user has not shown or hidden it in the menu. */
    private static boolean yields(TableColumn<?, ?> c) {
        return c.getProperties().get(KEY + ".givesWay") instanceof Integer && !(c.getProperties().get(KEY + ".chosen") instanceof Boolean);
    }

    /** The leaf columns this class sizes: those shown, and those it hid to give way (they are measured to come back). */
    private static <S> List<TableColumn<S, ?>> leaves(TableView<S> table) {
        List<TableColumn<S, ?>> out = new java.util.ArrayList<>();
        for (TableColumn<S, ?> c : table.getColumns()) {
            if (c.getColumns().isEmpty() && (c.isVisible() || Boolean.TRUE.equals(c.getProperties().get(KEY + ".gaveWay")))) out.add(c);
        }
        return out;
    }

    /**
     * Hides the columns that give way, the lowest rank first, until the others' least widths fit the table's width
     * beside the vertical scroll bar's room, and shows again those that fit.
     */
    private static <S> void giveWay(TableView<S> table) {
        List<TableColumn<S, ?>> all = leaves(table);
        List<TableColumn<S, ?>> yielding = all.stream().filter(Columns::yields)
                .sorted(java.util.Comparator.comparingInt(c -> -(Integer) c.getProperties().get(KEY + ".givesWay"))).toList();
        if (yielding.isEmpty()) return;
        double room = table.getWidth() - table.getInsets().getLeft() - table.getInsets().getRight() - barRoom(table) - 2;
        double need = 0;
        for (TableColumn<S, ?> c : all) {
            if (!(c.getProperties().get(KEY + ".least") instanceof Double least)) return;
            if (!yielding.contains(c)) need += least;
        }
        // the highest rank first: each comes back while the room holds it and those before it
        for (TableColumn<S, ?> c : yielding) {
            double least = (Double) c.getProperties().get(KEY + ".least");
            boolean fits = need + least <= room;
            if (fits) need += least;
            c.getProperties().put(KEY + ".gaveWay", !fits);
            if (c.isVisible() != fits) {
                c.getProperties().put(KEY + ".hiding", true);
                try {
                    c.setVisible(fits);
                } finally {
                    c.getProperties().remove(KEY + ".hiding");
                }
            }
        }
    }

    /** Marks a table whose column menu lists columns out of sight ({@link #signHidden}). */
    private static final javafx.css.PseudoClass COLUMNS_HIDDEN = javafx.css.PseudoClass.getPseudoClass("columns-hidden");

    /**
     * Says that the table has more columns than it shows, and which: while a column is hidden (given way, or unchecked
     * in the menu) the column menu's button at the header's right end shows "»" in the accent colour (the theme's
     * {@code :columns-hidden}) instead of its plain dots, and its tooltip (and a screen reader) names the hidden columns
     * ("3 more columns: train accuracy, lr, time"). A new user's trial at 150 % saw the dots, and no sign that the table
     * had columns out of sight.
     */
    private static void signHidden(TableView<?> table) {
        if (!table.isTableMenuButtonVisible()) return;
        List<String> hidden = new java.util.ArrayList<>();
        for (TableColumn<?, ?> c : table.getColumns()) if (!c.isVisible()) hidden.add(c.getText() == null ? "" : c.getText().replace('\n', ' '));
        table.pseudoClassStateChanged(COLUMNS_HIDDEN, !hidden.isEmpty());
        String said = hiddenText(hidden);
        if (said.equals(table.getProperties().get(KEY + ".hiddenSaid")) && table.getProperties().get(KEY + ".corner") == table.lookup(".show-hide-columns-button")) {
            return;
        }
        if (!(table.lookup(".show-hide-columns-button") instanceof Region corner)) return;
        table.getProperties().put(KEY + ".hiddenSaid", said);
        table.getProperties().put(KEY + ".corner", corner);
        corner.setAccessibleRole(javafx.scene.AccessibleRole.BUTTON);
        corner.setAccessibleText(said);
        if (!corner.getProperties().containsKey(KEY + ".tipLater")) {
            // the tooltip (a popup window of its own) made when the pointer first comes over the button, as Tips does
            javafx.event.EventHandler<javafx.scene.input.MouseEvent> first = new javafx.event.EventHandler<>() {
                @Override
                public void handle(javafx.scene.input.MouseEvent e) {
                    corner.removeEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, this);
                    corner.removeEventHandler(javafx.scene.input.MouseEvent.MOUSE_MOVED, this);
                    javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
                    tip.textProperty().bind(corner.accessibleTextProperty());
                    javafx.scene.control.Tooltip.install(corner, tip);
                    corner.getProperties().put(KEY + ".tip", tip);
                }
            };
            corner.getProperties().put(KEY + ".tipLater", first);
            corner.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, first);
            corner.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_MOVED, first);
        }
    }

    /** What the column menu's button says of the hidden columns, by their titles on one line. */
    static String hiddenText(List<String> hidden) {
        if (hidden.isEmpty()) return "Columns: choose which ones the table shows";
        return (hidden.size() == 1 ? "1 more column: " : hidden.size() + " more columns: ") + String.join(", ", hidden)
                + ". Click to choose which columns the table shows";
    }

    private static boolean isWrapping(TableColumn<?, ?> c) {
        return Boolean.TRUE.equals(c.getProperties().get(KEY + ".wraps"));
    }

    /**
     * The least width at which the table shows its columns at their least widths (titles and values whole, wrapped
     * values broken between words only) beside its vertical scroll bar's room, without scrolling sideways; 0 before the
     * columns are measured.
     */
    public static double fittingWidth(TableView<?> table) {
        double sum = 0;
        for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            if (!(c.getProperties().get(KEY + ".least") instanceof Double least)) return 0;
            sum += least;
        }
        return Math.ceil(sum + table.getInsets().getLeft() + table.getInsets().getRight() + barRoom(table) + 2);
    }

    /** The vertical scroll bar's width, shown or not (its preferred width before it is shown). */
    private static double barRoom(TableView<?> table) {
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar b && b.getOrientation() == Orientation.VERTICAL) return Math.max(b.getWidth(), b.prefWidth(-1));
        }
        return 0;
    }

    private static double verticalBar(TableView<?> table) {
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar b && b.getOrientation() == Orientation.VERTICAL && b.isVisible() && b.getParent() != null) {
                return b.getWidth() > 0 ? b.getWidth() : b.prefWidth(-1);
            }
        }
        return 0;
    }

    /**
     * Says how a column's cells show their values when that is not {@code toString()} (a number rounded by its cell
     * factory), so that the column is measured by what is shown.
     */
    public static <S, T> void shownAs(TableColumn<S, T> column, java.util.function.Function<T, String> shown) {
        column.getProperties().put(KEY + ".shown", shown);
    }

    @SuppressWarnings("unchecked")
    private static String text(TableColumn<?, ?> c, Object v) {
        Object f = c.getProperties().get(KEY + ".shown");
        return f instanceof java.util.function.Function<?, ?> shown ? ((java.util.function.Function<Object, String>) shown).apply(v) : v.toString();
    }

    private static double width(Text probe, String s) {
        probe.setText(s == null ? "" : s);
        return probe.getLayoutBounds().getWidth();
    }

    /**
     * What a fit measures the columns with, as styled now: the headers' and the cells' fonts, and the room beside a
     * header's title and beside a cell's value. A fit made while some of these were not yet styled is made again once
     * they are. The styled nodes are walked only while the last walk's figures may be out of date: until a walk found
     * both a header and a cell styled and the same figures as the walk before it, and again once the theme, the fonts (the UI scale), the skin, the scene, the
     * columns or the rows' list change.
     */
    private static List<Object> measures(TableView<?> table) {
        Object last = table.getProperties().get(KEY + ".measured");
        if (last instanceof List<?> l && !Boolean.TRUE.equals(table.getProperties().get(KEY + ".stale"))) {
            @SuppressWarnings("unchecked") List<Object> kept = (List<Object>) l;
            return kept;
        }
        List<Font> fonts = fontsOf(table);
        double em = Math.max(fonts.get(0).getSize(), fonts.get(1).getSize());
        walks(table, 1);
        double header = horizontal(table, ".column-header");
        double label = horizontal(table, ".column-header .label");
        double cell = horizontal(table, ".table-cell");
        List<Object> measures = List.of(fonts.get(0), fonts.get(1), (Double.isNaN(header) ? em * 0.6 : header) + (Double.isNaN(label) ? 0 : label),
                Double.isNaN(cell) ? em * 0.6 : cell);
        table.getProperties().put(KEY + ".measured", measures);
        table.getProperties().put(KEY + ".fonts", fonts);
        // until headers and cells are styled, and until two walks in a row agree, the next layout measures again: cells
        // restyled by a theme or a state pass through paddings and fonts of their own (every cell of a table framed
        // 15 px wide for a layout, where they settle at 13 px), and a walk that caught them would stand until the next
        // theme
        table.getProperties().put(KEY + ".stale", Double.isNaN(header) || Double.isNaN(cell) || !measures.equals(last));
        return measures;
    }

    /** The headers' and the cells' fonts a walk found ({@link #measures}). */
    private static List<Font> fontsIn(List<Object> measures) {
        return List.of((Font) measures.get(0), (Font) measures.get(1));
    }

    /** How many times the table's styled nodes have been walked for their paddings, after adding {@code more}. */
    static int walks(TableView<?> table, int more) {
        int n = (table.getProperties().get(KEY + ".walks") instanceof Integer w ? w : 0) + more;
        table.getProperties().put(KEY + ".walks", n);
        return n;
    }

    /**
     * The styled nodes' left and right insets (padding and border), the least of them, or NaN before any is styled. The
     * least: a cell in a state of its own may be framed wider than the others (15 px beside its value where the others
     * had 13), and which cell the scene gives first changes from one layout to the next, so that the
     * columns came out a few pixels apart after a theme's round trip (issue 32).
     */
    private static double horizontal(TableView<?> table, String selector) {
        double least = Double.POSITIVE_INFINITY;
        for (Node n : table.lookupAll(selector)) {
            if (!(n instanceof Region r) || r.getScene() == null) continue;
            Insets in = r.getInsets();
            if (in.getLeft() + in.getRight() > 0) least = Math.min(least, in.getLeft() + in.getRight());
        }
        return Double.isInfinite(least) ? Double.NaN : least;
    }

    /**
     * The fonts of a table's header labels and of its cells, as styled now: the cells' while there is no header yet,
     * the headers' while there is no cell, the default font while there is neither. Values are measured in the cells'
     * font at least as large and as heavy as the headers' ({@link #valuesFont}): a value in bold, as a running run's
     * status, then takes no more room than a title would.
     */
    static List<Font> fontsOf(TableView<?> table) {
        Font header = table.lookup(".column-header .label") instanceof Labeled l ? l.getFont() : null;
        Font cell = table.lookup(".table-cell") instanceof Labeled l ? l.getFont() : null;
        if (header == null) header = cell != null ? cell : Font.getDefault();
        if (cell == null) cell = header;
        return List.of(header, cell);
    }

    /** The font the values are measured in: the cells', at least as large and as heavy as the headers'. */
    private static Font valuesFont(Font header, Font cell) {
        if (cell.equals(header)) return cell;
        boolean bold = bold(header) || bold(cell);
        return Font.font(cell.getFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL, Math.max(header.getSize(), cell.getSize()));
    }

    private static boolean bold(Font f) {
        return f.getStyle().toLowerCase(java.util.Locale.ROOT).contains("bold");
    }
}
