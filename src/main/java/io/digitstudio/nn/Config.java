package io.digitstudio.nn;

/**
 * Chainer's {@code chainer.config.train}: true while training, so that functions such as dropout act; evaluation and
 * prediction run inside {@link #testMode()} ({@code using_config('train', False)}), where they pass inputs through.
 * Per thread, like Chainer's thread-local configuration.
 */
public final class Config {
    private static final ThreadLocal<Boolean> TRAIN = ThreadLocal.withInitial(() -> true);

    private Config() {
    }

    public static boolean train() {
        return TRAIN.get();
    }

    /** Test mode until closed; the previous mode is restored then. */
    public static Graph.Mode testMode() {
        boolean previous = TRAIN.get();
        TRAIN.set(false);
        return () -> TRAIN.set(previous);
    }
}
