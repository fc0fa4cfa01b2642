package io.digitstudio.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the app remembers between launches: the active model's file (used again only while it exists), the window's
 * place and size, the tab that was open, and the theme and UI scale chosen in the preferences. Kept with java.util.prefs in the app, in memory in the tests.
 */
public final class LastSession {
    /** Where the values live: a few keys of text. */
    public interface Store {
        String get(String key);

        /** Stores a value; null removes the key. */
        void put(String key, String value);
    }

    static final String MODEL = "activeModel";
    static final String WINDOW = "window";
    static final String TAB = "tab";
    static final String THEME = "theme";
    static final String SCALE = "uiScale";

    private final Store store;

    public LastSession(Store store) {
        this.store = store;
    }

    public static LastSession forUser() {
        Preferences prefs = Preferences.userRoot().node("io/digitstudio/session");
        return new LastSession(new Store() {
            @Override
            public String get(String key) {
                return prefs.get(key, null);
            }

            @Override
            public void put(String key, String value) {
                if (value == null) prefs.remove(key);
                else prefs.put(key, value);
                try {
                    prefs.flush();
                } catch (BackingStoreException e) {
                    // remembering is a convenience: the app works the same without it
                }
            }
        });
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
            int p = Integer.parseInt(s.strip());
            return p >= Appearance.MIN_SCALE && p <= Appearance.MAX_SCALE ? Optional.of(p) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void uiScale(int percent) {
        store.put(SCALE, Integer.toString(percent));
    }
}
