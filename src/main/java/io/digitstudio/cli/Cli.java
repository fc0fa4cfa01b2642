package io.digitstudio.cli;

import io.digitstudio.data.DataException;
import io.digitstudio.io.FormatException;
import io.digitstudio.optim.NumberText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;

/**
 * The top-level command and the error policy: one line, exit 2 for bad input, 1 for anything else. Every error line has
 * one form, {@code digitstudio COMMAND: error: MESSAGE}, naming the command by its whole path ("digitstudio runs compare")
 * or just "digitstudio" when there is none, so a script or a user can find every error by one pattern. Warnings and the
 * lines that say a command was interrupted take the same prefix ({@code digitstudio train: warning: …}), and so do notes
 * ({@code digitstudio predict: note: …}).
 * <p>
 * A command that groups others and has nothing of its own to do (the program itself, given only {@code --debug}) is
 * answered, given none of its commands, as any command line left incomplete is, by one line that names them and exit 2
 * ("digitstudio: error: give a command: train, eval, …"). picocli refuses such a command line itself when the group
 * has no {@code run} method; {@link #inOwnWords} says it. {@code runs} alone lists the runs, {@code mydigits} the digits.
 */
@Command(name = "digitstudio", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Train a digit classifier the way Chainer's tutorial does, from the command line.%n"
                + "Run without arguments to open the desktop app.",
        footer = {"", "Where your data is kept ($XDG_DATA_HOME is ~/.local/share when unset):",
                "  run history  $DIGITSTUDIO_RUNS, else $XDG_DATA_HOME/digitstudio/runs",
                "  your digits  $DIGITSTUDIO_MYDIGITS, else $XDG_DATA_HOME/digitstudio/mydigits",
                "  models       the app's fine-tuned models: models/ beside the digits' folder"},
        subcommands = {TrainCommand.class, EvalCommand.class, PredictCommand.class, ExportCommand.class, SummaryCommand.class, BenchCommand.class, RunsCommand.class, SweepCommand.class, InspectCommand.class, ExplainCommand.class, MyDigitsCommand.class, LrFindCommand.class, HelpCommand.class})
public final class Cli {
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_FAILURE = 1;

    /** The heading of the command list of a command that groups others: what it does when none is given. */
    static final String COMMANDS_OF_A_GROUP = "Commands (one is needed; given none, it names them and exits with code 2):%n";

