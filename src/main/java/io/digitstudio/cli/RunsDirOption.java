package io.digitstudio.cli;

import io.digitstudio.runs.RunStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --runs-dir}: where the run history is (default: $DIGITSTUDIO_RUNS, else the per-user data folder). */
final class RunsDirOption {
    @Option(names = "--runs-dir", paramLabel = "DIR", description = "The run history's folder (default: $DIGITSTUDIO_RUNS, else "
            + "$XDG_DATA_HOME/digitstudio/runs, i.e. ~/.local/share/digitstudio/runs).")
    Path dir;

    /** The store; a --runs-dir that is a file is refused (one that is missing is made when a run is recorded). */
    RunStore store() {
        folder("--runs-dir", dir);
        return new RunStore(dir != null ? dir : RunStore.defaultRoot());
    }

    /** Refuses a folder option ({@code --runs-dir}, {@code --dir}) that names a file, as the command line's mistake. */
    static void folder(String option, java.nio.file.Path dir) {
        if (dir != null && java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
            throw new UsageException(option + " " + dir + " is not a folder");
        }
    }

    /**
     * This option, or the one given before the command to the command that groups it ({@code runs --runs-dir DIR show
     * ID}, where picocli gives it to {@code runs}): a history named before the command is that command's, never passed
     * over for the default one. Named in both places, and otherwise, it is refused.
     */
    RunsDirOption or(RunsDirOption before) {
        if (before == null || before.dir == null) return this;
        if (dir != null && !dir.equals(before.dir)) {
            throw new UsageException("--runs-dir is given twice, " + before.dir + " and " + dir + "; give it once");
        }
        RunsDirOption o = new RunsDirOption();
        o.dir = before.dir;
        return o;
    }

    /**
     * The store for commands that only read or change recorded runs: a {@code --runs-dir} that does not exist is a
     * mistyped path, not an empty history (the default folder may be missing: nothing was trained yet).
     */
    RunStore existingStore() {
        if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
            throw new UsageException("--runs-dir " + dir + (java.nio.file.Files.exists(dir) ? " is not a folder" : ": not found"));
        }
        return store();
    }
}
