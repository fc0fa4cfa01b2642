package io.digitstudio.ui.widgets;

import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The columns the user showed or hid in a table's column menu, remembered by the table's id and the columns' titles:
 * a column ticked back on stays on through theme and scale changes (see {@link Columns#givesWay}) and comes back on at
 * the next launch. The app keeps the choices of every table under its main view ({@link #keepIn}) with the rest of what
 * it remembers between launches; a table finds them through its parents once it is in the scene.
 */
public final class ColumnChoices {
    private static final String KEY = ColumnChoices.class.getName();

    /** Where the choices live: a text per table. */
    public interface Store {
        /** The choices of the table with this id, as {@link #write} wrote them; null: none. */
        String get(String table);

        void put(String table, String choices);
    }

    private ColumnChoices() {
    }

    /** Remembers the column choices of the tables under {@code root} (the main view) in {@code store}. */
    public static void keepIn(Node root, Store store) {
        root.getProperties().put(KEY, store);
    }

    /**
     * Gives the table's columns the choices remembered for it as soon as it is in a scene under a node that keeps them,
     * and remembers every choice the user makes from then on. A table without an id remembers nothing.
     */
    static <S> void follow(TableView<S> table) {
        table.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null || table.getProperties().containsKey(KEY + ".store")) return;
            Store store = storeOf(table);
            if (store == null || table.getId() == null) return;
            table.getProperties().put(KEY + ".store", store);
            Map<String, Boolean> kept = read(store.get(table.getId()));
            for (TableColumn<S, ?> c : table.getColumns()) {
                Boolean shown = kept.get(title(c));
                // a choice is the user's even when the column is as chosen now: it must not give way later
                if (shown != null) Columns.choose(c, shown);
                // a column Columns hid or showed to give way is no choice of the user's (Columns marks those changes)
                c.visibleProperty().addListener((ov, was, is) -> {
                    if (Columns.givingWay(c)) return;
                    Map<String, Boolean> now = read(store.get(table.getId()));
                    now.put(title(c), is);
                    store.put(table.getId(), write(now));
                });
            }
        });
    }

    /** The store kept by the nearest parent that keeps one; null: none. */
    private static Store storeOf(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getProperties().get(KEY) instanceof Store s) return s;
        }
        return null;
    }

    /** A column's title on one line ("train loss"), as the choices name it. */
    static String title(TableColumn<?, ?> c) {
        return c.getText() == null ? "" : c.getText().strip().replaceAll("\\s+", " ");
    }

    /** "sweep=shown|lr=hidden" read back, in order; anything else is skipped. */
    static Map<String, Boolean> read(String s) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        if (s == null) return out;
        for (String part : s.split("\\|")) {
            int eq = part.lastIndexOf('=');
            if (eq <= 0) continue;
            String v = part.substring(eq + 1);
            if (v.equals("shown") || v.equals("hidden")) out.put(part.substring(0, eq), v.equals("shown"));
        }
        return out;
    }

    /** The choices as "sweep=shown|lr=hidden". */
    static String write(Map<String, Boolean> choices) {
        StringBuilder b = new StringBuilder();
        for (var e : choices.entrySet()) {
            if (b.length() > 0) b.append('|');
            b.append(e.getKey().replace("|", " ").replace("=", " ")).append('=').append(e.getValue() ? "shown" : "hidden");
        }
        return b.toString();
    }
}
