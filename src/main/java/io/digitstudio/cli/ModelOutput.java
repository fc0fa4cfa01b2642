package io.digitstudio.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an output path before hours of work rather than after, and never over a file the user has unless forced. */
final class ModelOutput {
    private ModelOutput() {
    }

    static void check(Path out) {
        Path abs = out.toAbsolutePath();
        // the name of a file to write, whatever it holds (a model, a log, a zip, a CSV)
        if (Files.isDirectory(abs)) throw new UserInputException(out + " is a folder; give the name of a file to write in it");
        Path dir = abs.getParent();
        if (dir != null && !Files.isDirectory(dir)) throw new UserInputException("folder " + dir + " does not exist");
        if (dir != null && !Files.isWritable(dir)) throw new UserInputException("folder " + dir + " is not writable");
    }

    /**
     * {@link #check} and, unless {@code force}, that the file does not exist yet: {@code option} names what to change
     * ("--out", "FILE.zip").
     */
    /**
     * A file the command reads: there, and a file rather than a folder ({@code what} says what it should be: "a model
     * file", "an image"), said before any work starts.
     */
    static Path existing(Path in, String what) {
        if (Files.isDirectory(in)) throw new UserInputException(in + " is a folder, not " + what);
        if (!Files.isRegularFile(in)) throw new UserInputException(in + ": file not found");
        return in;
    }

    static void checkNew(Path out, boolean force, String option) {
        check(out);
        if (!force && Files.exists(out)) throw new UserInputException(out + " already exists; give another " + option + ", or add --force to replace it");
    }
}
