package io.digitstudio.ui.train;

import io.digitstudio.data.Mnist;
import io.digitstudio.io.ModelInfo;
import io.digitstudio.nn.Network;
import io.digitstudio.train.EpochReport;
import io.digitstudio.runs.TrainingSession;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A training run's life in the Train view: start (or resume from a snapshot), pause, stop, and what happens to the
 * model at the end. The rule users expect: a run that finishes and learned makes its model the active one (Draw and
 * Samples classify with it) when its validation accuracy is at least the active model's known accuracy on the same data
 * set, and the user is told, with an Undo that brings the previous model back; a worse one leaves the better model in
 * use and says so with both figures and a way to use the run's model anyway. A run that failed to learn, was stopped or
 * diverged never replaces the active model, and its model can still be saved or put to use by hand. The run itself is
 * set up by the {@link TrainingSession} the command line uses too. Runs go through the {@link TaskExecutor}; every
 * failure, including an engine that could not start, ends in a message and a usable view.
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
    /** Whether the last run's model went with its deleted run: Save model… can still keep it, Use model is off. */
    private final ReadOnlyBooleanWrapper trainedModelGone = new ReadOnlyBooleanWrapper();
    /** Whether the last run's model file holds other weights than its model now: Save model… can still keep it, Use model is off. */
    private final ReadOnlyBooleanWrapper trainedModelChanged = new ReadOnlyBooleanWrapper();
    /**
     * Set when the last run finished and learned but its model was not put to use, because the model in use is known to
     * be better: why, with both figures (the status line says it, or on another view the run's message); null otherwise
     * (a new run, another model in use).
     */
    private final javafx.beans.property.ReadOnlyStringWrapper keptNotice = new javafx.beans.property.ReadOnlyStringWrapper();
    private final AtomicReference<TrainingLoop> loop = new AtomicReference<>();
    private volatile boolean stopBeforeStart;
    /** Whether the run under way is recorded in the history (FX thread): only such a run can be branched. */
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper();
    /** Set by {@link #branchFromHere}: the run ends where it paused, and its end opens the form as a branch from there. */
    private boolean branchAtEnd;
    private final java.util.List<io.digitstudio.train.Extension> alsoWatching = new java.util.ArrayList<>();

    private final io.digitstudio.runs.RunStore history;
    private final io.digitstudio.ui.core.CoreBudget budget;
    private final javafx.beans.binding.StringBinding coresBlocker;
    /** How a run of the Train view is named among the holders of the cores. */
    static final String HOLDER = "train";
    private volatile boolean watchingInside;

    /** Whether the Inside view is shown: runs then send their weights and health (else they cost nothing). */
    public void watchInside(boolean on) {
        watchingInside = on;
        TrainingFeed f = presenter.feed();
        if (f != null) f.watchInside(on);
    }

    private volatile java.util.List<float[]> pinned = java.util.List.of();

    /** The pinned digits (their network inputs): runs classify them as they train, a running one from its next iteration. */
    public void pin(java.util.List<float[]> inputs) {
        pinned = java.util.List.copyOf(inputs);
        TrainingFeed f = presenter.feed();
        if (f != null) f.pin(pinned);
    }

    private final javafx.beans.property.ReadOnlyLongWrapper historyChanges = new javafx.beans.property.ReadOnlyLongWrapper();
    private final javafx.beans.property.ReadOnlyStringWrapper recordedRun = new javafx.beans.property.ReadOnlyStringWrapper();

    public RunControl(TrainSettings settings, RunPresenter presenter, TaskExecutor tasks, DialogService dialogs, ModelManager models) {
        this(settings, presenter, tasks, dialogs, models, null);
    }

    /** With a run history that records every run ({@code history} null: runs are not recorded). */
    public RunControl(TrainSettings settings, RunPresenter presenter, TaskExecutor tasks, DialogService dialogs, ModelManager models,
                      io.digitstudio.runs.RunStore history) {
        this(settings, presenter, tasks, dialogs, models, history, io.digitstudio.ui.core.CoreBudget.ofThisMachine());
    }

    /**
     * With the cores the app shares with its sweeps: a run takes the engine's cores while it trains, and is not started
     * while a sweep holds so many that both would not fit ({@link #coresBlockerProperty()} says why).
     */
    public RunControl(TrainSettings settings, RunPresenter presenter, TaskExecutor tasks, DialogService dialogs, ModelManager models,
                      io.digitstudio.runs.RunStore history, io.digitstudio.ui.core.CoreBudget budget) {
        this.budget = budget;
        this.coresBlocker = javafx.beans.binding.Bindings.createStringBinding(() -> state.get().canStart() ? coresBusy() : null,
                state, budget.changesProperty());
        this.history = history;
        this.settings = settings;
        this.presenter = presenter;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.models = models;
        models.activeProperty().addListener((o, a, m) -> {
            trainedModelActive.set(m != null && m == trainedModel.get());
            // the line compares the run with the model that was in use: another one makes it untrue
            keptNotice.set(null);
            // what the run's message said about the model in use no longer holds; the status, while it still names
            // the model in use, names the one in use now (put to use from the toolbar, it says so itself)
            withdraw(FINISHED_TITLE);
            followInUse(m);
        });
        // a message whose action would put to use a model gone with its run is taken back: its action is not offered
        models.lettingGoProperty().addListener((o, a, b) -> {
            for (var e : List.copyOf(offered.entrySet())) if (models.gone(e.getValue())) withdraw(e.getKey());
            trainedModelGone.set(models.gone(trainedModel.get()));
        });
        // a new run's model is not the active one, whatever the last run's was
        trainedModel.addListener((o, a, m) -> {
            trainedModelActive.set(m != null && m == models.activeProperty().get());
            trainedModelGone.set(models.gone(m));
            trainedModelChanged.set(false);
        });
        settings.epochsProperty().addListener((o, a, b) -> presenter.planEpochs(settings.plannedEpochs()));
        // before any run: the status says whether Start can train, and if not, why (as the line under Start does)
        for (javafx.beans.value.ObservableValue<?> o : List.of(settings.validationProperty(), settings.badFieldsProperty(), settings.badFieldKeysProperty(), coresBlocker, state)) {
            o.addListener((x, a, b) -> showReadiness()); // on each change (an invalidation comes once until someone reads)
        }
        showReadiness();
        settings.editsProperty().addListener((o, a, b) -> formEdited());
        // what Defaults said is old news once the user edits the form: the status says again whether Start can train
        settings.editsProperty().addListener((o, a, b) -> {
            String said = untilEdited;
            untilEdited = null;
            if (said != null && said.equals(presenter.statusProperty().get())) {
                readiness = said;
                showReadiness();
            }
        });
        // "New run instead": the user trains what the form shows, as their own values from now on, and the run Start
        // trains shares nothing with the parent, so its epochs leave the charts, table and progress
        settings.branchProperty().addListener((o, a, b) -> {
            if (b != null || !state.get().canStart()) return;
            beforeBranch = null;
            if (showsBranchStart) {
                showsBranchStart = false;
                presenter.clear(settings.plannedEpochs(), presenter.statusProperty().get());
                // Save model… and Use model act on the run the view shows: it shows none now
                trainedModel.set(null);
            }
        });
    }

    /** What the status says before the first run when Start can train. */
    static final String READY = "Ready to train";
    /**
     * How the status begins while Start is off for a reason no field shows (the reason follows); a wrong field is named
     * as what to do instead ({@link TrainSettings#startBlockerShort}), each field saying the rest itself.
     */
    public static final String START_OFF = "Start is off: ";
    /** The readiness this control last put in the status (null once something else took its place). */
    private String readiness = READY;

    /** What the status said before the reason Start is off took its place (null: "Ready to train" or nothing to give back). */
    private String replaced;

    /**
     * Says in the status whether Start can train, and if not why: the reason takes the status's place whatever it said
     * (the status line is where the user looks for it, and it is always there), and gives it back once Start is on
     * again. "Ready to train" shows only while the status says nothing else (a run, its end, a branch).
     */
    private void showReadiness() {
        String now = presenter.statusProperty().get();
        boolean ours = readiness != null && readiness.equals(now);
        if (!ours) {
            readiness = null;
            replaced = null;
        }
        if (!state.get().canStart()) return;
        String b = settings.startBlockerShort();
        if (b == null && coresBlocker.get() != null) b = coresBlocker.get();
        if (b != null) {
            if (!ours) replaced = now;
            // a field to fix says so in its own words ("Fix Learning rate (in red) to start."); another reason after "Start is off: "
            readiness = b.startsWith(TrainSettings.FIX) ? b : START_OFF + b;
            presenter.status(readiness);
        } else if (ours && replaced != null) {
            presenter.status(replaced);
            readiness = null;
            replaced = null;
        } else if (ours) {
            readiness = READY;
            presenter.status(readiness);
        }
    }

    /**
     * Whether the status says why Start is off (a field to fix, or another reason): a click on it then puts the cursor in
     * the first wrong field.
     */
    public boolean saysWhyStartIsOff() {
        return readiness != null && !READY.equals(readiness) && readiness.equals(presenter.statusProperty().get());
    }

    /** What the status says once Defaults has put the form back: true until the user edits a field or a run starts. */
    static final String RESET_SAID = "Every field of the form is back to its default";
    /** The status that the next edit of the form takes back (null: none), as {@link #resetForm} says it. */
    private String untilEdited;

    /** Defaults: every field back to its default, said in the status until the user edits the form again. */
    public void resetForm() {
        settings.resetToDefaults(); // its own edits come before the status says so, and leave it alone
        presenter.status(RESET_SAID);
        untilEdited = RESET_SAID;
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
        PendingResume resuming = pendingResume;
        if (resuming != null) {
            pendingResume = null;
            resumeSetUp.set("");
            resumeBorrowsForm = true;
            resume(resuming.snapshot());
            return;
        }
        TrainSettings.Branch branch = settings.branchProperty().get();
        if (branch != null) {
            launch("Reading the snapshot of run " + branch.runId() + "…", cfg.epochs(), null, null, new Branching(branch, cfg, settings.runOptions()));
            return;
        }
        TrainingSession.Builder b = TrainingSession.builder(history, "gui").config(cfg).options(settings.runOptions());
        launch("Loading data…", cfg.epochs(), b, null, null);
    }

    /**
     * Sets the form up as a branch of {@code parent} at {@code spec} ({@code where} in words, after {@code epochsDone}
     * whole epochs), as Runs' "Branch from here…" does: the parent's settings, at least one epoch past the point, and
     * its data. The charts, table and progress leave the last run's, which may be any other run, and show the parent's
     * epochs up to the point (its log read on the compute worker), where Start goes on from. Nothing while a run trains.
     */
    public boolean setUpBranch(io.digitstudio.runs.RunSummary parent, String spec, String where, int epochsDone) {
        if (!mayReplaceForm("A branch of run " + parent.id())) return false;
        TrainingConfig c = parent.settings().config();
        TrainSettings.Values own = ownValues();
        dropPendingResume();
        settings.branchProperty().set(null);
        beforeBranch = own;
        // a branch trains at least one epoch past its point
        settings.show(c.withEpochs(Math.max(c.epochs(), Math.min(epochsDone + 1, TrainingConfig.MAX_EPOCHS))));
        settings.show(parent.settings().options());
        // the parent's data, which the branch trains on whatever the form says
        settings.dataFolderProperty().set(DataPicker.pathOf(parent.settings().dataSource()));
        keptNotice.set(null); // the charts and the figures it compares go
        inUseSaid = null;
        TrainSettings.Branch b = new TrainSettings.Branch(parent.id(), spec, where, c, epochsDone);
        settings.branchProperty().set(b);
        // the notice line above the charts names the run and point the form branches from: the status says only what to do
        presenter.clear(settings.plannedEpochs(), "Change the learning rate or other values, then Start.");
        showsBranchStart = true;
        branchEditsAt = settings.editsProperty().get();
        if (history == null) return true;
        tasks.compute(() -> {
            TrainingSession.Resumable r = TrainingSession.locateBranch(history, spec);
            List<java.util.Map<String, Double>> parentLog = r.run() == null ? List.of() : parentLog(history, r);
            List<EpochReport> earlier = RunPresenter.fromLog(parentLog, r.epochsDone());
            RunPresenter.BranchPoint from = parentLog.isEmpty() ? null : RunPresenter.BranchPoint.on(parentLog, branchEpoch(r));
            List<double[]> points = lossUpTo(history, r);
            double there = rateInForce(r);
            tasks.onUi(() -> {
                // still this branch, not started: Start clears the charts and draws the same epochs itself
                if (settings.branchProperty().get() == b && state.get().canStart()) presenter.showEarlier(earlier, there, from, points);
            });
            return null;
        }).exceptionally(e -> null); // a point with no snapshot: Start says so, the charts stay clear until then
        return true;
    }

    /** What the status says once the parent of the branch set up in the form was deleted. */
    public static String branchParentDeleted(String id) {
        return "Run " + id + " was deleted: the form is no longer a branch of it (Start trains a new run with these settings)";
    }

    /**
     * Run {@code id} was deleted (in Runs or outside the window): a branch or a resume of it set up in the form, not
     * started, has nothing left to start from, so the form stops being one now rather than at Start.
     */
    public void runDeleted(String id) {
        if (!state.get().canStart()) return;
        // the model the view holds went with its run's folder (deleted outside the window: nothing let go of it yet):
        // Use model is off, the recent list drops it, and the model in use, if it was that one, gives way
        ActiveModel m = trainedModel.get();
        Path folder = history == null ? null : history.root().resolve(id);
        boolean ours = folder != null && m != null && m.file() != null && m.file().toAbsolutePath().normalize().startsWith(folder);
        String switched = ours && !models.gone(m) && models.letGo(folder)
                ? ". Its model was in use: Draw, Samples and Evaluate use " + models.named(models.activeProperty().get()) + " now" : "";
        TrainSettings.Branch b = settings.branchProperty().get();
        if (b != null && b.runId().equals(id)) {
            settings.branchProperty().set(null);
            presenter.status(branchParentDeleted(id) + switched);
        } else if (pendingResume != null && pendingResume.runId().equals(id)) {
            dropPendingResume(); // its snapshot went with it
            presenter.status(resumedRunDeleted(id) + switched);
        } else if (ours || b == null && id.equals(recordedRun.get())) {
            // the view still shows the run's curves and table: the status says they are all that is left of it
            presenter.status(shownRunDeleted(id, m != null) + switched);
        }
    }

    /** What the status says once the run whose resume the form is set up for was deleted. */
    public static String resumedRunDeleted(String id) {
        return "Run " + id + " was deleted: the form is no longer set up to resume it (Start trains a new run with these settings)";
    }

    /** What the status says once the run the view shows was deleted. */
    public static String shownRunDeleted(String id, boolean model) {
        return "Run " + id + " was deleted: its files are gone" + (model ? "; Save model… can still keep its model" : "");
    }

    /** What the status says once the model file of the run the view shows no longer holds the model it shows. */
    public static String shownRunChanged(String id) {
        return "Run " + id + "'s model file holds another model now: Use model is off; Save model… can still keep the one shown here";
    }

    /**
     * Looks again at the file of the model the view shows, which the command line may have deleted with its run or
     * written over by training the run on (the window comes back into focus, the Train view is shown again): the status
     * says so at once, and Use model is off, rather than at a click. Read on the compute worker.
     */
    public void checkShownRun() {
        ActiveModel m = trainedModel.get();
        if (m == null || m.file() == null || models.gone(m) || trainedModelChanged.get() || !state.get().canStart()) return;
        models.inItsFile(m).whenComplete((found, err) -> {
            if (found != null && found != ModelManager.InItsFile.SAME) notUsable(m, found);
        });
    }

    /**
     * {@code m}, the model the view showed, is no longer what its file holds ({@code found}): said once, while the view
     * still shows it and no run is under way.
     */
    private void notUsable(ActiveModel m, ModelManager.InItsFile found) {
        if (trainedModel.get() != m || !state.get().canStart() || models.gone(m) || trainedModelChanged.get()) return;
        String id = runOf(m);
        if (found == ModelManager.InItsFile.GONE) {
            runDeleted(id);
            if (!models.gone(m)) {
                // a folder outside the history (or another's): nothing to let go of but the model itself
                models.letGo(m.file().toAbsolutePath().getParent());
                presenter.status(shownRunDeleted(id, true));
            }
        } else {
            trainedModelChanged.set(true);
            presenter.status(shownRunChanged(id));
        }
    }

    /** The run a model trained here is kept by: its folder's name (its file is the run's {@code model.npz} or {@code best.npz}). */
    private static String runOf(ActiveModel m) {
        Path folder = m.file().toAbsolutePath().getParent();
        return folder == null ? String.valueOf(m.file()) : String.valueOf(folder.getFileName());
    }

    /** The form's edit count as {@link #setUpBranch} left it: more edits since are the user's changes to the branch. */
    private long branchEditsAt = -1;

    /**
     * Whether the form may take another run's settings now: not while a run is under way (a paused run still owns the
     * form: the user is told to stop it first), and a branch set up here and edited since goes only once the user says so.
     */
    private boolean mayReplaceForm(String what) {
        RunState s = state.get();
        if (!s.canStart()) {
            String id = recordedRun.get();
            String run = id == null || id.isEmpty() ? "The run" : "Run " + id;
            if (s == RunState.PAUSED) {
                dialogs.info("Stop the paused run first", run + " is paused in the Train view, and the form is its own until it ends");
            } else {
                dialogs.info("Stop the run first", run + " is training in the Train view, and the form is its own until it ends");
            }
            return false;
        }
        TrainSettings.Branch b = settings.branchProperty().get();
        if (b == null || settings.editsProperty().get() <= branchEditsAt) return true;
        return dialogs.confirm("Discard the branch of run " + b.runId() + "?", "The form is set up as a branch of run " + b.runId()
                + " from the " + b.where() + ", with your changes. " + what + " replaces them.", "Discard");
    }

    /**
     * Runs' "Run again": fills the form with {@code run}'s settings and data, as a new run for Start. Returns whether it
     * did (not while a run is under way, nor over an edited branch set-up the user keeps).
     */
    public boolean runAgain(io.digitstudio.runs.RunSummary run) {
        if (!mayReplaceForm("Run again of run " + run.id())) return false;
        dropPendingResume(); // Start runs it again, even where the form was set up to resume this same run
        settings.branchProperty().set(null);
        settings.show(run.settings().config());
        settings.show(run.settings().options());
        // the run's data (the form's picker reads it, and says so when it is no longer there)
        settings.dataFolderProperty().set(DataPicker.pathOf(run.settings().dataSource()));
        presenter.status("The settings of run " + run.id() + " are filled in: press Start to run it again");
        return true;
    }

    /**
     * The form's values as the user had them before a branch was set up over them (null while the form is no branch
     * set up here): the branch borrows the form for one run, and its end gives the form back.
     */
    private TrainSettings.Values beforeBranch;

    /**
     * Whether the charts, table and progress show a parent's epochs as the start of the branch set up by
     * {@link #setUpBranch} (not a run of this view's): true from that set-up until a run starts or the form stops being
     * that branch.
     */
    private boolean showsBranchStart;

    /**
     * The user's own values: those before the branch the form shows, if it shows one, else the form's now (what the
     * next launch remembers: a branch borrows the form for one run).
     */
    public TrainSettings.Values ownValues() {
        return beforeBranch != null && (settings.branchProperty().get() != null || resumeBorrowsForm) ? beforeBranch : settings.values();
    }

    /** A branch to start: the point, and the form's optimizer, values, epochs and schedule. */
    private record Branching(TrainSettings.Branch from, TrainingConfig form, io.digitstudio.train.RunOptions options) {
    }

    /**
     * The session of a branch, as the command line's {@code train --branch} sets it up: the parent's settings at the
     * snapshot with the form's optimizer, its values and epochs, and the form's schedule.
     */
    private TrainingSession.Builder branchSession(TrainingSession.Resumable r, Branching b) {
        TrainingConfig c = r.config().withOptimizer(b.form().optimizer(), b.form().hyperparams()).withEpochs(b.form().epochs());
        return TrainingSession.builder(history, "gui").branch(r).config(c).options(b.options());
    }

    /** Asks for a snapshot file and sets the form up to go on from it ({@link #openSnapshot}); Start then trains. */
    public void resumeFromSnapshot() {
        if (state.get().canStart()) dialogs.openSnapshot().ifPresent(f -> openSnapshot(f, RESUME_AGAIN_BY_OPENING));
    }

    /** How the user sets the resume up again, as said once it is dropped: by the way it was set up. */
    private static final String RESUME_AGAIN_BY_OPENING = "Open snapshot… again resumes it";
    private static final String RESUME_AGAIN_FROM_RUNS = "Resume in Runs sets it up again";

    /**
     * A resume the form is set up for by {@link #openSnapshot}, which Start continues: the snapshot, the run it
     * belongs to (empty: none of the history), and the settings and data the form was given for it.
     */
    private record PendingResume(Path snapshot, String runId, TrainingConfig config, io.digitstudio.train.RunOptions options, Path data,
                                 String again) {
    }

    /** The resume Start continues (null: Start trains what the form says, or the branch it is set up as). */
    private PendingResume pendingResume;
    /**
     * Whether the form shows a snapshot's run for a resume (set up, or under way) rather than the user's own values,
     * which {@link #beforeBranch} then keeps: the next launch remembers those, and the resumed run's end gives them back.
     */
    private boolean resumeBorrowsForm;
    /** True while this control fills the form in itself: those edits are not the user's. */
    private boolean fillingForm;

    /**
     * Sets the form up to go on from {@code snapshot}, and waits for Start; nothing trains and nothing is written until
     * then. A snapshot of a run that has finished, or that the run has trained past, becomes a branch of that run from
     * there (a new run: the run's own files are never trained over); a snapshot of a stopped run at its newest point is
     * that run's resume, as Runs' Resume does it; a snapshot of no run of the history goes on as a new run. The status
     * says which Start will do. The snapshot is read on the compute worker.
     */
    public void openSnapshot(Path snapshot) {
        openSnapshot(snapshot, RESUME_AGAIN_BY_OPENING);
    }

    /** {@link #openSnapshot(Path)}, {@code again} saying how the user sets a resume up again once it is dropped. */
    private void openSnapshot(Path snapshot, String again) {
        if (!state.get().canStart()) return;
        presenter.status("Reading the snapshot " + snapshot.getFileName() + "…");
        tasks.compute(() -> {
            TrainingSession.Resumable r = TrainingSession.locate(history, snapshot.toString());
            io.digitstudio.train.Snapshot.Position at = io.digitstudio.train.Snapshot.position(r.file());
            boolean finished = r.run() != null && r.run().settings() != null && r.run().epochsDone() >= r.run().settings().config().epochs();
            boolean branch = history != null && r.run() != null && (finished || TrainingSession.trainedPast(r) != null);
            return new Opened(r, at, finished, branch);
        }).whenComplete((o, err) -> {
            if (!state.get().canStart()) return; // a run started meanwhile: it is what the form is for now
            if (err != null) {
                Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
                presenter.status("Could not open " + snapshot.getFileName() + ": " + Messages.of(cause));
                return;
            }
            if (o.branch()) setUpBranchFrom(o);
            else setUpResumeFrom(o, again);
        });
    }

    /** A snapshot read by {@link #openSnapshot}: where it is in its run, and what Start does with it. */
    private record Opened(TrainingSession.Resumable snapshot, io.digitstudio.train.Snapshot.Position at, boolean finished, boolean branch) {
    }

    /** The form as a branch of the snapshot's run from that snapshot: its run is finished, or has trained past it. */
    private void setUpBranchFrom(Opened o) {
        io.digitstudio.runs.RunSummary run = o.snapshot().run();
        io.digitstudio.train.Snapshot.Position at = o.at();
        String spec = new TrainingSession.BranchPoint(at, o.snapshot().file()).spec(run.id());
        String where = at.epochEnd() ? "end of epoch " + at.epoch()
                : "snapshot at " + io.digitstudio.runs.RunSettings.Branch.point(at.epochDetail(), at.iteration());
        setUpBranch(run, spec, where, o.snapshot().epochsDone());
        presenter.status(openedAsBranch(run.id(), o.finished()));
    }

    /** What the status says when an opened snapshot is set up as a branch: the run stays as it is, Start trains a new one. */
    public static String openedAsBranch(String runId, boolean finished) {
        // the notice line above the charts says Start trains a new run from the snapshot
        return "Run " + runId + (finished ? " has finished" : " has trained past this snapshot") + " and stays as it is:"
                + " change the learning rate or other values, then Start.";
    }

    /** The form as the snapshot's run, for Start to resume it (its own run, or a new one when the history has none). */
    private void setUpResumeFrom(Opened o, String again) {
        TrainingSession.Resumable r = o.snapshot();
        TrainSettings.Values own = ownValues();
        settings.branchProperty().set(null);
        beforeBranch = own;
        Path data = r.setup().dataDir().isEmpty() ? null : Path.of(r.setup().dataDir());
        fillingForm = true;
        try {
            settings.show(r.config());
            settings.show(r.options());
            settings.dataFolderProperty().set(data);
        } finally {
            fillingForm = false;
        }
        TrainingConfig shown;
        try {
            shown = settings.config();
        } catch (IllegalArgumentException e) {
            shown = r.config(); // a field the snapshot does not fill is wrong: Start says so, and resumes once it is right
        }
        pendingResume = new PendingResume(r.file(), r.run() == null ? "" : r.run().id(), shown, settings.runOptions(), data, again);
        resumeBorrowsForm = true;
        keptNotice.set(null);
        inUseSaid = null;
        io.digitstudio.train.Snapshot.Position at = o.at();
        String where = at.epochEnd() ? "the end of epoch " + at.epoch() : io.digitstudio.runs.RunSettings.Branch.point(at.epochDetail(), at.iteration());
        presenter.clear(settings.plannedEpochs(), openedAsResume(pendingResume.runId(), where));
        resumeSetUp.set(resumeText(pendingResume.runId(), where));
    }

    /** What the line above the charts says while the form is set up to resume run {@code runId} (empty: no run of the history). */
    public static String resumeText(String runId, String where) {
        return runId.isEmpty() ? "A snapshot of no run of this history, at " + where + ": Start goes on from it as a new run."
                + " Another value than Epochs makes it a run from scratch."
                : "Resume of run " + runId + " from " + where + ": Start goes on with that run, in its own entry of the history."
                + " Another value than Epochs makes it a new run from scratch.";
    }

    /** What the status says once "New run instead" has set the resume aside. */
    public static final String NEW_RUN_NOT_RESUME = "A new run: Start trains these settings from scratch, not as a resume";

    /**
     * "New run instead" beside the resume the form is set up for: Start trains the form's settings from scratch, as the
     * user's own from now on, as "New run instead" does beside a branch.
     */
    public void leaveResume() {
        if (pendingResume == null || !state.get().canStart()) return;
        dropPendingResume();
        presenter.status(NEW_RUN_NOT_RESUME);
    }

    /** What the line above the charts says of the resume the form is set up for; empty while it is set up for none. */
    private final javafx.beans.property.ReadOnlyStringWrapper resumeSetUp = new javafx.beans.property.ReadOnlyStringWrapper("");

    /** The resume the form is set up for, in words for the line above the charts; empty while there is none. */
    public javafx.beans.property.ReadOnlyStringProperty resumeSetUpProperty() {
        return resumeSetUp.getReadOnlyProperty();
    }

    /** What the status says when an opened snapshot is set up as a resume: which run Start goes on with, and from where. */
    public static String openedAsResume(String runId, String where) {
        return runId.isEmpty() ? "Start goes on from this snapshot, at " + where + ", as a new run, up to the form's Epochs."
                : "Start resumes run " + runId + " from " + where + ", up to the form's Epochs.";
    }

    /**
     * Drops the resume the form is set up for once the form no longer holds that run's settings (the user changed one a
     * resume keeps): Start then trains a new run with the form's values, which are the user's own from now on.
     */
    private void formEdited() {
        PendingResume p = pendingResume;
        if (p == null || fillingForm) return;
        TrainingConfig now;
        try {
            now = settings.config();
        } catch (IllegalArgumentException e) {
            return; // a field being typed: Start is off until it is right
        }
        boolean same = now.withEpochs(p.config().epochs()).equals(p.config()) && settings.runOptions().equals(p.options())
                && java.util.Objects.equals(settings.dataFolderProperty().get(), p.data());
        if (same) return;
        dropPendingResume();
        presenter.status("The form no longer holds the snapshot's settings: Start trains a new run with them (" + p.again() + ")");
    }

    /** Start no longer resumes the opened snapshot; the form's values are the user's own. */
    private void dropPendingResume() {
        if (pendingResume == null) return;
        pendingResume = null;
        resumeSetUp.set("");
        resumeBorrowsForm = false;
        if (settings.branchProperty().get() == null) beforeBranch = null;
    }

    /**
     * Runs' Resume: sets the form up as the resume of the stopped {@code run} from {@code snapshot}, its newest, by the
     * path Open snapshot… takes ({@link #openSnapshot}), and waits for Start; nothing trains and nothing is written until
     * then. Returns whether it did: not while a run is under way, nor over an edited branch set-up the user keeps.
     */
    public boolean setUpResume(io.digitstudio.runs.RunSummary run, Path snapshot) {
        if (!mayReplaceForm("The resume of run " + run.id())) return false;
        openSnapshot(snapshot, RESUME_AGAIN_FROM_RUNS);
        return true;
    }

    /**
     * Continues the run a snapshot belongs to, exactly where it stopped, in its own record of the history, up to the
     * snapshot's epochs or the form's, whichever is more; the form then shows the run's settings, exactly. A run that
     * has trained all those epochs already is not started again: the user is told how to train it further.
     */
    public void resume(Path snapshot) {
        if (!state.get().canStart()) return;
        dropPendingResume(); // this resume, not the one Open snapshot… set up (Start has taken that one already)
        int wanted = settings.plannedEpochs();
        launch("Reading snapshot…", wanted, null, snapshot, null);
    }

    /**
     * Sets up the session on the training worker (reading data and snapshots there, never on the FX thread), runs it,
     * and reads what the window shows at the end (the best epoch's model) before handing back to the FX thread.
     */
    private void launch(String firstStatus, int planned, TrainingSession.Builder fresh, Path snapshot, Branching branching) {
        String busy = coresBusy();
        if (busy != null) {
            presenter.status(busy);
            dialogs.info("Not enough free cores", busy);
            return;
        }
        budget.take(HOLDER, io.digitstudio.nn.Cores.count(), "the run in the Train view", "when that run ends");
        Path folder = settings.dataFolderProperty().get();
        boolean snapshots = settings.snapshotsProperty().get();
        boolean keepBest = settings.keepBestProperty().get();
        TrainingFeed feed = new TrainingFeed();
        feed.watchInside(watchingInside); // here on the FX thread: later changes reach it through the presenter
        feed.pin(pinned);
        presenter.begin(feed, planned, firstStatus);
        showsBranchStart = false;
        keptNotice.set(null);
        inUseSaid = null;
        withdraw(FINISHED_TITLE); // the last run's end, and what it did with the model, are old news
        result.set(null);
        stopBeforeStart = false;
        branchAtEnd = false;
        recording.set(false);
        loop.set(null);
        state.set(RunState.PREPARING);
        List<io.digitstudio.train.Extension> watchers = List.copyOf(alsoWatching);
        alsoWatching.clear();
        CompletableFuture<Finished> run = tasks.train(() -> {
            TrainingSession.Builder b = fresh;
            if (branching != null) {
                TrainingSession.Resumable r = TrainingSession.locateBranch(history, branching.from().spec());
                b = branchSession(r, branching);
                // the parent's epochs up to the branch point, from its log: the branch's charts go on from its parent's,
                // at the exact point it branched
                List<java.util.Map<String, Double>> parentLog = r.run() == null ? List.of() : parentLog(history, r);
                List<EpochReport> earlier = RunPresenter.fromLog(parentLog, r.epochsDone());
                RunPresenter.BranchPoint from = parentLog.isEmpty() ? null : RunPresenter.BranchPoint.on(parentLog, branchEpoch(r));
                List<double[]> points = lossUpTo(history, r);
                double there = rateInForce(r);
                tasks.onUi(() -> presenter.showEarlier(earlier, there, from, points));
            } else if (b == null) {
                TrainingSession.Resumable r = TrainingSession.locate(history, snapshot.toString());
                TrainingConfig c = r.config();
                TrainingConfig shown = c.withEpochs(Math.max(c.epochs(), Math.min(planned, TrainingConfig.MAX_EPOCHS)));
                // the run's own data, which the form then shows (the form's choice is for new runs)
                Path own = r.setup().dataDir().isEmpty() ? null : Path.of(r.setup().dataDir());
                tasks.onUi(() -> {
                    settings.show(shown);
                    settings.dataFolderProperty().set(own);
                });
                // the epochs before the snapshot, from the run's log: the charts show the whole run, not its rest
                List<EpochReport> earlier = history == null || r.run() == null ? List.of() : earlierEpochs(history, r);
                double there = rateInForce(r);
                // and its loss curve as finely as it was drawn before the stop, up to the snapshot
                List<double[]> points = lossUpTo(history, r);
                tasks.onUi(() -> presenter.showEarlier(earlier, there, points));
                b = TrainingSession.builder(history, "gui").resume(r).epochs(shown.epochs());
            }
            if (fresh != null) b.data(folder, folder != null);
            b.snapshots(snapshots ? 1 : null, null, snapshots ? SNAPSHOTS_KEPT : null)
                    .sizeNames("Training examples", "Test examples");
            TrainingSession session = b.build();
            TrainingLoop l = session.loop();
            Mnist.TrainTest d = session.data();
            try {
                tasks.onUi(() -> settings.setData(d.train().exampleShape(), d.train().classes()));
                session.notes().stream().filter(n -> n.startsWith("warning: ")).forEach(n -> tasks.onUi(() -> dialogs.error("Run history", n.substring(9))));
                feed.describe(l.model(), d.classNames(), d.test());
                feed.follow(session.lossCurve()); // the curve the run's folder keeps: what a resume or a branch goes on from
                l.addExtension(feed.healthSampler(d.test()));
                l.addExtension(feed.pinProbe());
                l.addExtension(feed);
                watchers.forEach(l::addExtension);
            } catch (Throwable t) { // an Error too: the run is recorded already, so it ends through the loop, which says so
                l.failAtStart(t);
            }
            io.digitstudio.runs.RunRecorder rec = session.recorder();
            loop.set(l);
            tasks.onUi(() -> {
                if (state.get() == RunState.PREPARING) state.set(RunState.RUNNING);
                if (rec != null) {
                    recording.set(true);
                    recordedRun.set(rec.id());
                    historyChanges.set(historyChanges.get() + 1);
                }
            });
            if (stopBeforeStart) l.control().requestStop();
            TrainingSession.Outcome outcome;
            try {
                outcome = session.run();
            } catch (Throwable t) { // an Error too: the run has started and is recorded, and its end is told as such
                throw new RunFailed(session, t);
            }
            return new Finished(outcome, session, keepBest ? readBest(session, outcome.result()) : null,
                    new Position(l.iteration(), l.iterator().epoch(), io.digitstudio.runs.RunSettings.Branch.epochDetail(l.iterator()), l.config(), l.options()),
                    rec == null ? null : rec.model().orElse(null));
        });
        CompletableFuture<Void> saved = new CompletableFuture<>();
        this.saved = saved;
        run.whenComplete((f, err) -> {
            try {
                ended(f, err, branching);
            } catch (Throwable t) { // a future drops what its callbacks throw: the end of a run is told whatever happens
                lastResort(t);
            } finally {
                saved.complete(null); // the run's record wrote the last of its folder as the run ended
            }
        });
    }

    /** Completes once the last run started has ended and its folder holds what it keeps; done before any run. */
    private CompletableFuture<Void> saved = CompletableFuture.completedFuture(null);

    /**
     * Completes on the FX thread once the run under way (or the last one) has ended and its folder holds all it keeps:
     * the snapshot where it stopped, its model, its status and its loss curve. Quitting waits for this, so that a run
     * stopped by quitting is kept as Stop keeps it. Never fails: how the run ended is told as always.
     */
    public CompletableFuture<Void> saved() {
        return saved;
    }

    /** A run's end on the FX thread: how it ended ({@code f}) or what ended it ({@code err}), told to the user. */
    private void ended(Finished f, Throwable err, Branching branching) {
        budget.give(HOLDER);
        recording.set(false);
        // a branch is started once: however it ended, Start then trains an ordinary new run with the form's values,
        // the user's own again, as they were before the branch was set up
        if (branching != null) {
            TrainSettings.Values own = beforeBranch;
            beforeBranch = null;
            settings.branchProperty().set(null);
            if (own != null) settings.restore(own);
        } else if (resumeBorrowsForm) {
            // a resume set up by Open snapshot… borrows the form as a branch does
            resumeBorrowsForm = false;
            TrainSettings.Values own = beforeBranch;
            beforeBranch = null;
            if (own != null) settings.restore(own);
        }
        if (err != null) {
            failed(err);
        } else if (branchAtEnd && f.outcome().verdict() == TrainingSession.Verdict.STOPPED && f.outcome().stopSnapshot() != null
                && f.session().recorder() != null) {
            branchFrom(f);
            historyChanges.set(historyChanges.get() + 1);
        } else {
            finished(f);
            warnings(f.outcome().result());
            if (branchAtEnd) {
                dialogs.error("Nothing to branch from", f.outcome().result().iterations() == 0
                        ? "The run stopped before its first iteration. Start trains a new run with the form's settings."
                        : "The run ended before it reached its pause, and left no snapshot there. Runs branches from the snapshots it has.");
            }
            if (f.session().recorder() != null) {
                if (f.session().recorder().problem() != null) dialogs.error("Run history", f.session().recorder().problem());
                historyChanges.set(historyChanges.get() + 1);
            }
        }
    }

    /**
     * What is left when telling a run's end failed in turn (running out of memory again, as a message was made): the
     * window says in one line that the run ended and that it could not show how, Start trains again, and the Runs view
     * lists the run's record, which says how.
     */
    private void lastResort(Throwable t) {
        try {
            budget.give(HOLDER);
            recording.set(false);
            if (!state.get().canStart()) state.set(RunState.IDLE);
            presenter.status("The run has ended, but the window could not show how: " + io.digitstudio.train.TrainingLoop.reason(t)
                    + ". Runs has its record.");
            historyChanges.set(historyChanges.get() + 1);
        } catch (Throwable again) {
            state.set(RunState.IDLE);
        }
    }

    /** The learning rate the snapshot's run had in force there (NaN when the snapshot does not say). */
    private static double rateInForce(TrainingSession.Resumable r) {
        try {
            return io.digitstudio.train.Snapshot.rateInForce(r.arrays(), String.valueOf(r.file().getFileName()));
        } catch (RuntimeException e) {
            return Double.NaN; // the run resumes all the same; its chart joins the earlier rate as it can
        }
    }

    private static List<java.util.Map<String, Double>> parentLog(io.digitstudio.runs.RunStore history, TrainingSession.Resumable r) {
        try {
            return history.log(r.run());
        } catch (RuntimeException e) {
            return List.of(); // a damaged log: the branch trains all the same, its charts from its point on
        }
    }

    /**
     * The training-loss curve of the snapshot's run as it was drawn, up to the snapshot (empty: the run kept none, as a
     * run recorded before runs kept theirs, or the history does not know it): a resume or a branch goes on from it, as
     * the session's curve does ({@link TrainingSession#lossCurve()}).
     */
    private static List<double[]> lossUpTo(io.digitstudio.runs.RunStore history, TrainingSession.Resumable r) {
        double upTo = branchEpoch(r);
        if (history == null || r.run() == null || !Double.isFinite(upTo)) return List.of();
        return history.lossPoints(r.run()).stream().filter(p -> p[0] <= upTo + 1e-9).toList();
    }

    /** The exact epoch a branch starts at (2.33 a third of the way into epoch 3), from its snapshot. */
    private static double branchEpoch(TrainingSession.Resumable r) {
        try {
            return io.digitstudio.train.Snapshot.position(r.file()).epochDetail();
        } catch (RuntimeException e) {
            return Double.NaN; // its charts then go on from the parent's epochs
        }
    }

    private static List<EpochReport> earlierEpochs(io.digitstudio.runs.RunStore history, TrainingSession.Resumable r) {
        try {
            return RunPresenter.fromLog(history.log(r.run()), r.epochsDone());
        } catch (RuntimeException e) {
            return List.of(); // a damaged log: the run resumes all the same, its charts from here on
        }
    }

    /**
     * How a session ended, the best epoch's model when the user asked for it and it is not the last epoch's, where
     * the run ended, and the file in the run's folder that holds its model (null: the run is not recorded, or its
     * model could not be written), read on the training worker once it has.
     */
    private record Finished(TrainingSession.Outcome outcome, TrainingSession session, BestModel best, Position end, Path modelFile) {
    }

    /** Where a run ended: its iterations, the epochs it completed, the epoch as a fraction, its settings and extensions. */
    private record Position(long iteration, int epochsDone, double epochDetail, TrainingConfig config, io.digitstudio.train.RunOptions options) {
    }

    /**
     * What a model trained here is called: by its run, as its file is once reopened (two runs of a session are told
     * apart), e.g. "run 3fa2c1d0 · best epoch 7"; {@code bestEpoch} 0 for the final model. A run the history could not
     * record has no id: "trained in this session".
     */
    static String trainedName(String runId, int bestEpoch) {
        String run = runId == null || runId.isEmpty() ? "trained in this session" : "run " + runId;
        return bestEpoch > 0 ? run + " · best epoch " + bestEpoch : run;
    }

    /** The best epoch's model, read back on the training worker, or why it could not be. */
    private record BestModel(ActiveModel model, String description, String problem) {
    }

    private static BestModel readBest(TrainingSession session, TrainingResult r) {
        EpochReport last = r.last();
        var best = session.best().orElse(null);
        if (best == null || last == null || best.epoch() == last.epoch()) return null;
        try {
            io.digitstudio.io.ModelFiles.LoadedModel m = io.digitstudio.io.ModelFiles.loadNpz(best.file());
            // kept in the run's folder, it is a file the app can open again; a temporary one is not
            io.digitstudio.runs.RunRecorder rec = session.recorder();
            Path kept = rec != null && rec.problem() == null && best.file().toAbsolutePath().startsWith(rec.folder().toAbsolutePath()) ? best.file() : null;
            return new BestModel(ActiveModel.of(m.model(), trainedName(session.runId(), best.epoch()), m.info(), kept),
                    "best validation accuracy " + Formats.percent(best.accuracy()) + " at epoch " + best.epoch(), null);
        } catch (RuntimeException ex) {
            return new BestModel(null, null, "the best epoch's model could not be read back: " + Messages.of(ex));
        }
    }

    /**
     * A run that started and then failed (an exception or an error, such as running out of memory, in training, in its
     * validation, in an extension or on a worker thread of its cores): its record in the history says failed with the
     * reason, and so does the window, in one line.
     */
    private static final class RunFailed extends RuntimeException {
        private final transient TrainingSession session;

        RunFailed(TrainingSession session, Throwable cause) {
            super(cause.getMessage(), cause, false, false);
            this.session = session;
        }
    }

    /**
     * Tells how a run failed once it had started: where and why in one line (the trace is in its folder's
     * {@code failure.txt}), the model in use unchanged; the run hands over no model, since its weights may hold a
     * half-made update.
     */
    private void runFailed(RunFailed rf) {
        TrainingSession s = rf.session;
        TrainingResult r = s.loop().result();
        presenter.end(r == null ? s.loop().elapsedTime() : r.seconds(), false);
        result.set(r);
        trainedModel.set(null);
        state.set(RunState.FINISHED);
        String what = r != null && r.outcome() == TrainingResult.Outcome.FAILED && r.message() != null ? r.message()
                : "failed: " + io.digitstudio.train.TrainingLoop.reason(rf.getCause());
        ActiveModel active = models.activeProperty().get();
        String kept = unchanged(active);
        sayInUse("Training " + what + ".", kept);
        // said once, as every other end of a run: in the status while the Train view shows, else in a message
        if (!shown.get()) dialogs.error("Training failed", Messages.capitalize(what.replaceFirst("^failed ", "")) + "." + kept
                + (s.recorder() == null ? "" : " Run " + s.runId() + " is kept in Runs as failed."));
        if (s.recorder() != null) {
            if (s.recorder().problem() != null) dialogs.error("Run history", s.recorder().problem());
            historyChanges.set(historyChanges.get() + 1);
        }
    }

    private void failed(Throwable err) {
        Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
        if (cause instanceof RunFailed rf) {
            runFailed(rf);
            return;
        }
        presenter.end(0, false);
        state.set(RunState.IDLE);
        // the view shows no run now (the start cleared it): Save model… and Use model have no run's model to act on
        trainedModel.set(null);
        if (cause instanceof TrainingSession.FinishedException f) {
            String m = (f.runId().isEmpty() ? "This run" : "Run " + f.runId()) + " has already trained " + f.epochs()
                    + " epochs. Set Epochs above " + f.epochs() + " and resume it again to train it further.";
            presenter.status(m);
            if (!shown.get()) dialogs.info("Nothing to resume", m);
            return;
        }
        String m = Messages.of(err);
        presenter.status("Could not train: " + m);
        if (!shown.get()) dialogs.error("Training failed", m);
    }

    /**
     * What failed as a run that did not fail ended (its log could not be written, say), after how it ended: the run
     * keeps its outcome and its model, and its folder says the same warnings.
     */
    private void warnings(TrainingResult r) {
        if (r.warnings().isEmpty()) return;
        String w = "Warning: " + String.join("; ", r.warnings()) + ".";
        String now = presenter.statusProperty().get();
        boolean follows = inUseSaid != null && inUseSaid.equals(now);
        presenter.status(now + " " + w);
        if (follows) {
            inUseAfter = " " + w;
            inUseSaid = now + inUseAfter;
        }
        if (!shown.get()) dialogs.error("Training ended with a warning", w.substring("Warning: ".length()));
    }

    private void finished(Finished f) {
        TrainingResult r = f.outcome().result();
        presenter.end(r.seconds(), r.outcome() == TrainingResult.Outcome.COMPLETED);
        result.set(r);
        state.set(RunState.FINISHED);
        TrainingLoop l = f.session().loop();
        Mnist.TrainTest data = f.session().data();
        EpochReport last = r.last();
        String acc = last == null ? "no epoch completed" : "validation accuracy " + Formats.percent(last.valAccuracy());
        // the figure first, in fewer words: with what follows it, "Finished: validation accuracy 95.60%. Draw and Samples
        // now use this model." broke onto a second line at 100 % in the smallest window
        String reachedText = last == null ? acc : Formats.percent(last.valAccuracy()) + " validation accuracy";
        ActiveModel trained = null;
        if (r.iterations() > 0) {
            ModelInfo info = new ModelInfo(last == null ? null : last.valAccuracy(), data.name(), data.classNames());
            trained = ActiveModel.of(l.model(), trainedName(f.session().runId(), 0), info, f.modelFile());
            BestModel best = f.best();
            if (best != null && best.model() != null) {
                trained = best.model();
                acc = best.description();
                reachedText = acc;
            } else if (best != null) {
                acc += " (" + best.problem() + ")";
                reachedText += " (" + best.problem() + ")";
            }
        }
        trainedModel.set(trained);
        ActiveModel active = models.activeProperty().get();
        String kept = unchanged(active);
        switch (f.outcome().verdict()) {
            case LEARNED -> {
                Double reached = accuracyOf(trained, last);
                Double inUse = comparableAccuracy(active, trained);
                if (trained == null) { // no iteration: nothing learned, nothing to put to use
                    sayInUse("Finished: " + acc + ".", kept);
                    return;
                }
                if (!replaces(reached, inUse)) {
                    String line = keptLine(inUse, reached);
                    keptNotice.set(line);
                    // said in the status line, which keeps its two lines' height: a line of its own over the charts'
                    // top edge hid their titles until the next run. Short enough for one line beside the figures at
                    // 150 % in the smallest window
                    sayInUse(finishedAt(reached) + "; ", "kept the model in use (" + Formats.percent(inUse) + ").");
                    if (!shown.get()) offer(FINISHED_TITLE, trained).info(FINISHED_TITLE, line + ".", USE_MODEL, use(trained));
                    return;
                }
                models.adopt(trained);
                String early = r.message() == null ? "" : " (" + r.message() + ")";
                sayInUse("Finished: " + reachedText + early + "; ", "Draw and Samples use it.");
                Runnable undo = () -> {
                    if (models.gone(active)) return;
                    models.adopt(active);
                    sayInUse("", "Draw and Samples use " + active.name() + " again");
                };
                // the view shown has said the result in its status: the toast only offers what the status cannot, Undo
                if (shown.get()) {
                    if (active != null) offer(FINISHED_TITLE, active).info(FINISHED_TITLE, "Undo brings back " + active.name() + " for Draw and Samples.", "Undo", undo);
                } else if (active != null) {
                    offer(FINISHED_TITLE, active).info(FINISHED_TITLE, "Final " + acc + ". Draw and Samples now use the new model; Undo brings back the one they used.", "Undo", undo);
                } else {
                    dialogs.info(FINISHED_TITLE, "Final " + acc + ". Draw and Samples now use the new model.");
                }
            }
            case FAILED_TO_LEARN -> {
                String why = f.end() == null ? "try another learning rate" : io.digitstudio.runs.RunSummary.failedToLearnHint(f.end().config(), f.end().options());
                String m = "Failed to learn: " + acc + " is at chance level; " + why + "." + kept;
                sayInUse("Failed to learn: " + acc + " is at chance level; " + why + ".", kept);
                if (!shown.get() && trained == null) dialogs.error("Training failed to learn", m);
                else if (!shown.get()) offer("Training failed to learn", trained).error("Training failed to learn", m, USE_MODEL, use(trained));
            }
            case STOPPED -> {
                String where = r.iterations() == 0 ? "before the first iteration" : String.format(Locale.ROOT, "at epoch %.2f", l.iterator().epochDetail());
                String resumable = f.outcome().stopSnapshot() == null ? "" : " It can be resumed from the Runs view.";
                sayInUse("Stopped " + where + ": " + acc + ".", kept);
                // a toast shows its title, then its text: the text goes on from "Training stopped"
                String m = where + " (" + acc + ")." + kept + resumable;
                if (!shown.get() && trained == null) dialogs.info("Training stopped", m);
                else if (!shown.get()) offer("Training stopped", trained).info("Training stopped", m, USE_MODEL, use(trained));
            }
            case DIVERGED -> {
                sayInUse("Diverged: " + r.message() + ".", kept);
                if (!shown.get()) dialogs.error("Training diverged", r.message() + "." + kept);
            }
        }
    }

    /**
     * The rule for a finished run that learned: its model replaces the one in use only when its validation accuracy
     * ({@code reached}) is at least that model's known accuracy ({@code inUse}); a model whose accuracy is unknown, or
     * no model, is replaced as before. A run whose accuracy is unknown does not replace one whose accuracy is known.
     */
    static boolean replaces(Double reached, Double inUse) {
        if (inUse == null || !Double.isFinite(inUse)) return true;
        return reached != null && reached >= inUse;
    }

    /**
     * The known accuracy of the model in use, when it measures what the run's does: on the same data set's test set (a
     * digit model's 99 % says nothing against a Fashion-MNIST run's 88 %; a model fine-tuned on MNIST and the user's
     * digits is measured on MNIST's, as a run on MNIST is); null otherwise, or when there is none.
     */
    private static Double comparableAccuracy(ActiveModel active, ActiveModel trained) {
        if (active == null || active.info() == null) return null;
        String theirs = active.info().testSet(), ours = trained == null || trained.info() == null ? null : trained.info().testSet();
        return theirs != null && theirs.equals(ours) ? active.testAccuracy() : null;
    }

    /** How the status line begins for a run that finished at validation accuracy {@code reached} (null: unknown). */
    private static String finishedAt(Double reached) {
        return reached == null ? "Finished with no validation accuracy" : "Finished at " + Formats.percent(reached);
    }

    /** The one line that says a run's model was not put to use, with both figures. */
    static String keptLine(Double inUse, Double reached) {
        return "Kept the model in use (" + Formats.percent(inUse) + "); this run reached "
                + (reached == null ? "no validation accuracy" : Formats.percent(reached));
    }

    /** The accuracy of the model a run hands over: the one its info gives (the best epoch's with Keep best), else the last epoch's. */
    private static Double accuracyOf(ActiveModel trained, EpochReport last) {
        if (trained != null && trained.info() != null && trained.info().testAccuracy() != null) return trained.info().testAccuracy();
        return last == null ? null : last.valAccuracy();
    }

    /**
     * While the run is paused: ends it where it paused and opens the form as a branch from that exact point. The app
     * trains one run at a time, so the parent is not left paused: it is stopped at that iteration, its snapshot there is
     * written into its folder of the history (weights, optimizer state, data order and position, extensions), and it
     * stays resumable from Runs, its record saying it was stopped. The branch is set up from that snapshot, the way a
     * branch from Runs is, once the user has changed what a branch may change and pressed Start.
     */
    public void branchFromHere() {
        TrainingLoop l = loop.get();
        if (l == null || !canBranch.get()) return;
        branchAtEnd = true;
        l.control().stopAtPause();
        state.set(RunState.STOPPING);
        presenter.status("Stopping run " + recordedRun.get() + " where it paused, to branch from there…");
    }

    /** The paused run has ended where it paused: the form becomes a branch of it from there. */
    private void branchFrom(Finished f) {
        TrainingResult r = f.outcome().result();
        Position at = f.end();
        presenter.end(r.seconds(), false);
        result.set(r);
        state.set(RunState.FINISHED);
        EpochReport last = r.last();
        Mnist.TrainTest data = f.session().data();
        trainedModel.set(ActiveModel.of(f.session().loop().model(), trainedName(f.session().runId(), 0),
                new ModelInfo(last == null ? null : last.valAccuracy(), data.name(), data.classNames()), f.modelFile()));
        String id = f.session().runId();
        String where = "pause at " + io.digitstudio.runs.RunSettings.Branch.point(at.epochDetail(), at.iteration());
        TrainSettings.Values own = ownValues();
        settings.branchProperty().set(null);
        beforeBranch = own;
        // a branch trains on past its point: at least to the end of the epoch under way
        TrainingConfig c = at.config();
        settings.show(c.withEpochs(Math.max(c.epochs(), Math.min(at.epochsDone() + 1, TrainingConfig.MAX_EPOCHS))));
        settings.show(at.options());
        settings.branchProperty().set(new TrainSettings.Branch(id, id + "@" + at.iteration(), where, c, at.epochsDone()));
        // one message, in this view's status line: the notice line above the charts says what the form branches from,
        // and a toast saying it again (beside the status line's same words) told the user nothing they could miss
        presenter.status(keptToBranch(id, at.iteration()));
    }

    /** What the status line says when a paused run has been stopped to branch from: it is kept, where, and what to do. */
    static String keptToBranch(String id, long iteration) {
        return "Run " + id + " is stopped at iteration " + io.digitstudio.ui.widgets.Formats.count(iteration)
                + " and kept (Runs resumes it); change the learning rate or other values, then Start.";
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
        Map<String, Double> running = l.publishedHyperparams(); // the optimizer itself is the training thread's
        for (Map.Entry<String, Double> e : c.hyperparams().entrySet()) {
            if (running.containsKey(e.getKey()) && running.get(e.getKey()).doubleValue() != e.getValue()) {
                l.control().requestChange(e.getKey(), e.getValue());
                changed.add(e.getKey() + " " + (e.getKey().equals(io.digitstudio.optim.Optimizers.learningRateKey(c.optimizer()))
                        ? io.digitstudio.train.LearningRates.format(e.getValue()) : HyperParam.format(e.getValue())));
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
        // a model whose run was deleted is not put to use: what would name it at the next launch is gone
        if (m == null || models.gone(m) || trainedModelChanged.get()) return;
        // the model in use is named by its file for the next launch: only while the file holds these very weights
        // (the command line may have deleted the run, or trained it on, since it ended here)
        models.inItsFile(m).whenComplete((found, err) -> {
            if (trainedModel.get() != m || models.gone(m)) return;
            if (err != null) {
                presenter.status("Could not read the model file of this run: " + Messages.of(err));
            } else if (found != ModelManager.InItsFile.SAME) {
                notUsable(m, found);
            } else if (state.get().canStart() && models.activeProperty().get() != m) {
                models.adopt(m);
                sayInUse("", "Draw and Samples now use the model of this run.");
            }
        });
    }

    /**
     * The action a run's message offers on another view, where the Train view's toolbar is not: the message names no
     * button of that toolbar, it holds the button. It puts {@code trained} to use, the run's model when the message was
     * made, even if a later run has ended since.
     */
    private Runnable use(ActiveModel trained) {
        return () -> {
            if (models.gone(trained)) return;
            if (trainedModel.get() == trained) {
                useTrainedModel();
                return;
            }
            models.inItsFile(trained).whenComplete((found, err) -> {
                if (models.gone(trained)) return;
                if (err != null) dialogs.error("Model not put to use", Messages.of(err));
                else if (found == ModelManager.InItsFile.SAME) models.adopt(trained);
                else dialogs.error("Model not put to use", found == ModelManager.InItsFile.GONE
                        ? "Run " + runOf(trained) + " was deleted: its files are gone"
                        : "The model file of run " + runOf(trained) + " has changed since: it no longer holds that run's model");
            });
        };
    }

    /**
     * The name of the one action that puts the last run's model to use ({@link #useTrainedModel}): the toolbar's button,
     * which every outcome of a run leaves, and the button a run's message offers on another view.
     */
    public static final String USE_MODEL = "Use model";

    /**
     * Whether the Train view is the one shown: a run's end is then said in its status line, where the user looks, and
     * not again in a toast; on another tab a toast is what tells them.
     */
    private final javafx.beans.property.BooleanProperty shown = new javafx.beans.property.SimpleBooleanProperty();

    public javafx.beans.property.BooleanProperty shownProperty() { return shown; }

    /** The title of the message a run's end leaves: taken back when what it says no longer holds. */
    static final String FINISHED_TITLE = "Training finished";

    /** The model each message this control shows would put to use by its action (Undo, Use model), by its title. */
    private final java.util.Map<String, ActiveModel> offered = new java.util.HashMap<>();

    /** The dialogs, to show a message titled {@code title} whose action puts {@code brings} to use. */
    private DialogService offer(String title, ActiveModel brings) {
        offered.put(title, brings);
        return dialogs;
    }

    /** Takes back the messages titled {@code title}: what they say, or what their action does, no longer holds. */
    private void withdraw(String title) {
        offered.remove(title);
        dialogs.withdraw(title);
    }

    /**
     * The status as this control last said it while it named the model in use (null: it names none now), and what it
     * says before and after that clause: while the status still says it, each change of the model in use rewrites the
     * clause, so the line never names a model that is no longer in use.
     */
    private String inUseSaid, inUseBefore, inUseAfter = "";

    /** Says {@code before + clause} in the status, {@code clause} naming the model in use: from now on it follows that model. */
    private void sayInUse(String before, String clause) {
        inUseBefore = before;
        inUseAfter = "";
        inUseSaid = before + clause;
        presenter.status(inUseSaid);
    }

    /**
     * The model in use is now {@code m}: the status, if it still names the model in use, names {@code m}. While the
     * reason Start is off covers it, what the status gives back once Start is on again names {@code m}.
     */
    private void followInUse(ActiveModel m) {
        String now = presenter.statusProperty().get();
        boolean covered = inUseSaid != null && inUseSaid.equals(replaced) && readiness != null && readiness.equals(now);
        if (inUseSaid == null || !inUseSaid.equals(now) && !covered) {
            inUseSaid = null;
            return;
        }
        String clause = inUseClause(inUseBefore, m);
        String before = clause.isEmpty() && inUseBefore.endsWith("; ") ? inUseBefore.substring(0, inUseBefore.length() - 2) + "." : inUseBefore;
        inUseSaid = before + clause + inUseAfter;
        if (covered) replaced = inUseSaid;
        else presenter.status(inUseSaid);
    }

    /**
     * The clause after {@code before} that names {@code m} as the model in use: the last run's as "it" after that
     * run's figures, as "the model of this run" on its own; empty when none is in use, the clause then dropped.
     */
    private String inUseClause(String before, ActiveModel m) {
        boolean afterFigures = before.endsWith("; ");
        if (m == null) return "";
        String gap = before.isEmpty() || afterFigures ? "" : " ";
        if (m == trainedModel.get()) return gap + "Draw and Samples use " + (afterFigures ? "it." : "the model of this run.");
        return gap + "Draw and Samples use " + m.name() + ".";
    }

    /** What a run's end says of the model in use, which it left as it was ({@code active}; null: there is none). */
    private static String unchanged(ActiveModel active) {
        return active == null ? "" : " The active model (" + active.name() + ") is unchanged.";
    }

    /** The run under way or last run, or null. */
    public TrainingLoop currentLoop() {
        return loop.get();
    }

    /**
     * Why a run cannot start now for want of cores (a sweep or the learning-rate finder holds so many that both would
     * not fit), with what to do, as what holds them says; null when it can.
     */
    private String coresBusy() {
        String why = budget.refusal(HOLDER, io.digitstudio.nn.Cores.count(), "A run here");
        return why == null ? null : why + ": Start " + budget.until(HOLDER);
    }

    /** The cores this control shares with what else trains in the app. */
    io.digitstudio.ui.core.CoreBudget cores() { return budget; }

    /** Why Start waits for cores (see {@link #coresBusy}), while no run is under way here; null when it need not. */
    public javafx.beans.binding.StringBinding coresBlockerProperty() { return coresBlocker; }

    /**
     * Extensions the next run carries besides the window's own (tests pause a run at a chosen iteration with one). Call
     * on the FX thread, before {@link #start}.
     */
    void alsoWatch(io.digitstudio.train.Extension e) {
        alsoWatching.add(e);
    }

    private final javafx.beans.binding.BooleanBinding canBranch = javafx.beans.binding.Bindings.createBooleanBinding(
            () -> state.get() == RunState.PAUSED && recording.get(), state, recording);

    /** Whether "Branch from here" applies: the run is paused and recorded in the history (a branch starts from its record). */
    public javafx.beans.binding.BooleanBinding canBranchProperty() { return canBranch; }

    public ReadOnlyObjectProperty<RunState> stateProperty() { return state.getReadOnlyProperty(); }
    /** Counts the changes this control made to the run history (a run recorded, a run ended), for views that list it. */
    public javafx.beans.property.ReadOnlyLongProperty historyChangesProperty() { return historyChanges.getReadOnlyProperty(); }
    /** The id of the latest run recorded in the history (empty before one). */
    public javafx.beans.property.ReadOnlyStringProperty recordedRunProperty() { return recordedRun.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TrainingResult> resultProperty() { return result.getReadOnlyProperty(); }
    /** The model the last run trained (also a stopped one), or null. */
    public ReadOnlyObjectProperty<ActiveModel> trainedModelProperty() { return trainedModel.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty trainedModelActiveProperty() { return trainedModelActive.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty trainedModelGoneProperty() { return trainedModelGone.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty trainedModelChangedProperty() { return trainedModelChanged.getReadOnlyProperty(); }
    /** Why the last run's model is not the one in use, with both figures, or null (see {@link #replaces}). */
    public javafx.beans.property.ReadOnlyStringProperty keptNoticeProperty() { return keptNotice.getReadOnlyProperty(); }
    public Network trainedNetwork() {
        return trainedModel.get() == null ? null : trainedModel.get().model();
    }
}
