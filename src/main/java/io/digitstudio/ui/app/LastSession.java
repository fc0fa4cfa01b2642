package io.digitstudio.ui.app;

import io.digitstudio.io.SettingsFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the app remembers between launches: the active model's file (used again only while it exists), the window's
 * place and size, the tab that was open, the theme and UI scale chosen in the preferences, whether the Draw canvas
 * shows MNIST's white on black, what the Train and the Sweeps forms held ({@link #form}), and the columns shown or
 * hidden in the tables' column menus. Kept in the user's settings file ({@link SettingsFile},
 * {@code ~/.config/digitstudio/settings.json}) in the app, in memory in the tests.
 */
public final class LastSession {
    /** Where the values live: a few keys of text. */
    public interface Store {
        String get(String key);

        /** Stores a value; null removes the key. */
        void put(String key, String value);

        /** Stores several values at once (a settings file is written once). */
        default void putAll(Map<String, String> values) {
            values.forEach(this::put);
        }
    }

    static final String MODEL = "activeModel";
    static final String WINDOW = "window";
    static final String TAB = "tab";
    static final String THEME = "theme";
    static final String SCALE = "uiScale";
    /** The Draw canvas's looks: "theme" (its colours follow the theme) or "mnist" (white on black whatever the theme). */
    static final String CANVAS = "drawCanvas";
    /** The prefix of the keys that keep a table's column menu choices, by the table's id. */
    static final String COLUMNS = "columns.";
    /** The java.util.prefs nodes that held these settings before the settings file, and their keys there. */
    static final String OLD_SESSION_NODE = "io/digitstudio/session";
    static final String OLD_RECENT_NODE = "io/digitstudio";
    static final String RECENT_MODELS = "recentModels";

    private final Store store;

    public LastSession(Store store) {
        this.store = store;
    }

    /** The session kept in a settings file (the one the recent models list shares). */
    public static LastSession of(SettingsFile settings) {
        return new LastSession(new Store() {
            @Override
            public String get(String key) {
                return settings.get(key);
            }

            @Override
            public void put(String key, String value) {
                settings.put(key, value);
            }

            @Override
            public void putAll(Map<String, String> values) {
                settings.putAll(values);
            }
        });
    }

    /**
     * The user's settings file ({@code $XDG_CONFIG_HOME/digitstudio/settings.json}); the first time there is none, the
     * values an earlier version kept with java.util.prefs are moved into it, once.
     */
    public static SettingsFile userSettings() {
        System.Logger log = System.getLogger("io.digitstudio");
        return userSettings(System.getenv(), System.getProperty("user.home"), Preferences::userRoot, m -> log.log(System.Logger.Level.WARNING, m));
    }

    /**
     * Whether the user's settings file names a theme, read without changing anything (no move of older settings): the
     * launcher asks the desktop for its theme early only when none was chosen.
     */
    static boolean themeChosen() {
        Path file = io.digitstudio.io.UserFolders.config(System.getenv(), System.getProperty("user.home")).resolve("settings.json");
        return SettingsFile.open(file, m -> {
        }).get(THEME) != null;
    }

    /**
     * The settings file that {@code env} names. java.util.prefs keeps its values with the home folder ({@code ~/.java}),
     * whatever XDG_CONFIG_HOME says; so only the home's own settings file ({@code ~/.config/digitstudio}) takes them
     * over. A config folder of its own (a second profile, a test, a fresh try) starts with the defaults, not with
     * a tab or a model some other setup chose.
     */
    static SettingsFile userSettings(Map<String, String> env, String home, java.util.function.Supplier<Preferences> oldRoot,
                                     java.util.function.Consumer<String> warn) {
        Path file = io.digitstudio.io.UserFolders.config(env, home).resolve("settings.json");
        Path homes = io.digitstudio.io.UserFolders.config(Map.of(), home).resolve("settings.json");
        boolean homesOwn = file.toAbsolutePath().normalize().equals(homes.toAbsolutePath().normalize());
        return userSettings(file, homesOwn ? oldRoot : () -> null, warn);
    }

    /**
     * The settings in {@code file}; when there is none, what the old nodes under {@code oldRoot} (null: none) hold is
     * moved into it: written to the file, then removed from the old nodes, so that it is taken over once and never
     * again (a settings file deleted later starts with the defaults, as a first launch does).
     */
    static SettingsFile userSettings(Path file, java.util.function.Supplier<Preferences> oldRoot, java.util.function.Consumer<String> warn) {
        SettingsFile settings = SettingsFile.open(file, warn);
        if (settings.existed()) return settings;
        Preferences root = oldRoot.get();
        if (root == null) return settings;
        Map<String, String> old = fromJavaPrefs(root);
        if (old.isEmpty()) return settings;
        settings.putAll(old);
        // only once the values are in the file are they gone from where they were
        if (Files.isRegularFile(file)) forgetJavaPrefs(root);
        return settings;
    }

    /** Removes the values {@link #fromJavaPrefs} reads; a store that refuses keeps them (they are in the file already). */
    static void forgetJavaPrefs(Preferences root) {
        try {
            if (root.nodeExists(OLD_SESSION_NODE)) root.node(OLD_SESSION_NODE).removeNode();
            if (root.nodeExists(OLD_RECENT_NODE)) {
                Preferences recent = root.node(OLD_RECENT_NODE);
                recent.remove(RECENT_MODELS);
                recent.flush();
            }
            root.flush();
        } catch (BackingStoreException | IllegalStateException | SecurityException e) {
            // left as they were: the settings file exists now, so they are not read again from this home
        }
    }

