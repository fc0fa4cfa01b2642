package io.digitstudio.train;

import io.digitstudio.data.Dataset;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.io.ModelInfo;
import io.digitstudio.nn.Network;
import io.digitstudio.optim.NumberText;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * fast.ai's learning-rate finder as an extension of a throw-away run: from a copy of the starting weights, the rate
 * rises exponentially from {@code start} to {@code end} over {@code iterations} iterations, one rate per iteration.
 * Each iteration's loss is smoothed the way fast.ai does it (an exponential moving average with bias correction,
 * beta 0.98); the run stops when the smoothed loss exceeds four times its minimum, or the loss is no longer finite.
 * It suggests two rates: where the smoothed loss falls fastest against log(lr) (fast.ai's steepest descent), and the
 * rate of the minimum divided by ten.
 */
public final class LrFinder implements Extension {
    /** fast.ai's smoothing factor. */
    public static final double BETA = 0.98;
    /** The run stops once the smoothed loss is more than this many times its minimum. */
    public static final double DIVERGE_FACTOR = 4;

    /** One iteration: the rate it trained at, its loss, and the smoothed loss. */
    public record Point(int step, double lr, double loss, double smoothed) {
    }

    /** The curve and the two suggestions (NaN when the curve is too short to suggest anything). */
    public record Result(List<Point> points, double steepest, double minimumTenth, String stopReason) {
        /** The rate the finder recommends: the steepest descent (fast.ai's suggestion). */
        public double suggestion() {
            return steepest;
        }
    }

    /** How far and how long to search. */
    public record Range(double start, double end, int iterations) {
        public static final Range DEFAULT = new Range(1e-6, 1, 100);

        public Range {
            if (!(start > 0) || !Double.isFinite(start)) throw new IllegalArgumentException("--start must be a positive rate, got " + NumberText.shown(start));
            if (!(end > start) || !Double.isFinite(end)) throw new IllegalArgumentException("--end must be a rate above --start (" + NumberText.shown(start) + "), got " + NumberText.shown(end));
            if (iterations < 10 || iterations > 100_000) throw new IllegalArgumentException("--iterations must be between 10 and 100000, got " + iterations);
        }

        /** The rate of the {@code i}-th iteration (0-based): start·(end/start)^(i/(n−1)). */
        public double lr(int i) {
            return start * Math.pow(end / start, (double) i / (iterations - 1));
        }
    }

    private final Range range;
    private final Consumer<Point> feed;
    private final List<Point> points = new ArrayList<>();
    private double average;
    private double best = Double.POSITIVE_INFINITY;
    private String stopReason = "";

    /** {@code feed} (may be null) is told each point on the training thread, as it is recorded. */
    public LrFinder(Range range, Consumer<Point> feed) {
        this.range = range;
        this.feed = feed;
    }

    @Override
    public String name() {
        return "LrFinder";
    }

    @Override
    public Trigger trigger() {
        return Trigger.EVERY_ITERATION;
    }

    @Override
    public int priority() {
        return PRIORITY_EDITOR;
    }

    @Override
    public void initialize(TrainingLoop loop) {
        loop.optimizer().set(loop.optimizer().lrName(), range.lr(0));
    }

    @Override
    public void call(TrainingLoop loop) {
        Double loss = loop.observation().get("main/loss");
        Double lr = loop.observation().get("lr");
        if (loss == null || lr == null) return;
        int i = points.size();
        average = BETA * average + (1 - BETA) * loss;
        double smoothed = average / (1 - Math.pow(BETA, i + 1));
        Point p = new Point(i, lr, loss, smoothed);
        points.add(p);
        if (feed != null) feed.accept(p);
        if (smoothed < best) best = smoothed;
        if (!Double.isFinite(smoothed) || smoothed > DIVERGE_FACTOR * best) {
            stopReason = String.format(Locale.ROOT, "the loss exceeded %.0f times its minimum at lr %s", DIVERGE_FACTOR, LearningRates.format(lr));
            loop.control().requestStop();
        } else if (i + 1 >= range.iterations()) {
            stopReason = String.format(Locale.ROOT, "reached --end after %,d iterations", range.iterations());
            loop.control().requestStop();
        } else {
            loop.optimizer().set(loop.optimizer().lrName(), range.lr(i + 1));
        }
    }

    public List<Point> points() {
        return Collections.unmodifiableList(points);
    }

    /**
     * Runs the finder: a new run of {@code config} on {@code train} (its network, optimizer, batch size and seed) whose
     * starting weights are a copy of {@code start}'s (null: the weights the config's seed gives), so that nothing the
     * caller holds is trained. {@code control} may stop it early (null: none).
     */
    public static Result find(TrainingConfig config, Dataset train, Dataset test, Network start, Range range, Consumer<Point> feed,
                              java.util.function.Consumer<TrainingLoop> prepare) {
        TrainingConfig c = config.withEpochs(1);
        TrainingLoop probe = TrainingLoop.create(c, train, test, "lr-find");
        int perEpoch = probe.iterator().batchesPerEpoch();
        // enough epochs for every iteration; the finder stops the run itself
        int epochs = Math.min(TrainingConfig.MAX_EPOCHS, range.iterations() / perEpoch + 2);
        TrainingLoop loop = epochs == 1 ? probe : TrainingLoop.create(c.withEpochs(epochs), train, test, "lr-find");
        if (start != null) ModelFiles.loadInto(ModelFiles.toArrays(start, ModelInfo.NONE), loop.model(), "the starting weights");
        LrFinder finder = new LrFinder(range, feed);
        loop.addExtension(finder);
        if (prepare != null) prepare.accept(loop);
        TrainingResult r = loop.run();
        String reason = finder.stopReason.isEmpty()
                ? r.outcome() == TrainingResult.Outcome.DIVERGED ? "the loss was no longer finite" : String.format(Locale.ROOT, "stopped after %,d iterations", finder.points.size())
                : finder.stopReason;
        return suggest(finder.points(), reason);
    }

    /**
     * The suggestions for a curve: the rate where the smoothed loss falls fastest per step of log(lr) (the first 10
     * and last 5 points left out when there are enough, as fast.ai does, since they are noisy), and the rate of the
     * lowest smoothed loss divided by ten.
     */
    public static Result suggest(List<Point> points, String reason) {
        List<Point> p = List.copyOf(points);
        int n = p.size();
        if (n < 3) return new Result(p, Double.NaN, Double.NaN, reason);
        int from = n > 20 ? 10 : 0;
        int to = n > 20 ? n - 5 : n;
        double steepestSlope = Double.POSITIVE_INFINITY;
        int steepest = -1;
        for (int i = from; i < to; i++) {
            // numpy.gradient: central differences inside, one-sided at the ends
            int a = Math.max(from, i - 1), b = Math.min(to - 1, i + 1);
            if (a == b) continue;
            double slope = (p.get(b).smoothed() - p.get(a).smoothed()) / (Math.log(p.get(b).lr()) - Math.log(p.get(a).lr()));
            if (slope < steepestSlope) {
                steepestSlope = slope;
                steepest = i;
            }
        }
        int min = 0;
        for (int i = 1; i < n; i++) if (p.get(i).smoothed() < p.get(min).smoothed()) min = i;
        return new Result(p, steepest < 0 ? Double.NaN : p.get(steepest).lr(), p.get(min).lr() / 10, reason);
    }
}
