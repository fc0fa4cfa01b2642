package io.digitstudio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code help [COMMAND...]}: the help of a command named by its whole path ({@code help runs show}), or of the program.
 * A name that is no command is answered as the mistyped command itself is ({@code digitstudio: error: unknown command
 * 'trian'; did you mean train?}), by the same error line and exit code, since picocli's own help command answers it in
 * words of its own and without a guess.
 */
@Command(name = "help", helpCommand = true, description = "Show a command's help (help runs show).")
final class HelpCommand implements Runnable, CommandLine.IHelpCommandInitializable2 {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, by its whole name (runs show); none for the program's help.")
    private List<String> names = List.of();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean helpRequested;

    private CommandLine self;
    private CommandLine.Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter outWriter, PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        CommandLine command = self.getParent();
        for (String name : names) {
            CommandLine sub = command.getSubcommands().get(name);
            // the exception the parser throws for the same word after the command: the error line says what that one does
            if (sub == null) throw new CommandLine.UnmatchedArgumentException(command, List.of(name));
            command = sub;
        }
        command.usage(out, colors);
    }
}
