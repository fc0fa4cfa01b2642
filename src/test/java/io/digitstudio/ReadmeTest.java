package io.digitstudio;

import io.digitstudio.cli.Cli;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The README and the pages under src/site/markdown say what the command line takes and prints; this keeps them true.
 * Every command line they quote must parse: a concrete one as picocli parses it, a usage line ({@code [--epochs N]},
 * {@code list|show ID}) by its subcommand and every option it names. Sample output shown after a {@code $ } prompt in
 * the README and the command-line guide must be what the command prints, run as a user runs it (its own process, in an
 * empty folder), with only what cannot repeat masked: epoch times and run ids.
 */
class ReadmeTest {
    static final Path ROOT = Path.of("").toAbsolutePath();
    /** Pages whose {@code $ } samples are run and compared; every page's command lines are parsed. */
    static final List<String> SAMPLE_PAGES = List.of("README.md", "src/site/markdown/guide/command-line.md",
            "src/site/markdown/guide/networks.md");
    /** How the pages start the app: the build's start script, or the jar itself. */
    private static final String START = "(?:target/digitstudio|java (?:-\\S+ )*-jar target/digitstudio\\.jar)(?![\\w.])";
    private static final Pattern JAR = Pattern.compile("^(?:\\$ )?" + START + "(?: (.*))?$");
    private static final Pattern INLINE_CODE = Pattern.compile("`(" + START + "[^`]*)`");
    private static final Pattern PLACEHOLDER = Pattern.compile("[A-Z][A-Z0-9_]*(\\.[a-z]+)?(\\.\\.\\.|…)?");
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--?[a-zA-Z][a-zA-Z0-9-]*");

    @TempDir
    Path work;

    /** A command line a page quotes, where. */
    record Quoted(String page, int line, String command) {
        @Override
        public String toString() {
            return page + ":" + line + ": " + command;
        }
    }

