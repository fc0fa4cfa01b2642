package io.digitstudio.cli;

import io.digitstudio.data.DrawnDigitsAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** What a new user still tripped over on the command line, each as it was reported, run in-process. */
class CliFirstUseTest {
    @TempDir
    Path dir;

    private static void oneLine(CliTest.Run r) {
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void runsCompareWithOneIdSaysSoInOneLineNamingRunsCompare() {
        CliTest.Run r = CliTest.run("runs", "compare", "abc", "--runs-dir", dir.toString());
        assertEquals(2, r.code());
        oneLine(r);
        assertTrue(r.err().contains("digitstudio runs compare: error: give two or more runs to compare"), r.err());
        assertFalse(r.err().contains("digitstudio compare"), r.err());
    }

    /** runs compare with no id at all said picocli's "Missing required parameter: 'ID'"; it says what to give, and where the ids are. */
    @Test
    void runsCompareWithNoIdSaysItNeedsTwoAndWhereTheIdsAre() {
        CliTest.Run r = CliTest.run("runs", "compare", "--runs-dir", dir.toString());
        assertEquals(2, r.code());
        assertEquals("digitstudio runs compare: error: give two or more run ids to compare ('digitstudio runs list' shows the ids)"
                + " (see 'digitstudio runs compare --help')", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void parameterErrorsAreOneLineNamingTheWholeCommand() {
        CliTest.Run r = CliTest.run("runs", "show", "--runs-dir", dir.toString());
        assertEquals(2, r.code());
        oneLine(r);
        assertTrue(r.err().contains("see 'digitstudio runs show --help'"), r.err());
    }

    @Test
    void aMistypedCommandOrOptionGetsADidYouMean() {
        CliTest.Run top = CliTest.run("trian");
        assertEquals(2, top.code());
        oneLine(top);
        assertTrue(top.err().contains("unknown command 'trian'; did you mean train?"), top.err());
        CliTest.Run sub = CliTest.run("runs", "lst");
        assertTrue(sub.err().contains("did you mean list?"), sub.err());
        CliTest.Run option = CliTest.run("eval", "--model", "x.npz", "--test-szie", "5");
        assertEquals(2, option.code());
        assertTrue(option.err().contains("did you mean --test-size?"), option.err());
    }

    @Test
    void helpForAMistypedCommandAnswersAsTheMistypedCommandDoes() {
        CliTest.Run command = CliTest.run("trian");
        CliTest.Run help = CliTest.run("help", "trian");
        assertEquals(command.code(), help.code(), help.err());
        oneLine(help);
        assertEquals("digitstudio: error: unknown command 'trian'; did you mean train? (see 'digitstudio --help')", help.err().strip());
        assertEquals("", help.out());
    }

    @Test
    void helpTakesASubcommandsWholeNameAndAnswersItsTyposAsTheSubcommandDoes() {
        CliTest.Run show = CliTest.run("help", "runs", "show");
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("Usage: digitstudio runs show"), show.out());
        CliTest.Run command = CliTest.run("runs", "shwo");
        CliTest.Run help = CliTest.run("help", "runs", "shwo");
        assertEquals(command.code(), help.code(), help.err());
        oneLine(help);
        assertEquals("digitstudio runs: error: unknown command 'shwo'; did you mean show? (see 'digitstudio runs --help')", help.err().strip());
        assertEquals(command.err().strip(), help.err().strip());
        CliTest.Run leaf = CliTest.run("help", "train", "extra");
        assertEquals(2, leaf.code(), leaf.err());
        oneLine(leaf);
        assertEquals("digitstudio train: error: unexpected argument 'extra' (see 'digitstudio train --help')", leaf.err().strip());
    }

    @Test
    void aWordACommandHasNoPlaceForIsNamedNotCounted() {
        CliTest.Run extra = CliTest.run("summary", "--model", "lenet", "extra");
        assertEquals(2, extra.code());
        oneLine(extra);
        assertTrue(extra.err().startsWith("digitstudio summary: error: unexpected argument 'extra' (see"), extra.err());
    }

    @Test
    void aSwapOfTwoLettersOrAMistypedPresetGetsADidYouMeanToo() {
        CliTest.Run sub = CliTest.run("runs", "lsit");
        assertEquals(2, sub.code());
        oneLine(sub);
        assertTrue(sub.err().contains("unknown command 'lsit'; did you mean list?"), sub.err());
        CliTest.Run summary = CliTest.run("summary", "--model", "lenett");
        assertEquals(2, summary.code(), summary.err());
        oneLine(summary);
        assertTrue(summary.err().contains("unknown network 'lenett'; did you mean lenet?"), summary.err());
        assertTrue(summary.err().contains("presets: tutorial, wide, lenet"), summary.err());
    }

    /**
     * A mistyped preset was answered with the layer parser's error nested inside the presets' parentheses, one long line:
     * a word that is no preset is answered with the presets and what a spec looks like, no parentheses inside others.
     */
    @Test
    void aMistypedPresetIsAnsweredInOneShortLineWithoutNestedParentheses() {
        CliTest.Run summary = CliTest.run("summary", "--model", "lenett");
        assertEquals(2, summary.code(), summary.err());
        assertEquals("digitstudio summary: error: --model: unknown network 'lenett'; did you mean lenet? (presets: tutorial, wide, lenet;"
                + " or a spec such as 'linear 100, relu, linear') (see 'digitstudio summary --help')", summary.err().strip());
        CliTest.Run far = CliTest.run("summary", "--model", "transformer");
        assertEquals(2, far.code(), far.err());
        assertEquals("digitstudio summary: error: --model: unknown network 'transformer' (presets: tutorial, wide, lenet;"
                + " or a spec such as 'linear 100, relu, linear') (see 'digitstudio summary --help')", far.err().strip());
    }

    @Test
    void everyErrorLineHasOneFormNamingItsCommand() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.npz"), "not a zip");
        Path text = Files.writeString(dir.resolve("notes.txt"), "no picture");
        String runs = dir.resolve("runs").toString();
        // each: the arguments, then the command the line must name, then a piece of its message
        String[][] cases = {
                {"train --foo", "digitstudio train", "unknown option '--foo'"},
                {"train --epochs many", "digitstudio train", "--epochs must be a whole number, got 'many'"},
                {"--bogus", "digitstudio", "unknown option '--bogus'"},
                {"trian", "digitstudio", "unknown command 'trian'; did you mean train?"},
                {"runs lst", "digitstudio runs", "unknown command 'lst'; did you mean list?"},
                {"runs show --runs-dir " + runs, "digitstudio runs show", "give the id of the run to show ('digitstudio runs list' shows the ids)"},
                {"runs compare abc --runs-dir " + runs, "digitstudio runs compare", "give two or more runs to compare"},
                {"predict --top -1 x.png", "digitstudio predict", "--top must be at least 0"},
                {"predict " + text, "digitstudio predict", "not an image"},
                {"train --data " + dir.resolve("none") + " --out " + dir.resolve("m.npz"), "digitstudio train", "not found"},
                {"eval --model " + junk, "digitstudio eval", "not an .npz file"},
        };
        for (String[] c : cases) {
            CliTest.Run r = CliTest.run(c[0].split(" "));
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            List<String> ours = r.err().strip().lines().filter(l -> l.startsWith("digitstudio")).toList();
            assertEquals(1, ours.size(), c[0] + ": " + r.err());
            String line = ours.get(0);
            assertTrue(line.startsWith(c[1] + ": error: "), c[0] + ": " + line);
            assertTrue(line.contains(c[2]), c[0] + ": " + line);
            assertTrue(Character.isLowerCase(line.charAt((c[1] + ": error: ").length())) || line.charAt((c[1] + ": error: ").length()) == '-'
                    || line.charAt((c[1] + ": error: ").length()) == '/', "the message follows in the project's words: " + line);
        }
    }

    /**
     * A value the command checks itself, or options that do not go together, are a usage error as much as one picocli
     * finds: one line that ends with the help of the command that refused it (a subcommand by its whole name), exit 2.
     * (They ended without it, and only picocli's own errors said where the help is.)
     */
    @Test
    void everyUsageErrorEndsWithTheHelpOfItsCommand() throws Exception {
        String runs = Files.createDirectories(dir.resolve("runs")).toString();
        Path model = dir.resolve("m.npz");
        // each: the arguments, the command the line must name, a piece of its message
        String[][] cases = {
                {"train --epochs 0", "digitstudio train", "--epochs must be at least 1, got 0"},
                {"train --lr -1", "digitstudio train", "--lr must be a positive number, got -1"},
                {"train --warmup -1", "digitstudio train", "--warmup must be at least 0"},
                {"train --early-stop 0", "digitstudio train", "--early-stop must be at least 1"},
                {"train --optimizer nadam", "digitstudio train", "unknown optimizer 'nadam'"},
                {"train --model lenett", "digitstudio train", "unknown network 'lenett'"},
                {"train --units 5 --model lenet", "digitstudio train", "--units applies only to the tutorial MLP"},
                {"train --train-size 0", "digitstudio train", "--train-size must be at least 1"},
                {"train --lr-shift exponential:-1", "digitstudio train", "--lr-shift exponential:-1"},
                {"train --extra-weight 2", "digitstudio train", "--extra-weight needs --extra-data"},
                {"runs list --runs-dir " + dir.resolve("nowhere"), "digitstudio runs list", "--runs-dir " + dir.resolve("nowhere") + ": not found"},
                {"runs compare abc --runs-dir " + runs, "digitstudio runs compare", "give two or more runs to compare"},
                {"predict --top -1 x.png", "digitstudio predict", "--top must be at least 0"},
                {"predict --cnn --model " + model + " x.png", "digitstudio predict", "--cnn and --model both choose the model"},
                {"eval --model " + model + " --batch-size 0", "digitstudio eval", "--batch-size must be at least 1"},
                {"summary --model lenet --classes 1", "digitstudio summary", "--classes must be between 2 and 100000"},
                {"summary --model \"linear 10, relu, maxpol 2\"", "digitstudio summary", "--model: "},
                {"inspect --cnn --model " + model, "digitstudio inspect", "--cnn and --model both choose the model"},
                {"explain --bench --queries 0", "digitstudio explain", "--queries must be between 1 and 10000"},
                {"bench --threads 0", "digitstudio bench", "--threads must be between 1 and 64"},
                {"bench --model-file " + model, "digitstudio bench", "--model-file applies to --predict"},
                {"lr-find --iterations 3", "digitstudio lr-find", "--iterations must be between 10"},
                {"sweep --epochs 0 --runs-dir " + runs, "digitstudio sweep", "--epochs must be at least 1"},
                {"sweep --lr log:0.0001:0.1 --runs-dir " + runs, "digitstudio sweep", "--lr log:0.0001:0.1 is a range"},
                {"export " + model + " " + dir.resolve("m.bin") + " --format foo", "digitstudio export", "--format must be onnx, safetensors or npz"},
        };
        for (String[] c : cases) {
            CliTest.Run r = CliTest.run(args(c[0]));
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            oneLine(r);
            String line = r.err().strip();
            assertTrue(line.startsWith(c[1] + ": error: "), c[0] + ": " + line);
            assertTrue(line.contains(c[2]), c[0] + ": " + line);
            assertTrue(line.endsWith(" (see '" + c[1] + " --help')"), c[0] + ": the help of its command at the end: " + line);
            assertEquals(1, line.split("\\(see '", -1).length - 1, c[0] + ": one hint: " + line);
        }
    }

    /**
     * A number picocli cannot read was said in its words ("invalid value for option '--batch-size': 'abc' is not an
     * int") and 1e999 was taken as Infinity ("--lr must be a number, got Infinity"). Every numeric option of every
     * command now says one sentence naming the option, as the Train form says it for its field, and ends as every usage
     * error does.
     */
    @Test
    void everyNumericOptionRefusesTextThatIsNoNumberInTheProjectsWords() {
        int checked = 0;
        for (picocli.CommandLine command : commands(new picocli.CommandLine(new Cli()))) {
            String name = command.getCommandSpec().qualifiedName();
            String[] path = name.replaceFirst("^digitstudio ?", "").isEmpty() ? new String[0] : name.replaceFirst("^digitstudio ", "").split(" ");
            for (picocli.CommandLine.Model.OptionSpec o : command.getCommandSpec().options()) {
                Class<?> t = o.type();
                boolean whole = t == int.class || t == Integer.class || t == long.class || t == Long.class;
                boolean real = t == double.class || t == Double.class;
                if (!whole && !real) continue;
                String option = o.longestName();
                String kind = whole ? " must be a whole number, got " : " must be a number, got ";
                String[][] cases = {
                        {"abc", option + kind + "'abc'"},
                        {"", option + kind + "nothing"},
                        {"1e999", whole ? option + kind + "'1e999'" : option + " is too large a number, got 1e999"},
                        whole ? new String[]{"99999999999999999999", option + " is too large a number, got 99999999999999999999"}
                                : new String[]{"-1e999", option + " is too large a number, got -1e999"},
                };
                for (String[] c : cases) {
                    String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(path), java.util.stream.Stream.of(option, c[0])).toArray(String[]::new);
                    CliTest.Run r = CliTest.run(args);
                    String said = String.join(" ", args);
                    assertEquals(2, r.code(), said + ": " + r.err());
                    assertEquals(name + ": error: " + c[1] + " (see '" + name + " --help')", r.err().strip(), said);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 4 * 40, "every command's numbers were tried: " + checked);
    }

    private static List<picocli.CommandLine> commands(picocli.CommandLine top) {
        List<picocli.CommandLine> all = new java.util.ArrayList<>(List.of(top));
        for (picocli.CommandLine sub : top.getSubcommands().values()) all.addAll(commands(sub));
        return all;
    }

    /**
     * bench checked its numbers in the engine's words ("epochs must be between 1 and 10000", "batch size …", "BLAS
     * threads must be at least 1" without the help's hint, after the engine had started); it now says them as train does.
     */
    @Test
    void benchRefusesItsNumbersAsTrainDoes() {
        String[][] cases = {
                {"bench --epochs 0", "--epochs must be at least 1, got 0"},
                {"bench --epochs -1", "--epochs must be at least 1, got -1"},
                {"bench --batch-size 0", "--batch-size must be at least 1, got 0"},
                {"bench --batch-size 70000", "--batch-size must be at most 60000, got 70000"},
                {"bench --blas-threads 0", "--blas-threads must be between 1 and 64, got 0"},
                {"bench --threads 0", "--threads must be between 1 and 64, got 0"},
                {"bench --health only", "--health must be off, idle or on, got 'only'"},
        };
        for (String[] c : cases) {
            CliTest.Run r = CliTest.run(c[0].split(" "));
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            assertEquals("digitstudio bench: error: " + c[1] + " (see 'digitstudio bench --help')", r.err().strip(), c[0]);
            assertEquals("", r.out(), c[0] + ": refused before anything is timed");
        }
    }

    /**
     * A word the user typed is echoed in quotes, so that it never runs into the sentence ("got only onlyone", "got only"
     * for --format only), and a number as it was typed (0, not 0.0; 1e-6, not 1.0E-6).
     */
    @Test
    void anEchoedValueReadsAsTheValueTyped() throws Exception {
        Path model = dir.resolve("m.npz");
        String[][] cases = {
                {"runs compare onlyone --runs-dir " + Files.createDirectories(dir.resolve("runs")), "digitstudio runs compare",
                        "give two or more runs to compare, got one: 'onlyone' ('digitstudio runs list' shows the ids)"},
                {"predict --format only x.png", "digitstudio predict", "--format must be text, csv or json, got 'only'"},
                {"eval --model " + model + " --format only", "digitstudio eval", "--format must be text, json or csv, got 'only'"},
                {"export " + model + " " + dir.resolve("m.bin") + " --format only", "digitstudio export", "--format must be onnx, safetensors or npz, got 'only'"},
                {"lr-find --start 0", "digitstudio lr-find", "--start must be a positive rate, got 0"},
                {"lr-find --end -1", "digitstudio lr-find", "--end must be a rate above --start (1e-6), got -1"},
                {"train --snapshot-every 0", "digitstudio train", "--snapshot-every must be at least 1, got 0"},
                {"train --keep -1", "digitstudio train", "--keep must be at least 1, got -1"},
                {"train --extra-weight 0 --extra-data " + dir.resolve("none"), "digitstudio train", "--extra-weight must be between 1 and 1000, got 0"},
                // a number inside a value: the same sentences, not Java's ("not a number (empty String)")
                {"train --lr-shift exponential:", "digitstudio train", "--lr-shift exponential:: the rate must be a number, got nothing"},
                {"train --lr-shift exponential:abc", "digitstudio train", "--lr-shift exponential:abc: the rate must be a number, got 'abc'"},
                {"train --lr-shift step:0.1@x", "digitstudio train", "--lr-shift step:0.1@x: each epoch must be a whole number, got 'x'"},
                {"sweep --lr 1e999 --runs-dir " + dir.resolve("runs"), "digitstudio sweep", "--lr: 1e999 is too large a number"},
        };
        for (String[] c : cases) {
            CliTest.Run r = CliTest.run(args(c[0]));
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            assertEquals(c[1] + ": error: " + c[2] + " (see '" + c[1] + " --help')", r.err().strip(), c[0]);
        }
    }

    /**
     * An error about a file or what it holds is not a usage error: its line says what is wrong with the file, without
     * the hint to the help, which says nothing about it; the exit code stays the guide's (2: a file not there or not
     * what it should be).
     */
    @Test
    void anErrorAboutAFileHasNoHintToTheHelp() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.npz"), "not a zip");
        Path text = Files.writeString(dir.resolve("notes.txt"), "no picture");
        Path taken = Files.writeString(dir.resolve("taken.onnx"), "mine");
        String[][] cases = {
                {"eval --model " + dir.resolve("none.npz"), "digitstudio eval"},
                {"eval --model " + junk, "digitstudio eval"},
                {"predict " + text, "digitstudio predict"},
                {"train --data " + dir.resolve("none") + " --out " + dir.resolve("m.npz"), "digitstudio train"},
                {"export " + junk + " " + taken, "digitstudio export"},
        };
        for (String[] c : cases) {
            CliTest.Run r = CliTest.run(args(c[0]));
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            List<String> ours = r.err().strip().lines().filter(l -> l.startsWith("digitstudio")).toList();
            assertEquals(1, ours.size(), c[0] + ": " + r.err());
            assertTrue(ours.get(0).startsWith(c[1] + ": error: "), c[0] + ": " + ours.get(0));
            assertFalse(ours.get(0).contains("(see '"), c[0] + ": " + ours.get(0));
        }
    }

    /** The words of a command line, a part in double quotes as one word (as a shell splits it). */
    private static String[] args(String line) {
        List<String> words = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) words.add(m.group(1) != null ? m.group(1) : m.group(2));
        return words.toArray(String[]::new);
    }

