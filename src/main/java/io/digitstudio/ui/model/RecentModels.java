package io.digitstudio.ui.model;

import io.digitstudio.io.SettingsFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The recently opened or saved model files, newest first, kept between runs (in the settings file in the app). */
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

    /** The list kept in the user's settings file, under {@code recentModels}. */
    public static RecentModels of(SettingsFile settings) {
        return new RecentModels(() -> java.util.Objects.requireNonNullElse(settings.get(KEY), ""), value -> settings.put(KEY, value));
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
