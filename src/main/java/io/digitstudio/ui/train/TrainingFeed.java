package io.digitstudio.ui.train;

import io.digitstudio.nn.Network;
import io.digitstudio.train.ConfusionMatrix;
import io.digitstudio.train.EpochReport;
import io.digitstudio.train.IterationEvent;
import io.digitstudio.train.LossCurve;
import io.digitstudio.train.Extension;
import io.digitstudio.train.TrainingLoop;
import io.digitstudio.train.TrainingResult;
import io.digitstudio.train.TrainingStart;
import io.digitstudio.train.Trigger;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The window's extension of a run: it carries the run's observations from the training thread to the UI without
 * flooding it. The latest iteration is kept in one slot (read at each tick of the view's pump), each point of the
 * run's smoothed training-loss curve ({@link LossCurve}: a few dozen an epoch) is queued as it is made, and epoch
 * reports and the end always go through. The curve is the session's ({@link #follow}), the one the run's folder keeps,
 * so the chart draws what a resume or a branch later goes on from. Nothing here touches JavaFX.
 */
public final class TrainingFeed implements Extension {
    /** A smoothed training-loss point for the chart. */
    public record LossPoint(double epochDetail, double loss) {
    }

    /** The learning rate in force from {@code epochDetail} on (sent when it changes, and bounded like loss points). */
    public record LrPoint(double epochDetail, double lr) {
    }

    /**
     * Validation progress of an epoch; {@code iteration} is the one that ended it, trained by now though the feed
     * publishes it ({@link #latest()}) only with the epoch's report, once the validation is done.
     */
    public record Validating(int epoch, long iteration, double fraction) {
    }

    /**
     * An epoch's validation as a confusion matrix, with its loss, the network that was validated, what its outputs
     * mean and the images it classified ({@code set}, whose indices the matrix's cells give; null when unknown); sent
     * with the epoch's report, so the evaluation view can follow the run.
     */
    public record ValidationMatrix(int epoch, ConfusionMatrix matrix, double loss, Network model, List<String> classNames, String data,
                                   io.digitstudio.data.LabeledImages set) {
    }

    /** The first layer's weights as they were at {@code epochDetail} (sent every few seconds while someone looks). */
    public record WeightsSnapshot(double epochDetail, io.digitstudio.nn.Inspector.Tiles tiles) {
    }

    /** Per-layer training health, sampled by the run's {@link io.digitstudio.train.LayerStats}. */
    public record Health(io.digitstudio.train.LayerStats.Sample sample) {
    }

    static final long WEIGHTS_INTERVAL_NANOS = 3_000_000_000L;
    private volatile boolean watchingInside;
    private long lastWeights;
    static final int HEALTH_EVERY = io.digitstudio.train.LayerStats.DEFAULT_EVERY;

    /**
     * Iterations between two evaluations of the pinned digits: about 19 an epoch of the tutorial (a few a second),
     * lively enough to watch an answer form, and a forward pass of at most 8 inputs each time.
     */
    public static final int PINS_EVERY = 25;
    private final AtomicReference<io.digitstudio.train.InputProbe.Outputs> latestPins = new AtomicReference<>();
    private volatile List<float[]> pinned = List.of();
    private volatile io.digitstudio.train.InputProbe pinProbe;

    /**
     * The pinned digits the run classifies every {@link #PINS_EVERY} iterations (any thread; an empty list: none).
     * A change reaches a running run at its next iteration.
     */
    public void pin(List<float[]> inputs) {
        pinned = List.copyOf(inputs);
        io.digitstudio.train.InputProbe p = pinProbe;
        if (p != null) p.setInputs(pinned);
    }

    /** The run's classifier of the pinned digits, to add to the loop; what it finds is {@link #latestPins()}. */
    public io.digitstudio.train.InputProbe pinProbe() {
        io.digitstudio.train.InputProbe p = new io.digitstudio.train.InputProbe(PINS_EVERY, latestPins::set);
        pinProbe = p;
        // published before the inputs are read: a pin() from the FX thread meanwhile either sees it or set them first
        p.setInputs(pinned);
        return p;
    }

    /** The pinned digits' newest probabilities, or null before the first; the UI reads it at each tick of its pump. */
    public io.digitstudio.train.InputProbe.Outputs latestPins() {
        return latestPins.get();
    }

    private volatile Network model;
    private volatile List<String> classNames = List.of();
    private volatile String dataName;
    private volatile io.digitstudio.data.LabeledImages validationSet;
    private ConfusionMatrix pendingMatrix;

    /**
     * Names the run's network, its classes and the images it validates on (after any subset), for the validation
     * matrices (call before the run starts).
     */
    public void describe(Network network, List<String> names, io.digitstudio.data.LabeledImages validation) {
        this.model = network;
        this.classNames = List.copyOf(names);
        this.validationSet = validation;
    }

    /**
     * The run's health sampler, to add to the loop: it samples only while {@link #watchInside} is on (else it costs a
     * flag's read per iteration); {@code probe} is the validation set, for the dead-unit check.
     */
    public io.digitstudio.train.LayerStats healthSampler(io.digitstudio.data.Dataset probe) {
        io.digitstudio.train.LayerStats s = new io.digitstudio.train.LayerStats(HEALTH_EVERY, h -> events.add(new Health(h)), probe);
        // published before the flag is read: a watchInside from the FX thread meanwhile either sees it or set the flag first
        sampler = s;
        s.setEnabled(watchingInside);
        return s;
    }

    private volatile io.digitstudio.train.LayerStats sampler;

    /** Whether someone looks inside the network: then its weights and health are sent as it trains. */
    public void watchInside(boolean on) {
        watchingInside = on;
        io.digitstudio.train.LayerStats s = sampler;
        if (s != null) s.setEnabled(on);
    }

    private final Queue<Object> events = new ConcurrentLinkedQueue<>();
    private final AtomicReference<IterationEvent> latest = new AtomicReference<>();
    /** The run's training-loss curve: the session's once {@link #follow followed}, else one the feed makes itself. */
    private LossCurve curve;
    /** Whether the feed makes its curve itself (a feed that plays a run, as tests do). */
    private boolean ownCurve = true;
    private double lastDetail = Double.NaN;
    private double sentLr = Double.NaN;
    private double lastLr = Double.NaN;
    /** Where the run starts: 0 for a new run, the snapshot's position for a resumed run or a branch. */
    private double startDetail;
    private final java.util.function.LongSupplier clock;

    public TrainingFeed() {
        this(System::nanoTime);
    }

    /** With another clock (tests feed a run faster than real time). */
    TrainingFeed(java.util.function.LongSupplier clock) {
        this.clock = clock;
        curve = new LossCurve(clock);
        curve.onPoint(this::lossPoint);
    }

    /**
     * Draws the run's own training-loss curve, the session's ({@link io.digitstudio.runs.TrainingSession#lossCurve()}),
     * which follows the run ahead of this feed: call before the run starts.
     */
    public void follow(LossCurve sessions) {
        curve = sessions;
        ownCurve = false;
        sessions.onPoint(this::lossPoint);
    }

    private void lossPoint(double epochDetail, double loss) {
        events.add(new LossPoint(epochDetail, loss));
    }

    @Override
    public String name() {
        return "TrainingFeed";
    }

    @Override
    public Trigger trigger() {
        return Trigger.EVERY_ITERATION;
    }

    private volatile TrainingLoop loop;

    @Override
    public void initialize(TrainingLoop l) {
        loop = l;
        started(l.startInfo(), l.iterator().epochDetail());
    }

    @Override
    public void call(TrainingLoop l) {
        EpochReport ended = null;
        if (l.iterator().isNewEpoch() && !l.reports().isEmpty()) {
            EpochReport r = l.reports().get(l.reports().size() - 1);
            if (r.iteration() == l.iteration()) ended = r;
        }
        step(l.iterationEvent(), ended, l.lastConfusion());
    }

    /**
     * An iteration, and the report of the epoch it ended (null: none) with its validation's matrix. The iteration is
     * published ({@link #latest()}) only once the epoch's report is queued: the UI reads the newest iteration before it
     * drains the queue, so whatever iteration it shows, the reports of the epochs it completed are in its hands. The
     * other way round, a tick between the two would show the last iteration (the run at 100 %) beside a table one
     * epoch short, until the next tick.
     */
    void step(IterationEvent e, EpochReport ended, ConfusionMatrix matrix) {
        observe(e);
        if (ended != null) epochEnded(ended, matrix);
        latest.set(e);
    }

    @Override
    public void finalize(TrainingLoop l) {
        ended(l.result());
    }

    /**
     * How far the validation under way is, or null when none runs; polled at each tick of the view's pump. A validation
     * done whose epoch's end is not yet published (the writers record the epoch meanwhile) is at 1: until then the
     * newest iteration published is one short of the epoch's last, which is trained all the same.
     */
    public Validating validating() {
        TrainingLoop l = loop;
        if (l == null) return played;
        // the progress before the iteration: the loop writes the iteration first, so a validation seen under way is
        // seen with its own
        double done = l.validationProgress();
        long ended = l.validatedIteration();
        if (!Double.isNaN(done)) return new Validating(l.iterator().epoch(), ended, done);
        IterationEvent shown = latest.get();
        if (ended == 0 || shown != null && shown.iteration() >= ended) return null;
        done = l.validationProgress(); // that validation began since the first read, or is done
        return new Validating(l.iterator().epoch(), ended, Double.isNaN(done) ? 1 : done);
    }

    /** A validation under way as a run's loop says it, for a feed with no loop (tests play runs this way); null: none. */
    void validating(Validating v) {
        played = v;
    }

    private volatile Validating played;

    void started(TrainingStart start) {
        started(start, 0);
    }

    /** The run starts at {@code epochDetail}: its rate is drawn from there, not from 0. */
    void started(TrainingStart start, double epochDetail) {
        startDetail = epochDetail;
        dataName = start.dataSource();
        if (ownCurve) curve.started(start.iterationsPerEpoch(), epochDetail);
        events.add(start);
    }

    /** An iteration that ends no epoch (tests feed runs this way). */
    void iterated(IterationEvent e) {
        step(e, null, null);
    }

    /** What an iteration adds to the queue: the weights now and then, loss and rate points; not yet published. */
    private void observe(IterationEvent e) {
        if (watchingInside && model != null) {
            long t = clock.getAsLong();
            if (t - lastWeights >= WEIGHTS_INTERVAL_NANOS) { // copied here, on the training thread, between updates
                lastWeights = t;
                io.digitstudio.nn.Inspector.Tiles tiles = io.digitstudio.nn.Inspector.firstLayer(model);
                if (tiles != null) events.add(new WeightsSnapshot(e.epochDetail(), tiles));
            }
        }
        // the curve's point of this iteration, when one is due, is made by now (the session's curve is called ahead of
        // the feed): the rate is drawn along with it
        if (ownCurve) curve.observe(e.iteration(), e.epochDetail(), e.loss());
        double before = lastDetail;
        lastDetail = atEpochEnd(Double.isNaN(before) ? startDetail : before, e.epochDetail());
        boolean pointNow = curve.pointedIteration() == e.iteration();
        lastLr = e.lr();
        // a step in the rate (a schedule's epoch step, a live change) is sent at once; a gradual one with the points
        if (!Double.isNaN(e.lr()) && e.lr() != sentLr && (Double.isNaN(sentLr) || pointNow || Math.abs(e.lr() - sentLr) > 0.01 * Math.abs(sentLr))) {
            double at = Double.isNaN(before) ? startDetail : before;
            if (!Double.isNaN(sentLr) && !pointNow) events.add(new LrPoint(at, sentLr)); // a step is drawn as a step
            sentLr = e.lr();
            events.add(new LrPoint(at, e.lr()));
        }
        if (pointNow) {
            // a steady rate is drawn along with the loss, from the first points on, not only at an epoch's end
            if (!Double.isNaN(e.lr()) && sentLr == e.lr()) events.add(new LrPoint(lastDetail, e.lr()));
        }
    }

    /** Where an iteration's points are drawn, the rate's as the loss's: {@link LossCurve#atEpochEnd}. */
    static double atEpochEnd(double before, double detail) {
        return LossCurve.atEpochEnd(before, detail);
    }

    /** An epoch's report, with its validation's confusion matrix (null when none was tallied). */
    void epochEnded(EpochReport report, ConfusionMatrix matrix) {
        pendingMatrix = matrix;
        if (ownCurve) curve.endEpoch(); // the session's curve reached the epoch's end ahead of the feed
        if (!Double.isNaN(lastLr)) events.add(new LrPoint(lastDetail, lastLr)); // the rate reaches the epoch's end too
        events.add(report);
        if (pendingMatrix != null) events.add(new ValidationMatrix(report.epoch(), pendingMatrix, report.valLoss(), model, classNames, dataName, validationSet));
        pendingMatrix = null;
    }

    void ended(TrainingResult result) {
        events.add(result);
    }

    /** The newest iteration, or null; the UI reads it at each tick of the view's pump. */
    public IterationEvent latest() {
        return latest.get();
    }

    /** Removes and returns the next queued event, or null. */
    public Object poll() {
        return events.poll();
    }
}
