package io.digitstudio.nn;

/**
 * A network spec that cannot be read or built, with a one-line message, the layer it is about ({@code layer}, counted
 * from 1; 0 when the problem is the spec as a whole) and where in the text the bad token is ({@code start} to
 * {@code end}, character offsets; both −1 when it is not one token), so an editor can mark it and a status line can
 * name the layer without the whole message.
 */
public final class SpecException extends IllegalArgumentException {
    private final int layer;
    private final int start;
    private final int end;

    public SpecException(String message, int layer, int start, int end) {
        super(message);
        this.layer = layer;
        this.start = start;
        this.end = end;
    }

    public SpecException(String message, int start, int end) {
        this(message, 0, start, end);
    }

    public SpecException(String message) {
        this(message, 0, -1, -1);
    }

    /** The layer the problem is in, counted from 1; 0 when it is the spec as a whole. */
    public int layer() {
        return layer;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }
}
