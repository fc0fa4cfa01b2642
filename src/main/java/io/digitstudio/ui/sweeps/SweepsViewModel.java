package io.digitstudio.ui.sweeps;

import io.digitstudio.data.Mnist;
import io.digitstudio.io.AtomicFiles;
import io.digitstudio.nn.NetworkSpec;
import io.digitstudio.nn.SpecException;
import io.digitstudio.optim.Optimizers;
import io.digitstudio.runs.RunStore;
import io.digitstudio.runs.RunsException;
import io.digitstudio.runs.sweep.Axis;
import io.digitstudio.runs.sweep.Sweep;
import io.digitstudio.runs.sweep.SweepChart;
import io.digitstudio.runs.sweep.SweepResult;
import io.digitstudio.runs.sweep.SweepRunner;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.ui.core.DialogService;
import io.digitstudio.ui.core.FileWrites;
import io.digitstudio.ui.core.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The Sweeps view's state: the fields of a sweep (network, learning rates, batch sizes, epochs, subsets, runs at once),
 * and while and after it trains, its progress, its rows sorted by best validation accuracy, and the chart's pixels.
 * The sweep runs through {@link SweepRunner} on a thread of its own, each point its own process recorded in the history,
 * so that the Train view can train meanwhile when the cores allow both ({@link io.digitstudio.ui.core.CoreBudget});
 * progress arrives from the runner's threads and is published on the UI thread.
 */
public final class SweepsViewModel {
    /** The chart as ARGB pixels, made off the UI thread. */
    public record ChartPixels(int width, int height, int[] argb) {
    }

    /**
     * How the view shows the chart: its size in pixels (all panels side by side) and the theme's colours and type, in
     * the picture's pixels, so the chart is drawn for its place rather than scaled to it (a scaled picture's type does
     * not follow the UI scale).
     */
    public record ChartLook(int width, int height, SweepChart.Look look) {
        /** Until the view has a place for the chart: the printed look, a 360 x 250 panel per setting. */
        static final int PANEL_WIDTH = 360, PANEL_HEIGHT = 250;

        public ChartLook {
            if (width < 1 || height < 1) throw new IllegalArgumentException(width + " x " + height);
        }
    }

    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final RunStore history;
    private final Supplier<List<String>> command;
    private final int cores;
    private final io.digitstudio.ui.core.CoreBudget budget;
    /** How the sweep is named in the Train view's refusal when it holds the cores. */
    static final String HOLDER = "sweep";

