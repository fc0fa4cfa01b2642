package io.digitstudio.train;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * A run's training-loss curve as the Train view draws it and the run's folder keeps it: each point the mean of the last
 * {@link #SMOOTHING} iterations' losses, about {@link #POINTS_PER_EPOCH} points an epoch (while a window draws them, never
 * more often than every {@link #POINT_INTERVAL_NANOS}: a run of tiny epochs would flood it) and each epoch's end, thinned to
 * {@link #CAP} points by {@link DecimatedPoints}. One curve serves both: the window's feed hears of each point as it is
 * made ({@link #onPoint}) and the run's record writes the curve when the run ends, so the chart a resume or a branch
 * goes on from is the one that was drawn, for a run of the command line too. Its work on the training thread allocates
 * nothing.
 */
public final class LossCurve implements Extension {
    public static final String NAME = "LossCurve";
    /** Iterations each point is the mean of. */
    public static final int SMOOTHING = 20;
    public static final int POINTS_PER_EPOCH = 50;
    public static final long POINT_INTERVAL_NANOS = 5_000_000L; // at most 200 points a second
    /** The most points the curve keeps, as many as a chart series shows. */
    public static final int CAP = 400;

    /** Hears of each point as the curve makes it (on the training thread). */
    @FunctionalInterface
    public interface PointListener {
        void point(double epochDetail, double loss);
    }

    private final LongSupplier clock;
    private final double[] window = new double[SMOOTHING];
    private int filled;
    private int next;
    private double sum;
    private long lastPoint;
    private int pointEvery = 1;
    private double lastDetail = Double.NaN;
    private double pointedDetail = Double.NaN;
    /** Where the run starts: 0 for a new run, the snapshot's position for a resumed run or a branch. */
    private double startDetail;
    private long pointedIteration = -1;
    private long observed;
    private final DecimatedPoints points = new DecimatedPoints(CAP);
    private PointListener listener = (x, y) -> { };
    /** Whether a listener draws the points as they come: only then are they held to {@link #POINT_INTERVAL_NANOS}. */
    private boolean drawn;

    public LossCurve() {
        this(System::nanoTime);
    }

    /** With another clock (tests feed a run faster than real time). */
    public LossCurve(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Trigger trigger() {
        return Trigger.EVERY_ITERATION;
    }

    /** Ahead of the extensions that read the curve (the window's feed), after the epoch's report is made. */
    @Override
    public int priority() {
        return PRIORITY_READER + 1;
    }

    /** The one listener told of each point from now on. */
    public void onPoint(PointListener l) {
        listener = l;
        drawn = true;
    }

    /**
     * The curve the run goes on from ({@code {epoch, loss}} points up to where it starts: a resumed run's own before the
     * stop, a branch's parent's up to the point), kept before the run's own as the chart shows it before them.
     */
    public void startFrom(List<double[]> earlier) {
        for (double[] p : earlier) points.add(p[0], p[1]);
    }

    @Override
    public void initialize(TrainingLoop l) {
        started(l.startInfo().iterationsPerEpoch(), l.iterator().epochDetail());
    }

    @Override
    public void call(TrainingLoop l) {
        Double loss = l.reporter().get("main/loss");
        observe(l.iteration(), l.iterator().epochDetail(), loss == null ? Double.NaN : loss);
        if (l.iterator().isNewEpoch() && !l.reports().isEmpty() && l.reports().get(l.reports().size() - 1).iteration() == l.iteration()) {
            endEpoch();
        }
    }

    /** The run starts at {@code epochDetail}, with epochs of {@code iterationsPerEpoch}. */
    public void started(int iterationsPerEpoch, double epochDetail) {
        startDetail = epochDetail;
        pointEvery = Math.max(1, iterationsPerEpoch / POINTS_PER_EPOCH);
    }

    /** An iteration's loss; makes a point when one is due. */
    public void observe(long iteration, double epochDetail, double loss) {
        sum += loss - window[next];
        window[next] = loss;
        next = (next + 1) % SMOOTHING;
        filled = Math.min(SMOOTHING, filled + 1);
        observed++;
        lastDetail = atEpochEnd(Double.isNaN(lastDetail) ? startDetail : lastDetail, epochDetail);
        if (iteration % pointEvery != 0) return;
        // a curve nobody draws as it comes (the command line's) keeps every point due, the same on any machine
        long now = drawn ? clock.getAsLong() : 0;
        if (!drawn || now - lastPoint >= POINT_INTERVAL_NANOS) {
            lastPoint = now;
            pointedIteration = iteration;
            point();
        }
    }

    /** An epoch has ended (its report is made): its curve reaches its end, whatever the throttle let through. */
    public void endEpoch() {
        if (filled > 0 && lastDetail != pointedDetail) point();
    }

    private void point() {
        pointedDetail = lastDetail;
        double y = sum / filled;
        points.add(lastDetail, y);
        listener.point(lastDetail, y);
    }

    /**
     * Where an iteration's points are drawn: at its epoch detail, except the iteration that ends an epoch, which is
     * drawn at that epoch's end. Its detail runs past the end by the part of the last batch taken from the next pass
     * (1,000 examples in batches of 128 end epoch 2 at 2.048), and the loss and rate lines ran past the epoch axis's
     * last tick, where the epoch's validation marks are, to the plot's edge.
     */
    public static double atEpochEnd(double before, double detail) {
        double end = Math.floor(detail);
        return !Double.isNaN(before) && end > Math.floor(before) && end > before ? end : detail;
    }

    /** The iteration of the newest point due by the iterations' count ({@link #POINTS_PER_EPOCH}), -1 before any. */
    public long pointedIteration() {
        return pointedIteration;
    }

    /** The iterations this curve has followed (a resumed run's from the resume on). */
    public long observed() {
        return observed;
    }

    /** The curve as kept: {@code {epoch, loss}} points in order, at most {@link #CAP} (a new list). */
    public List<double[]> points() {
        return points.points();
    }
}
