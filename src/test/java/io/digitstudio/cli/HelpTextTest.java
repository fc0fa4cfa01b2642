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