    private final StringProperty network = new SimpleStringProperty(DEFAULTS.get("network"));
    private final StringProperty learningRates = new SimpleStringProperty(DEFAULTS.get("learningRates"));
    private final StringProperty batchSizes = new SimpleStringProperty(DEFAULTS.get("batchSizes"));
    private final StringProperty epochs = new SimpleStringProperty(DEFAULTS.get("epochs"));
    private final StringProperty trainSize = new SimpleStringProperty(DEFAULTS.get("trainSize"));
    private final StringProperty testSize = new SimpleStringProperty(DEFAULTS.get("testSize"));
    private final StringProperty parallel = new SimpleStringProperty(DEFAULTS.get("parallel"));

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper resumable = new ReadOnlyBooleanWrapper(false);
    // until the history's sweeps are read, the view says it reads them: "no sweep yet" said then flashed for as long
    // as the reading took on a relaunch with sweeps recorded, before "Loading sweep …" and the rows
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(READING_TEXT);
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.LOADING);
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(true);
    private final javafx.beans.property.ReadOnlyDoubleWrapper progress = new javafx.beans.property.ReadOnlyDoubleWrapper(0);
    /**
     * What the status line says before any sweep is shown. The state's word beside it already says "Idle": the message
     * does not say it again.
     */
    static final String IDLE_TEXT = "No sweep yet. Type the values to try and press Start.";
    /** What the status line and the table say until the history's sweeps are first read. */
    static final String READING_TEXT = "Reading sweeps…";

    /** Where the shown sweep is, as the status line's figures say it in a word ({@link #label()}). */
    public enum Phase {
        IDLE("Idle"), LOADING("Loading"), RUNNING("Running"), STOPPED("Stopped"), FINISHED("Finished"), FAILED("Failed");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SweepResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ChartPixels> chart = new ReadOnlyObjectWrapper<>();
    /** The view's chart look (null: none yet); set on the UI thread, read by whichever thread draws. */
    private volatile ChartLook chartLook;
    private final ObservableList<SweepResult.Row> rows = FXCollections.observableArrayList();
    private final Map<Integer, String> training = new ConcurrentHashMap<>();
    /** The part of each training run done (its epochs done over its epochs), for the status line's bar. */
    private final Map<Integer, Double> partDone = new ConcurrentHashMap<>();
    /**
     * What each run of the sweep under way is doing now, as its row says it ("epoch 2/5", "failed"), by
     * point; the history's files say it only once a run ends. UI thread only: the runners' threads publish to it.
     */
    private final Map<Integer, String> trialsNow = new java.util.HashMap<>();
    /**
     * The best validation accuracy each run in training has reached so far in this session, and its epoch, by point: the
     * history's figures come only once a run ends. UI thread only.
     */
    private final Map<Integer, BestSoFar> bestSoFar = new java.util.HashMap<>();

    /** A run's best validation accuracy so far and the epoch that reached it. */
    private record BestSoFar(double accuracy, int epoch) {
    }

    /** Counts the changes to {@link #trialsNow}, so the table shows them. */
    private final javafx.beans.property.ReadOnlyLongWrapper trialChanges = new javafx.beans.property.ReadOnlyLongWrapper();

    private volatile SweepRunner runner;
    /** Why a run of the sweep under way could not train (null: none failed). */
    private volatile String runError;
    private volatile Sweep sweep;
    /** The history's sweeps, newest first: those of the command line too. */
    private final ObservableList<Sweep> sweeps = FXCollections.observableArrayList();
    private final javafx.beans.property.ObjectProperty<Sweep> chosen = new javafx.beans.property.SimpleObjectProperty<>();
    private long listing;

    public SweepsViewModel(TaskExecutor tasks, DialogService dialogs, RunStore history) {
        this(tasks, dialogs, history, SweepRunner::selfCommand, Runtime.getRuntime().availableProcessors());
    }

    /** @param command how to start this program for each run; {@code cores} the machine's */
    public SweepsViewModel(TaskExecutor tasks, DialogService dialogs, RunStore history, Supplier<List<String>> command, int cores) {
        this(tasks, dialogs, history, command, new io.digitstudio.ui.core.CoreBudget(cores));
    }

    /**
     * With the cores the app shares between its Train view and its sweeps: a sweep takes its runs' cores ({@code K x
     * threads}) while it trains, and is refused when the Train view's run holds so many that both would not fit.
     */
    public SweepsViewModel(TaskExecutor tasks, DialogService dialogs, RunStore history, Supplier<List<String>> command,
                           io.digitstudio.ui.core.CoreBudget budget) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.history = history;
        this.command = command;
        this.budget = budget;
        this.cores = budget.cores();
        chosen.addListener((o, a, c) -> {
            if (c != null && !running.get() && (sweep == null || !sweep.id().equals(c.id()))) show(c);
        });
        for (String k : MEMORY_KEYS) field(k).addListener((o, a, b) -> {
            check();
            edits.set(edits.get() + 1);
        });
        check();
        // while a field is wrong and no sweep runs, the status line says why Start is off rather than "No sweep yet …
        // press Start" beside a Start that cannot, and says that alone: the state's word and bar, of the sweep shown, read
        // beside it as the form's ("Idle" beside "Fix …"). What it said comes back once the fields are right
        javafx.beans.InvalidationListener say = o -> {
            boolean blocked = startBlocker.get() != null && !running.get();
            said.set(blocked ? startBlocker.get() : status.get());
            stateText.set(blocked ? "" : phase.get().label());
        };
        for (javafx.beans.Observable o : List.of(status, startBlocker, running, phase)) o.addListener(say);
        say.invalidated(null);
        // the view says "Reading sweeps…" from its first frame, and this reading makes that true
        refreshSweeps();
    }

    /** Counts the changes to the form's fields. */
    private final javafx.beans.property.ReadOnlyLongWrapper edits = new javafx.beans.property.ReadOnlyLongWrapper();

    /** How many times a field of the form has changed: the app remembers the form as it changes, once the editing settles. */
    public javafx.beans.property.ReadOnlyLongProperty editsProperty() {
        return edits.getReadOnlyProperty();
    }

    /**
     * Reads the history's sweeps again (off the UI thread), keeping the one shown chosen; with none shown (a launch, or
     * the one shown is gone), the newest is chosen and shown: a view that said "none yet" beside a list holding the
     * last session's sweep looked as if the sweep had been lost.
     */
    public CompletableFuture<List<Sweep>> refreshSweeps() {
        long mine = ++listing;
        return tasks.compute(() -> Sweep.list(history.root())).whenComplete((list, err) -> {
            if (mine != listing) return;
            if (err != null) {
                String why = "Could not read the sweeps: " + (err.getCause() != null ? err.getCause().getMessage() : err.getMessage());
                message.set(why);
                readingDone(why);
                return;
            }
            Sweep now = sweep;
            sweeps.setAll(list);
            Sweep kept = now == null ? null : list.stream().filter(x -> x.id().equals(now.id())).findFirst().orElse(null);
            // the newest chosen says "Loading sweep …" before the reading is said done: no idle words in between
            chosen.set(kept != null || running.get() || list.isEmpty() ? kept : list.get(0));
            readingDone(IDLE_TEXT);
        });
    }

    /**
     * The Refresh button's reading: the history's sweeps read again ({@link #refreshSweeps()}), and the sweep shown with
     * its runs as the history has them now (a run deleted in Runs, or trained by the command line meanwhile); choosing
     * the same sweep again reads nothing. Not while a sweep runs. The future completes once the rows are read.
     */
    public CompletableFuture<Void> refresh() {
        return refreshSweeps().thenCompose(list -> {
            Sweep shown = sweep;
            if (shown == null || running.get()) return CompletableFuture.completedFuture(null);
            return list.stream().filter(x -> x.id().equals(shown.id())).findFirst()
                    .map(this::show).orElse(CompletableFuture.completedFuture(null));
        });
    }

    /**
     * The first reading of the history's sweeps ended: with no sweep shown or running (the history holds none, or could
     * not be read), the view says so in {@code idle}, and the table how to start one. UI thread.
     */
    private void readingDone(String idle) {
        if (!reading.get()) return;
        if (sweep == null && !running.get()) {
            phase.set(Phase.IDLE);
            status.set(idle);
            emptyTable.set(EMPTY_TABLE);
        }
        reading.set(false);
    }

    /** Whether the history's sweeps are being read for the first time: until then "none yet" would not be known. */
    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** Shows a sweep of the history (one the command line ran, say): its table and chart, and Resume if it is not done. */
    public CompletableFuture<Void> show(Sweep s) {
        if (running.get()) return CompletableFuture.completedFuture(null);
        sweep = s;
        message.set("");
        trialsNow.clear();
        bestSoFar.clear();
        trialChanges.set(trialChanges.get() + 1);
        // until its rows are read, the view says which sweep it loads, and nothing of the one shown before: the picker
        // named the chosen sweep beside the last one's rows, or beside "Start a sweep", for as long as the reading took
        String loading = "Loading sweep " + s.id() + "…";
        rows.clear();
        result.set(null);
        chart.set(null);
        resumable.set(false);
        phase.set(Phase.LOADING);
        status.set(loading);
        emptyTable.set(loading);
        progress.set(0);
        return tasks.compute(() -> {
            SweepResult r = SweepResult.read(s, history);
            publish(r);
            return r;
        }).whenComplete((r, err) -> {
            if (sweep != s) return;
            emptyTable.set(EMPTY_TABLE);
            if (err != null) {
                Throwable cause = err.getCause() != null ? err.getCause() : err;
                phase.set(Phase.FAILED);
                status.set("Could not read sweep " + s.id() + ": " + cause.getMessage());
                return;
            }
            resumable.set(!r.complete());
            phase.set(r.complete() ? Phase.FINISHED : Phase.STOPPED);
            status.set(summary(r));
            progress.set(finishedShare(r));
        }).handle((r, err) -> (Void) null); // a reading that failed is said in the status line
    }

    /** What the table says while it has no rows: how to start a sweep, or which sweep it is loading. */
    public ReadOnlyStringProperty emptyTableProperty() {
        return emptyTable.getReadOnlyProperty();
    }

    /** What the table says with no sweep shown. */
    static final String EMPTY_TABLE = "Start a sweep: its runs appear here, best first.";
    private final ReadOnlyStringWrapper emptyTable = new ReadOnlyStringWrapper(READING_TEXT);

    /**
     * A sweep said from the fullest to the briefest: its id, the settings it varies in the Train form's words
     * ("Learning rate × Batch size"; a sweep of one point its values), its runs and when it was made; without the date;
     * without the runs; its id alone.
     */
    public static List<String> saying(Sweep s) {
        String swept = String.join(" × ", s.varied().stream().map(a -> s.label(a.name())).toList());
        String what = s.id() + ": " + (!swept.isEmpty() ? swept : s.points().isEmpty() ? "no runs" : s.said(0));
        String runs = what + ", " + s.points().size() + (s.points().size() == 1 ? " run" : " runs");
        return List.of(runs + ", " + WHEN.format(s.created()), runs, what, s.id());
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT)
            .withZone(java.time.ZoneId.systemDefault());

    /** The share of a sweep's runs that finished (0 for a sweep of none). */
    private static double finishedShare(SweepResult r) {
        return r.rows().isEmpty() ? 0 : (double) r.rows().stream().filter(SweepResult.Row::finished).count() / r.rows().size();
    }

    private static String summary(SweepResult done) {
        long finished = done.rows().stream().filter(SweepResult.Row::finished).count();
        List<Integer> gone = done.deletedPoints();
        if (!gone.isEmpty() && !done.complete()) {
            return "Sweep " + done.sweep().id() + ": " + finished + " of " + done.rows().size() + " runs finished; " + runNumbers(gone)
                    + (gone.size() == 1 ? " was deleted (Resume asks before training it again)." : " were deleted (Resume asks before training them again).");
        }
        return done.complete() ? "Sweep " + done.sweep().id() + (done.rows().size() == 1 ? ": its one run finished." : ": all " + done.rows().size() + " runs finished.")
                : "Sweep " + done.sweep().id() + ": " + finished + " of " + done.rows().size() + " runs finished; Resume goes on.";
    }

    /** What the fields ask for, checked: the plan without its data, or a {@link RunsException} saying what to change. */
    Sweep plan() {
        String opt = Optimizers.canonical("momentum-sgd");
        List<Axis> axes = new ArrayList<>();
        if (!learningRates.get().isBlank()) axes.add(Axis.parse(Optimizers.learningRateKey(opt), "Learning rates", learningRates.get(), false));
        if (!batchSizes.get().isBlank()) axes.add(Axis.parse("batch_size", "Batch sizes", batchSizes.get(), true));
        int e = whole(epochs.get(), "Epochs", 1, 1000, null);
        int train = whole(trainSize.get(), "Training examples", 1, Integer.MAX_VALUE, 0);
        int test = whole(testSize.get(), "Test examples", 1, Integer.MAX_VALUE, 0);
        int k = whole(parallel.get(), "Runs at once", 1, 64, null);
        SweepRunner.checkCores(k, 1, cores);
        NetworkSpec net;
        try {
            net = NetworkSpec.of(network.get().isBlank() ? "tutorial" : network.get().strip());
        } catch (SpecException ex) {
            throw new RunsException("Network: " + ex.getMessage());
        }
        TrainingConfig c = new TrainingConfig(e, 128, net, opt, Optimizers.overrides(opt, null, null), 0, true, train, test, false);
        io.digitstudio.runs.RunSettings template = new io.digitstudio.runs.RunSettings("", java.time.Instant.now(), "sweep", c,
                io.digitstudio.train.RunOptions.NONE, "", "", "", 0, 0, "", "", Map.of());
        return Sweep.plan(template, axes, null, 0, 1);
    }

    private static int whole(String text, String what, int min, int max, Integer blank) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            if (blank != null) return blank;
            throw new RunsException(what + " is empty");
        }
        try {
            int v = Integer.parseInt(t);
            if (v < min || v > max) throw new RunsException(what + " must be between " + min + " and " + max + ", got " + v);
            return v;
        } catch (NumberFormatException ex) {
            throw new RunsException(what + ": '" + t + "' is not a whole number");
        }
    }

    /** The keys of a remembered form ({@link #memory()}), one per field. */
    public static final List<String> MEMORY_KEYS = List.of("network", "learningRates", "batchSizes", "epochs", "trainSize", "testSize", "parallel");

    /** The field {@code key} of {@link #MEMORY_KEYS}. */
    StringProperty field(String key) {
        return switch (key) {
            case "network" -> network;
            case "learningRates" -> learningRates;
            case "batchSizes" -> batchSizes;
            case "epochs" -> epochs;
            case "trainSize" -> trainSize;
            case "testSize" -> testSize;
            case "parallel" -> parallel;
            default -> throw new IllegalArgumentException(key);
        };
    }

    /** The fields' values as a first launch has them. */
    private static final Map<String, String> DEFAULTS = Map.of("network", "tutorial", "learningRates", "0.1,0.03,0.01", "batchSizes", "64,128",
            "epochs", "5", "trainSize", "", "testSize", "", "parallel", "1");

    /** Whether a field's value is right on its own, as {@link #plan()} checks it (runs at once: on this machine's cores). */
    private boolean right(String key, String value) {
        return error(key, value) == null;
    }

    /** What is wrong with a field's value on its own, in the words {@link #plan()} says it; null when it is right. */
    private String error(String key, String value) {
        String v = value == null ? "" : value;
        try {
            switch (key) {
                case "network" -> {
                    try {
                        NetworkSpec.of(v.isBlank() ? "tutorial" : v.strip());
                    } catch (SpecException ex) {
                        return "Network: " + ex.getMessage();
                    }
                }
                case "learningRates" -> {
                    if (!v.isBlank()) Axis.parse(Optimizers.learningRateKey(Optimizers.canonical("momentum-sgd")), "Learning rates", v, false);
                }
                case "batchSizes" -> {
                    if (!v.isBlank()) Axis.parse("batch_size", "Batch sizes", v, true);
                }
                case "epochs" -> whole(v, "Epochs", 1, 1000, null);
                case "trainSize" -> whole(v, "Training examples", 1, Integer.MAX_VALUE, 0);
                case "testSize" -> whole(v, "Test examples", 1, Integer.MAX_VALUE, 0);
                case "parallel" -> SweepRunner.checkCores(whole(v, "Runs at once", 1, 64, null), 1, cores);
                default -> throw new IllegalArgumentException(key);
            }
            return null;
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
    }

    /** The form's label of each field, by its key in {@link #MEMORY_KEYS}. */
    private static final Map<String, String> FIELD_NAMES = Map.of("network", "Network", "learningRates", "Learning rates", "batchSizes", "Batch sizes",
            "epochs", "Epochs", "trainSize", "Training examples", "testSize", "Test examples", "parallel", "Runs at once");

    private final Map<String, ReadOnlyStringWrapper> fieldErrors = new java.util.HashMap<>();
    private final ReadOnlyObjectWrapper<List<String>> badFields = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper startBlocker = new ReadOnlyStringWrapper();

    /**
     * What is wrong with the field {@code key} of {@link #MEMORY_KEYS} as it stands, said under it as the user types,
     * as the Train form's fields say theirs; null while it is right.
     */
    public ReadOnlyStringProperty fieldErrorProperty(String key) {
        field(key);
        return fieldErrors.computeIfAbsent(key, k -> new ReadOnlyStringWrapper(error(k, field(k).get()))).getReadOnlyProperty();
    }

    /** The keys of the fields that are wrong, in the form's order. */
    public ReadOnlyObjectProperty<List<String>> badFieldsProperty() {
        return badFields.getReadOnlyProperty();
    }

    /**
     * Why Start is off, in a few words for the status line's one line ("Fix Learning rates (in red) to start."), as the
     * Train view says it: each wrong field says the rest under itself. Null while every field is right.
     */
    public ReadOnlyStringProperty startBlockerProperty() {
        return startBlocker.getReadOnlyProperty();
    }

    /** Checks each field again and says which are wrong (UI thread). */
    private void check() {
        List<String> bad = new ArrayList<>();
        for (String k : MEMORY_KEYS) {
            String e = error(k, field(k).get());
            ((ReadOnlyStringWrapper) fieldErrors.computeIfAbsent(k, x -> new ReadOnlyStringWrapper())).set(e);
            if (e != null) bad.add(k);
        }
        badFields.set(List.copyOf(bad));
        int n = bad.size();
        startBlocker.set(n == 0 ? null : FIX + FIELD_NAMES.get(bad.get(0))
                + (n == 1 ? "" : " and " + (n - 1) + (n == 2 ? " more field" : " more fields")) + " (in red) to start.");
    }

    /** How the status line begins while a field is to be fixed: the Train view's words. */
    static final String FIX = "Fix ";

    /**
     * What of the fields the next launch brings back, by {@link #MEMORY_KEYS}: each field whose value is right as it
     * stands; a value typed wrong and never fixed is left out, so the one remembered before it (or the default) comes back.
     */
    public Map<String, String> memory() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String k : MEMORY_KEYS) if (right(k, field(k).get())) m.put(k, field(k).get().strip());
        return m;
    }

    /** Puts a remembered form ({@link #memory()}) in the fields; what is missing or not right here takes its default. */
    public void recall(Map<String, String> m) {
        for (String k : MEMORY_KEYS) field(k).set(m.get(k) != null && right(k, m.get(k)) ? m.get(k) : DEFAULTS.get(k));
    }

    /** Every field back to its default. */
    public void resetToDefaults() {
        for (String k : MEMORY_KEYS) field(k).set(DEFAULTS.get(k));
        message.set("");
    }

    /** Starts a sweep of what the fields say; a mistake is said in {@link #messageProperty()} and nothing starts. */
    public CompletableFuture<SweepResult> start() {
        if (running.get()) return CompletableFuture.completedFuture(result.get());
        // each wrong field says why under itself, and the status line why Start is off
        if (!badFields.get().isEmpty()) return CompletableFuture.completedFuture(null);
        Sweep planned;
        int k;
        try {
            planned = plan();
            k = Integer.parseInt(parallel.get().strip());
            refuseOversubscribing(k, planned.threads());
        } catch (RunsException e) {
            message.set(e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        message.set("");
        return launch(() -> planned.withTemplate(Sweep.template(planned.template().config(), Mnist.bundled())).save(history.root()), k, planned.threads());
    }

    /** "run 2", "runs 2 and 3", "runs 1, 2 and 4": points (from 0) as the rows number them. */
    private static String runNumbers(List<Integer> points) {
        List<String> n = points.stream().map(p -> String.valueOf(p + 1)).toList();
        if (n.size() == 1) return "run " + n.get(0);
        return "runs " + String.join(", ", n.subList(0, n.size() - 1)) + " and " + n.get(n.size() - 1);
    }

    /**
     * Goes on with the last sweep: finished runs stay, stopped ones resume, the rest start. A run deleted in Runs is
     * trained again only once the user says so: Resume never silently redoes a run they threw away.
     */
    public CompletableFuture<SweepResult> resume() {
        Sweep s = sweep;
        if (s == null || running.get()) return CompletableFuture.completedFuture(result.get());
        SweepResult shown = result.get();
        List<Integer> gone = shown == null ? List.of() : shown.deletedPoints();
        if (!gone.isEmpty()) {
            String which = runNumbers(gone);
            String were = gone.size() == 1 ? " was" : " were";
            if (!dialogs.confirm("Train the deleted " + (gone.size() == 1 ? "run" : "runs") + " again?",
                    Character.toUpperCase(which.charAt(0)) + which.substring(1) + " of sweep " + s.id() + were + " deleted in Runs. Resume trains "
                            + (gone.size() == 1 ? "it" : "them") + " again, as new runs, with the sweep's other unfinished runs.", "Resume")) {
                return CompletableFuture.completedFuture(shown);
            }
        }
        int k;
        try {
            k = whole(parallel.get(), "Runs at once", 1, 64, null);
            SweepRunner.checkCores(k, s.threads(), cores);
            refuseOversubscribing(k, s.threads());
        } catch (RunsException e) {
            message.set(e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        message.set("");
        return launch(() -> s, k, s.threads());
    }

    /** Refuses a sweep that, beside what else trains in the app now, would use more cores than the machine has. */
    private void refuseOversubscribing(int k, int threads) {
        String why = budget.refusal(HOLDER, k * threads, "The sweep (" + runsAtOnce(k) + ")");
        if (why != null) throw new RunsException(why + ": start the sweep " + budget.until(HOLDER) + ", or with fewer runs at once");
    }

    private static String runsAtOnce(int k) {
        return k + (k == 1 ? " run at once" : " runs at once");
    }

    private interface SweepSource {
        Sweep get();
    }

    private CompletableFuture<SweepResult> launch(SweepSource source, int k, int threads) {
        running.set(true);
        resumable.set(false);
        phase.set(Phase.RUNNING);
        status.set("Starting the sweep…");
        progress.set(0);
        training.clear();
        partDone.clear();
        trialsNow.clear();
        bestSoFar.clear();
        trialChanges.set(trialChanges.get() + 1);
        runError = null;
        emptyTable.set(EMPTY_TABLE);
        budget.take(HOLDER, k * threads, "the sweep (" + runsAtOnce(k) + ")", "when the sweep ends, or stop it in Sweeps");
        // its own thread, which mostly waits on the runs' processes: the training worker stays free for the Train view
        return tasks.apart(() -> {
            Sweep s = source.get();
            sweep = s;
            tasks.onUi(this::refreshSweeps);
            publish(SweepResult.read(s, history));
            SweepRunner r = new SweepRunner(s, history, command.get(), k, new SweepRunner.Progress() {
                @Override
                public void started(int point, boolean resumed) {
                    training.put(point, s.said(point) + (resumed ? " (resumed)" : ""));
                    partDone.put(point, 0.0);
                    // a resumed run says its epoch once it has trained one: where it goes on from is its own
                    String now = resumed ? RESUMING : training(1, s.template().config().epochs());
                    tasks.onUi(() -> {
                        trialNow(point, now);
                        showProgress(s);
                    });
                }

                @Override
                public void epoch(int point, int epoch, double valAccuracy) {
                    training.put(point, s.said(point) + ": epoch " + epoch + " of " + s.template().config().epochs() + ", "
                            + io.digitstudio.ui.widgets.Formats.percent(valAccuracy));
                    partDone.put(point, (double) epoch / Math.max(1, s.template().config().epochs()));
                    // epoch done, the next one trains: the row says the one under way, as the Train view's "Epoch 2/8"
                    String now = training(epoch + 1, s.template().config().epochs());
                    tasks.onUi(() -> {
                        BestSoFar was = bestSoFar.get(point);
                        if (was == null || valAccuracy > was.accuracy()) bestSoFar.put(point, new BestSoFar(valAccuracy, epoch));
                        trialNow(point, now);
                        showProgress(s);
                    });
                }

                @Override
                public void ended(int point, int exitCode, String error) {
                    training.remove(point);
                    partDone.remove(point);
                    SweepRunner self = runner;
                    // a run that Stop ended is stopped, whatever its exit code says, not failed
                    boolean failed = exitCode != 0 && exitCode != 130 && (self == null || !self.stopping());
                    if (failed) {
                        String why = "run " + (point + 1) + (error.isEmpty() ? " ended with exit code " + exitCode : ": " + error);
                        runError = why;
                        if (!error.isEmpty()) tasks.onUi(() -> message.set(why));
                    }
                    // the row says what the history now has, or failed, from the same moment on: never "not started"
                    // in between
                    publish(SweepResult.read(s, history), () -> trialNow(point, failed ? FAILED : null));
                }
            });
            runner = r;
            SweepResult done = r.run();
            publish(done);
            return done;
        }).whenComplete((done, err) -> {
            budget.give(HOLDER);
            detail.set("");
            running.set(false);
            runner = null;
            if (err != null) {
                Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
                String why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
                message.set(why);
                phase.set(Phase.FAILED);
                status.set("The sweep failed: " + why);
                resumable.set(sweep != null);
                return;
            }
            resumable.set(!done.complete());
            String failed = runError;
            // a run that could not train leaves the sweep failed, with its reason; one stopped leaves it stopped
            phase.set(done.complete() ? Phase.FINISHED : failed != null ? Phase.FAILED : Phase.STOPPED);
            status.set(done.complete() || failed == null ? summary(done) : "The sweep failed: " + failed + ". " + summary(done));
            progress.set(finishedShare(done));
            refreshSweeps();
        });
    }

    /**
     * "Training runs 1 and 2 of 6; 1 finished": which of the sweep's runs train now, and how many finished; between two
     * runs, how many finished. Short, so that the status line keeps it on one line beside its figures in the smallest
     * window at 150 %, with two runs at once: the settings and epochs of the runs in training are in their rows, and in
     * {@link #detailProperty()}. Said whole ("Learning rate 0.1 · Batch size 64: epoch 3 of 5, 91.20%" for each), it wrapped.
     */
    private String progressText(Sweep s) {
        long finished = finished();
        int n = s.points().size();
        List<Integer> now = training.keySet().stream().sorted().toList();
        if (now.isEmpty()) return "Running: " + finished + " of " + n + " runs finished";
        String which = now.size() == 1 ? "run " + (now.get(0) + 1)
                : now.size() == 2 ? "runs " + (now.get(0) + 1) + " and " + (now.get(1) + 1) : now.size() + " runs";
        return "Training " + which + " of " + n + "; " + finished + " finished";
    }

    /** The sweep under way's finished runs, as its rows last said them. */
    private long finished() {
        SweepResult r = result.get();
        return r == null ? 0 : r.rows().stream().filter(SweepResult.Row::finished).count();
    }

    /**
     * "Running run 2 of 6: Learning rate 0.05 · Batch size 64: epoch 1 of 5, 91.20% (1 finished)": which of the sweep's runs train
     * now, and what each has done, in full (the status line's tooltip); between two runs, how many finished.
     */
    private String detailText(Sweep s) {
        long finished = finished();
        int n = s.points().size();
        List<Map.Entry<Integer, String>> now = training.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
        if (now.isEmpty()) return "Running: " + finished + " of " + n + " runs finished";
        String which = String.join(" and ", now.stream().map(e -> String.valueOf(e.getKey() + 1)).toList());
        return "Running run" + (now.size() == 1 ? " " : "s ") + which + " of " + n + ": " + String.join("; ", now.stream().map(Map.Entry::getValue).toList())
                + " (" + finished + " finished)";
    }

    /** The sweep's part done: its finished runs, and the epochs done of those in training. */
    private double progressShare(Sweep s) {
        SweepResult r = result.get();
        long finished = r == null ? 0 : r.rows().stream().filter(SweepResult.Row::finished).count();
        double training = partDone.values().stream().mapToDouble(Double::doubleValue).sum();
        return s.points().isEmpty() ? 0 : Math.min(1, (finished + training) / s.points().size());
    }

    private void showProgress(Sweep s) {
        detail.set(detailText(s));
        status.set(progressText(s));
        progress.set(progressShare(s));
    }

    /** Makes the chart off the UI thread and publishes the rows and the chart on it. */
    private void publish(SweepResult r) {
        publish(r, () -> {
        });
    }

    /** As {@link #publish(SweepResult)}, doing {@code alsoOnUi} on the UI thread just before the rows change. */
    private void publish(SweepResult r, Runnable alsoOnUi) {
        ChartLook l = chartLook;
        ChartPixels pixels = draw(r, l);
        tasks.onUi(() -> {
            // a sweep read for the view that another has since replaced (chosen meanwhile) shows nothing of its own
            if (r.sweep() != sweep) return;
            alsoOnUi.run();
            result.set(r);
            rows.setAll(r.rows());
            // drawn for a look the view has since changed (theme, scale, size): drawn again for the new one
            if (l == chartLook) chart.set(pixels);
            else redraw();
            if (running.get()) showProgress(r.sweep());
        });
    }

    /** What a resumed run's row says until it has trained an epoch. */
    static final String RESUMING = "resuming";

    /**
     * What the row of a run in training says: the epoch under way of all, "epoch 2/3", as the Train view's "Epoch 2/8";
     * after its last epoch, while it is being saved, still the last. Short, so that it fits the Status column on one line.
     */
    static String training(int epoch, int epochs) {
        return "epoch " + Math.min(epoch, epochs) + "/" + epochs;
    }

    /**
     * The texts the Status column shows for the rows of {@code s} as it runs, for the column's width: fitted to them from
     * the start, it does not widen (and push another column out of sight) as the states come. The history's rarer words
     * for a run that ended badly ("failed to learn") widen it when they come: kept room for, they took the room of the
     * columns after it in the smallest window.
     */
    public static List<String> states(io.digitstudio.runs.sweep.Sweep s) {
        List<String> all = new ArrayList<>(List.of("not started", SweepResult.DELETED, RESUMING, FINISHED, FAILED, io.digitstudio.runs.RunStatus.STOPPED.label()));
        int n = s.template().config().epochs();
        all.add(training(n, n));
        return all;
    }
    /** A run whose process failed; the message says why. */
    static final String FAILED = "failed";
    /** A run that trained all its epochs: the history's and the command line's word for it. */
    static final String FINISHED = io.digitstudio.runs.RunStatus.FINISHED.label();

    /** Says what the run of {@code point} does now, or (null) that the history says it (UI thread). */
    private void trialNow(int point, String now) {
        if (now == null) trialsNow.remove(point);
        else trialsNow.put(point, now);
        // a run that ended has the history's figures, read at the same moment
        if (now == null || now.equals(FAILED)) bestSoFar.remove(point);
        trialChanges.set(trialChanges.get() + 1);
    }

    /**
     * A row's state as the table shows it, as the run goes: "epoch 2/5" (the epoch under way), "finished",
     * "failed", "not started", or the history's word for the rest ("stopped", "failed to learn"). UI thread.
     */
    public String trialState(SweepResult.Row r) {
        String now = trialsNow.get(r.point());
        if (now != null) return now;
        if (r.run() == null) return r.statusLabel(); // "not started", or "deleted" for a run deleted in Runs
        return r.run().status() == io.digitstudio.runs.RunStatus.FINISHED ? FINISHED : r.statusLabel();
    }

    /** Whether the row's run trains now in this session (its state is one of the session's, not "failed"). UI thread. */
    private boolean training(SweepResult.Row r) {
        String now = trialsNow.get(r.point());
        return now != null && !now.equals(FAILED);
    }

    /**
     * The row's best validation accuracy as its Best accuracy column shows it: for a run in training the best of its
     * epochs so far (those of an earlier, stopped part too), the figure the status line gave at that epoch; "–" for
     * none yet. UI thread.
     */
    public String bestAccuracy(SweepResult.Row r) {
        return accuracy(best(r).accuracy());
    }

    /**
     * The row's best validation accuracy and, in brackets, the epoch that reached it, as its Best (epoch) column shows
     * them: "97.25% (3)"; "–" for none yet. UI thread.
     */
    public String bestWithEpoch(SweepResult.Row r) {
        BestSoFar b = best(r);
        if (Double.isNaN(b.accuracy()) || b.epoch() == 0) return accuracy(b.accuracy());
        return withEpoch(accuracy(b.accuracy()), b.epoch());
    }

    /** An accuracy and the epoch that reached it, as the Best (epoch) column writes them: "97.25% (3)". */
    public static String withEpoch(String accuracy, int epoch) {
        return accuracy + " (" + epoch + ")";
    }

    private BestSoFar best(SweepResult.Row r) {
        BestSoFar history = r.run() == null || Double.isNaN(r.bestAccuracy()) ? new BestSoFar(Double.NaN, 0) : new BestSoFar(r.bestAccuracy(), r.run().bestEpoch());
        BestSoFar live = bestSoFar.get(r.point());
        return live != null && (Double.isNaN(history.accuracy()) || live.accuracy() > history.accuracy()) ? live : history;
    }

    /**
     * The row's final validation accuracy, "–" until its run is done: a run in training has no final figure yet (its
     * best so far is in the Best accuracy column). UI thread.
     */
    public String finalAccuracy(SweepResult.Row r) {
        return r.run() == null || training(r) ? "–" : accuracy(r.run().finalAccuracy());
    }

    /**
     * The time the row's run took, as the Runs view's time column writes it ("0:12", "1:02:03"), "–" until its run is
     * done. UI thread.
     */
    public String time(SweepResult.Row r) {
        return r.run() == null || training(r) ? "–" : io.digitstudio.ui.widgets.Formats.clock(r.run().seconds());
    }

    /** Changes whenever a row's {@link #trialState} may have changed without its row changing. */
    public javafx.beans.property.ReadOnlyLongProperty trialChangesProperty() {
        return trialChanges.getReadOnlyProperty();
    }

    /** An accuracy as the app writes it in its tables and status lines (97.25%); "–" for none. */
    public static String accuracy(double fraction) {
        return Double.isNaN(fraction) ? "–" : io.digitstudio.ui.widgets.Formats.percent(fraction);
    }

    /** The chart's pixels in a look ({@code null}: printed, a panel of 360 x 250 per setting the sweep varies). */
    private static ChartPixels draw(SweepResult r, ChartLook l) {
        int panels = Math.max(1, r.sweep().varied().size());
        BufferedImage img = l == null ? SweepChart.render(r, ChartLook.PANEL_WIDTH, ChartLook.PANEL_HEIGHT)
                : SweepChart.render(r, Math.max(1, l.width() / panels), l.height(), l.look());
        int[] argb = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        return new ChartPixels(img.getWidth(), img.getHeight(), argb);
    }

    /**
     * Draws the chart in the view's colours and type and at its size from now on (UI thread): the theme, the UI scale or
     * the chart's place changed. The shown sweep's chart is drawn again off the UI thread.
     */
    public void chartLook(ChartLook look) {
        if (look.equals(chartLook)) return;
        chartLook = look;
        redraw();
    }

    public ChartLook chartLook() {
        return chartLook;
    }

    /** Draws the shown sweep's chart again in the current look, off the UI thread (UI thread). */
    private void redraw() {
        SweepResult r = result.get();
        ChartLook l = chartLook;
        if (r == null) return;
        tasks.compute(() -> draw(r, l)).thenAccept(pixels -> {
            // a newer sweep or look has its own drawing under way
            if (result.get() == r && chartLook == l) chart.set(pixels);
        });
    }

    /** Stops the runs in training (each is kept, resumable) and starts no more. */
    public void stop() {
        SweepRunner r = runner;
        if (r != null) {
            status.set("Stopping: the runs in training snapshot themselves…");
            r.stop();
        }
    }

    /** Saves the table as CSV where the user picks; empty when cancelled or nothing to export. */
    public CompletableFuture<Optional<Path>> exportCsv() {
        SweepResult r = result.get();
        if (r == null) return CompletableFuture.completedFuture(Optional.empty());
        Optional<Path> target = dialogs.saveFile("Export sweep as CSV", "sweep-" + r.sweep().id() + ".csv", "CSV files (*.csv)", "csv");
        if (target.isEmpty()) return CompletableFuture.completedFuture(Optional.empty());
        String text = r.csv();
        return tasks.compute(() -> FileWrites.write(target.get(), () -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(target.get(), out -> out.write(bytes));
        })).handle((p, err) -> {
            if (err != null) {
                Throwable cause = err.getCause() != null ? err.getCause() : err;
                dialogs.error("Export failed", cause.getMessage());
                return Optional.<Path>empty();
            }
            dialogs.info("Sweep exported", "Saved " + p.getFileName());
            return Optional.of(p);
        });
    }

    public StringProperty networkProperty() {
        return network;
    }

    public StringProperty learningRatesProperty() {
        return learningRates;
    }

    public StringProperty batchSizesProperty() {
        return batchSizes;
    }

    public StringProperty epochsProperty() {
        return epochs;
    }

    public StringProperty trainSizeProperty() {
        return trainSize;
    }

    public StringProperty testSizeProperty() {
        return testSize;
    }

    public StringProperty parallelProperty() {
        return parallel;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resumableProperty() {
        return resumable.getReadOnlyProperty();
    }

    /** What the status line says: the shown sweep's state, or while a field is wrong, why Start is off. */
    public ReadOnlyStringProperty statusProperty() {
        return said.getReadOnlyProperty();
    }

    private final ReadOnlyStringWrapper said = new ReadOnlyStringWrapper();

    /**
     * While a sweep runs, what each of its runs in training has done, in full ("Running run 2 of 6: lr=0.05
     * batch_size=64: epoch 1 of 5, 91.20% (1 finished)"); empty otherwise. The status line says it briefly.
     */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");

    /** Idle, loading, running, stopped, finished or failed: the shown sweep's state in a word, for the status line. */
    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /**
     * The status line's word for the shown sweep's state ({@link Phase#label()}), or empty while the line says why
     * Start is off: that message alone is the line's then, without the state and bar of a sweep it is not about.
     */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("");

    /** The shown sweep's part done, 0 to 1: its finished runs, and the epochs of those in training. */
    public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SweepResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChartPixels> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    /** The rows, sorted by best validation accuracy. */
    public ObservableList<SweepResult.Row> rows() {
        return rows;
    }

    /** The sweeps of the history, newest first ({@link #refreshSweeps()}). */
    public ObservableList<Sweep> sweeps() {
        return sweeps;
    }

    /** The sweep chosen in the list; choosing one shows it. */
    public javafx.beans.property.ObjectProperty<Sweep> chosenProperty() {
        return chosen;
    }

    /** The cores the machine has (the most runs that train at once, one core each). */
    public int cores() {
        return cores;
    }
}
