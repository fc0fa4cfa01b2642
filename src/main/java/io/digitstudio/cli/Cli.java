package io.digitstudio.cli;

import io.digitstudio.data.DataException;
import io.digitstudio.io.FormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;

/** The top-level command and the error policy: one line, exit 2 for bad input, 1 for anything else. */
@Command(name = "digitstudio", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Train a digit classifier the way Chainer's tutorial does, from the command line.%n"
                + "Run without arguments to open the desktop app.",
        subcommands = {TrainCommand.class, EvalCommand.class, PredictCommand.class, ExportCommand.class, SummaryCommand.class, BenchCommand.class, RunsCommand.class, SweepCommand.class, InspectCommand.class, ExplainCommand.class, MyDigitsCommand.class, LrFindCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Runnable {
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_FAILURE = 1;

    @Option(names = "--debug", description = "Print stack traces for errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
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
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(parameterError(ex));
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (debug) ex.printStackTrace(err);
            err.println("digitstudio: error: " + oneLine(ex));
            return isBadInput(ex) ? EXIT_BAD_INPUT : EXIT_FAILURE;
        });
        return cl.execute(args);
    }

    /**
     * One line for a command line picocli cannot parse, naming the command by its whole path ("digitstudio runs compare"), with
     * picocli's guesses for a mistyped command or option.
     */
    static String parameterError(CommandLine.ParameterException ex) {
        String command = ex.getCommandLine().getCommandSpec().qualifiedName();
        String message = ex.getMessage().strip();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            boolean command0 = !u.isUnknownOption() && !ex.getCommandLine().getSubcommands().isEmpty();
            if (command0) message = "unknown command '" + first + "'";
            java.util.List<String> guesses = u.getSuggestions();
            if (!guesses.isEmpty()) message += "; did you mean " + String.join(" or ", guesses.subList(0, Math.min(3, guesses.size()))) + "?";
        }
        return command + ": " + message.replace('\n', ' ') + " (see '" + command + " --help')";
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
