package io.digitstudio.cli;

import io.digitstudio.train.Extension;
import io.digitstudio.train.Trigger;
import io.digitstudio.train.TrainingLoop;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Chainer's {@code ProgressBar} extension: a one-line bar on a terminal (iterations, it/s, ETA, loss), redrawn at most
 * ten times a second, wiped at each epoch's end before the epoch's line is printed, and at the run's end.
 */
final class ProgressBar implements Extension {
    private static final long REDRAW_NANOS = 100_000_000L;
    private final PrintStream err;
    private long lastDraw;
    private long startNanos;
    private long firstIteration;
    private long totalIterations;
    private boolean drawn;

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    @Override
    public String name() {
        return "ProgressBar";
    }

    @Override
    public Trigger trigger() {
        return Trigger.EVERY_ITERATION;
    }

    @Override
    public void initialize(TrainingLoop loop) {
        startNanos = System.nanoTime();
        firstIteration = loop.iteration();
        totalIterations = loop.iterator().iterationsUntilEpoch(loop.config().epochs());
    }

    @Override
    public void call(TrainingLoop loop) {
        if (loop.iterator().isNewEpoch()) {
            clear();
            return;
        }
        long now = System.nanoTime();
        long iteration = loop.iteration();
        if (now - lastDraw < REDRAW_NANOS && iteration != totalIterations) return;
        lastDraw = now;
        double secs = (now - startNanos) / 1e9;
        double rate = (iteration - firstIteration) / Math.max(secs, 1e-9);
        double eta = (totalIterations - iteration) / Math.max(rate, 1e-9);
        int width = 30;
        int filled = (int) Math.round(width * (double) iteration / totalIterations);
        Double loss = loop.observation().get("main/loss");
        err.print(String.format(Locale.ROOT, "\r[%s%s] %,d/%,d it  %.0f it/s  ETA %s  loss %.4f ",
                "=".repeat(filled), " ".repeat(width - filled), iteration, totalIterations, rate, clock(eta), loss == null ? Double.NaN : loss));
        err.flush();
        drawn = true;
    }

    @Override
    public void finalize(TrainingLoop loop) {
        clear();
    }

    private void clear() {
        if (drawn) {
            err.print("\r\033[K"); // back to the start of the line and erase it
            err.flush();
            drawn = false;
        }
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
