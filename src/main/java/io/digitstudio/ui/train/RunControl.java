package io.digitstudio.ui.train;

import io.digitstudio.data.Mnist;
import io.digitstudio.io.ModelInfo;
import io.digitstudio.io.NpyArray;
import io.digitstudio.nn.Network;
import io.digitstudio.train.EpochReport;
import io.digitstudio.train.RunSetup;
import io.digitstudio.train.Snapshot;
import io.digitstudio.train.SnapshotWriter;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.train.TrainingLoop;
import io.digitstudio.train.TrainingResult;
import io.digitstudio.ui.core.DialogService;
import io.digitstudio.ui.core.Messages;
import io.digitstudio.ui.core.TaskExecutor;
import io.digitstudio.ui.model.ActiveModel;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.widgets.Formats;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A training run's life in the Train view: start (or resume from a snapshot), pause, stop, and what happens to the
 * model at the end. The rule users expect: a run that finishes makes its model the active one (Draw and Samples
 * classify with it), and the user is told; a stopped or diverged run never replaces the active model, and its model
 * can still be saved or put to use by hand. Runs go through the {@link TaskExecutor}; every failure, including an
 * engine that could not start, ends in a message and a usable view.
 */
public final class RunControl {
    static final int SNAPSHOTS_KEPT = 3;

    private final TrainSettings settings;
    private final RunPresenter presenter;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final ModelManager models;
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(RunState.IDLE);
    private final ReadOnlyObjectWrapper<TrainingResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ActiveModel> trainedModel = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper trainedModelActive = new ReadOnlyBooleanWrapper();
    private final AtomicReference<TrainingLoop> loop = new AtomicReference<>();
    private volatile boolean stopBeforeStart;

    private final io.digitstudio.runs.RunStore history;
    private volatile boolean watchingInside;

    /** Whether the Inside view is shown: runs then send their weights and health (else they cost nothing). */
    public void watchInside(boolean on) {
        watchingInside = on;
        TrainingFeed f = presenter.feed();
        if (f != null) f.watchInside(on);
    }

    private final javafx.beans.property.ReadOnlyLongWrapper historyChanges = new javafx.beans.property.ReadOnlyLongWrapper();
    private final javafx.beans.property.ReadOnlyStringWrapper recordedRun = new javafx.beans.property.ReadOnlyStringWrapper();

    public RunControl(TrainSettings settings, RunPresenter presenter, TaskExecutor tasks, DialogService dialogs, ModelManager models) {
        this(settings, presenter, tasks, dialogs, models, null);
    }

    /** With a run history that records every run ({@code history} null: runs are not recorded). */
    public RunControl(TrainSettings settings, RunPresenter presenter, TaskExecutor tasks, DialogService dialogs, ModelManager models,
                      io.digitstudio.runs.RunStore history) {
        this.history = history;
        this.settings = settings;
        this.presenter = presenter;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.models = models;
        models.activeProperty().addListener((o, a, m) -> trainedModelActive.set(m != null && m == trainedModel.get()));
        settings.epochsProperty().addListener((o, a, b) -> presenter.planEpochs(settings.plannedEpochs()));
    }

    /** Builds the run on the training worker once the data is read. */
    private interface LoopFactory {
        TrainingLoop create(Mnist.TrainTest data);
    }