    @Test
    void trainOnAFolderThatHoldsNoDataSaysWhatADataFolderHolds() throws Exception {
        Path tmp = dir.resolve("tmp");
        for (int i = 0; i < 40; i++) Files.createDirectories(tmp.resolve("job-" + i));
        picture(tmp.resolve("screenshots").resolve("a.png"), 3);
        Path out = dir.resolve("m.npz");
        CliTest.Run r = CliTest.run("train", "--data", tmp.toString(), "--epochs", "1", "--out", out.toString(), "--runs-dir", dir.resolve("runs").toString());
        assertEquals(2, r.code(), r.err());
        List<String> ours = r.err().strip().lines().filter(l -> l.startsWith("digitstudio")).toList();
        assertEquals(1, ours.size(), r.err());
        assertTrue(ours.get(0).startsWith("digitstudio train: error: " + tmp + ": not a data folder (no IDX files; 1 of its 41 subfolders holds pictures)"), ours.get(0));
        assertTrue(ours.get(0).contains("one subfolder of pictures per class") && ours.get(0).contains("Kaggle CSV"), ours.get(0));
        assertFalse(Files.exists(out));
    }

    @Test
    void perFileLinesNameTheFileAsItWasGivenSoTwoOfTheSameNameDiffer() throws Exception {
        Path sub = dir.resolve("sub");
        picture(sub.resolve("a").resolve("x.png"), 3);
        picture(sub.resolve("b").resolve("x.png"), 7);
        Files.writeString(Files.createDirectories(sub.resolve("c")).resolve("x.png"), "not a picture");
        // as typed, relative to the working folder
        Path rel = Path.of("").toAbsolutePath().relativize(sub);
        CliTest.Run files = CliTest.run("predict", rel.resolve("a/x.png").toString(), rel.resolve("b/x.png").toString(), rel.resolve("c/x.png").toString());
        assertEquals(2, files.code(), files.err());
        List<String> lines = files.out().strip().lines().toList();
        assertEquals(2, lines.size(), files.out());
        assertTrue(lines.get(0).startsWith(rel.resolve("a/x.png") + " "), lines.get(0));
        assertTrue(lines.get(1).startsWith(rel.resolve("b/x.png") + " "), lines.get(1));
        assertTrue(files.err().contains("digitstudio predict: error: " + rel.resolve("c/x.png") + ": not an image"), files.err());
        // a folder: each file below it, named with the folder as given
        CliTest.Run folder = CliTest.run("predict", "--format", "csv", rel.toString());
        assertEquals(2, folder.code(), folder.err());
        assertTrue(folder.out().contains("\n" + rel.resolve("a/x.png") + ",") && folder.out().contains("\n" + rel.resolve("b/x.png") + ","), folder.out());
        assertTrue(folder.err().contains(": error: " + rel.resolve("c/x.png") + ": not an image"), folder.err());
        // mydigits import names each file by its path in the folder given
        Path mine = dir.resolve("mine");
        picture(mine.resolve("notes").resolve("a.png"), 1);
        picture(mine.resolve("scans").resolve("a.png"), 2);
        CliTest.Run imp = importInto(mine);
        assertTrue(imp.err().contains("skipped notes/a.png: no label") && imp.err().contains("skipped scans/a.png: no label"), imp.err());
    }

