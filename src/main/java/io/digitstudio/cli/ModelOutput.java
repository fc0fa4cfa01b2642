package io.digitstudio.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an output path before hours of training rather than after. */
final class ModelOutput {
    private ModelOutput() {
    }

    static void check(Path out) {
        Path abs = out.toAbsolutePath();
        if (Files.isDirectory(abs)) throw new UserInputException(out + " is a folder; give a file name such as model.npz");
        Path dir = abs.getParent();
        if (dir != null && !Files.isDirectory(dir)) throw new UserInputException("folder " + dir + " does not exist");
        if (dir != null && !Files.isWritable(dir)) throw new UserInputException("folder " + dir + " is not writable");
    }
}
