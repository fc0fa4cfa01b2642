package io.digitstudio.ui.train;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.io.AtomicFiles;
import io.digitstudio.nn.Mlp;
import io.digitstudio.optim.Optimizers;
import io.digitstudio.train.EpochReport;
import io.digitstudio.train.IterationEvent;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.train.TrainingLoop;
import io.digitstudio.train.TrainingResult;
import io.digitstudio.train.TrainingStart;
import io.digitstudio.train.Snapshot;
import io.digitstudio.train.SnapshotWriter;
import io.digitstudio.ui.app.AppContext;
import io.digitstudio.ui.charts.CappedSeries;
import io.digitstudio.ui.model.ActiveModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Train view's state and actions: the settings (as the text the user typed, validated as they type), the run
 * (a JavaFX Task on the training worker) and what it shows (charts, epoch table, status). {@link #pulse()} is called
 * once per frame on the FX thread and applies whatever the training thread queued since the last frame.
 */
public final class TrainViewModel {
    public enum State { IDLE, PREPARING, RUNNING, PAUSED, STOPPING, FINISHED }

    static final int CHART_CAP = 400;
    static final int SNAPSHOTS_KEPT = 3;
    /** Status text changes at most this often. */
    static final long UI_INTERVAL_NANOS = 250_000_000L;
    /**
     * Charts and the epoch table take what arrived at most this often (and at the end of a run): re-laying out and
     * repainting a chart or a table costs far more than the data, and with a software renderer it costs the training
     * thread measurable time on a two-core machine.
     */
    static final long CHART_INTERVAL_NANOS = 1_000_000_000L;

    private final AppContext context;

    // settings
    private final ObjectProperty<Path> dataFolder = new SimpleObjectProperty<>();
    private final StringProperty units = new SimpleStringProperty("100");
    private final StringProperty batchSize = new SimpleStringProperty("128");
    private final StringProperty epochs = new SimpleStringProperty("10");
    private final StringProperty seed = new SimpleStringProperty("0");
    private final StringProperty trainLimit = new SimpleStringProperty("");
    private final StringProperty testLimit = new SimpleStringProperty("");
    private final StringProperty optimizer = new SimpleStringProperty("momentum-sgd");
    private final ObservableList<HyperParam> hyperparams = FXCollections.observableArrayList();
    private final BooleanProperty shuffle = new SimpleBooleanProperty(true);
    private final BooleanProperty augment = new SimpleBooleanProperty(false);
    private final ObjectProperty<Path> snapshotFolder = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper();

    // the run
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready to train");
    private final ReadOnlyStringWrapper epochText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper iterationText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper timeText = new ReadOnlyStringWrapper("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ReadOnlyObjectWrapper<TrainingResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Mlp> trainedModel = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyIntegerWrapper plannedEpochs = new javafx.beans.property.ReadOnlyIntegerWrapper();

    private final CappedSeries trainLoss = new CappedSeries("train loss (smoothed)", CHART_CAP);
    private final CappedSeries valLoss = new CappedSeries("validation loss", CHART_CAP);
    private final CappedSeries trainAccuracy = new CappedSeries("train accuracy", CHART_CAP);
    private final CappedSeries valAccuracy = new CappedSeries("validation accuracy", CHART_CAP);
    private final ObservableList<EpochReport> epochRows = FXCollections.observableArrayList();

    private TrainingFeed feed;
    private final java.util.List<TrainingFeed.LossPoint> pendingPoints = new java.util.ArrayList<>();
    private final java.util.List<Object> pending = new java.util.ArrayList<>();
    private long lastUiUpdate;
    private long lastChartUpdate;
    private TrainingStart startInfo;
    private final AtomicReference<TrainingLoop> loop = new AtomicReference<>();
    private volatile boolean stopBeforeStart;
    private long runStartNanos;
    private double rateIterations;
    private long rateMark;
    private long rateMarkIteration;

    public TrainViewModel(AppContext context) {
        this.context = context;
        optimizer.addListener((o, a, b) -> rebuildHyperparams());
        rebuildHyperparams();
        for (StringProperty p : new StringProperty[]{units, batchSize, epochs, seed, trainLimit, testLimit}) p.addListener((o, a, b) -> validate());
        dataFolder.addListener((o, a, b) -> validate());
        validate();
    }

    private void rebuildHyperparams() {
        hyperparams.clear();
        String name = optimizer.get();
        try {
            Optimizers.defaults(name).forEach((k, v) -> {
                HyperParam h = HyperParam.of(k, v);
                h.text().addListener((o, a, b) -> validate());
                hyperparams.add(h);
            });
        } catch (IllegalArgumentException e) {
            // an unknown name is reported by validate()
        }
        validate();
    }

    /** Builds the run's config from the form; throws IllegalArgumentException with a message for the user. */
    public TrainingConfig config() {
        Map<String, Double> h = new LinkedHashMap<>();
        for (HyperParam p : hyperparams) h.put(p.key(), number(p.text().get(), p.key()));
        return new TrainingConfig(integer(epochs.get(), "Epochs"), integer(batchSize.get(), "Batch size"), integer(units.get(), "Hidden units"),
                optimizer.get(), h, integer(seed.get(), "Seed"), shuffle.get(), limit(trainLimit.get(), "Training examples"),
                limit(testLimit.get(), "Test examples"), augment.get());
    }

    private static int integer(String text, String what) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + text + "'");
        }
    }

    private static int limit(String text, String what) {
        if (text == null || text.isBlank()) return 0;
        int v = integer(text, what);
        if (v < 1) throw new IllegalArgumentException(what + " must be at least 1 (or empty for all), got " + v);
        return v;
    }

    private static double number(String text, String what) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(what + " must be a number, got '" + text + "'");
        }
    }

    private void validate() {
        try {
            TrainingConfig c = config();
            if (c.trainLimit() > 0 && c.batchSize() > c.trainLimit()) {
                throw new IllegalArgumentException("Batch size " + c.batchSize() + " is larger than the " + c.trainLimit() + " training examples");
            }
            if (c.batchSize() > 60_000 && dataFolder.get() == null) throw new IllegalArgumentException("Batch size is larger than MNIST's 60000 training examples");
            validation.set(null);
        } catch (IllegalArgumentException e) {
            validation.set(capitalize(e.getMessage()));
        }
    }

    private static String capitalize(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public void resetHyperparams() {
        rebuildHyperparams();
    }

    /** Builds the run once the data is loaded (on the training worker). */
    private interface LoopFactory {
        TrainingLoop create(Mnist.TrainTest data);
    }

    /** Starts a run with the current settings; does nothing while one runs or the settings are invalid. */
    public void start() {
        State s = state.get();
        if (s != State.IDLE && s != State.FINISHED) return;
        TrainingConfig cfg;
        try {
            cfg = config();
        } catch (IllegalArgumentException e) {
            validation.set(capitalize(e.getMessage()));
            return;
        }
        launch("Loading data…", d -> TrainingLoop.create(cfg, cut(d.train(), cfg.trainLimit(), "training"), cut(d.test(), cfg.testLimit(), "test"), d.source()));
    }

    /**
     * Continues a run from a snapshot on the selected dataset, exactly where it stopped, up to the snapshot's epochs
     * or the form's, whichever is more; the form then shows the snapshot's settings.
     */
    public void resume(Path snapshot) {
        State s = state.get();
        if (s != State.IDLE && s != State.FINISHED) return;
        int formEpochs;
        try {
            formEpochs = integer(epochs.get(), "Epochs");
        } catch (IllegalArgumentException e) {
            formEpochs = 0;
        }
        int wanted = formEpochs;
        launch("Reading snapshot…", d -> {
            Map<String, io.digitstudio.io.NpyArray> a = Snapshot.read(snapshot);
            TrainingConfig c = Snapshot.config(a, String.valueOf(snapshot.getFileName()));
            TrainingConfig shown = c.withEpochs(Math.max(c.epochs(), Math.min(wanted, TrainingConfig.MAX_EPOCHS)));
            javafx.application.Platform.runLater(() -> showSettings(shown));
            return Snapshot.resume(a, String.valueOf(snapshot.getFileName()), cut(d.train(), c.trainLimit(), "training"),
                    cut(d.test(), c.testLimit(), "test"), d.source(), shown.epochs());
        });
    }

    private void showSettings(TrainingConfig c) {
        units.set(String.valueOf(c.units()));
        batchSize.set(String.valueOf(c.batchSize()));
        epochs.set(String.valueOf(c.epochs()));
        seed.set(String.valueOf(c.seed()));
        trainLimit.set(c.trainLimit() == 0 ? "" : String.valueOf(c.trainLimit()));
        testLimit.set(c.testLimit() == 0 ? "" : String.valueOf(c.testLimit()));
        shuffle.set(c.shuffle());
        augment.set(c.augment());
        optimizer.set(c.optimizer());
        for (HyperParam h : hyperparams) {
            Double v = c.hyperparams().get(h.key());
            if (v != null) h.text().set(HyperParam.format(v));
        }
    }

    private void launch(String firstStatus, LoopFactory factory) {
        Path folder = dataFolder.get();
        Path snapshots = snapshotFolder.get();
        trainLoss.clear();
        valLoss.clear();
        trainAccuracy.clear();
        valAccuracy.clear();
        epochRows.clear();
        pendingPoints.clear();
        pending.clear();
        result.set(null);
        progress.set(0);
        epochText.set("");
        iterationText.set("");
        speedText.set("");
        timeText.set("");
        startInfo = null;
        stopBeforeStart = false;
        loop.set(null);
        TrainingFeed f = new TrainingFeed();
        feed = f;
        state.set(State.PREPARING);
        status.set(firstStatus);
        runStartNanos = System.nanoTime();
        rateMark = runStartNanos;
        rateMarkIteration = 0;
        rateIterations = 0;
        Task<TrainingResult> task = new Task<>() {
            @Override
            protected TrainingResult call() {
                Mnist.TrainTest d = folder == null ? context.bundledData().join() : Mnist.fromDirectory(folder);
                TrainingLoop l = factory.create(d);
                l.addListener(f);
                if (snapshots != null) l.addListener(new SnapshotWriter(l, snapshots, 1, SNAPSHOTS_KEPT));
                loop.set(l);
                if (stopBeforeStart) l.control().requestStop();
                return l.run();
            }
        };
        task.setOnSucceeded(e -> finish(task.getValue()));
        task.setOnFailed(e -> {
            pulse(true);
            state.set(State.IDLE);
            String m = AppContext.rootMessage(task.getException());
            status.set("Could not train: " + m);
            context.notifier().error("Training failed", m);
        });
        context.train(task);
    }

    private static LabeledImages cut(LabeledImages set, int n, String what) {
        if (n == 0) return set;
        if (n > set.size()) throw new IllegalArgumentException("only " + set.size() + " " + what + " examples are available, " + n + " asked");
        return set.head(n);
    }

    public void togglePause() {
        TrainingLoop l = loop.get();
        if (l == null) return;
        if (state.get() == State.RUNNING) {
            l.control().pause();
            state.set(State.PAUSED);
            status.set("Paused");
        } else if (state.get() == State.PAUSED) {
            l.control().resume();
            state.set(State.RUNNING);
            status.set("Training…");
        }
    }

    /** Asks the run to end after the current iteration; the model stays as it is. */
    public void stop() {
        State s = state.get();
        if (s != State.RUNNING && s != State.PAUSED && s != State.PREPARING) return;
        stopBeforeStart = true;
        TrainingLoop l = loop.get();
        if (l != null) l.control().requestStop();
        state.set(State.STOPPING);
        status.set("Stopping…");
    }

    /**
     * Drains what the training thread queued since the last frame (FX thread). Loss points are held and added to the
     * chart in one batch every {@link #UI_INTERVAL_NANOS}; epoch reports and the end are shown at once.
     */
    public void pulse() {
        pulse(false);
    }

    private void pulse(boolean force) {
        TrainingFeed f = feed;
        if (f == null) return;
        Object ev;
        while ((ev = f.poll()) != null) {
            if (ev instanceof TrainingStart) {
                apply(ev); // the state changes at once
            } else {
                pending.add(ev); // points, validation progress and epoch reports wait for the next chart update
            }
        }
        long now = System.nanoTime();
        if (force || now - lastChartUpdate >= CHART_INTERVAL_NANOS) {
            lastChartUpdate = now;
            flushPending();
        }
        if (!force && now - lastUiUpdate < UI_INTERVAL_NANOS) return;
        lastUiUpdate = now;
        IterationEvent e = f.latest();
        if (e != null && (state.get() == State.RUNNING || state.get() == State.PAUSED || state.get() == State.STOPPING)) showProgress(e);
    }

    /** Applies the queued events in order, with consecutive loss points added to the chart in one change. */
    private void flushPending() {
        for (Object ev : pending) {
            if (ev instanceof TrainingFeed.LossPoint p) {
                pendingPoints.add(p);
            } else {
                flushPoints();
                apply(ev);
            }
        }
        pending.clear();
        flushPoints();
    }

    private void flushPoints() {
        if (pendingPoints.isEmpty()) return;
        java.util.List<double[]> xy = new java.util.ArrayList<>(pendingPoints.size());
        for (TrainingFeed.LossPoint p : pendingPoints) xy.add(new double[]{p.epochDetail(), p.loss()});
        trainLoss.addAll(xy);
        pendingPoints.clear();
    }

    private void apply(Object ev) {
        if (ev instanceof TrainingStart s) {
            startInfo = s;
            plannedEpochs.set(s.config().epochs());
            if (state.get() == State.PREPARING) {
                state.set(State.RUNNING);
                status.set(String.format(Locale.ROOT, "Training %s on %d examples (%s)", s.architecture(), s.trainSize(), s.dataSource()));
            }
        } else if (ev instanceof TrainingFeed.Validating v) {
            if (state.get() == State.RUNNING) status.set(String.format(Locale.ROOT, "Validating epoch %d… %.0f%%", v.epoch(), 100 * v.fraction()));
        } else if (ev instanceof EpochReport r) {
            epochRows.add(r);
            valLoss.add(r.epoch(), r.valLoss());
            trainAccuracy.add(r.epoch(), r.trainAccuracy());
            valAccuracy.add(r.epoch(), r.valAccuracy());
            if (state.get() == State.RUNNING) {
                status.set(String.format(Locale.ROOT, "Epoch %d: validation accuracy %.2f%%", r.epoch(), 100 * r.valAccuracy()));
            }
        }
    }

    private void showProgress(IterationEvent e) {
        long now = System.nanoTime();
        if (now - rateMark > 500_000_000L) {
            rateIterations = (e.iteration() - rateMarkIteration) / ((now - rateMark) / 1e9);
            rateMark = now;
            rateMarkIteration = e.iteration();
        } else if (rateIterations == 0 && e.elapsedSeconds() > 0) {
            rateIterations = e.iteration() / e.elapsedSeconds();
        }
        int totalEpochs = startInfo == null ? 0 : startInfo.config().epochs();
        epochText.set(String.format(Locale.ROOT, "Epoch %d/%d", Math.min(e.epoch(), totalEpochs), totalEpochs));
        iterationText.set(String.format(Locale.ROOT, "Iteration %d/%d", e.iteration(), e.totalIterations()));
        speedText.set(state.get() == State.PAUSED ? "paused" : String.format(Locale.ROOT, "%.0f it/s", rateIterations));
        double elapsed = (now - runStartNanos) / 1e9;
        double eta = rateIterations > 0 ? (e.totalIterations() - e.iteration()) / rateIterations : Double.NaN;
        timeText.set("Elapsed " + clock(elapsed) + " · ETA " + (Double.isNaN(eta) ? "–" : clock(eta)));
        progress.set((double) e.iteration() / e.totalIterations());
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private void finish(TrainingResult r) {
        pulse(true);
        result.set(r);
        state.set(State.FINISHED);
        TrainingLoop l = loop.get();
        EpochReport last = r.last();
        String acc = last == null ? "no epoch completed" : String.format(Locale.ROOT, "validation accuracy %.2f%%", 100 * last.valAccuracy());
        timeText.set("Took " + clock(r.seconds()));
        switch (r.outcome()) {
            case COMPLETED -> {
                progress.set(1);
                status.set("Finished: " + acc);
                context.notifier().info("Training finished", "Final " + acc);
            }
            case STOPPED -> {
                status.set("Stopped: " + acc);
                context.notifier().info("Training stopped", "The model is kept as it was; " + acc);
            }
            case DIVERGED -> {
                status.set("Diverged: " + r.message());
                context.notifier().error("Training diverged", r.message());
            }
        }
        if (l != null && r.outcome() != TrainingResult.Outcome.DIVERGED && r.iterations() > 0) {
            trainedModel.set(l.model());
            context.activeModelProperty().set(ActiveModel.of(l.model(), "trained " + l.model().architecture() + " (this session)",
                    last == null ? null : last.valAccuracy(), null));
        }
    }

    /** Saves the trained model (Chainer's NPZ layout, atomically) on the compute worker; reports on the FX thread. */
    public void saveModel(Path file) {
        Mlp m = trainedModel.get();
        if (m == null) return;
        EpochReport last = epochRows.isEmpty() ? null : epochRows.get(epochRows.size() - 1);
        context.models().save(file, m, last == null ? null : last.valAccuracy())
                .whenComplete((p, err) -> status.set(err != null ? AppContext.rootMessage(err) : "Saved model to " + p));
    }

    /** The epoch log as CSV (FX thread: it reads the table's rows). */
    public byte[] csv() {
        StringBuilder sb = new StringBuilder(EpochReport.csvHeader()).append('\n');
        for (EpochReport r : epochRows) sb.append(r.csvRow()).append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes CSV bytes from {@link #csv()} atomically; any thread. */
    public static void writeCsv(byte[] csv, Path file) throws IOException {
        AtomicFiles.write(file, out -> out.write(csv));
    }

    /** Shows a one-off message (an export finished) in the status bar. */
    public void statusOverride(String message) {
        status.set(message);
    }

    public TrainingLoop currentLoop() {
        return loop.get();
    }

    // properties
    public ObjectProperty<Path> dataFolderProperty() { return dataFolder; }
    public StringProperty unitsProperty() { return units; }
    public StringProperty batchSizeProperty() { return batchSize; }
    public StringProperty epochsProperty() { return epochs; }
    public StringProperty seedProperty() { return seed; }
    public StringProperty trainLimitProperty() { return trainLimit; }
    public StringProperty testLimitProperty() { return testLimit; }
    public StringProperty optimizerProperty() { return optimizer; }
    public ObservableList<HyperParam> hyperparams() { return hyperparams; }
    public BooleanProperty shuffleProperty() { return shuffle; }
    public BooleanProperty augmentProperty() { return augment; }
    /** A folder to snapshot the run into after every epoch (the newest three are kept), or null for none. */
    public ObjectProperty<Path> snapshotFolderProperty() { return snapshotFolder; }
    public ReadOnlyStringProperty validationProperty() { return validation.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty epochTextProperty() { return epochText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty iterationTextProperty() { return iterationText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty speedTextProperty() { return speedText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty timeTextProperty() { return timeText.getReadOnlyProperty(); }
    public DoubleProperty progressProperty() { return progress; }
    public ReadOnlyObjectProperty<TrainingResult> resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Mlp> trainedModelProperty() { return trainedModel.getReadOnlyProperty(); }
    /** The epochs of the run under way (set when it starts), e.g. for the charts' axes. */
    public javafx.beans.property.ReadOnlyIntegerProperty plannedEpochsProperty() { return plannedEpochs.getReadOnlyProperty(); }
    public CappedSeries trainLoss() { return trainLoss; }
    public CappedSeries valLoss() { return valLoss; }
    public CappedSeries trainAccuracy() { return trainAccuracy; }
    public CappedSeries valAccuracy() { return valAccuracy; }
    public ObservableList<EpochReport> epochRows() { return epochRows; }
}
