package io.digitstudio.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The installed launcher's JVM options from {@code installer/jvm-options} (one a line, {@code #} comments), which
 * {@code installer/build.sh} gives to jpackage: the suite starts our side with them, so that it measures the app as it
 * is installed.
 */
final class LauncherOptions {
    static final Path FILE = Path.of("installer/jvm-options");

    private LauncherOptions() {
    }

    static List<String> read(Path root) {
        try {
            return parse(Files.readString(root.resolve(FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> parse(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
