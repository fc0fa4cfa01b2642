package io.digitstudio.ui.core;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** One-line messages for the user from what went wrong. */
public final class Messages {
    private Messages() {
    }

    /** The message of the innermost cause (past the wrappers futures add), for one-line error displays. */
    public static String of(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replace('\n', ' ').strip();
    }

    public static String capitalize(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
