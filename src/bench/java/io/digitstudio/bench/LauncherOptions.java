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

    /**
     * The options, {@code $APPDIR} (jpackage's name for the installed app's folder, where the files they name lie) read
     * as the repository's {@code installer} folder, where those files come from.
     */
    static List<String> read(Path root) {
        try {
            String appDir = root.resolve("installer").toAbsolutePath().toString();
            return parse(Files.readString(root.resolve(FILE))).stream().map(o -> o.replace("$APPDIR", appDir)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> parse(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