    private static void picture(Path file, int digit) throws Exception {
        java.awt.image.BufferedImage img = new DrawnDigitsAccess(digit).draw(digit, 100);
        Files.createDirectories(file.getParent());
        assertTrue(javax.imageio.ImageIO.write(img, "png", file.toFile()));
    }

    private CliTest.Run importInto(Path from) {
        return CliTest.run("mydigits", "import", from.toString(), "--dir", dir.resolve("mine").toString());
    }

    @Test
    void myDigitsImportHasOneRuleForItsExitCodeAndTheTrueReasonPerFile() throws Exception {
        CliTest.Run missing = importInto(dir.resolve("nowhere"));
        assertEquals(2, missing.code());
        oneLine(missing);
        assertTrue(missing.err().contains("nowhere: not found"), missing.err());

        CliTest.Run empty = importInto(Files.createDirectory(dir.resolve("empty")));
        assertEquals(2, empty.code(), "nothing to import is not a success: " + empty.err());
        oneLine(empty);
        assertTrue(empty.err().contains("no images found in " + dir.resolve("empty")), empty.err());

        Path text = Files.createDirectory(dir.resolve("text"));
        Files.writeString(text.resolve("readme.txt"), "my digits");
        CliTest.Run onlyText = importInto(text);
        assertEquals(2, onlyText.code());
        oneLine(onlyText);
        assertTrue(onlyText.err().contains("no images found") && onlyText.err().contains("1 other file passed over"), onlyText.err());
        assertFalse(onlyText.err().contains("no label"), "a text file is not a picture without a label: " + onlyText.err());

        Path mixed = Files.createDirectory(dir.resolve("mixed"));
        picture(mixed.resolve("3.png"), 3);
        picture(mixed.resolve("385.png"), 3);
        picture(mixed.resolve("8/385.png"), 8);
        Files.writeString(mixed.resolve("readme.txt"), "my digits");
        CliTest.Run some = importInto(mixed);
        assertEquals(2, some.code(), "a picture left out is an error: " + some.err());
        assertTrue(some.out().contains("added 2 digits from " + mixed + "; skipped 1"), some.out());
        assertTrue(some.err().contains("skipped 385.png: its name starts with the number 385, not one digit"), some.err());
        assertTrue(some.err().contains("passed over readme.txt: not an image"), some.err());

        Path good = Files.createDirectory(dir.resolve("good"));
        picture(good.resolve("5_a.png"), 5);
        Files.writeString(good.resolve("notes.txt"), "about them");
        CliTest.Run all = importInto(good);
        assertEquals(0, all.code(), "every picture was added: " + all.err());
        assertTrue(all.out().contains("added 1 digit from"), all.out());
    }

