package io.digitstudio.ui.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The recently opened or saved model files, newest first, kept between runs with java.util.prefs. */
public final class RecentModels {
    static final int MAX = 8;
    private static final String KEY = "recentModels";
    private final Preferences prefs;

    public RecentModels(Preferences prefs) {
        this.prefs = prefs;
    }

    public static RecentModels forUser() {
        return new RecentModels(Preferences.userRoot().node("io/digitstudio"));
    }

    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (String s : prefs.get(KEY, "").split("\n")) if (!s.isBlank()) out.add(Path.of(s));
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
        prefs.put(KEY, sb.toString());
        try {
            prefs.flush();
        } catch (java.util.prefs.BackingStoreException e) {
            // the list is a convenience: losing it must not break opening or saving a model
        }
    }
}
