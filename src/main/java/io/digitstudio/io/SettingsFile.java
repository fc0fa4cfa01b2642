package io.digitstudio.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A small JSON object of named text values that the app keeps between launches ({@code settings.json} in the user's
 * config folder). It is read once, tolerantly: a missing file is no settings, a damaged one is set aside as
 * {@code NAME.damaged} when first replaced, said once, and never stops the app. Every change rewrites the whole file
 * atomically, so a crash leaves either the old settings or the new ones.
 */
public final class SettingsFile {
    private final Path file;
    private final Consumer<String> warn;
    private final Map<String, String> values = new TreeMap<>();
    private final boolean existed;
    private boolean damaged;
    private boolean writeFailed;

    private SettingsFile(Path file, Consumer<String> warn) {
        this.file = file;
        this.warn = warn;
        boolean there = false;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            there = true;
            for (Map.Entry<String, Object> e : Json.parseObject(text).entrySet()) {
                if (e.getValue() != null) values.put(e.getKey(), String.valueOf(e.getValue()));
            }
        } catch (NoSuchFileException e) {
            // never saved: every setting has its default
        } catch (IOException | RuntimeException e) {
            if (!Files.exists(file)) {
                // not there (a file stands where its folder should be): as never saved; saving says why it cannot
                this.existed = false;
                return;
            }
            there = true;
            damaged = true;
            values.clear();
            warn.accept(file + " cannot be read (" + e.getMessage() + "); the app starts with its default settings"
                    + " and keeps the old file as " + damagedCopy().getFileName());
        }
        this.existed = there;
    }

    /** The settings in {@code file}; {@code warn} hears, once, of a file that cannot be read or written. */
    public static SettingsFile open(Path file, Consumer<String> warn) {
        return new SettingsFile(file, warn);
    }

    /** {@code $XDG_CONFIG_HOME/digitstudio/settings.json}, else {@code ~/.config/digitstudio/settings.json}. */
    public static Path defaultFile(Map<String, String> env) {
        return UserFolders.config(env).resolve("settings.json");
    }

    public Path file() {
        return file;
    }

    /** Whether the file was there when it was opened (damaged or not), so settings kept elsewhere before are taken over only once. */
    public boolean existed() {
        return existed;
    }

    public synchronized String get(String key) {
        return values.get(key);
    }

    /** Sets a value (null removes it) and saves the file. */
    public synchronized void put(String key, String value) {
        String old = value == null ? values.remove(key) : values.put(key, value);
        if (java.util.Objects.equals(old, value) && !damaged && Files.exists(file)) return;
        save();
    }

    /** Sets several values at once and saves the file once. */
    public synchronized void putAll(Map<String, String> more) {
        more.forEach((k, v) -> {
            if (v == null) values.remove(k);
            else values.put(k, v);
        });
        save();
    }

    private Path damagedCopy() {
        return file.resolveSibling(file.getFileName() + ".damaged");
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (damaged && Files.isRegularFile(file)) {
                Files.copy(file, damagedCopy(), StandardCopyOption.REPLACE_EXISTING);
            }
            damaged = false;
            String text = Json.write(new TreeMap<String, Object>(values));
            AtomicFiles.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            // remembering is a convenience: the app works the same without it, and says so once
            if (!writeFailed) warn.accept(file + " cannot be written (" + e.getMessage() + "); settings are kept until the app closes");
            writeFailed = true;
        }
    }
}
