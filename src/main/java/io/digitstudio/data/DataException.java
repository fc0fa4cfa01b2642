package io.digitstudio.data;

/** Bad input data: the message says, in one line, what is wrong with which file. */
public class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