    /** A {@code $ } command and the lines shown after it. */
    record Sample(String page, int line, String command, List<String> expected) {
    }

    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> s = Files.walk(ROOT.resolve("src/site/markdown"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** Every command line of the jar quoted in {@code text}: in code blocks (continuation lines joined) and inline. */
    static List<Quoted> commandLines(String page, String text) {
        List<Quoted> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean inBlock = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (inBlock) {
                String command = withoutComment(line.strip());
                if (!JAR.matcher(command).matches()) continue;
                int at = i;
                while (i + 1 < lines.length && lines[i + 1].startsWith(" ") && lines[i + 1].strip().startsWith("[")) {
                    command += " " + withoutComment(lines[++i].strip());
                }
                found.add(new Quoted(page, at + 1, command));
            } else {
                Matcher m = INLINE_CODE.matcher(line);
                while (m.find()) found.add(new Quoted(page, i + 1, m.group(1).strip()));
            }
        }
        return found;
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf("  #");
        return hash < 0 ? line : line.substring(0, hash).strip();
    }

    /** The {@code $ } samples of a page: a code block's prompt lines and the output under each. */
    static List<Sample> samples(String page, String text) {
        List<Sample> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean inBlock = false;
        Sample current = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().startsWith("```")) {
                inBlock = !inBlock;
                current = null;
                continue;
            }
            if (!inBlock) continue;
            if (line.startsWith("$ ")) {
                current = new Sample(page, i + 1, line.substring(2).strip(), new ArrayList<>());
                found.add(current);
            } else if (current != null) {
                current.expected().add(line);
            }
        }
        return found;
    }

    /** Splits a command line as a shell does for these lines: spaces, with double or single quotes grouping. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) quote = 0;
                else w.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (c == ' ') {
                if (any || w.length() > 0) words.add(w.toString());
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
            }
        }
        if (any || w.length() > 0) words.add(w.toString());
        return words;
    }

    /** The words after {@code target/digitstudio} or {@code digitstudio.jar}. */
    static List<String> arguments(String command) {
        Matcher m = JAR.matcher(command);
        if (!m.matches()) throw new IllegalArgumentException("not a command line of the jar: " + command);
        return m.group(1) == null ? List.of() : words(m.group(1));
    }

    static boolean isUsage(List<String> args) {
        for (String a : args) {
            if (a.contains("[") || a.contains("]") || a.contains("|") || a.contains("...") || a.contains("…")) return true;
            if (PLACEHOLDER.matcher(a).matches()) return true;
        }
        return false;
    }

    /**
     * Fails unless the command line parses: a concrete one with picocli, a usage line by its subcommand (and the
     * subcommands it lists, {@code list|show}) and every option it names.
     */
    static void check(String command) {
        List<String> args = arguments(command);
        if (args.isEmpty()) return; // the window
        CommandLine cli = new CommandLine(new Cli());
        if (!isUsage(args)) {
            cli.parseArgs(args.toArray(String[]::new)); // throws a ParameterException with picocli's own message
            return;
        }
        Set<String> known = new LinkedHashSet<>(cli.getCommandSpec().optionsMap().keySet());
        String first = args.get(0);
        if (!first.startsWith("-")) { // else the top command's own options, known already
            CommandLine sub = cli.getSubcommands().get(first);
            if (sub == null) throw new AssertionError("no subcommand " + first + " (known: " + cli.getSubcommands().keySet() + ")");
            known.addAll(sub.getCommandSpec().optionsMap().keySet());
            Map<String, CommandLine> nested = sub.getSubcommands();
            if (!nested.isEmpty() && args.size() > 1) {
                for (String piece : args.get(1).split("\\|")) {
                    CommandLine n = nested.get(piece.strip());
                    if (n == null) throw new AssertionError(first + " has no subcommand " + piece + " (known: " + nested.keySet() + ")");
                }
                for (CommandLine n : nested.values()) known.addAll(n.getCommandSpec().optionsMap().keySet());
            }
        }
        for (String a : args) {
            Matcher m = OPTION.matcher(a);
            while (m.find()) {
                if (!known.contains(m.group())) throw new AssertionError("no option " + m.group() + " for " + first + " (known: " + known + ")");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyQuotedCommandLineParses() throws IOException {
        List<Quoted> all = new ArrayList<>();
        for (Path p : pages()) all.addAll(commandLines(ROOT.relativize(p).toString(), Files.readString(p)));
        assertTrue(all.size() >= 10, "the README and the guide quote command lines: " + all);
        return all.stream().map(q -> DynamicTest.dynamicTest(q.toString(), () -> {
            try {
                check(q.command());
            } catch (CommandLine.ParameterException e) {
                fail(q + ": " + e.getMessage());
            } catch (AssertionError e) {
                fail(q + ": " + e.getMessage());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> sampleOutputIsWhatTheCommandPrints() throws IOException {
        List<Sample> all = new ArrayList<>();
        for (String page : SAMPLE_PAGES) all.addAll(samples(page, Files.readString(ROOT.resolve(page))));
        assertTrue(all.stream().anyMatch(s -> s.page().equals("README.md")), "the README shows sample output");
        return all.stream().map(s -> DynamicTest.dynamicTest(s.page() + ":" + s.line() + ": " + s.command(), () -> {
            check(s.command());
            List<String> printed = printed(s.command());
            assertEquals(masked(s.expected()), masked(printed), s.page() + ":" + s.line() + ": what `" + s.command() + "` prints");
        }));
    }

    /** What a command printed, run once for all the pages that show it. */
    private List<String> printed(String command) throws IOException, InterruptedException {
        List<String> known = PRINTED.get(command);
        if (known != null) return known;
        Path folder = Files.createDirectories(work.resolve("sample-" + PRINTED.size()));
        List<String> out = runAsUser(folder, arguments(command));
        PRINTED.put(command, out);
        return out;
    }

    private static final Map<String, List<String>> PRINTED = new java.util.HashMap<>();

    /** Runs the jar's main class in its own process in {@code folder}, as a user would, and returns what it printed. */
    static List<String> runAsUser(Path folder, List<String> args) throws IOException, InterruptedException {
        Path assets = folder.resolve("assets");
        if (!Files.exists(assets)) Files.createSymbolicLink(assets, ROOT.resolve("assets"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("DIGITSTUDIO_RUNS", folder.resolve("runs").toString());
        env.put("DIGITSTUDIO_MYDIGITS", folder.resolve("mydigits").toString());
        env.put("XDG_DATA_HOME", folder.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("still running after 10 minutes: " + args);
        }
        return List.of(new String(out, StandardCharsets.UTF_8).split("\n"));
    }

    /** Lines without trailing blanks, epoch times and run ids masked, trailing empty lines dropped. */
    static List<String> masked(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.stripTrailing().replaceAll("time:\\d+(\\.\\d+)?s", "time:…").replaceAll("^took [0-9:]+$", "took …")
                    .replaceAll("\\b[0-9a-f]{8}\\b", "RUN_ID"));
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }

    /**
     * A jar started without the build's {@code native} folder beside it unpacks the native libraries into the user's
     * cache at its first start: the README says how much, and that figure is what the engine unpacks (within 10 %),
     * measured in the folder it unpacked them into.
     */
    @Test
    void theReadmeSaysHowMuchAFirstStartUnpacks() throws IOException {
        io.digitstudio.nn.Nd4jSetup.init();
        long bytes;
        try (Stream<Path> files = Files.walk(io.digitstudio.nn.Nd4jSetup.nativeCache())) {
            // each file once: a library's other names are links to it
            bytes = files.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).mapToLong(f -> f.toFile().length()).sum();
        }
        double unpacked = bytes / (1024.0 * 1024.0);
        Matcher said = Pattern.compile("unpacks about (\\d+) MB of native libraries").matcher(Files.readString(ROOT.resolve("README.md")));
        assertTrue(said.find(), "the README says how much a first start unpacks");
        double mb = Double.parseDouble(said.group(1));
        assertTrue(Math.abs(mb - unpacked) <= 0.1 * unpacked, "the README says " + mb + " MB; a first start unpacks " + Math.round(unpacked) + " MB");
    }

    /** The README's one sentence that lists the subcommands, up to the guide's link after it. */
    private static final Pattern SUBCOMMAND_LIST = Pattern.compile("when given a subcommand: ((?:`[a-z-]+`(?:,\\s+|\\s+and\\s+)?)+)");

    /** The subcommands a README names in its list, in its order; empty when it has no such list. */
    static List<String> subcommandsListed(String readme) {
        Matcher m = SUBCOMMAND_LIST.matcher(readme);
        if (!m.find()) return List.of();
        List<String> names = new ArrayList<>();
        Matcher name = Pattern.compile("`([a-z-]+)`").matcher(m.group(1));
        while (name.find()) names.add(name.group(1));
        return names;
    }

    /** The command line's subcommands in the order --help lists them, without help itself. */
    static List<String> subcommands() {
        return new CommandLine(new Cli()).getSubcommands().values().stream().map(CommandLine::getCommandName).distinct()
                .filter(n -> !n.equals("help")).toList();
    }

    /** The README listed eight of the twelve subcommands; its list is the command line's, so a new one cannot be left out. */
    /**
     * The README's "Where things are kept" rows for the user's data say what the app reads: $XDG_DATA_HOME first, and
     * fine-tuned models beside the digits' folder (the app writes them there), as 'digitstudio --help' says.
     */
    @Test
    void theReadmeSaysTheDataFoldersFollowXdgDataHome() throws IOException {
        List<String> rows = Files.readString(ROOT.resolve("README.md")).lines().filter(l -> l.startsWith("| ")).toList();
        for (String what : List.of("the run history", "your digits", "fine-tuned models")) {
            String row = rows.stream().filter(l -> l.startsWith("| " + what + " |")).findFirst().orElseThrow(() -> new AssertionError("no row for " + what));
            assertTrue(row.contains("$XDG_DATA_HOME/digitstudio/"), row);
        }
        String models = rows.stream().filter(l -> l.startsWith("| fine-tuned models |")).findFirst().orElseThrow();
        assertTrue(models.contains("beside the digits' folder"), models);
    }

    @Test
    void theReadmeListsEverySubcommand() throws IOException {
        assertEquals(subcommands(), subcommandsListed(Files.readString(ROOT.resolve("README.md"))),
                "the README's \"when given a subcommand:\" list against 'digitstudio --help'");
    }

    /**
     * The README said only that train "writes a new file": it names the file train picks when --out is not given and
     * model.npz is taken, which is the name the run's session chooses.
     */
    @Test
    void theReadmeNamesTheFileTrainWritesWithoutOut() throws IOException {
        Files.writeString(work.resolve("model.npz"), "taken");
        String next = io.digitstudio.runs.TrainingSession.freeName(work.resolve("model.npz")).getFileName().toString();
        String readme = Files.readString(ROOT.resolve("README.md")).replaceAll("\\s+", " ");
        assertTrue(readme.contains("`train` without `--out` writes `model.npz`, or `" + next + "`"), "the README names " + next);
        assertTrue(readme.contains("never replaces a file without `--force`"), "the README says a file is replaced only with --force");
    }

    // The checks themselves must be able to fail.

    @Test
    void aSubcommandListIsReadInItsOrderUpToTheLink() {
        assertEquals(List.of("train", "eval", "lr-find"),
                subcommandsListed("runs the command line when given a subcommand: `train`, `eval` and\n`lr-find` ([the guide](x.md)). `predict` is not"));
        assertEquals(List.of(), subcommandsListed("no list here: `train`"));
    }

    @Test
    void anUnknownOptionOrSubcommandFailsTheCheck() {
        assertThrows(CommandLine.ParameterException.class, () -> check("java -jar target/digitstudio.jar train --epoch 3"));
        assertThrows(AssertionError.class, () -> check("java -jar target/digitstudio.jar train [--epoch N]"));
        assertThrows(CommandLine.ParameterException.class, () -> check("java -jar target/digitstudio.jar trian --epochs 3"));
        assertThrows(AssertionError.class, () -> check("java -jar target/digitstudio.jar trian [--epochs N]"));
        assertThrows(AssertionError.class, () -> check("java -jar target/digitstudio.jar runs list|shwo ID"));
        check("java -jar target/digitstudio.jar train [--epochs N] [--model tutorial|wide|lenet|\"SPEC\"]");
        check("java -jar target/digitstudio.jar runs list|show ID|compare ID ID... [--runs-dir DIR]");
        check("java -Xmx512m -jar target/digitstudio.jar");
        check("target/digitstudio runs list|show ID|compare ID ID... [--runs-dir DIR]");
        assertThrows(CommandLine.ParameterException.class, () -> check("target/digitstudio train --epoch 3"));
    }

    @Test
    void commandLinesAreFoundInBlocksWithTheirContinuationsAndInline() {
        String page = """
                Run `java -jar target/digitstudio.jar eval --model m.npz` to see, or `target/digitstudio --help`.
                ```
                $ java -jar target/digitstudio.jar train [--epochs 10]
                      [--lr 0.01]  # the rate
                epoch:01 ...
                ```
                """;
        List<Quoted> q = commandLines("x.md", page);
        assertEquals(List.of("java -jar target/digitstudio.jar eval --model m.npz", "target/digitstudio --help",
                "$ java -jar target/digitstudio.jar train [--epochs 10] [--lr 0.01]"), q.stream().map(Quoted::command).toList());
        List<Sample> s = samples("x.md", page);
        assertEquals(1, s.size());
        assertEquals(List.of("      [--lr 0.01]  # the rate", "epoch:01 ..."), s.get(0).expected());
    }

    @Test
    void maskingHidesOnlyTimesAndRunIds() {
        assertEquals(List.of("epoch:01 val_accuracy:0.9284 time:…", "recorded as run RUN_ID", "took …"),
                masked(List.of("epoch:01 val_accuracy:0.9284 time:1.26s  ", "recorded as run 64c5dae8", "took 1:02:03", "")));
        assertFalse(masked(List.of("val_accuracy:0.9284")).equals(masked(List.of("val_accuracy:0.9288"))));
    }
}
