package io.digitstudio.ui.model;

import io.digitstudio.io.SettingsFile;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Which model was active when the app was last closed, kept between launches as one line of text: a model file's
 * absolute path, or the built-in CNN's name. The built-in MLP, and a model that exists only in memory, are kept as
 * nothing: a launch then starts with the built-in MLP.
 */
public final class ModelMemory {
    /** The key in the user's settings file. */
    public static final String KEY = "activeModel";
    /** How the built-in CNN is remembered (no path can be this). */
    static final String BUILT_IN_CNN = "built-in:cnn";

    private final Supplier<String> load;
    private final Consumer<String> store;

    /** Reads and writes the value as text; a null store removes it. */
    public ModelMemory(Supplier<String> load, Consumer<String> store) {
        this.load = load;
        this.store = store;
    }

    /** The value kept in the user's settings file, under {@value #KEY}. */
    public static ModelMemory of(SettingsFile settings) {
        return new ModelMemory(() -> settings.get(KEY), v -> settings.put(KEY, v));
    }

    /** A value kept in memory only (tests, or a machine whose settings cannot be written). */
    public static ModelMemory inMemory() {
        String[] value = {null};
        return new ModelMemory(() -> value[0], v -> value[0] = v);
    }

    /** What was remembered. */
    public sealed interface Remembered {
    }

    /** A model file, which may no longer exist. */
    public record File(Path path) implements Remembered {
    }

    /** The built-in convolutional model. */
    public record BuiltInCnn() implements Remembered {
    }

    /** The remembered model; null when there is none (the built-in MLP) or the value is not a path. */
    public Remembered get() {
        String s = load.get();
        if (s == null || s.isBlank()) return null;
        if (s.equals(BUILT_IN_CNN)) return new BuiltInCnn();
        try {
            return new File(Path.of(s));
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Remembers a model file as an absolute path. */
    public void file(Path file) {
        put(file.toAbsolutePath().normalize().toString());
    }

    public void builtInCnn() {
        put(BUILT_IN_CNN);
    }

    /** Remembers nothing: the next launch starts with the built-in MLP. */
    public void forget() {
        put(null);
    }

    private void put(String value) {
        if (!Objects.equals(value, load.get())) store.accept(value);
    }
}
