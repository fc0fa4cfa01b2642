package io.digitstudio.ui.train;

import io.digitstudio.io.AtomicFiles;
import io.digitstudio.train.EpochReport;
import io.digitstudio.train.IterationEvent;
import io.digitstudio.train.TrainingStart;
import io.digitstudio.ui.widgets.DecimatedSeries;
import io.digitstudio.ui.widgets.Formats;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Presents a run's feed: drains what the training thread queued (UI thread, at each tick of the Train view's pump, {@link #pulse()}) into
 * the charts' series, the epoch table and the status texts, without flooding the UI: the status texts change at most
 * every {@link #UI_INTERVAL_NANOS}, the charts and the table take the loss points that arrived at most every
 * {@link #CHART_INTERVAL_NANOS} (re-laying out and repainting them costs far more than the data, and with a software
 * renderer it costs the training thread measurable time on a two-core machine). An epoch's report is shown at the
 * tick that receives it, with every point before it: the table and the charts never count fewer epochs than the
 * progress texts beside them. The end of a run always shows all.
 */
public final class RunPresenter {
    /** As many points as a run's kept training-loss curve, which this draws: the chart and the run's folder agree. */
    static final int CHART_CAP = io.digitstudio.train.LossCurve.CAP;
    static final long UI_INTERVAL_NANOS = 250_000_000L;
    static final long CHART_INTERVAL_NANOS = 1_000_000_000L;

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready to train");
    private final ReadOnlyStringWrapper epochText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper iterationText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper timeText = new ReadOnlyStringWrapper("");
    /** Every figure of the run in one line, for the progress bar's tooltip and screen reader (see {@link #progressSummaryProperty}). */
    private final ReadOnlyStringWrapper progressSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyIntegerWrapper plannedEpochs = new ReadOnlyIntegerWrapper(10);
    /** The lower end of the accuracy axis: 0 until there is data, then fitted below the lowest accuracy. */
    private final ReadOnlyDoubleWrapper accuracyFloor = new ReadOnlyDoubleWrapper(0);
    private final DecimatedSeries trainLoss = new DecimatedSeries("train loss (smoothed)", CHART_CAP, false);
    private final DecimatedSeries valLoss = new DecimatedSeries("validation loss", CHART_CAP, true);
    private final DecimatedSeries trainAccuracy = new DecimatedSeries("train accuracy", CHART_CAP, true);
    private final DecimatedSeries valAccuracy = new DecimatedSeries("validation accuracy", CHART_CAP, true);
    private final DecimatedSeries learningRate = new DecimatedSeries("learning rate", CHART_CAP, false);
    private final javafx.beans.property.ReadOnlyObjectWrapper<TrainingFeed.ValidationMatrix> validationMatrix = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<TrainingFeed.WeightsSnapshot> liveWeights = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<List<io.digitstudio.train.LayerStats.Sample>> healthSamples = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<io.digitstudio.train.InputProbe.Outputs> pinned = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ObservableList<EpochReport> epochRows = FXCollections.observableArrayList();
    /** True once the charts show something (a chart with no curve is nothing to export). */
    private final javafx.beans.property.ReadOnlyBooleanWrapper plotted = new javafx.beans.property.ReadOnlyBooleanWrapper();

    private TrainingFeed feed;
    private boolean live;
    private boolean paused;
    private final List<Object> pending = new ArrayList<>();
    private final List<double[]> pendingPoints = new ArrayList<>();
    private long lastUiUpdate;
    private long lastChartUpdate;
    private int totalEpochs;
    private double rate;
    private long rateMark;
    private long rateMarkIteration;
    /**
     * This session's epochs ended so far, each as its last iteration and its validation's seconds: the seconds a run
     * has trained, its validations left out, and the time each validation takes.
     */
    private final List<double[]> validations = new ArrayList<>();
    private final java.util.function.LongSupplier clock;

    public RunPresenter() {
        this(System::nanoTime);
    }

    /** With another clock (tests tick it by hand, so what a pulse shows does not depend on the machine's speed). */
    RunPresenter(java.util.function.LongSupplier clock) {
        this.clock = clock;
    }

    /** Clears the previous run's curves, table and texts and starts presenting {@code f}. */
    public void begin(TrainingFeed f, int planned, String firstStatus) {
        clear(planned, firstStatus);
        feed = f;
        live = true;
        holdsRun = true;
        paused = false;
    }

    /**
     * Clears the last run's curves, table, progress and texts while no run trains, for what comes next (a branch of
     * another run, whose parent's epochs {@link #showEarlier} then shows): {@code statusText} says what that is.
     */
    public void clear(int planned, String statusText) {
        for (DecimatedSeries s : series()) s.clear();
        holdsRun = false;
        plotted.set(false);
        epochRows.clear();
        pinned.set(null);
        pending.clear();
        deferred.clear();
        pendingPoints.clear();
        joining = false;
        joinRate = Double.NaN;
        totalEpochs = planned;
        plannedEpochs.set(planned);
        accuracyFloor.set(0);
        progress.set(0);
        epochText.set("");
        iterationText.set("");
        speedText.set("");
        timeText.set("");
        progressSummary.set("");
        validations.clear();
        status.set(statusText);
        rateMark = 0;
        rateMarkIteration = 0;
        rate = 0;
    }

    /**
     * Shows the epochs a resumed run trained before it stopped, from its log, so that its charts and table begin at
     * epoch 1 and not at the epoch it resumes from.
     */
    public void showEarlier(List<EpochReport> earlier) {
        showEarlier(earlier, Double.NaN);
    }

    /**
     * Shows the epochs a resumed run or a branch goes on from, from its (parent's) log, and the learning rate that was in
     * force where it starts ({@code rateThere}, NaN when unknown): the rate is drawn as the earlier run had it up to the
     * point the run starts from, and steps there to the run's own (a branch's may differ), as Runs draws a branch
     * leaving its parent's curve at the branching point.
     */
    public void showEarlier(List<EpochReport> earlier, double rateThere) {
        showEarlier(earlier, rateThere, (BranchPoint) null);
    }

    /** The same, for a branch whose parent's training-loss curve was not kept (see the next). */
    public void showEarlier(List<EpochReport> earlier, double rateThere, BranchPoint from) {
        showEarlier(earlier, rateThere, from, List.of());
    }

    /**
     * The same, for a branch: its curves then go on from {@code from}, the point where it leaves its parent's curves
     * (between two of the parent's epochs when it branched in the middle of one; null: where the earlier epochs end).
     * The training loss is the parent's curve as the window drew it ({@code lossPoints}, up to the point), which the
     * branch's own smoothed points go on from; without it the branch's loss starts at the point alone. The parent's
     * epoch means are no part of that line: each is its epoch's average, well above the loss at the epoch's end where
     * the branch's own points begin, and drawn before them they made a cliff at the branch point.
     */
    public void showEarlier(List<EpochReport> earlier, double rateThere, BranchPoint from, List<double[]> lossPoints) {
        showEarlierEpochs(earlier, rateThere, lossPoints, false);
        if (from == null || !Double.isFinite(from.x())) return;
        join(valLoss, from.x(), from.valLoss());
        join(trainAccuracy, from.x(), from.trainAccuracy());
        join(valAccuracy, from.x(), from.valAccuracy());
    }

    private void join(DecimatedSeries s, double x, double y) {
        if (!Double.isFinite(y) || (s.size() > 0 && s.x(s.size() - 1) >= x)) return;
        s.add(x, y);
        plotted.set(true);
    }

    /**
     * Where a branch leaves its parent's curves: at its exact epoch {@code x} (2.33 a third of the way into epoch 3), at
     * the height each of the parent's epoch curves has there.
     */
    public record BranchPoint(double x, double trainLoss, double valLoss, double trainAccuracy, double valAccuracy) {
        /**
         * The point at {@code x} on the curves of the parent's log, as the lines drawn through its epochs (level past
         * its last epoch: a parent stopped where it branched has none after).
         */
        public static BranchPoint on(List<java.util.Map<String, Double>> log, double x) {
            return new BranchPoint(x, at(log, "main/loss", x), at(log, "validation/main/loss", x), at(log, "main/accuracy", x),
                    at(log, "validation/main/accuracy", x));
        }

        private static double at(List<java.util.Map<String, Double>> log, String key, double x) {
            List<double[]> points = new ArrayList<>();
            for (java.util.Map<String, Double> e : log) {
                double epoch = value(e, "epoch");
                double v = value(e, key);
                if (Double.isFinite(epoch) && Double.isFinite(v) && (points.isEmpty() || epoch > points.get(points.size() - 1)[0])) points.add(new double[]{epoch, v});
            }
            return io.digitstudio.ui.widgets.Polyline.valueAt(points, x);
        }
    }

    /**
     * Shows the part of a resumed run before its snapshot: its epochs from the log, the rate in force there, and its
     * training-loss curve as the window drew it then ({@code lossPoints}, those up to the snapshot; empty: one point
     * an epoch from the log).
     */
    public void showEarlier(List<EpochReport> earlier, double rateThere, List<double[]> lossPoints) {
        showEarlierEpochs(earlier, rateThere, lossPoints, true);
    }

    /** {@code meansAsLoss}: with no {@code lossPoints}, the training-loss line gets the epochs' means instead. */
    private void showEarlierEpochs(List<EpochReport> earlier, double rateThere, List<double[]> lossPoints, boolean meansAsLoss) {
        if (earlier.isEmpty() && Double.isNaN(rateThere)) return;
        joinRate = rateThere;
        joining = true;
        if (earlier.isEmpty()) return;
        List<double[]> loss = new ArrayList<>();
        for (EpochReport r : earlier) {
            loss.add(new double[]{r.epoch(), r.trainLoss()});
            valLoss.add(r.epoch(), r.valLoss());
            trainAccuracy.add(r.epoch(), r.trainAccuracy());
            valAccuracy.add(r.epoch(), r.valAccuracy());
            if (Double.isFinite(r.lr())) {
                learningRate.add(r.epoch() - 1, r.lr());
                learningRate.add(r.epoch(), r.lr());
            }
        }
        trainLoss.addAll(!lossPoints.isEmpty() ? lossPoints : meansAsLoss ? loss : List.of());
        epochRows.addAll(earlier);
        plotted.set(true);
        double lo = Math.min(trainAccuracy.yRange()[0], valAccuracy.yRange()[0]);
        accuracyFloor.set(Math.max(0, Math.floor((lo - 0.02) * 20) / 20));
    }

    /** Whether the next rate point is the run's first after the earlier epochs (see {@link #showEarlier(List, double)}). */
    private boolean joining;
    private double joinRate = Double.NaN;

    /**
     * Draws the earlier run's rate on to {@code x}, where this run starts: from its last epoch's end at the rate in force
     * there (a step when a schedule moved it at that end), flat up to {@code x}; the run's own rate then steps from there.
     */
    private void joinRate(double x) {
        joining = false;
        int n = learningRate.size();
        double lastX = n == 0 ? 0 : learningRate.x(n - 1);
        double lastY = n == 0 ? Double.NaN : learningRate.y(n - 1);
        double there = Double.isNaN(joinRate) ? lastY : joinRate;
        if (Double.isNaN(there) || x < lastX) return;
        if (n == 0 || there != lastY) learningRate.add(lastX, there);
        if (x > lastX) learningRate.add(x, there);
    }

    /** A run's log (Chainer's keys, one map per epoch) as epoch rows, up to and including epoch {@code upTo}. */
    public static List<EpochReport> fromLog(List<java.util.Map<String, Double>> log, int upTo) {
        List<EpochReport> out = new ArrayList<>();
        double before = 0;
        for (java.util.Map<String, Double> e : log) {
            double epoch = value(e, "epoch");
            if (!(epoch >= 1) || epoch > upTo) continue;
            double elapsed = value(e, "elapsed_time");
            // the epoch's own times, as its entry gave them live; a log from before it recorded them gives the time
            // between two entries, the extensions' work with it
            double train = value(e, EpochReport.TRAIN_SECONDS), val = value(e, EpochReport.VAL_SECONDS);
            boolean timed = Double.isFinite(train);
            out.add(EpochReport.of((int) epoch, (long) value(e, "iteration"), value(e, "main/loss"), value(e, "main/accuracy"),
                    value(e, "validation/main/loss"), value(e, "validation/main/accuracy"),
                    timed ? train : Double.isFinite(elapsed) ? elapsed - before : Double.NaN, timed ? val : 0, value(e, "lr")));
            if (Double.isFinite(elapsed)) before = elapsed;
        }
        return out;
    }

    private static double value(java.util.Map<String, Double> e, String key) {
        Double v = e.get(key);
        return v == null ? Double.NaN : v;
    }

    /** Shows everything still queued and stops the live texts (the run has ended). */
    public void end(double seconds, boolean completed) {
        pulse(true);
        live = false;
        speedText.set("");
        timeText.set("Took " + Formats.clock(seconds));
        if (completed) progress.set(1);
        summarize();
    }

    /**
     * The epochs the charts' x axes span while they show no run (from the form): a run's charts, also once it has
     * ended, keep the run's own span until the next run or a branch's set-up clears them.
     */
    public void planEpochs(int epochs) {
        if (!live && !holdsRun) plannedEpochs.set(epochs);
    }

    /** Whether the charts hold a run (under way or ended), from its start until they are cleared. */
    private boolean holdsRun;

    public void setPaused(boolean p) {
        paused = p;
        if (live) {
            speedText.set(p ? "paused" : "");
            summarize();
        }
    }

    public void status(String text) {
        status.set(text);
    }

    private boolean shown = true;
    private final List<Object> deferred = new ArrayList<>();

    /**
     * Whether the Train view is on screen. Hidden, its charts, table and texts wait (what arrives is kept, in order,
     * and shown when it is back): a change in a hidden tab still makes a software renderer repaint and upload the
     * whole window, which costs the run its speed while another view is shown. What other views follow (the
     * validation matrices, weights, health) goes on as before.
     */
    public void setShown(boolean s) {
        if (s && !shown) {
            shown = true;
            pending.addAll(0, deferred);
            deferred.clear();
            lastChartUpdate = 0;
            lastUiUpdate = 0;
        } else {
            shown = s;
        }
    }

    /** Called at each tick of the view's pump ({@link TrainView#PUMP_MILLIS}) on the UI thread. */
    public void pulse() {
        pulse(false);
    }

    void pulse(boolean force) {
        TrainingFeed f = feed;
        if (f == null) return;
        // the newest iteration first, then the queue: the feed queues an epoch's report before it publishes the
        // iteration that ended it, so the table then holds every epoch the progress texts count as done. Read after the
        // queue, an iteration published meanwhile would show the run at 100 % beside a table one epoch short
        IterationEvent e = f.latest();
        Object ev;
        boolean epochEnded = false;
        while ((ev = f.poll()) != null) {
            if (ev instanceof TrainingStart s) {
                start(s); // at once: it sets the axes and the status
            } else {
                pending.add(ev); // points wait for the next chart update; an epoch's report brings it forward
                epochEnded |= ev instanceof EpochReport || ev instanceof io.digitstudio.train.TrainingResult;
            }
        }
        long now = clock.getAsLong();
        // an epoch's end comes at most once an epoch; waiting for the next chart update would leave the table and
        // curves behind the progress texts by as many epochs as end within that interval. Otherwise the charts change
        // at a tick that changes the texts too: on a tick of their own (the two intervals drift apart when ticks come
        // late) they would be a frame of their own, which the software pipeline renders and uploads whole
        boolean textsDue = now - lastUiUpdate >= UI_INTERVAL_NANOS;
        if (force || epochEnded || textsDue && now - lastChartUpdate >= CHART_INTERVAL_NANOS) {
            lastChartUpdate = now;
            flushPending(force);
        }
        if (!force && (!epochEnded && now - lastUiUpdate < UI_INTERVAL_NANOS || !shown)) return;
        lastUiUpdate = now;
        TrainingFeed.Validating v = f.validating();
        if (e != null && live) showProgress(e, v);
        io.digitstudio.train.InputProbe.Outputs pins = f.latestPins();
        if (pins != null && pins != pinned.get()) pinned.set(pins);
        if (v != null && live && !paused) status.set("Validating epoch " + v.epoch() + "… " + Formats.fixed(100 * v.fraction(), 0) + "%"); // as showProgress
    }

    private void start(TrainingStart s) {
        totalEpochs = s.config().epochs();
        plannedEpochs.set(totalEpochs);
        // the data is in the form beside the line: named here too, the message took two lines beside the run's figures
        // at 150 % in the smallest window
        status.set(String.format(Locale.ROOT, "Training %s on %,d examples", s.architecture(), s.trainSize()));
    }

    /** Applies the queued events in order, consecutive loss points in one change to the chart. */
    private void flushPending() {
        flushPending(false);
    }

    private void flushPending(boolean force) {
        if (!shown && !force) { // only what other views follow; the rest waits for the Train view
            List<Object> keep = new ArrayList<>();
            for (Object ev : pending) {
                if (ev instanceof TrainingFeed.ValidationMatrix || ev instanceof TrainingFeed.WeightsSnapshot || ev instanceof TrainingFeed.Health) keep.add(ev);
                else deferred.add(ev);
            }
            pending.clear();
            pending.addAll(keep);
        } else if (!deferred.isEmpty()) {
            pending.addAll(0, deferred);
            deferred.clear();
        }
        List<EpochReport> rows = new ArrayList<>();
        TrainingFeed.ValidationMatrix newestMatrix = null;
        TrainingFeed.WeightsSnapshot newestWeights = null;
        List<io.digitstudio.train.LayerStats.Sample> health = new ArrayList<>();
        for (Object ev : pending) {
            if (ev instanceof TrainingFeed.LossPoint p) {
                pendingPoints.add(new double[]{p.epochDetail(), p.loss()});
            } else if (ev instanceof TrainingFeed.LrPoint p) {
                if (joining) joinRate(p.epochDetail());
                learningRate.add(p.epochDetail(), p.lr());
            } else if (ev instanceof TrainingFeed.WeightsSnapshot w) {
                newestWeights = w;
            } else if (ev instanceof TrainingFeed.Health h) {
                health.add(h.sample());
            } else if (ev instanceof TrainingFeed.ValidationMatrix m) {
                newestMatrix = m; // only the newest is shown: an older one would be replaced at once
            } else if (ev instanceof EpochReport r) {
                rows.add(r);
                if (live) validations.add(new double[]{r.iteration(), Double.isFinite(r.get(EpochReport.VAL_SECONDS)) ? r.get(EpochReport.VAL_SECONDS) : 0});
                valLoss.add(r.epoch(), r.valLoss());
                trainAccuracy.add(r.epoch(), r.trainAccuracy());
                valAccuracy.add(r.epoch(), r.valAccuracy());
                if (live) status.set("Epoch " + r.epoch() + ": validation accuracy " + Formats.percent(r.valAccuracy()));
            }
        }
        pending.clear();
        if (newestMatrix != null) validationMatrix.set(newestMatrix);
        if (newestWeights != null) liveWeights.set(newestWeights);
        if (!health.isEmpty()) healthSamples.set(List.copyOf(health));
        trainLoss.addAll(pendingPoints);
        pendingPoints.clear();
        if (!plotted.get()) plotted.set(series().stream().anyMatch(x -> x.size() > 0));
        if (!rows.isEmpty()) {
            epochRows.addAll(rows);
            double lo = Math.min(trainAccuracy.yRange()[0], valAccuracy.yRange()[0]);
            // a tenth below the lowest accuracy, in steps of 0.05, so that 0.92 -> 0.97 is visible and 1.0 stays on top
            accuracyFloor.set(Math.max(0, Math.floor((lo - 0.02) * 20) / 20));
        }
    }

    /**
     * The figures after iteration {@code e}, while the epoch's validation {@code v} runs (null: none runs). The speed is
     * of training alone, and the time left counts the validations to come as long as the last one took: counted in the
     * speed, a validation of a few seconds made the time left jump up as the next epoch began, and back.
     */
    private void showProgress(IterationEvent e, TrainingFeed.Validating v) {
        // time as the run counts it (its pauses left out), so a pause neither adds to Elapsed nor stalls the rate
        long now = Math.round(trainingSeconds(e) * 1e9);
        if (now - rateMark > 500_000_000L) {
            rate = (e.iteration() - rateMarkIteration) / ((now - rateMark) / 1e9);
            rateMark = now;
            rateMarkIteration = e.iteration();
        } else if (rate == 0 && now > 0) {
            rate = e.iteration() / (now / 1e9);
        }
        // while an epoch validates, its last iteration is trained: the figures count it, though the feed publishes
        // it only with the epoch's report
        long trained = trainedBy(e, v);
        // concatenation, not String.format: four times a second during a run (see Formats.fixed)
        epochText.set("Epoch " + Math.min(e.epoch(), totalEpochs) + "/" + totalEpochs);
        iterationText.set("Iteration " + Formats.count(trained) + "/" + Formats.count(e.totalIterations()));
        speedText.set(paused ? "paused" : Formats.fixed(rate, 0) + " it/s");
        double elapsed = e.elapsedSeconds();
        double eta = rate > 0 ? (e.totalIterations() - trained) / rate + validationsLeft(e, v) : Double.NaN;
        timeText.set("Elapsed " + Formats.clock(elapsed) + " · ETA " + (Double.isNaN(eta) ? "–" : Formats.clock(eta)));
        progress.set((double) trained / e.totalIterations());
        summarize();
    }

    /** The seconds the run has trained by iteration {@code e}: its time with this session's validations up to there left out. */
    private double trainingSeconds(IterationEvent e) {
        double t = e.elapsedSeconds();
        for (double[] r : validations) if (r[0] <= e.iteration()) t -= r[1];
        return Math.max(0, t);
    }

    /**
     * The iterations trained by iteration {@code e}, or while an epoch's validation {@code v} runs, by that epoch's last
     * iteration (published only once its validation is done).
     */
    private static long trainedBy(IterationEvent e, TrainingFeed.Validating v) {
        return v == null ? e.iteration() : Math.max(e.iteration(), v.iteration());
    }

    /** How long the last validation took, NaN before this session's first. */
    private double lastValidation() {
        return validations.isEmpty() ? Double.NaN : validations.get(validations.size() - 1)[1];
    }

    /**
     * The seconds the validations still to come after iteration {@code e} take, each as long as the last (0 before the
     * first, whose time nobody knows yet: the time left then holds while it runs), the one under way ({@code v}) by
     * the share it has left.
     */
    private double validationsLeft(IterationEvent e, TrainingFeed.Validating v) {
        double each = lastValidation();
        if (Double.isNaN(each)) return 0;
        // at the iteration that ends an epoch its detail has reached the epoch's end (2.048 at the end of epoch 2); while
        // an epoch's validation runs, that epoch's last iteration is yet to be said
        double left = v != null ? totalEpochs - v.epoch() + 1 - v.fraction() : totalEpochs - Math.floor(e.epochDetail() + 1e-9);
        left = Math.max(0, left);
        return left * each;
    }

    /** The figures in one line, those the status line shows and those it left out for want of room. */
    private void summarize() {
        StringBuilder sb = new StringBuilder();
        for (String t : new String[]{epochText.get(), iterationText.get(), timeText.get(), speedText.get()}) {
            if (t.isEmpty()) continue;
            if (sb.length() > 0) sb.append(" · ");
            sb.append(t);
        }
        progressSummary.set(sb.toString());
    }

    private List<DecimatedSeries> series() {
        return List.of(trainLoss, valLoss, trainAccuracy, valAccuracy, learningRate);
    }

    /** The epoch log as CSV (UI thread: it reads the table's rows). */
    public byte[] csv() {
        StringBuilder sb = new StringBuilder(EpochReport.csvHeader()).append('\n');
        for (EpochReport r : epochRows) sb.append(r.csvRow()).append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes CSV bytes from {@link #csv()} atomically; any thread. */
    public static void writeCsv(byte[] csv, Path file) throws IOException {
        AtomicFiles.write(file, out -> out.write(csv));
    }

    /**
     * The pinned digits' probabilities as the run's network gave them last (null before a run's first): taken from the
     * feed with the status texts, at most every {@link #UI_INTERVAL_NANOS}, and only while the Train view is shown.
     */
    public javafx.beans.property.ReadOnlyObjectProperty<io.digitstudio.train.InputProbe.Outputs> pinnedProperty() { return pinned.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty epochTextProperty() { return epochText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty iterationTextProperty() { return iterationText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty speedTextProperty() { return speedText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty timeTextProperty() { return timeText.getReadOnlyProperty(); }
    /**
     * The run's figures in one line ("Epoch 2/3 · Iteration 40/141 · Elapsed 0:12 · ETA 0:20 · 812 it/s"): the status
     * line gives up the speed and the time where it is too narrow (150 % in the smallest window), and the progress bar's
     * tooltip and screen-reader text still say them.
     */
    public ReadOnlyStringProperty progressSummaryProperty() { return progressSummary.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** The epochs the charts' x axes span: the run's, or the form's before a run. */
    public ReadOnlyIntegerProperty plannedEpochsProperty() { return plannedEpochs.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty accuracyFloorProperty() { return accuracyFloor.getReadOnlyProperty(); }
    public DecimatedSeries trainLoss() { return trainLoss; }
    public DecimatedSeries valLoss() { return valLoss; }
    public DecimatedSeries trainAccuracy() { return trainAccuracy; }
    public DecimatedSeries valAccuracy() { return valAccuracy; }
    /** The learning rate over the run (it changes with a schedule or a live change). */
    public DecimatedSeries learningRate() { return learningRate; }
    public ObservableList<EpochReport> epochRows() { return epochRows; }
    /** True while the charts hold a curve. */
    public javafx.beans.property.ReadOnlyBooleanProperty plottedProperty() { return plotted.getReadOnlyProperty(); }
    /** The run's first-layer weights, every few seconds while someone watches inside (see {@link TrainingFeed#watchInside}). */
    public javafx.beans.property.ReadOnlyObjectProperty<TrainingFeed.WeightsSnapshot> liveWeightsProperty() { return liveWeights.getReadOnlyProperty(); }
    /** The health samples that arrived in the latest chart update (a new list each time). */
    public javafx.beans.property.ReadOnlyObjectProperty<List<io.digitstudio.train.LayerStats.Sample>> healthSamplesProperty() { return healthSamples.getReadOnlyProperty(); }
    /** The feed of the run being shown (null before the first). */
    public TrainingFeed feed() { return feed; }
    /** The newest epoch's validation confusion matrix of the run under way (or of the last run). */
    public javafx.beans.property.ReadOnlyObjectProperty<TrainingFeed.ValidationMatrix> validationMatrixProperty() { return validationMatrix.getReadOnlyProperty(); }
}
