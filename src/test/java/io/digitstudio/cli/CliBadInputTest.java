package io.digitstudio.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

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
        out.add(path);
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) return;
            List<String> p = new ArrayList<>(path);
            p.add(name);
            commands(sub, p, out);
        });
        return out;
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
}
