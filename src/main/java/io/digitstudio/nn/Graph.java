package io.digitstudio.nn;

/**
 * Chainer's {@code no_backprop_mode}: inside {@link #noBackprop()} functions compute outputs but record no graph,
 * which is what evaluation and prediction want.
 */
public final class Graph {
    private static final ThreadLocal<Boolean> ENABLED = ThreadLocal.withInitial(() -> true);

    private Graph() {
    }

    public static boolean backpropEnabled() {
        return ENABLED.get();
    }

    public static Mode noBackprop() {
        boolean previous = ENABLED.get();
        ENABLED.set(false);
        return () -> ENABLED.set(previous);
    }

    /** Restores the previous mode when closed. */
    public interface Mode extends AutoCloseable {
        @Override
        void close();
    }
}
