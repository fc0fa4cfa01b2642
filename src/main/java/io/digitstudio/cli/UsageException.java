package io.digitstudio.cli;

/**
 * A command line its command refuses after picocli has read it: a value out of bounds, options that do not go
 * together, a word in the wrong place. Like picocli's own parse errors, its one line ends with where the command's help
 * is (exit code 2). An error about a file or what it holds is a {@link UserInputException} and has no such end: the
 * help says nothing about it.
 */
public final class UsageException extends UserInputException {
    public UsageException(String message) {
        super(message);
    }
}
