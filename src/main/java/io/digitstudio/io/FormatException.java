package io.digitstudio.io;

/** A file that is not what it should be; the message names the file or entry and what is wrong, in one line. */
public class FormatException extends RuntimeException {
    public FormatException(String message) {
        super(message);
    }

    public FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
