package io.digitstudio.mydigits;

/** The collection cannot be read or changed; the message is one line for the user and says that nothing was lost. */
public class MyDigitsException extends RuntimeException {
    public MyDigitsException(String message) {
        super(message);
    }

    public MyDigitsException(String message, Throwable cause) {
        super(message, cause);
    }
}
