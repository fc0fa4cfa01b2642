package io.digitstudio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The classes the window loads before it is mapped (JavaFX's, ControlsFX's and the views'), named in a resource. The
 * build's class-data sharing run is a training run on the command line, which opens no window: with
 * {@code -Ddigitstudio.archiveWindowClasses=true} it first loads these classes, without initialising them (which needs
 * no display), so the archive it writes at exit holds them too and a window start maps them instead of loading, parsing
 * and verifying them. Names the build no longer has are skipped: the list speeds a start up, it is never needed.
 */
final class WindowClasses {
    static final String PROPERTY = "digitstudio.archiveWindowClasses";
    static final String RESOURCE = "/io/digitstudio/window-classes.txt";

    private WindowClasses() {
    }

    /** Loads the listed classes when the system property asks for it (the build's archive run only). */
    static void loadIfAsked() {
        if (!Boolean.getBoolean(PROPERTY)) return;
        try (InputStream in = WindowClasses.class.getResourceAsStream(RESOURCE)) {
            if (in != null) load(in, WindowClasses.class.getClassLoader());
        } catch (IOException e) {
            // the archive is an optimisation: the run it belongs to goes on without the window's classes
        }
    }

    /**
     * Loads, without initialising, every class named in {@code list} (one a line; blank lines and lines starting with #
     * are skipped) that {@code loader} can find, and returns how many it loaded.
     */
    static int load(InputStream list, ClassLoader loader) throws IOException {
        int loaded = 0;
        BufferedReader names = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8));
        for (String line; (line = names.readLine()) != null; ) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) continue;
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // renamed or gone since the list was made, or not loadable on its own: the archive goes without it
            }
        }
        return loaded;
    }
}