    @Test
    void optionsThatMakeNoSenseTogetherAreRefusedInOneLine() throws Exception {
        CliTest.Run modelFile = CliTest.run("bench", "--model-file", "m.npz", "--epochs", "1");
        assertEquals(2, modelFile.code());
        assertTrue(modelFile.err().contains("--model-file applies to --predict"), modelFile.err());

        Path nowhere = dir.resolve("nonexistent");
        for (String command : new String[]{"list", "show"}) {
            String[] args = command.equals("list") ? new String[]{"runs", "list", "--runs-dir", nowhere.toString()}
                    : new String[]{"runs", "show", "abc", "--runs-dir", nowhere.toString()};
            CliTest.Run r = CliTest.run(args);
            assertEquals(2, r.code(), "a mistyped --runs-dir is not an empty history: " + r.err());
            oneLine(r);
            assertTrue(r.err().contains("--runs-dir " + nowhere + ": not found"), r.err());
        }
        assertFalse(Files.exists(nowhere), "nothing is created");
        CliTest.Run empty = CliTest.run("runs", "list", "--runs-dir", Files.createDirectory(dir.resolve("runs")).toString());
        assertEquals(0, empty.code(), empty.err());
        assertTrue(empty.err().contains("no runs recorded"), empty.err());
    }

