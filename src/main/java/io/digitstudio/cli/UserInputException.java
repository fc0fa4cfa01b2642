package io.digitstudio.cli;

/** Bad input from the user of the command line (exit code 2): a file or data that is not what it should be, or a {@link UsageException}. */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }
}
