package io.digitstudio.runs;

/** A run the user named cannot be found, is ambiguous, or cannot be changed now; the message is one line for the user. */
public class RunsException extends RuntimeException {
    public RunsException(String message) {
        super(message);
    }

    public RunsException(String message, Throwable cause) {
        super(message, cause);
    }
}