    /** The built-in model as a file, as a user would hand it to eval. */
    private Path builtInModel() throws Exception {
        Path model = dir.resolve("built-in.npz");
        try (var in = io.digitstudio.io.ModelFiles.class.getResourceAsStream(io.digitstudio.io.ModelFiles.DEFAULT_MODEL_RESOURCE)) {
            Files.copy(in, model, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return model;
    }

    @Test
    void evalNeedsOnlyTheTestFiles() throws Exception {
        Path data = Files.createDirectory(dir.resolve("testonly"));
        int n = 50;
        byte[] pixels = new byte[n * 28 * 28];
        byte[] labels = new byte[n];
        java.util.Random r = new java.util.Random(1);
        r.nextBytes(pixels);
        for (int i = 0; i < n; i++) labels[i] = (byte) (i % 10);
        io.digitstudio.io.IdxWriter.images(data.resolve("t10k-images-idx3-ubyte"), pixels, n, 28, 28);
        io.digitstudio.io.IdxWriter.labels(data.resolve("t10k-labels-idx1-ubyte"), labels);
        CliTest.Run e = CliTest.run("eval", "--model", builtInModel().toString(), "--data", data.toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().strip().matches("test_loss:\\d+\\.\\d{4} test_accuracy:[01]\\.\\d{4}"), e.out());

        Files.delete(data.resolve("t10k-labels-idx1-ubyte"));
        CliTest.Run missing = CliTest.run("eval", "--model", builtInModel().toString(), "--data", data.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("missing t10k-labels-idx1-ubyte") && missing.err().contains("evaluating needs the two test files"), missing.err());
        CliTest.Run help = CliTest.run("eval", "--help");
        assertTrue(help.out().contains("the training files are not needed"), help.out());
    }

    @Test
    void evalOfASnapshotSaysSoAndEvaluatesTheModelItHolds() throws Exception {
        Path snaps = dir.resolve("snaps");
        Path model = dir.resolve("m.npz");
        CliTest.Run t = CliTest.run("train", "--epochs", "1", "--train-size", "500", "--test-size", "100", "--units", "16", "--snapshot-every", "1",
                "--snapshot-dir", snaps.toString(), "--out", model.toString(), "--no-record");
        assertEquals(0, t.code(), t.err());
        Path snap = snaps.resolve("snapshot_epoch_0001.npz");
        CliTest.Run fromModel = CliTest.run("eval", "--model", model.toString(), "--test-size", "300");
        CliTest.Run fromSnap = CliTest.run("eval", "--model", snap.toString(), "--test-size", "300");
        assertEquals(0, fromSnap.code(), fromSnap.err());
        assertTrue(fromSnap.err().contains("snapshot_epoch_0001.npz is a training snapshot: using the model it holds"), fromSnap.err());
        assertTrue(fromSnap.err().contains("resuming the snapshot continues its training"), fromSnap.err());
        assertEquals(fromModel.out(), fromSnap.out(), "the snapshot's model is the run's model");
    }

    @Test
    void predictOnAPictureOfSeveralDigitsSaysSoAndSuggestsNumber() throws Exception {
        io.digitstudio.data.CameraDigits.Shot shot = new io.digitstudio.data.CameraDigits(32).number(new int[]{3, 8, 5});
        Path number = Files.write(dir.resolve("385." + shot.extension()), shot.bytes());
        Path seven = dir.resolve("seven.png");
        picture(seven, 7);
        CliTest.Run r = CliTest.run("predict", number.toString(), seven.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.out().strip().lines().count(), "one line per picture, as before: " + r.out());
        assertEquals(1, r.err().lines().filter(l -> l.contains("note: ")).count(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.equals("digitstudio predict: note: " + number + " holds 3 digits, read here as one;"
                + " predict --number reads it as a number")), "a note has the prefix the command's other lines have: " + r.err());
    }

    @Test
    void inspectsActivationsPictureNamesItsLayers() throws Exception {
        Path seven = dir.resolve("seven.png");
        picture(seven, 7);
        Path out = dir.resolve("report");
        CliTest.Run r = CliTest.run("inspect", "--cnn", "--image", seven.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        java.awt.image.BufferedImage acts = javax.imageio.ImageIO.read(out.resolve("activations.png").toFile());
        // the picture opens with a caption (dark text on white), not with the first layer's maps on their grey ground
        int dark = 0, grey = 0;
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < acts.getWidth(); x++) {
                int c = acts.getRGB(x, y) & 0xFFFFFF;
                if ((c & 0xFF) < 0x80) dark++;
                if (c == 0x9CA3AF) grey++;
            }
        }
        assertTrue(dark > 20, "text in the caption strip: " + dark);
        assertEquals(0, grey, "no activation ground in the caption strip");
        // five steps of LeNet, each with its caption strip above it: the stack is taller than the pictures alone
        assertTrue(acts.getHeight() > 5 * 20, acts.getHeight() + "");
    }

    /** A file that is not a model, given as one, is named as such, not in the words of the reader that tried it. */
    @Test
    void aFileThatIsNotAModelIsCalledSoInTheUsersWords() throws Exception {
        Path five = dir.resolve("five.png");
        picture(five, 5);
        CliTest.Run png = CliTest.run("eval", "--model", five.toString());
        assertEquals(2, png.code(), png.err());
        assertEquals("digitstudio eval: error: five.png is not a model file (.npz, .onnx or .safetensors): it is a picture", png.err().strip());
        // the same bytes under a name that says nothing: tried by its first bytes, refused without the ONNX reader's words
        Path odd = Files.copy(five, dir.resolve("five.model"));
        CliTest.Run unnamed = CliTest.run("eval", "--model", odd.toString());
        assertEquals(2, unnamed.code(), unnamed.err());
        assertEquals("digitstudio eval: error: five.model is not a model file (.npz, .onnx or .safetensors)", unnamed.err().strip());
        // an export of My digits is a zip, but not a model
        Path md = dir.resolve("md.zip");
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(md))) {
            z.putNextEntry(new java.util.zip.ZipEntry("mydigits/collection.json"));
            z.write("{\"format\": 1, \"digits\": []}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
        }
        CliTest.Run zip = CliTest.run("predict", "--model", md.toString(), five.toString());
        assertEquals(2, zip.code(), zip.err());
        assertEquals("digitstudio predict: error: md.zip is not a model file (.npz, .onnx or .safetensors): it is a zip of other files, without NumPy arrays",
                zip.err().strip());
    }

