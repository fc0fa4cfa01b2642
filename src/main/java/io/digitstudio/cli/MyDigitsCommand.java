package io.digitstudio.cli;

import io.digitstudio.mydigits.MyDigit;
import io.digitstudio.mydigits.MyDigits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code mydigits}: the user's own digits (kept by the app's Draw and My digits views). Alone it lists them, as
 * {@code mydigits list} does, as {@code runs} alone lists the runs: that is what a user types it for.
 */
@Command(name = "mydigits", mixinStandardHelpOptions = true, description = "List, import and export your own digits (the collection the app keeps).",
        synopsisSubcommandLabel = "[COMMAND]", commandListHeading = MyDigitsCommand.COMMANDS,
        subcommands = {MyDigitsCommand.ListDigits.class, MyDigitsCommand.Import.class, MyDigitsCommand.Export.class})
final class MyDigitsCommand implements Callable<Integer> {
    /** The heading of the command list: what {@code mydigits} does given none. */
    static final String COMMANDS = "Commands (given none, it lists your digits, as list does):%n";

    /** The collection {@code mydigits} alone lists; given before a command ({@code mydigits --dir DIR export F.zip}), that command's. */
    @picocli.CommandLine.Mixin
    Where where;

    @Override
    public Integer call() {
        return ListDigits.list(where.store());
    }

    /** {@code --dir}: where the collection is. */
    static final class Where {
        @Option(names = "--dir", paramLabel = "DIR", description = "The collection's folder (default: $DIGITSTUDIO_MYDIGITS, else "
                + "$XDG_DATA_HOME/digitstudio/mydigits, i.e. ~/.local/share/digitstudio/mydigits).")
        Path dir;

        MyDigits store() {
            RunsDirOption.folder("--dir", dir);
            return new MyDigits(dir != null ? dir : MyDigits.defaultFolder());
        }

        /**
         * A command's collection: its own {@code --dir}, or the one given before it to {@code mydigits}, where picocli
         * gives it ({@code mydigits --dir DIR list}). A collection named before the command is never passed over for the
         * default one; named in both places, and otherwise, it is refused.
         */
        MyDigits store(MyDigitsCommand group) {
            Path before = group == null || group.where == null ? null : group.where.dir;
            if (before == null) return store();
            if (dir != null && !dir.equals(before)) throw new UsageException("--dir is given twice, " + before + " and " + dir + "; give it once");
            Where w = new Where();
            w.dir = before;
            return w.store();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "How many digits of each label, and where they are.")
    static final class ListDigits implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Where where;

        @picocli.CommandLine.ParentCommand
        MyDigitsCommand group;

        @Override
        public Integer call() {
            return list(where.store(group));
        }

        static int list(MyDigits store) {
            List<MyDigit> all = store.list();
            System.out.println(MyDigits.describe(all) + " in " + store.folder());
            MyDigits.counts(all).forEach((label, n) -> System.out.printf(java.util.Locale.ROOT, "%d  %d%n", label, n));
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Add image files labelled by name (7.png, 7_a.png) or folder (7/a.png), or a zip from export.",
                    "Exit code 0 when every picture found was added (or was already there); 2 when the path is missing, holds no picture,"
                            + " or some picture could not be added (the others are added, and each one left out is named with why)."
                            + " Files that are not pictures are passed over and named."})
    static final class Import implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Where where;

        @picocli.CommandLine.ParentCommand
        MyDigitsCommand group;

        @WhenMissing("FOLDER|FILE.zip, the pictures to add (a folder of them, or a zip from 'digitstudio mydigits export')")
        @Parameters(paramLabel = "FOLDER|FILE.zip", description = "A folder of pictures (searched one level of subfolders deep), or a zip written by mydigits export.")
        Path from;

        @Override
        public Integer call() {
            if (!Files.exists(from)) throw new UserInputException(from + ": not found");
            MyDigits store = where.store(group);
            if (Files.isRegularFile(from) && from.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
                System.out.println(store.importZip(from).summary(from.toString()));
                return 0;
            }
            if (!Files.isDirectory(from)) throw new UserInputException(from + " is neither a folder of images nor a .zip");
            MyDigits.ImportResult r = store.importFolder(from);
            if (r.added() == 0 && r.skipped().isEmpty()) {
                throw new UserInputException("no images found in " + from + " (" + io.digitstudio.data.ImageFiles.FORMATS + ")"
                        + (r.ignored().isEmpty() ? "" : "; " + r.ignored().size() + (r.ignored().size() == 1 ? " other file" : " other files") + " passed over"));
            }
            r.ignored().forEach(s -> System.err.println("passed over " + s));
            r.skipped().forEach(s -> System.err.println("skipped " + s));
            System.out.println(r.summary(from.toString()));
            // a picture the collection holds already is no error; one that could not be read or labelled is
            return r.leftOut() == 0 ? 0 : Cli.EXIT_BAD_INPUT;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the collection (its record and IDX files) as a zip.")
    static final class Export implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Where where;

        @picocli.CommandLine.ParentCommand
        MyDigitsCommand group;

        @WhenMissing("FILE.zip, the zip to write")
        @Parameters(paramLabel = "FILE.zip", description = "The zip to write (an existing file is replaced only with --force).")
        Path zip;

        @picocli.CommandLine.Option(names = "--force", description = "Replace FILE.zip if it exists.")
        boolean force;

        @Override
        public Integer call() {
            ModelOutput.checkNew(zip, force, "FILE.zip");
            where.store(group).exportZip(zip);
            System.out.println("exported the collection to " + zip);
            return 0;
        }
    }
}
