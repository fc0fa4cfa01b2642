package io.digitstudio.ui.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** The recently opened or saved model files, newest first, kept between runs (java.util.prefs in the app). */
public final class RecentModels {
    static final int MAX = 8;
    private static final String KEY = "recentModels";
    private final Supplier<String> load;
    private final Consumer<String> store;

    /** Reads and writes the list as one newline-separated string. */
    public RecentModels(Supplier<String> load, Consumer<String> store) {
        this.load = load;
        this.store = store;
    }

    public static RecentModels forUser() {
        Preferences prefs = Preferences.userRoot().node("io/digitstudio");
        return new RecentModels(() -> prefs.get(KEY, ""), value -> {
            prefs.put(KEY, value);
            try {
                prefs.flush();
            } catch (BackingStoreException e) {
                // the list is a convenience: losing it must not break opening or saving a model
            }
        });
    }

    /** A list kept in memory only (tests, or a machine whose preferences cannot be written). */
    public static RecentModels inMemory() {
        String[] value = {""};
        return new RecentModels(() -> value[0], v -> value[0] = v);
    }

    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (String s : load.get().split("\n")) if (!s.isBlank()) out.add(Path.of(s));
        return out;
    }

    public void add(Path file) {
        List<Path> l = list();
        Path abs = file.toAbsolutePath().normalize();
        l.remove(abs);
        l.add(0, abs);
        save(l.subList(0, Math.min(MAX, l.size())));
    }

    public void remove(Path file) {
        List<Path> l = list();
        l.remove(file.toAbsolutePath().normalize());
        save(l);
    }

    private void save(List<Path> l) {
        StringBuilder sb = new StringBuilder();
        for (Path p : l) sb.append(p).append('\n');
        store.accept(sb.toString());
    }
}
