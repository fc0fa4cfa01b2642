package io.digitstudio.cli;

/** Bad input from the user of the command line (exit code 2). */
public final class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }
}
