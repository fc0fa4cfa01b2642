package io.digitstudio.cli;

import io.digitstudio.train.EpochReport;
import io.digitstudio.train.IterationEvent;
import io.digitstudio.train.TrainingListener;
import io.digitstudio.train.TrainingResult;
import io.digitstudio.train.TrainingStart;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on a terminal (iterations, it/s, ETA), redrawn at most ten times a second. */
final class ProgressBar implements TrainingListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private final PrintStream err;
    private long lastDraw;
    private long startNanos;
    private long firstIteration = -1;
    private boolean drawn;

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    @Override
    public void onStart(TrainingStart start) {
        startNanos = System.nanoTime();
    }

    @Override
    public void onIteration(IterationEvent e) {
        long now = System.nanoTime();
        if (firstIteration < 0) firstIteration = e.iteration() - 1;
        if (now - lastDraw < REDRAW_NANOS && e.iteration() != e.totalIterations()) return;
        lastDraw = now;
        double secs = (now - startNanos) / 1e9;
        double rate = (e.iteration() - firstIteration) / Math.max(secs, 1e-9);
        double eta = (e.totalIterations() - e.iteration()) / Math.max(rate, 1e-9);
        int width = 30;
        int filled = (int) Math.round(width * (double) e.iteration() / e.totalIterations());
        err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d it  %.0f it/s  ETA %s  loss %.4f ",
                "=".repeat(filled), " ".repeat(width - filled), e.iteration(), e.totalIterations(), rate, clock(eta), e.loss()));
        err.flush();
        drawn = true;
    }

    @Override
    public void onEpoch(EpochReport report) {
        clear();
    }

    @Override
    public void onEnd(TrainingResult result) {
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