    /** Starts a run with the form's settings; does nothing while one runs or the settings are invalid. */
    public void start() {
        if (!state.get().canStart()) return;
        TrainingConfig cfg;
        try {
            cfg = settings.config();
        } catch (IllegalArgumentException e) {
            settings.validate();
            return;
        }
        io.digitstudio.train.RunOptions extras = settings.runOptions();
        boolean keepBest = settings.keepBestProperty().get();
        launch("Loading data…", cfg.epochs(), null, d -> {
            TrainingLoop l = TrainingLoop.create(cfg, d.train().limit(cfg.trainLimit(), "Training examples"), d.test().limit(cfg.testLimit(), "Test examples"), d.source());
            l.apply(extras, d.name(), d.classNames());
            if (keepBest) {
                try { // a GUI run has no output file: the best model waits in a temporary one until the run ends
                    Path tmp = java.nio.file.Files.createTempFile("digitstudio-best-", ".npz");
                    tmp.toFile().deleteOnExit();
                    l.addExtension(new io.digitstudio.train.KeepBest(tmp, d.name(), d.classNames()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot keep the best model: " + e.getMessage(), e);
                }
            }
            return l;
        });
    }

    /** Asks for a snapshot file and continues the run it holds. */
    public void resumeFromSnapshot() {
        if (state.get().canStart()) dialogs.openSnapshot().ifPresent(this::resume);
    }

    /**
     * Continues a run from a snapshot on the selected dataset, exactly where it stopped, up to the snapshot's epochs or
     * the form's, whichever is more; the form then shows the snapshot's settings, exactly.
     */
    public void resume(Path snapshot) {
        if (!state.get().canStart()) return;
        int wanted = settings.plannedEpochs();
        String name = String.valueOf(snapshot.getFileName());
        launch("Reading snapshot…", wanted, snapshot, d -> {
            Map<String, NpyArray> a = Snapshot.read(snapshot);
            TrainingConfig c = Snapshot.config(a, name);
            TrainingConfig shown = c.withEpochs(Math.max(c.epochs(), Math.min(wanted, TrainingConfig.MAX_EPOCHS)));
            tasks.onUi(() -> settings.show(shown));
            return Snapshot.resume(a, name, d.train().limit(c.trainLimit(), "Training examples"), d.test().limit(c.testLimit(), "Test examples"), d.source(), shown.epochs());
        });
    }

    private void launch(String firstStatus, int planned, Path resumedFrom, LoopFactory factory) {
        Path folder = settings.dataFolderProperty().get();
        Path snapshots = settings.snapshotFolderProperty().get();
        TrainingFeed feed = new TrainingFeed();
        feed.watchInside(watchingInside); // here on the FX thread: later changes reach it through the presenter
        presenter.begin(feed, planned, firstStatus);
        result.set(null);
        stopBeforeStart = false;
        loop.set(null);
        state.set(RunState.PREPARING);
        CompletableFuture<Finished> run = tasks.train(() -> {
            Mnist.TrainTest d = Mnist.load(folder);
            tasks.onUi(() -> settings.setData(d.train().exampleShape(), d.train().classes()));
            TrainingLoop l = factory.create(d);
            feed.describe(l.model(), d.classNames());
            l.addExtension(feed.healthSampler(d.test()));
            l.addListener(feed);
            if (snapshots != null) {
                l.addListener(new SnapshotWriter(l, snapshots, 1, SNAPSHOTS_KEPT));
                l.setSetup(new RunSetup(folder == null ? "" : folder.toString(), "", snapshots.toString(), 1, SNAPSHOTS_KEPT));
            }
            io.digitstudio.runs.RunRecorder rec = record(l, d, snapshots, resumedFrom);
            loop.set(l);
            tasks.onUi(() -> {
                if (state.get() == RunState.PREPARING) state.set(RunState.RUNNING);
                if (rec != null) {
                    recordedRun.set(rec.id());
                    historyChanges.set(historyChanges.get() + 1);
                }
            });
            if (stopBeforeStart) l.control().requestStop();
            return new Finished(l.run(), d, rec);
        });
        run.whenComplete((f, err) -> {
            if (err != null) {
                failed(err);
            } else {
                finished(f.result(), f.data());
                if (f.record() != null) {
                    if (f.record().problem() != null) dialogs.error("Run history", f.record().problem());
                    historyChanges.set(historyChanges.get() + 1);
                }
            }
        });
    }

    /** How a run ended, the data it ran on (its name and class names go with the model), and its record (or null). */
    private record Finished(TrainingResult result, Mnist.TrainTest data, io.digitstudio.runs.RunRecorder record) {
    }

    /** Records the run in the history; one that cannot be recorded still trains, and the user is told why. */
    private io.digitstudio.runs.RunRecorder record(TrainingLoop l, Mnist.TrainTest d, Path snapshots, Path resumedFrom) {
        if (history == null) return null;
        try {
            return io.digitstudio.runs.RunRecorder.start(history, l, new io.digitstudio.runs.RunRecorder.Origin("gui", l.options(), d.name(), d.source(),
                    d.sha256(), d.classNames(), snapshots == null ? "" : snapshots.toAbsolutePath().toString(),
                    resumedFrom == null ? "" : resumedFrom.toAbsolutePath().toString()));
        } catch (java.io.IOException | RuntimeException e) {
            tasks.onUi(() -> dialogs.error("Run history", "This run is not recorded: " + Messages.of(e)));
            return null;
        }
    }

    private void failed(Throwable err) {
        presenter.end(0, false);
        state.set(RunState.IDLE);
        String m = Messages.of(err);
        presenter.status("Could not train: " + m);
        dialogs.error("Training failed", m);
    }

    private void finished(TrainingResult r, Mnist.TrainTest data) {
        presenter.end(r.seconds(), r.outcome() == TrainingResult.Outcome.COMPLETED);
        result.set(r);
        state.set(RunState.FINISHED);
        TrainingLoop l = loop.get();
        EpochReport last = r.last();
        String acc = last == null ? "no epoch completed" : "validation accuracy " + Formats.percent(last.valAccuracy());
        ActiveModel trained = null;
        if (l != null && r.iterations() > 0) {
            ModelInfo info = new ModelInfo(last == null ? null : last.valAccuracy(), data.name(), data.classNames());
            trained = ActiveModel.of(l.model(), "trained in this session", info, null);
            for (io.digitstudio.train.Extension e : l.extensions()) {
                if (e instanceof io.digitstudio.train.KeepBest best && best.name().equals(io.digitstudio.train.KeepBest.NAME) && best.bestEpoch() > 0 && last != null && best.bestEpoch() != last.epoch()) {
                    try {
                        io.digitstudio.io.ModelFiles.LoadedModel m = io.digitstudio.io.ModelFiles.loadNpz(best.file());
                        trained = ActiveModel.of(m.model(), "best of this session (epoch " + best.bestEpoch() + ")", m.info(), null);
                        acc = "best validation accuracy " + Formats.percent(best.best()) + " at epoch " + best.bestEpoch();
                    } catch (RuntimeException ex) {
                        acc += " (the best epoch's model could not be read back: " + Messages.of(ex) + ")";
                    }
                }
            }
        }
        trainedModel.set(trained);
        ActiveModel active = models.activeProperty().get();
        String kept = active == null ? "" : " The active model (" + active.name() + ") is unchanged.";
        switch (r.outcome()) {
            case COMPLETED -> {
                models.adopt(trained);
                String early = r.message() == null ? "" : " (" + r.message() + ")";
                presenter.status("Finished: " + acc + early + ". Draw and Samples now use this model.");
                dialogs.info("Training finished", "Final " + acc + ". Draw and Samples now use the new model.");
            }
            case STOPPED -> {
                String where = l == null ? "before the first iteration" : String.format(Locale.ROOT, "at epoch %.2f", l.iterator().epochDetail());
                presenter.status("Stopped " + where + ": " + acc + "." + kept);
                dialogs.info("Training stopped", "Stopped " + where + " (" + acc + ")." + kept
                        + (trained == null ? "" : " Use “Save model…” or “Use model” to keep the partly trained one."));
            }
            case DIVERGED -> {
                presenter.status("Diverged: " + r.message() + "." + kept);
                dialogs.error("Training diverged", r.message() + "." + kept);
            }
        }
    }

    /**
     * Sends the optimizer fields' values to the running (or paused) loop: applied before its next iteration, for every
     * parameter (ConvNetJS's "change"). Returns what the status bar should say.
     */
    public String applyHyperparameters() {
        TrainingLoop l = loop.get();
        if (l == null || !state.get().active()) return "Nothing is training: the values apply to the next run";
        TrainingConfig c;
        try {
            c = settings.config();
        } catch (IllegalArgumentException e) {
            return io.digitstudio.ui.core.Messages.capitalize(e.getMessage());
        }
        java.util.List<String> changed = new java.util.ArrayList<>();
        for (Map.Entry<String, Double> e : c.hyperparams().entrySet()) {
            if (l.optimizer().hyperparams().containsKey(e.getKey()) && l.optimizer().get(e.getKey()) != e.getValue()) {
                l.control().requestChange(e.getKey(), e.getValue());
                changed.add(e.getKey() + " " + HyperParam.format(e.getValue()));
            }
        }
        return changed.isEmpty() ? "The run already uses these values" : "Changed " + String.join(", ", changed) + " from the next iteration";
    }

    public void togglePause() {
        TrainingLoop l = loop.get();
        if (l == null) return;
        if (state.get() == RunState.RUNNING) {
            l.control().pause();
            state.set(RunState.PAUSED);
            presenter.setPaused(true);
            presenter.status("Paused");
        } else if (state.get() == RunState.PAUSED) {
            l.control().resume();
            state.set(RunState.RUNNING);
            presenter.setPaused(false);
            presenter.status("Training…");
        }
    }

    /** Asks the run to end after the current iteration; the active model stays as it is. */
    public void stop() {
        if (!state.get().active()) return;
        stopBeforeStart = true;
        TrainingLoop l = loop.get();
        if (l != null) l.control().requestStop();
        state.set(RunState.STOPPING);
        presenter.status("Stopping…");
    }

    /** Asks where, then saves the model of the last run (Chainer's NPZ layout, atomically). */
    public void saveModel() {
        ActiveModel m = trainedModel.get();
        if (m == null) return;
        dialogs.saveModel("model.npz").ifPresent(file -> models.save(file, m.model(), m.info())
                .whenComplete((p, err) -> presenter.status(err != null ? Messages.of(err) : "Saved model to " + p)));
    }

    /** Makes the last run's model the active one, also after a stop. */
    public void useTrainedModel() {
        ActiveModel m = trainedModel.get();
        if (m == null) return;
        models.adopt(m);
        presenter.status("Draw and Samples now use the model of this run");
    }

    /** The run under way or last run, or null. */
    public TrainingLoop currentLoop() {
        return loop.get();
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() { return state.getReadOnlyProperty(); }
    /** Counts the changes this control made to the run history (a run recorded, a run ended), for views that list it. */
    public javafx.beans.property.ReadOnlyLongProperty historyChangesProperty() { return historyChanges.getReadOnlyProperty(); }
    /** The id of the latest run recorded in the history (empty before one). */
    public javafx.beans.property.ReadOnlyStringProperty recordedRunProperty() { return recordedRun.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TrainingResult> resultProperty() { return result.getReadOnlyProperty(); }
    /** The model the last run trained (also a stopped one), or null. */
    public ReadOnlyObjectProperty<ActiveModel> trainedModelProperty() { return trainedModel.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty trainedModelActiveProperty() { return trainedModelActive.getReadOnlyProperty(); }
    public Network trainedNetwork() {
        return trainedModel.get() == null ? null : trainedModel.get().model();
    }
}
