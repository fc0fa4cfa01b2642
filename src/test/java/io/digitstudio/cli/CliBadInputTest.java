package io.digitstudio.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Bad input to every command, tried the same way on each: a required argument left out, an option given last without
 * its value, an option given twice, a value for a switch. Each is answered with one line in the project's words, exit 2,
 * never with picocli's own sentences ("Missing required parameter", "should be specified only once", "is not a boolean").
 */
class CliBadInputTest {
    /** picocli's sentences, none of which a user sees. */
    private static final List<String> PICOCLI = List.of("issing required", "specified only once", "not a boolean", "positional parameter",
            "nmatched argument", "Invalid value", "invalid value", "Try '", "<", "at index");

    /** Every command and subcommand but help, as the words that name it ("runs compare"). */
    private static List<List<String>> commands(CommandLine cl, List<String> path, List<List<String>> out) {
        return HelpTextTest.commands(cl, path, out);
    }

    private static CommandLine.Model.CommandSpec spec(List<String> path) {
        CommandLine cl = new CommandLine(new Cli());
        for (String name : path) cl = cl.getSubcommands().get(name);
        return cl.getCommandSpec();
    }

    private static DynamicTest refused(List<String> args, String expected) {
        return DynamicTest.dynamicTest(String.join(" ", args), () -> {
            CliTest.Run r = CliTest.run(args.toArray(String[]::new));
            String said = String.join(" ", args);
            assertEquals(2, r.code(), said + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), said + ": " + r.err());
            String line = r.err().strip();
            for (String p : PICOCLI) assertFalse(line.contains(p), said + ": picocli's words: " + line);
            assertTrue(line.contains(": error: " + expected), said + ": " + line);
            assertEquals("", r.out(), said);
        });
    }

    private static boolean ownOption(OptionSpec o) {
        return !o.usageHelp() && !o.versionHelp() && !o.longestName().equals("--debug");
    }

    @TestFactory
    Stream<DynamicTest> aRequiredArgumentLeftOutIsAskedForInTheProjectsWords() {
        List<DynamicTest> tests = new ArrayList<>();
        for (List<String> path : commands(new CommandLine(new Cli()), List.of(), new ArrayList<>())) {
            CommandLine.Model.CommandSpec spec = spec(path);
            boolean required = spec.positionalParameters().stream().anyMatch(ArgSpec::required) || spec.options().stream().anyMatch(ArgSpec::required);
            if (required) tests.add(refused(path, "give "));
        }
        assertTrue(tests.size() >= 10, "every command with a required argument: " + tests.size());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> anOptionGivenLastWithoutItsValueSaysWhatItNeeds() {
        List<DynamicTest> tests = new ArrayList<>();
        for (List<String> path : commands(new CommandLine(new Cli()), List.of(), new ArrayList<>())) {
            for (OptionSpec o : spec(path).options()) {
                if (!ownOption(o) || o.arity().max() == 0) continue;
                List<String> args = new ArrayList<>(path);
                args.add(o.longestName());
                tests.add(refused(args, o.longestName() + " "));
            }
        }
        assertTrue(tests.size() >= 60, "every option with a value: " + tests.size());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> anOptionGivenTwiceIsSaidOnce() {
        List<DynamicTest> tests = new ArrayList<>();
        for (List<String> path : commands(new CommandLine(new Cli()), List.of(), new ArrayList<>())) {
            for (OptionSpec o : spec(path).options()) {
                if (!ownOption(o) || o.isMultiValue()) continue;
                List<String> args = new ArrayList<>(path);
                for (int i = 0; i < 2; i++) {
                    args.add(o.longestName());
                    if (o.arity().max() > 0) args.add("1");
                }
                tests.add(refused(args, o.longestName() + " is given twice; give it once"));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aSwitchGivenAValueSaysItTakesNone() {
        List<DynamicTest> tests = new ArrayList<>();
        for (List<String> path : commands(new CommandLine(new Cli()), List.of(), new ArrayList<>())) {
            for (OptionSpec o : spec(path).options()) {
                if (!ownOption(o) || o.arity().max() > 0) continue;
                List<String> args = new ArrayList<>(path);
                args.add(o.longestName() + "=yes");
                tests.add(refused(args, o.longestName() + " takes no value, got 'yes'"));
            }
        }
        return tests.stream();
    }

    /**
     * A command that only groups others (the program itself when given only --debug), typed alone, printed its help and
     * exited 0, as if the incomplete command had done something. It is bad input like any other: one line that names
     * the commands it takes, exit 2. A group that does something alone is no such group: {@code runs} lists the runs
     * (RunsCliTest), {@code mydigits} the digits (MyDigitsCliTest).
     */
    @TestFactory
    Stream<DynamicTest> aCommandOfCommandsGivenNoneNamesThemInOneLine() {
        List<DynamicTest> tests = new ArrayList<>();
        for (List<String> path : commands(new CommandLine(new Cli()), List.of(), new ArrayList<>())) {
            CommandLine.Model.CommandSpec spec = spec(path);
            if (spec.subcommands().isEmpty() || HelpTextTest.actsAlone(spec)) continue;
            List<String> names = new ArrayList<>(spec.subcommands().keySet());
            String list = String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
            // the program alone opens the desktop app (Main); with only --debug it is the command line's
            List<String> args = path.isEmpty() ? List.of("--debug") : path;
            tests.add(refused(args, "give a command: " + list + " (see '" + spec.qualifiedName() + " --help')"));
        }
        assertTrue(tests.size() >= 1, "the program: " + tests.size());
        return tests.stream();
    }

    @TempDir
    Path dir;

    /** Every path below the test's folder, to see that a refused command line leaves them as they were. */
    private List<String> tree() throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(p -> dir.relativize(p) + (Files.isDirectory(p) ? "/" : " " + p.toFile().length())).sorted().toList();
        }
    }

    /**
     * A folder given where a file goes was "not found" (inspect, explain, export) or a layer spec (summary); a file
     * given where a folder goes trained anyway (train --snapshot-dir, --runs-dir) or listed nothing (mydigits list); a
     * folder for --log or a zip was told to be "a file name such as model.npz". Each is now refused before any work,
     * saying what the path is and what it should be, and nothing is written.
     */
    @Test
    void aFolderWhereAFileGoesOrAFileWhereAFolderGoesIsSaidSoAndNothingIsWritten() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Path file = Files.writeString(dir.resolve("file.npz"), "not a model");
        String[][] cases = {
                {"export " + folder + " " + dir.resolve("out.onnx"), "digitstudio export", folder + " is a folder, not a model file"},
                {"summary --model " + folder, "digitstudio summary", folder + " is a folder, not a model file"},
                {"inspect --image " + folder + " --out " + dir.resolve("pictures"), "digitstudio inspect", folder + " is a folder, not an image"},
                {"explain --image " + folder, "digitstudio explain", folder + " is a folder, not an image"},
                {"train --log " + folder + " --runs-dir " + dir.resolve("runs"), "digitstudio train", folder + " is a folder; give the name of a file to write in it"},
                {"mydigits export " + folder + " --dir " + dir.resolve("mine"), "digitstudio mydigits export", folder + " is a folder; give the name of a file to write in it"},
                {"train --snapshot-dir " + file + " --runs-dir " + dir.resolve("runs") + " --out " + dir.resolve("m.npz"), "digitstudio train", "--snapshot-dir " + file + " is not a folder"},
                {"train --runs-dir " + file + " --out " + dir.resolve("m.npz"), "digitstudio train", "--runs-dir " + file + " is not a folder"},
                {"sweep --lr 0.1 --runs-dir " + file, "digitstudio sweep", "--runs-dir " + file + " is not a folder"},
                {"mydigits list --dir " + file, "digitstudio mydigits list", "--dir " + file + " is not a folder"},
        };
        List<String> before = tree();
        for (String[] c : cases) {
            CliTest.Run r = CliTest.run(c[0].split(" "));
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), c[0] + ": " + r.err());
            assertTrue(r.err().strip().startsWith(c[1] + ": error: " + c[2]), c[0] + ": " + r.err());
            assertEquals(before, tree(), c[0] + ": nothing written");
        }
    }
}