    /** The values under the old java.util.prefs nodes, without creating a node that is not there. */
    static Map<String, String> fromJavaPrefs(Preferences root) {
        Map<String, String> out = new java.util.TreeMap<>();
        try {
            if (root.nodeExists(OLD_SESSION_NODE)) {
                Preferences session = root.node(OLD_SESSION_NODE);
                for (String key : List.of(MODEL, WINDOW, TAB, THEME, SCALE)) {
                    String v = session.get(key, null);
                    if (v != null) out.put(key, v);
                }
            }
            if (root.nodeExists(OLD_RECENT_NODE)) {
                String recent = root.node(OLD_RECENT_NODE).get(RECENT_MODELS, null);
                if (recent != null && !recent.isBlank()) out.put(RECENT_MODELS, recent);
            }
        } catch (BackingStoreException | IllegalStateException | SecurityException e) {
            // old settings that cannot be read are as good as none
        }
        return out;
    }

    public static LastSession inMemory() {
        Map<String, String> m = new HashMap<>();
        return new LastSession(new Store() {
            @Override
            public synchronized String get(String key) {
                return m.get(key);
            }

            @Override
            public synchronized void put(String key, String value) {
                if (value == null) m.remove(key);
                else m.put(key, value);
            }
        });
    }

    /** The model that was active, as the model manager keeps and brings it back. */
    public io.digitstudio.ui.model.ModelMemory model() {
        return new io.digitstudio.ui.model.ModelMemory(() -> store.get(MODEL), v -> store.put(MODEL, v));
    }

    /** The model file that was active, if it still exists. */
    public Optional<Path> activeModel() {
        String s = store.get(MODEL);
        if (s == null || s.isBlank()) return Optional.empty();
        try {
            Path p = Path.of(s);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** Remembers the active model's file; null (a built-in or an unsaved model) forgets it. */
    public void activeModel(Path file) {
        store.put(MODEL, file == null ? null : file.toAbsolutePath().normalize().toString());
    }

    /** The window's place and size. */
    public record Window(double x, double y, double width, double height, boolean maximized) {
    }

    public Optional<Window> window() {
        String s = store.get(WINDOW);
        if (s == null) return Optional.empty();
        String[] p = s.split(",");
        try {
            if (p.length != 5) return Optional.empty();
            Window w = new Window(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3]),
                    Boolean.parseBoolean(p[4]));
            return w.width() > 0 && w.height() > 0 && Double.isFinite(w.x()) && Double.isFinite(w.y()) ? Optional.of(w) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void window(Window w) {
        store.put(WINDOW, String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%b", w.x(), w.y(), w.width(), w.height(), w.maximized()));
    }

    /** The id of the tab that was open ("drawTab"), if any. */
    public Optional<String> tab() {
        return Optional.ofNullable(store.get(TAB));
    }

    public void tab(String id) {
        store.put(TAB, id);
    }

    /** The theme chosen in the preferences, if one was (never chosen: the app follows the desktop). */
    public Optional<io.digitstudio.ui.widgets.Theme> theme() {
        return io.digitstudio.ui.widgets.Theme.byId(store.get(THEME));
    }

    public void theme(io.digitstudio.ui.widgets.Theme t) {
        store.put(THEME, t == null ? null : t.id());
    }

    /** The UI scale in percent (100 to 200), if one was chosen. */
    public Optional<Integer> uiScale() {
        String s = store.get(SCALE);
        if (s == null) return Optional.empty();
        try {
            // A hand-edited file may hold the percent as a JSON number, which reads back as "150.0".
            int p = new java.math.BigDecimal(s.strip()).intValueExact();
            return p >= Appearance.MIN_SCALE && p <= Appearance.MAX_SCALE ? Optional.of(p) : Optional.empty();
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    public void uiScale(int percent) {
        store.put(SCALE, Integer.toString(percent));
    }

    /** The Train form's values, under {@code train.KEY}. */
    public static final String TRAIN_FORM = "train";
    /** The Sweeps form's values, under {@code sweeps.KEY}. */
    public static final String SWEEPS_FORM = "sweeps";

    /**
     * What a form held when last saved (as it changed, or as the app closed): its values under {@code keys}, each kept as {@code form.KEY} (those
     * never kept are missing). The form checks them again as it takes them.
     */
    public Map<String, String> form(String form, java.util.Collection<String> keys) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String k : keys) {
            String v = store.get(form + "." + k);
            if (v != null) out.put(k, v);
        }
        return out;
    }

    /** Remembers a form's values (its keys' others stay as they were kept). */
    public void form(String form, Map<String, String> values) {
        forms(Map.of(form, values));
    }

    /** Remembers several forms' values, by the form's name, at once (a settings file is written once). */
    public void forms(Map<String, Map<String, String>> forms) {
        Map<String, String> kept = new java.util.LinkedHashMap<>();
        forms.forEach((form, values) -> values.forEach((k, v) -> kept.put(form + "." + k, v)));
        store.putAll(kept);
    }

    /** Whether the Draw canvas shows MNIST's white on black whatever the theme; false (never chosen too): it follows the theme. */
    public boolean mnistCanvas() {
        return "mnist".equals(store.get(CANVAS));
    }

    public void mnistCanvas(boolean on) {
        store.put(CANVAS, on ? "mnist" : "theme");
    }

    /** The columns shown or hidden in each table's column menu, one key per table ("columns.runsTable"). */
    public io.digitstudio.ui.widgets.ColumnChoices.Store columns() {
        return new io.digitstudio.ui.widgets.ColumnChoices.Store() {
            @Override
            public String get(String table) {
                return store.get(COLUMNS + table);
            }

            @Override
            public void put(String table, String choices) {
                store.put(COLUMNS + table, choices);
            }
        };
    }
}