    @Option(names = "--debug", description = "Print stack traces for errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    /**
     * Starts what the command line will need before it is read, where that can run beside reading it: the native
     * engine for the commands that train or classify. Reading the command line (picocli builds every command's model
     * by reflection) takes about as long as loading the engine, so the two overlap on two cores.
     */
    public static void prepare(String... args) {
        Startup.early(args);
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Cli());
        WholeNamesHelp.install(cl);
        cl.setOut(out);
        cl.setErr(err);
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        numbersInOwnWords(cl);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(parameterError(ex));
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (debug) ex.printStackTrace(err);
            String command = commandLine.getCommandSpec().qualifiedName();
            // a command line the command refuses is answered as one picocli refuses: with where the command's help is
            err.println(errorLine(command, oneLine(ex)) + (ex instanceof UsageException ? helpHint(command) : ""));
            return isBadInput(ex) ? EXIT_BAD_INPUT : EXIT_FAILURE;
        });
        try {
            return cl.execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to the handler above: an Error (out of memory) would end the JVM with its
            // stack trace on the user's terminal
            if (debug) e.printStackTrace(err);
            err.println(errorLine(commandName(cl), errorReason(e)));
            return EXIT_FAILURE;
        }
    }

    /** The whole name of the command the line ran ("digitstudio train"), or the program's where it was not read. */
    private static String commandName(CommandLine cl) {
        CommandLine.ParseResult pr = cl.getParseResult();
        if (pr == null) return cl.getCommandSpec().qualifiedName();
        while (pr.hasSubcommand()) pr = pr.subcommand();
        return pr.commandSpec().qualifiedName();
    }

    /** What an Error that ended a command says in its one line. */
    static String errorReason(Error e) {
        String reason = io.digitstudio.train.TrainingLoop.reason(e);
        return e instanceof OutOfMemoryError ? reason + "; a smaller network or batch needs less" : reason;
    }

    /** The one form of an error line: the command's whole name ("digitstudio train"), "error:", and the message. */
    static String errorLine(String command, String message) {
        return command + ": error: " + message;
    }

    /** An error line of a command, for errors a command prints itself before it goes on or returns an exit code. */
    static String errorLine(CommandLine.Model.CommandSpec spec, String message) {
        return errorLine(spec.qualifiedName(), message);
    }

    /** A warning of a command, in the form of its errors: the run goes on, or has ended, but the user must know this. */
    static String warningLine(CommandLine.Model.CommandSpec spec, String message) {
        return spec.qualifiedName() + ": warning: " + message;
    }

    /** A note of a command, in the form of its errors and warnings ("digitstudio predict: note: …"): worth knowing, nothing wrong. */
    static String noteLine(CommandLine.Model.CommandSpec spec, String message) {
        return spec.qualifiedName() + ": note: " + message;
    }

    /**
     * One line for a command line picocli cannot parse, naming the command by its whole path ("digitstudio runs compare"), with
     * picocli's guesses for a mistyped command or option.
     */
    static String parameterError(CommandLine.ParameterException ex) {
        String command = ex.getCommandLine().getCommandSpec().qualifiedName();
        String number = numberError(ex);
        String message = number != null ? number : ownWords(ex.getMessage().strip());
        String own = number != null ? null : inOwnWords(ex);
        if (own != null) message = own;
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            boolean command0 = !u.isUnknownOption() && !ex.getCommandLine().getSubcommands().isEmpty();
            if (command0) {
                message = "unknown command '" + first + "'";
            } else if (u.isUnknownOption()) {
                // picocli counts the values that follow a mistyped option as unmatched too; only the options were mistyped
                java.util.List<String> options = u.getUnmatched().stream().filter(Cli::looksLikeOption).map(a -> "'" + a.split("=", 2)[0] + "'")
                        .distinct().toList();
                message = (options.size() == 1 ? "unknown option " : "unknown options ") + String.join(", ", options);
            } else {
                // a word the command has no place for ("train extra"): picocli's "Unmatched argument at index 1" names it
                // by a position the user never counted
                java.util.List<String> extra = u.getUnmatched().stream().map(a -> "'" + a + "'").toList();
                message = (extra.size() == 1 ? "unexpected argument " : "unexpected arguments ") + String.join(", ", extra);
            }
            java.util.List<String> guesses = u.getSuggestions();
            // picocli guesses by shared letter pairs, which a swap of two letters ("lsit") leaves none of
            if (guesses.isEmpty() && command0) guesses = nearest(first, ex.getCommandLine().getSubcommands().keySet());
            message += didYouMean(guesses);
        }
        return errorLine(command, message.replace('\n', ' ')) + helpHint(command);
    }

    /**
     * The sentence for what picocli says in its own words ("Missing required parameter: 'ID'", "option '--epochs'
     * (<epochs>) should be specified only once", "'yes' is not a boolean"), or null for the errors said otherwise.
     */
    static String inOwnWords(CommandLine.ParameterException ex) {
        // picocli's sentence for a group of commands given none of them (see the class comment)
        if (ex.getClass() == CommandLine.ParameterException.class && "Missing required subcommand".equals(ex.getMessage())) {
            java.util.List<String> names = new java.util.ArrayList<>(ex.getCommandLine().getSubcommands().keySet());
            String last = names.remove(names.size() - 1);
            return "give a command: " + (names.isEmpty() ? last : String.join(", ", names) + " or " + last);
        }
        if (ex instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            CommandLine.Model.ArgSpec first = m.getMissing().get(0);
            // picocli says the same exception for an option left out and for an option given last without its value
            if (first instanceof CommandLine.Model.OptionSpec o && ex.getMessage().startsWith("Missing required parameter for option")) {
                return valueMissing(o);
            }
            return "give " + String.join(" and ", m.getMissing().stream().map(Cli::whatIsMissing).toList());
        }
        if (ex instanceof CommandLine.OverwrittenOptionException o && o.getOverwritten() instanceof CommandLine.Model.OptionSpec spec) {
            return spec.longestName() + " is given twice; give it once";
        }
        if (ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o && ex.getValue() != null
                && (o.type() == boolean.class || o.type() == Boolean.class)) {
            return o.longestName() + " takes no value, got '" + ex.getValue() + "'";
        }
        return null;
    }

    /** "--runs-dir needs a value (DIR)"; for a number, the sentence of a number left empty ("--epochs must be a whole number, got nothing"). */
    private static String valueMissing(CommandLine.Model.OptionSpec o) {
        Class<?> type = o.auxiliaryTypes().length > 0 ? o.auxiliaryTypes()[0] : o.type();
        try {
            if (type == Integer.class || type == int.class) NumberText.wholeNumber(o.longestName(), "");
            else if (type == Long.class || type == long.class) NumberText.wholeNumberLong(o.longestName(), "");
            else if (type == Double.class || type == double.class) NumberText.number(o.longestName(), "");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return o.longestName() + " needs a value (" + o.paramLabel() + ")";
    }

    /** What a required argument left out is, after "give": its {@link WhenMissing} words, or its label and description. */
    private static String whatIsMissing(CommandLine.Model.ArgSpec arg) {
        if (arg.userObject() instanceof java.lang.reflect.Field f && f.isAnnotationPresent(WhenMissing.class)) {
            return f.getAnnotation(WhenMissing.class).value();
        }
        String label = arg instanceof CommandLine.Model.OptionSpec o ? o.longestName() + " " + o.paramLabel() : arg.paramLabel();
        String about = String.join(" ", arg.description()).strip().replaceAll("\\.$", "");
        if (about.isEmpty()) return label;
        return label + " (" + Character.toLowerCase(about.charAt(0)) + about.substring(1) + ")";
    }

    /**
     * Reads every number on the command line as the Train form reads its fields ({@link NumberText}): a whole number or a
     * finite number, so 1e999 is refused as "too large" rather than taken as Infinity. A value refused here is said in
     * the form's words by {@link #parameterError}, which knows the option's name.
     */
    private static void numbersInOwnWords(CommandLine cl) {
        CommandLine.ITypeConverter<Integer> whole = s -> converted(() -> NumberText.wholeNumber("", s));
        CommandLine.ITypeConverter<Long> seed = s -> converted(() -> NumberText.wholeNumberLong("", s));
        CommandLine.ITypeConverter<Double> number = s -> converted(() -> NumberText.number("", s));
        cl.registerConverter(Integer.class, whole);
        cl.registerConverter(int.class, whole);
        cl.registerConverter(Long.class, seed);
        cl.registerConverter(long.class, seed);
        cl.registerConverter(Double.class, number);
        cl.registerConverter(double.class, number);
    }

    private static <T> T converted(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /**
     * The sentence for a number picocli could not read, naming the option ("--batch-size must be a whole number, got
     * 'abc'") as the Train form names its field, or null when the refused value is not a number's.
     */
    static String numberError(CommandLine.ParameterException ex) {
        CommandLine.Model.ArgSpec arg = ex.getArgSpec();
        if (arg == null || ex.getValue() == null || !(ex.getCause() instanceof CommandLine.TypeConversionException)) return null;
        String name = arg instanceof CommandLine.Model.OptionSpec o ? o.longestName() : ((CommandLine.Model.PositionalParamSpec) arg).paramLabel();
        Class<?> type = arg.auxiliaryTypes().length > 0 ? arg.auxiliaryTypes()[0] : arg.type();
        try {
            if (type == Integer.class || type == int.class) NumberText.wholeNumber(name, ex.getValue());
            else if (type == Long.class || type == long.class) NumberText.wholeNumberLong(name, ex.getValue());
            else if (type == Double.class || type == double.class) NumberText.number(name, ex.getValue());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The end of every usage error's line: where the help of the command that refused it is. */
    static String helpHint(String command) {
        return " (see '" + command + " --help')";
    }

    /**
     * Runs a check of the command line's values in the engine's terms, so that a value it refuses is a usage error
     * (its line ends with where the command's help is), not a failure of the work.
     */
    static <T> T usage(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** "; did you mean train?" for up to three guesses, or nothing when there are none: how every mistyped name is answered. */
    static String didYouMean(java.util.List<String> guesses) {
        return io.digitstudio.nn.NearWords.didYouMean(guesses);
    }

    /** The names a mistyped {@code word} may have meant, nearest first (as a mistyped layer of a spec is answered). */
    static java.util.List<String> nearest(String word, java.util.Collection<String> names) {
        return io.digitstudio.nn.NearWords.nearest(word, names);
    }

    /** What a spec looks like, in the answer to a word that is no preset (the layers' list is --model's help). */
    private static final String SPEC_EXAMPLE = "linear 100, relu, linear";

    /**
     * The network {@code --model} names: a preset or a spec. A single word that is neither is answered with the presets
     * that are near it, the list of presets and an example of a spec: the spec parser's own error for a word is about
     * layers, which the user typing a preset's name did not mean.
     */
    static io.digitstudio.nn.NetworkSpec network(String model) {
        try {
            return io.digitstudio.nn.NetworkSpec.of(model);
        } catch (io.digitstudio.nn.SpecException e) {
            String word = model.strip();
            // one word, digits too ("lenet2"): a preset's name mistyped, rather than a spec of layers
            if (word.matches("[\\p{L}_][\\p{L}\\p{N}_-]*")) {
                throw new UsageException("--model: unknown network '" + word + "'" + didYouMean(nearest(word, io.digitstudio.nn.NetworkSpec.PRESET_NAMES))
                        + " (presets: " + String.join(", ", io.digitstudio.nn.NetworkSpec.PRESET_NAMES) + "; or a spec such as '" + SPEC_EXAMPLE + "')");
            }
            throw new UsageException("--model: " + e.getMessage());
        }
    }

    /** Whether a word on the command line is an option's name (--foo, -x, --foo=1) rather than a value (1, -0.5, x.png). */
    private static boolean looksLikeOption(String arg) {
        return arg.length() > 1 && arg.startsWith("-") && !arg.matches("-[0-9.].*");
    }

    /**
     * picocli's sentence in the form of the project's messages: lower case, and the quoted names follow the words without
     * a colon ("Unknown option: '--foo'" becomes "unknown option '--foo'").
     */
    static String ownWords(String picocli) {
        if (picocli.isEmpty()) return picocli;
        String m = Character.toLowerCase(picocli.charAt(0)) + picocli.substring(1);
        return m.replaceFirst("^(unknown options?|missing required (?:parameters?|options?|argument \\(specify one of these\\))"
                + "|unmatched arguments? (?:at|from) index \\d+): ", "$1 ");
    }

    static boolean isBadInput(Throwable ex) {
        return ex instanceof IllegalArgumentException || ex instanceof DataException || ex instanceof FormatException
                || ex instanceof UserInputException || ex instanceof io.digitstudio.runs.RunsException || ex instanceof io.digitstudio.mydigits.MyDigitsException || ex instanceof java.nio.file.NoSuchFileException;
    }

    static String oneLine(Throwable ex) {
        String m = ex.getMessage();
        if (m == null || m.isBlank()) m = ex.getClass().getSimpleName();
        if (ex instanceof IOException && !(ex instanceof java.nio.file.NoSuchFileException)) m = "I/O error: " + m;
        if (ex instanceof java.nio.file.NoSuchFileException) m = "file not found: " + m;
        return m.replace('\n', ' ').strip();
    }

    /** The version from the build (resource filtered by Maven). */
    public static String version() {
        return io.digitstudio.io.BuildInfo.version();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"DigitStudio " + version(), "Java " + System.getProperty("java.version")};
        }
    }
}
