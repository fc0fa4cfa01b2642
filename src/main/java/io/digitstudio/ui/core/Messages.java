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

    /**
     * The message with a capital first letter, as a sentence begins; one that begins with a file's name
     * ("fine-tuned-20261206.npz on the test set", "notanimage.png: not an image") keeps the name as the file has it.
     */
    public static String capitalize(String s) {
        if (s == null || s.isEmpty() || FILE_NAME_FIRST.matcher(s).lookingAt()) return s;
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A first word that names a file: a path, or a name with an extension (letters or digits after its last dot). */
    private static final java.util.regex.Pattern FILE_NAME_FIRST =
            java.util.regex.Pattern.compile("(?:[^\\s:]*/|[^\\s:/]+\\.[A-Za-z][A-Za-z0-9]{0,5}(?=[\\s:,)]|$))");
}
