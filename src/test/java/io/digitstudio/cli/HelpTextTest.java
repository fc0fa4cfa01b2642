package io.digitstudio.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The help texts: every command's, as a user reads them with --help. */
class HelpTextTest {
    /** Every command and subcommand as the words that name it ("runs compare"), the top level first. */
    static List<List<String>> commands(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(path);
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) return;
            List<String> p = new ArrayList<>(path);
            p.add(name);
            commands(sub, p, out);
        });
        return out;
    }

    private static List<List<String>> all() {
        return commands(new CommandLine(new Cli()), List.of(), new ArrayList<>());
    }

    private static CommandLine.Model.CommandSpec spec(List<String> path) {
        CommandLine cl = new CommandLine(new Cli());
        for (String name : path) cl = cl.getSubcommands().get(name);
        return cl.getCommandSpec();
    }

    private static String help(List<String> path) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), path + ": " + r.err());
        return r.out();
    }

    @Test
    void everyParameterAndOptionIsDescribed() {
        List<String> bare = new ArrayList<>();
        for (List<String> path : all()) {
            CommandLine.Model.CommandSpec spec = spec(path);
            List<ArgSpec> args = new ArrayList<>(spec.positionalParameters());
            args.addAll(spec.options());
            for (ArgSpec a : args) {
                if (a.description().length == 0 || String.join("", a.description()).isBlank()) {
                    bare.add(String.join(" ", path) + " " + (a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel()));
                }
            }
        }
        assertEquals(List.of(), bare, "without a description");
    }

    /**
     * Words with a dot, hyphen, slash or colon inside (".gz", "~/.local/share", "NAME-best.npz", "log:LOW:HIGH") as the
     * descriptions write them.
     */
    private static final Pattern NAME = Pattern.compile("[^\\s(),;'\"]*[./:-][^\\s(),;'\"]+");

    @Test
    void helpWrapsBetweenWordsNeverInsideAName() {
        List<String> cut = new ArrayList<>();
        for (List<String> path : all()) {
            String help = help(path);
            CommandLine.Model.CommandSpec spec = spec(path);
            List<String> texts = new ArrayList<>(Arrays.asList(spec.usageMessage().description()));
            spec.options().forEach(o -> texts.addAll(Arrays.asList(o.description())));
            spec.positionalParameters().forEach(p -> texts.addAll(Arrays.asList(p.description())));
            // the command list shows each subcommand's first line
            spec.subcommands().values().forEach(s -> texts.add(s.getCommandSpec().usageMessage().description()[0]));
            for (String text : texts) {
                Matcher m = NAME.matcher(String.format(text.replace("${DEFAULT-VALUE}", "")));
                while (m.find()) {
                    String name = m.group().replaceAll("[.:]+$", "");
                    if (name.length() > 1 && !help.contains(name)) cut.add(String.join(" ", path) + ": " + name);
                }
            }
        }
        assertEquals(List.of(), cut, "names cut across two lines");
        String eval = help(List.of("eval"));
        assertTrue(eval.contains(".gz"), eval);
        assertTrue(help(List.of("runs", "list")).contains("~/.local/share/digitstudio/runs"));
    }

    /** The lines of the usage synopsis at the top of a help: "Usage: ..." and the lines indented under it. */
    static List<String> synopsis(String help) {
        List<String> lines = help.lines().toList();
        assertTrue(lines.get(0).startsWith("Usage: "), help);
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size() && lines.get(i).startsWith(" "); i++) out.add(lines.get(i));
        return out;
    }

    /**
     * The synopsis wrapped where the JDK's line breaker allows, also inside an option ("[--data=DIR|FILE.⏎csv]").
     * Each of its lines now ends between two of its items: outside every bracket, and within the default width of 80.
     */
    @Test
    void theUsageSynopsisWrapsOnlyBetweenOptions() {
        List<String> cut = new ArrayList<>();
        for (List<String> path : all()) {
            List<String> lines = synopsis(help(path));
            int depth = 0;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.length() > 80) cut.add(String.join(" ", path) + ": longer than 80: " + line);
                for (char c : line.toCharArray()) depth += c == '[' || c == '(' ? 1 : c == ']' || c == ')' ? -1 : 0;
                if (depth != 0 && i < lines.size() - 1) cut.add(String.join(" ", path) + ": ends inside an option: " + line.strip() + "⏎" + lines.get(i + 1).strip());
                if (line.endsWith(" ") || i > 0 && !line.startsWith(" ".repeat(7))) cut.add(String.join(" ", path) + ": " + line);
            }
        }
        assertEquals(List.of(), cut);
        String train = String.join("\n", synopsis(help(List.of("train"))));
        assertTrue(train.contains("[--data=DIR|FILE.csv]"), train);
        assertTrue(train.contains("[--branch=RUN[@epoch:N|@iteration:N]]"), train);
    }

    /** Whether a command that groups others does something of its own when given none of them ({@code runs} lists the runs). */
    static boolean actsAlone(CommandLine.Model.CommandSpec spec) {
        return spec.userObject() instanceof java.util.concurrent.Callable<?> || spec.userObject() instanceof Runnable;
    }

    /**
     * A command that groups others shows whether one of them must be given, and what it does without one: a group
     * with nothing of its own to do needs one; one that acts alone ({@code runs}, {@code mydigits}) says what it does.
     */
    @Test
    void aCommandOfCommandsSaysWhatItDoesGivenNone() {
        int alone = 0;
        for (List<String> path : all()) {
            if (path.isEmpty() || spec(path).subcommands().isEmpty()) continue;
            String help = help(path);
            String usage = String.join(" ", synopsis(help));
            if (actsAlone(spec(path))) {
                alone++;
                assertTrue(usage.endsWith(" [COMMAND]"), usage);
                assertTrue(help.contains("Commands (given none, it "), help);
                assertFalse(help.contains("one is needed"), help);
            } else {
                assertTrue(usage.endsWith(" COMMAND"), usage);
                assertTrue(help.contains("Commands (one is needed; given none, it names them and exits with code 2):"), help);
            }
        }
        assertEquals(2, alone, "runs and mydigits");
    }

    /** {@code runs} alone lists the runs, {@code mydigits} the digits: their help says so. */
    @Test
    void runsAndMydigitsSayTheyListGivenNoCommand() {
        assertTrue(help(List.of("runs")).contains("Commands (given none, it lists the runs, as list does):"));
        assertTrue(help(List.of("mydigits")).contains("Commands (given none, it lists your digits, as list does):"));
    }

    @Test
    void helpNamesTheFilesAndFoldersAsTheyAre() {
        String predict = help(List.of("predict"));
        assertTrue(predict.contains("NAME.EXT.input.png") && predict.contains("NAME.EXT.input.K.png"), predict);
        assertFalse(predict.contains(" NAME.input.K.png"), predict);
        String mydigits = help(List.of("mydigits", "list"));
        assertTrue(mydigits.contains("$XDG_DATA_HOME/digitstudio/mydigits"), mydigits);
    }

    @Test
    void theSpecSyntaxNamesEveryKindOfLayerTheParserKnows() {
        // the spec editor's tooltip and --model's help show LayerTypes.usage(); batchnorm was once left out
        String usage = io.digitstudio.nn.LayerTypes.usage();
        for (String kind : io.digitstudio.nn.LayerTypes.words().split(", ")) assertTrue(usage.contains(kind), kind + " is missing from " + usage);
        assertTrue(usage.contains("batchnorm"), usage);
    }

    /** The top help says where the user's data is kept: the run history, their digits, the models fine-tuned on them. */
    @Test
    void theTopHelpSaysWhereTheDataIsKept() {
        String top = help(List.of());
        assertTrue(top.contains("\nWhere your data is kept"), top);
        assertTrue(top.contains("$DIGITSTUDIO_RUNS, else $XDG_DATA_HOME/digitstudio/runs"), top);
        assertTrue(top.contains("$DIGITSTUDIO_MYDIGITS, else $XDG_DATA_HOME/digitstudio/mydigits"), top);
        assertTrue(top.contains("models/ beside the digits' folder"), top);
        assertTrue(top.contains("($XDG_DATA_HOME is ~/.local/share when unset)"), top);
    }
}
