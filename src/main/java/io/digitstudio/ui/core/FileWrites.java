package io.digitstudio.ui.core;

import java.io.IOException;
import java.nio.file.Path;

/** The one way the views save a file from a background task: a failure becomes "could not save NAME: reason". */
public final class FileWrites {
    private FileWrites() {
    }

    /** Writes something that can fail with an IOException. */
    @FunctionalInterface
    public interface Write {
        void run() throws IOException;
    }

    /** Runs {@code write} (on the calling worker) and returns {@code file}. */
    public static Path write(Path file, Write write) {
        try {
            write.run();
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("could not save " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