    @Test
    void aMistypedPresetWithADigitIsAnsweredWithThePresets() {
        CliTest.Run r = CliTest.run("train", "--model", "lenet2", "--out", dir.resolve("m.npz").toString(), "--no-record");
        assertEquals(2, r.code(), r.err());
        String line = r.err().strip();
        assertTrue(line.startsWith("digitstudio train: error: --model: unknown network 'lenet2'; did you mean lenet? (presets: tutorial, wide, lenet;"), line);
        assertEquals(1, line.lines().count(), line);
        assertFalse(Files.exists(dir.resolve("m.npz")));
    }

    /**
     * train said "did you mean --batch-size?" to --batch, which sweep took and the README's sweep showed: the setting has
     * one name, --batch-size, in every command's help and page, and --batch still works in both for the scripts that use it.
     */
    @Test
    void trainAndSweepTakeBatchAsAHiddenAliasOfBatchSize() throws Exception {
        CliTest.Run bounds = CliTest.run("train", "--batch", "70000");
        assertEquals(2, bounds.code(), bounds.err());
        assertEquals("digitstudio train: error: --batch must be at most 60000, got 70000 (see 'digitstudio train --help')", bounds.err().strip());
        Path runs = dir.resolve("runs");
        CliTest.Run r = CliTest.run("train", "--batch", "64", "--epochs", "1", "--train-size", "640", "--test-size", "100", "--units", "16",
                "--out", dir.resolve("m.npz").toString(), "--runs-dir", runs.toString());
        assertEquals(0, r.code(), r.err());
        try (var folders = Files.list(runs)) {
            Path run = folders.filter(Files::isDirectory).findFirst().orElseThrow();
            assertTrue(Files.readString(run.resolve("run.json")).matches("(?s).*\"batch_size\"\\s*:\\s*\"?64\\b.*"), Files.readString(run.resolve("run.json")));
        }
        CliTest.Run both = CliTest.run("train", "--batch", "64", "--batch-size", "32");
        assertEquals(2, both.code(), both.err());
        assertEquals("digitstudio train: error: --batch and --batch-size are the same setting: give one (see 'digitstudio train --help')", both.err().strip());
        CliTest.Run sweep = CliTest.run("sweep", "--batch", "32:70000", "--random", "2", "--runs-dir", runs.toString());
        assertEquals("digitstudio sweep: error: --batch must be at most 60000, got 70000", sweep.err().strip().replace(" (see 'digitstudio sweep --help')", ""));
        for (String command : List.of("train", "sweep")) {
            String help = CliTest.run(command, "--help").out();
            assertTrue(help.contains("--batch-size="), help);
            assertFalse(help.matches("(?s).*--batch(?!-size).*"), command + "'s help names only --batch-size: " + help);
        }
        for (String page : List.of("README.md", "src/site/markdown/guide/experiments.md", "src/site/markdown/guide/command-line.md")) {
            String text = Files.readString(Path.of(page));
            assertFalse(text.matches("(?s).*--batch(?![-\\w]).*"), page + " names the batch size --batch-size");
        }
    }
}
