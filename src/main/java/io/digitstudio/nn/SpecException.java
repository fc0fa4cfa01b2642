package io.digitstudio.nn;

/**
 * A network spec that cannot be read or built, with a one-line message and where in the text the bad token is
 * ({@code start} to {@code end}, character offsets; both −1 when the problem is the spec as a whole), so an editor can
 * mark it.
 */
public final class SpecException extends IllegalArgumentException {
    private final int start;
    private final int end;

    public SpecException(String message, int start, int end) {
        super(message);
        this.start = start;
        this.end = end;
    }

    public SpecException(String message) {
        this(message, -1, -1);
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }
}
