package io.digitstudio.ui.runs;

import io.digitstudio.runs.RunStore;
import io.digitstudio.runs.RunSummary;
import io.digitstudio.ui.core.DialogService;
import io.digitstudio.ui.core.FileWrites;
import io.digitstudio.ui.core.Messages;
import io.digitstudio.ui.core.TaskExecutor;
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
import javafx.collections.transformation.FilteredList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The run history for the Runs view: the runs (read off the UI thread, newest first, filtered by what the user types),
 * the selected runs' curves overlaid (smoothed, log-scaled, by epoch or wall time, a run still going drawn over the
 * others), their settings side by side with differences marked, and what can be done with a run: rename and annotate
 * it, open its model, evaluate it, run it again, resume it, export it, delete it.
 */
public final class RunsViewModel {
    /**
     * One selected run's points for the two charts; {@code current}: the run is still going. A branch's curves begin
     * where it left its parent's, at {@code branchX} on the x axis (NaN for a run that is no branch); a branch whose
     * parent was deleted has no parent's curve to leave, and its curves are its whole log, the epochs before
     * {@code branchX} included. {@code colour} is the run's place in the palette, its own while it stays selected (see
     * {@link #colour}).
     */
    public record Curve(RunSummary run, List<double[]> loss, List<double[]> accuracy, boolean current, double branchX, int colour) {
        /** Whether the first of {@code points} (one of this curve's lists) is where the branch left its parent's curve. */
        public boolean startsAtBranch(List<double[]> points) {
            return branchIndex(points) == 0;
        }

        /** The index of the point of {@code points} (one of this curve's lists) where the branch left its parent; -1 if none is. */
        public int branchIndex(List<double[]> points) {
            for (int i = 0; i < points.size(); i++) if (points.get(i)[0] == branchX) return i;
            return -1;
        }
    }

    /** One line of the comparison: a setting's value in each selected run, and whether they differ. */
    public record CompareRow(String setting, List<String> values, boolean differs) {
    }

    /** What the app does with a run (it owns the other views). */
    public interface Actions {
        void openModel(Path model, String name);

        void evaluate(Path model, String name);

        void rerun(RunSummary run);

        /**
         * Sets the Train view's form up as the resume of the stopped {@code run} from {@code snapshot}, its newest, for
         * the user to start.
         */
        void resume(RunSummary run, Path snapshot);

        /**
         * Opens the Train view's form on {@code run}'s settings as a branch of it at {@code point}, for the user to
         * change what a branch may change and start it.
         */
        void branch(RunSummary run, BranchChoice point);

        /** Run {@code id} is gone from the history (deleted here or outside the window): what rests on it lets go. */
        default void deleted(String id) {
        }
    }

    /**
     * A point of the selected run to branch from, as the epoch picker lists it: the end of an epoch, or where a stopped
     * run stopped. {@code brief} is the label without the iteration ("stop at epoch 12.35"), which the picker shows
     * once chosen, in a width that does not grow with the run. {@code spec} is what the session builder takes
     * ({@code RUN@epoch:N}, {@code RUN@ITERATION}); {@code unavailable} says why there is no snapshot to branch from there
     * (empty when there is).
     */
    public record BranchChoice(String label, String brief, int epoch, String spec, String unavailable) {
        public boolean available() {
            return unavailable.isEmpty();
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final io.digitstudio.ui.model.ModelManager models;
    private final RunStore store;
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private final FilteredList<RunSummary> shown = new FilteredList<>(runs);
    private final StringProperty filter = new SimpleStringProperty("");
    private final List<String> selectedIds = new ArrayList<>();
    /** Each selected run's colour: given as it joins the selection, kept until it leaves it. */
    private final Map<String, Integer> colours = new HashMap<>();
    private boolean replacing;
    private final Map<String, List<Map<String, Double>>> logs = new HashMap<>();
    private final ReadOnlyObjectWrapper<List<Curve>> curves = new ReadOnlyObjectWrapper<>(List.of());
    private final ObservableList<CompareRow> comparison = FXCollections.observableArrayList();
    /** The settings' heading: none while no run is chosen, "Settings" for one run (nothing to compare), else the comparison's. */
    private final ReadOnlyStringWrapper comparisonTitle = new ReadOnlyStringWrapper("");
    static final String ONE_RUNS_SETTINGS = "Settings";
    static final String SETTINGS_COMPARED = "Settings side by side (differences highlighted)";
    private final DoubleProperty smoothing = new SimpleDoubleProperty(0);
    private final BooleanProperty logLoss = new SimpleBooleanProperty(false);
    private final ObjectProperty<RunCurves.XAxis> xAxis = new SimpleObjectProperty<>(RunCurves.XAxis.EPOCH);
    private final ObjectProperty<RunCurves.Set> curveSet = new SimpleObjectProperty<>(RunCurves.Set.VALIDATION);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    /** What the table says while it shows no run: that the history is being read, or that it holds none. */
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(READING);
    static final String READING = "Reading the run history…";
    static final String NO_RUNS = "No runs yet: every training run, from here or the command line, is recorded";
    private Actions actions;
    private long generation;
    private final ObservableList<BranchChoice> branchChoices = FXCollections.observableArrayList();
    private final ObjectProperty<BranchChoice> branchChoice = new SimpleObjectProperty<>();
    private long branchGeneration;
    private final ReadOnlyObjectWrapper<Resumability> resumability = new ReadOnlyObjectWrapper<>(new Resumability(null, null, whyNotResumable(null)));
    private long resumeGeneration;
    private final ReadOnlyStringWrapper whyNotDeletable = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RunModel> runModel = new ReadOnlyObjectWrapper<>(new RunModel(null, null, "Select one run to open its model"));
    private long modelGeneration;
    /** The name and notes fields of the run selected alone, as the user may be editing them. */
    private final StringProperty runName = new SimpleStringProperty(""), runNotes = new SimpleStringProperty("");
    /** The run the fields describe (null: none), and its name and notes as they were read when the fields were filled. */
    private String describedId;
    private String readName = "", readNotes = "";

    public RunsViewModel(TaskExecutor tasks, DialogService dialogs, RunStore store) {
        this(tasks, dialogs, store, null);
    }

    /**
     * With {@code models}, the owner of the model in use: a run deleted whose model is in use (or among the recent ones)
     * is let go of there (null: the app's models are not at hand, as in tests of the history alone).
     */
    public RunsViewModel(TaskExecutor tasks, DialogService dialogs, RunStore store, io.digitstudio.ui.model.ModelManager models) {
        this.models = models;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.store = store;
        filter.addListener((o, a, f) -> {
            boolean counted = status.get().equals(countLine());
            shown.setPredicate(r -> matches(r, f));
            // the line counting the runs counts the ones the filter shows too
            if (counted) status.set(countLine());
        });
        smoothing.addListener((o, a, b) -> redraw());
        logLoss.addListener((o, a, b) -> redraw());
        xAxis.addListener((o, a, b) -> redraw());
        curveSet.addListener((o, a, b) -> redraw());
    }

    public void setActions(Actions a) {
        this.actions = a;
    }

    /** Whether a run matches the filter: every word appears in its id, name, notes, network, optimizer, data or status. */
    static boolean matches(RunSummary r, String f) {
        if (f == null || f.isBlank()) return true;
        String hay = String.join(" ", r.id(), r.name(), r.notes(), r.network(), r.optimizer(), r.dataset(), r.status().label()).toLowerCase(Locale.ROOT);
        for (String w : f.toLowerCase(Locale.ROOT).split("\\s+")) if (!w.isEmpty() && !hay.contains(w)) return false;
        return true;
    }

    /** Reads the history again (off the UI thread); the selection and its curves follow. */
    public void refresh() {
        refresh(null);
    }

    /**
     * Reads the history again; the status then says {@code done} (what the user just did, which the history's count
     * would hide), or with null how many runs it holds.
     */
    private void refresh(String done) {
        long mine = ++generation;
        List<String> wanted = drawn().stream().map(RunSummary::id).toList();
        Set<String> before = runs.stream().map(RunSummary::id).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
        Map<String, java.time.Instant> known = Map.copyOf(logsAt); // read here: the map belongs to the UI thread
        if (runs.isEmpty()) emptyText.set(READING);
        tasks.compute(() -> {
            List<RunSummary> list = store.list();
            Map<String, List<Map<String, Double>>> read = new HashMap<>();
            for (RunSummary r : list) {
                // a log is read again only when its run has changed since (a running run grows, a resumed one goes on)
                if (wanted.contains(r.id()) && stale(r, known)) read.put(r.id(), readLog(r));
            }
            return new Loaded(list, read);
        }).whenComplete((l, err) -> {
            if (mine != generation) return;
            if (err != null) {
                status.set("Could not read the run history: " + Messages.of(err));
                emptyText.set("Could not read the run history: " + Messages.of(err));
                return;
            }
            emptyText.set(NO_RUNS);
            // runs gone from the folder since the last read were deleted outside this window (the command line's runs delete)
            for (RunSummary r : l.runs()) before.remove(r.id());
            selectedIds.removeAll(before);
            for (String id : before) {
                logs.remove(id);
                logsAt.remove(id);
                if (actions != null) actions.deleted(id);
            }
            logs.putAll(l.logs());
            for (RunSummary r : l.runs()) if (l.logs().containsKey(r.id())) logsAt.put(r.id(), r.updated());
            // the table drops its selection while its rows are replaced: that is not the user choosing nothing
            replacing = true;
            try {
                runs.setAll(l.runs());
            } finally {
                replacing = false;
            }
            describeSelected();
            status.set(done != null ? done : !before.isEmpty() ? deletedOutside(before) : countLine());
            redraw();
            listBranchPoints();
            checkResume();
            checkDelete();
            findModel();
        });
    }

    /**
     * "4 runs in /…/runs (1 damaged)", and while the filter hides some, "1 of 4 runs shown, in /…/runs": a trial read
     * "4 runs" over a list of one.
     */
    private String countLine() {
        int all = runs.size();
        long damaged = runs.stream().filter(RunSummary::damaged).count();
        String of = shown.size() == all ? String.format(Locale.ROOT, "%d run%s in %s", all, all == 1 ? "" : "s", store.root())
                : String.format(Locale.ROOT, "%d of %d run%s shown, in %s", shown.size(), all, all == 1 ? "" : "s", store.root());
        return of + (damaged == 0 ? "" : " (" + damaged + " damaged)");
    }

    /** What the status says of runs that left the folder while this window showed them (not deleted by it). */
    static String deletedOutside(java.util.Collection<String> ids) {
        return ids.size() == 1 ? "Run " + ids.iterator().next() + " was deleted outside this window"
                : "Runs " + String.join(", ", ids) + " were deleted outside this window";
    }

    /**
     * Does {@code then} once a task has seen {@code r}'s folder still there. A run deleted outside this window is said
     * deleted instead, and leaves the list: the history is read again (an action on it would fail on a missing file).
     */
    private void ifStillThere(RunSummary r, Runnable then) {
        tasks.compute(() -> java.nio.file.Files.isDirectory(r.folder())).whenComplete((there, err) -> {
            if (err != null || there) then.run();
            else refresh();
        });
    }

    /** When each run was last updated as its log was read: a log is read again once its run has changed. */
    private final Map<String, java.time.Instant> logsAt = new HashMap<>();

    private static boolean stale(RunSummary r, Map<String, java.time.Instant> known) {
        return r.status().active() || !java.util.Objects.equals(known.get(r.id()), r.updated());
    }

    private record Loaded(List<RunSummary> runs, Map<String, List<Map<String, Double>>> logs) {
    }

    private List<Map<String, Double>> readLog(RunSummary r) {
        if (r.damaged()) return List.of();
        try {
            return store.log(r);
        } catch (RuntimeException e) {
            return List.of(); // a log being rewritten or damaged: the run is drawn without it
        }
    }

    /** Selects runs by id (the table's selection); their logs are read off the UI thread if not yet known. */
    public void select(List<String> ids) {
        if (replacing) return;
        boolean same = selectedIds.equals(new ArrayList<>(new LinkedHashSet<>(ids)));
        selectedIds.clear();
        selectedIds.addAll(new LinkedHashSet<>(ids));
        describeSelected();
        keepColours();
        if (!same) branchChoice.set(null);
        listBranchPoints();
        checkResume();
        checkDelete();
        findModel();
        Map<String, java.time.Instant> known = Map.copyOf(logsAt);
        List<RunSummary> missing = drawn().stream().filter(r -> stale(r, known)).toList();
        if (missing.isEmpty()) {
            redraw();
            return;
        }
        long mine = ++generation;
        tasks.compute(() -> {
            Map<String, List<Map<String, Double>>> read = new HashMap<>();
            for (RunSummary r : missing) read.put(r.id(), readLog(r));
            return read;
        }).whenComplete((read, err) -> {
            if (mine != generation || err != null) return;
            logs.putAll(read);
            for (RunSummary r : missing) logsAt.put(r.id(), r.updated());
            redraw();
        });
        redraw();
    }

    /**
     * Lists the points the one selected run can be branched from: the end of each epoch it trained (those with no
     * snapshot say why) and where it stopped, if it stopped between epochs. The snapshots are read off the UI thread;
     * the newest point with a snapshot is chosen.
     */
    private void listBranchPoints() {
        long mine = ++branchGeneration;
        List<RunSummary> sel = selected();
        RunSummary r = sel.size() == 1 && !sel.get(0).damaged() ? sel.get(0) : null;
        if (r == null) {
            branchChoices.clear();
            branchChoice.set(null);
            return;
        }
        boolean parentGone = io.digitstudio.runs.Branches.parentGone(r, runs);
        tasks.compute(() -> branchChoices(r, io.digitstudio.runs.TrainingSession.branchPoints(r), parentGone)).whenComplete((list, err) -> {
            if (mine != branchGeneration) return;
            if (err != null) {
                branchChoices.clear();
                branchChoice.set(null);
                status.set("Could not read the snapshots of run " + r.id() + ": " + Messages.of(err));
                return;
            }
            BranchChoice kept = branchChoice.get();
            branchChoices.setAll(list);
            BranchChoice pick = kept == null ? null : list.stream().filter(c -> c.spec().equals(kept.spec())).findFirst().orElse(null);
            // a point whose snapshot has gone since it was chosen (a run keeps its last few as it goes on) is chosen no
            // longer; one the user chose knowing it has none stays, saying why
            if (pick != null && !pick.available() && kept.available()) pick = null;
            if (pick == null) pick = list.stream().filter(BranchChoice::available).reduce((a, b) -> b).orElse(list.isEmpty() ? null : list.get(list.size() - 1));
            branchChoice.set(pick);
        });
    }

    /** The branch points of {@code run}, given the snapshots it has, in the order of the run. */
    static List<BranchChoice> branchChoices(RunSummary run, List<io.digitstudio.runs.TrainingSession.BranchPoint> points) {
        return branchChoices(run, points, false);
    }

    /**
     * The branch points of {@code run}; {@code parentGone}: it is a branch whose parent was deleted, so that the epochs
     * before the branch point are nobody's to branch from any more.
     */
    static List<BranchChoice> branchChoices(RunSummary run, List<io.digitstudio.runs.TrainingSession.BranchPoint> points, boolean parentGone) {
        List<BranchChoice> out = new ArrayList<>();
        List<Long> ends = points.stream().filter(p -> p.position().epochEnd()).map(p -> p.position().epoch()).toList();
        String have = ends.isEmpty() ? "" : ends.size() == 1 ? "; it has one at the end of epoch " + ends.get(0)
                : "; it has them at the ends of epochs " + String.join(", ", ends.stream().map(String::valueOf).toList());
        // how to take snapshots where the run was made: train's option for a command-line run, else the Train view's box
        String how = "cli".equals(run.settings().origin()) ? "train it with --snapshot-every 1" : "turn on “Snapshot every epoch” in the Train view";
        String none = points.isEmpty() ? "; it took none (" + how + "; a stopped run keeps one where it stopped)" : have;
        int firstOwn = run.settings().isBranch() ? run.settings().branchedFrom().epoch() + 1 : 1;
        for (int e = 1; e <= run.epochsDone(); e++) {
            int epoch = e;
            boolean has = points.stream().anyMatch(p -> p.position().epochEnd() && p.position().epoch() == epoch);
            String parentsWhy = parentGone ? "Epoch " + e + " was trained by its parent run, since deleted: it left this branch no snapshot there"
                    : "Epoch " + e + " is the parent run's (" + (run.settings().isBranch() ? run.settings().branchedFrom().run() : "") + "): branch from that run";
            String why = has ? "" : e < firstOwn ? parentsWhy
                    : "No snapshot at the end of epoch " + e + ": a branch starts from a snapshot of the run" + none;
            // the list itself says which ends can't be branched from, before one is picked (a run keeps its last few)
            String label = "end of epoch " + e + (has ? "" : e < firstOwn ? (parentGone ? " (the deleted parent run's)" : " (the parent run's)") : " (no snapshot)");
            out.add(new BranchChoice(label, "end of epoch " + e, e, run.id() + "@epoch:" + e, why));
        }
        for (io.digitstudio.runs.TrainingSession.BranchPoint p : points) {
            // an epoch's end past the log is where a run stopped before that epoch's entry was made (a snapshot from
            // before a Stop waited for the epoch's validation): a point of its own, as any stop is
            if (p.position().epochEnd() && p.position().epoch() <= run.epochsDone()) continue;
            out.add(new BranchChoice("stop at " + io.digitstudio.runs.RunSettings.Branch.point(p.position().epochDetail(), p.position().iteration()),
                    "stop at epoch " + io.digitstudio.runs.RunSettings.Branch.epochs(p.position().epochDetail()), (int) p.position().epoch(), p.spec(run.id()), ""));
        }
        out.sort(java.util.Comparator.comparingInt(BranchChoice::epoch));
        return out;
    }

    /** Branches the selected run at the chosen point: the Train view opens on its settings. */
    public void branch() {
        List<RunSummary> sel = selected();
        BranchChoice c = branchChoice.get();
        if (sel.size() != 1 || c == null) return;
        if (!c.available()) {
            status.set(c.unavailable());
            return;
        }
        if (actions != null) ifStillThere(sel.get(0), () -> actions.branch(sel.get(0), c));
    }

    /** Chooses the branch point at the end of {@code epoch} (a click on the curve), if the picker lists it. */
    public void chooseEpoch(int epoch) {
        branchChoices.stream().filter(c -> c.epoch() == epoch && c.spec().endsWith("@epoch:" + epoch)).findFirst().ifPresent(branchChoice::set);
    }

    /** The selected runs, in the order selected. */
    public List<RunSummary> selected() {
        List<RunSummary> out = new ArrayList<>();
        for (String id : selectedIds) runs.stream().filter(r -> r.id().equals(id)).findFirst().ifPresent(out::add);
        return out;
    }

    /** The runs whose logs the charts draw from: the selected ones, and the parents of those that are branches. */
    private List<RunSummary> drawn() {
        List<RunSummary> out = new ArrayList<>(selected());
        for (RunSummary r : selected()) {
            if (r.settings() == null || !r.settings().isBranch()) continue;
            String parent = r.settings().branchedFrom().run();
            if (out.stream().noneMatch(x -> x.id().equals(parent))) runs.stream().filter(x -> x.id().equals(parent)).findFirst().ifPresent(out::add);
        }
        return out;
    }

    /**
     * A run leaving the selection frees its colour; a run joining it takes the first colour no selected run has. The
     * table lists the selection in its rows' order, so a colour given by position would pass from run to run as runs
     * join above others.
     */
    private void keepColours() {
        colours.keySet().retainAll(selectedIds);
        for (String id : selectedIds) {
            if (colours.containsKey(id)) continue;
            int free = 0;
            while (colours.containsValue(free)) free++;
            colours.put(id, free);
        }
    }

    /** The colour of a selected run: its place in the palette, the first free one when it was selected; -1 if not selected. */
    public int colour(String id) {
        return colours.getOrDefault(id, -1);
    }

    /** True while the list of runs is being replaced (a refresh): the table's selection then changes by itself. */
    public boolean replacing() {
        return replacing;
    }

    public List<String> selectedIds() {
        return List.copyOf(selectedIds);
    }

    private void redraw() {
        List<Curve> cs = new ArrayList<>();
        for (RunSummary r : selected()) {
            List<Map<String, Double>> log = logs.getOrDefault(r.id(), List.of());
            List<double[]> loss = RunCurves.points(log, RunCurves.lossKey(curveSet.get()), xAxis.get(), smoothing.get(), logLoss.get());
            List<double[]> accuracy = RunCurves.points(log, RunCurves.accuracyKey(curveSet.get()), xAxis.get(), smoothing.get(), false);
            double branchX = Double.NaN;
            if (r.settings() != null && r.settings().isBranch() && io.digitstudio.runs.Branches.parentGone(r, runs)) {
                // no parent's curve to leave: the branch's log holds its parent's epochs up to the branch point, and
                // its curves are that whole log, as `runs show` lists it; the point it branched at is marked on them
                branchX = RunCurves.branchX(r.settings().branchedFrom(), log, null, xAxis.get());
            } else if (r.settings() != null && r.settings().isBranch()) {
                // a branch leaves its parent's curve, as it is drawn, at the exact point it branched
                io.digitstudio.runs.RunSettings.Branch b = r.settings().branchedFrom();
                List<Map<String, Double>> parent = logs.get(b.run());
                if (parent != null && parent.isEmpty()) parent = null; // not read, or damaged: the epochs the branch carries stand for it
                branchX = RunCurves.branchX(b, log, parent, xAxis.get());
                loss = RunCurves.fromBranchPoint(loss, parent == null ? null
                        : RunCurves.points(parent, RunCurves.lossKey(curveSet.get()), xAxis.get(), smoothing.get(), logLoss.get()), branchX);
                accuracy = RunCurves.fromBranchPoint(accuracy, parent == null ? null
                        : RunCurves.points(parent, RunCurves.accuracyKey(curveSet.get()), xAxis.get(), smoothing.get(), false), branchX);
            }
            cs.add(new Curve(r, loss, accuracy, r.status().active(), branchX, colour(r.id())));
        }
        // a parent drawn beside its branch reaches the point the branch leaves it, so that the two curves meet there
        for (Curve b : List.copyOf(cs)) {
            if (Double.isNaN(b.branchX())) continue;
            String parentId = b.run().settings().branchedFrom().run();
            for (int i = 0; i < cs.size(); i++) {
                Curve p = cs.get(i);
                if (!p.run().id().equals(parentId)) continue;
                List<double[]> loss = b.startsAtBranch(b.loss()) ? RunCurves.reaching(p.loss(), b.loss().get(0)) : p.loss();
                List<double[]> accuracy = b.startsAtBranch(b.accuracy()) ? RunCurves.reaching(p.accuracy(), b.accuracy().get(0)) : p.accuracy();
                cs.set(i, new Curve(p.run(), loss, accuracy, p.current(), p.branchX(), p.colour()));
            }
        }
        curves.set(List.copyOf(cs));
        compare();
    }

    private void compare() {
        List<RunSummary> sel = selected().stream().filter(r -> !r.damaged()).toList();
        List<CompareRow> rows = new ArrayList<>();
        if (!sel.isEmpty()) {
            // a branch's parent deleted since is said to be so, as runs show and runs compare say it
            List<Map<String, String>> settings = sel.stream().map(r -> io.digitstudio.runs.Branches.comparable(r, runs)).toList();
            Set<String> keys = new LinkedHashSet<>();
            settings.forEach(m -> keys.addAll(m.keySet()));
            rows.add(row("best val accuracy", sel.stream().map(r -> accuracy(r.bestAccuracy()) + (r.bestEpoch() > 0 ? " (epoch " + r.bestEpoch() + ")" : "")).toList()));
            rows.add(row("final val accuracy", sel.stream().map(r -> accuracy(r.finalAccuracy())).toList()));
            for (String k : keys) rows.add(row(k, settings.stream().map(m -> m.getOrDefault(k, "–")).toList()));
        }
        comparison.setAll(rows);
        comparisonTitle.set(sel.isEmpty() ? "" : sel.size() == 1 ? ONE_RUNS_SETTINGS : SETTINGS_COMPARED);
    }

    private static CompareRow row(String setting, List<String> values) {
        return new CompareRow(setting, values, values.stream().distinct().count() > 1);
    }

    /** An accuracy as every view writes one ({@link io.digitstudio.ui.widgets.Formats#percent}), "–" for none. */
    static String accuracy(double a) {
        return Double.isNaN(a) ? "–" : io.digitstudio.ui.widgets.Formats.percent(a);
    }

    /** The selected run's name as the field shows it (what Save name and notes writes). */
    public StringProperty runNameProperty() {
        return runName;
    }

    /** The selected run's notes as the field shows them (what Save name and notes writes). */
    public StringProperty runNotesProperty() {
        return runNotes;
    }

    /** Whether the name or notes hold edits not saved yet. */
    public boolean describing() {
        return describedId != null && (!runName.get().equals(readName) || !runNotes.get().equals(readNotes));
    }

    /**
     * Fills the name and notes for the run selected alone (empty for none or several). The same run again, as a refresh
     * reads it, keeps what the user is typing; without edits the fields follow the run as read now (a name given from
     * the command line meanwhile), so that a save never writes values read before over it unasked.
     */
    private void describeSelected() {
        List<RunSummary> sel = selectedIds.size() == 1 ? selected() : List.of();
        RunSummary r = sel.size() == 1 ? sel.get(0) : null;
        String id = r == null ? null : r.id();
        if (id != null && id.equals(describedId) && describing()) return;
        describedId = id;
        readName = r == null ? "" : java.util.Objects.toString(r.name(), "");
        readNotes = r == null ? "" : java.util.Objects.toString(r.notes(), "");
        runName.set(readName);
        runNotes.set(readNotes);
    }

    /**
     * Saves the fields as the described run's name and notes. The run is read again first (off the UI thread): when its
     * name or notes changed since the fields were filled (the command line's {@code runs name}, another window), the user
     * is asked before theirs are written over them.
     */
    public void saveDescription() {
        String id = describedId;
        if (id == null) return;
        String name = runName.get(), notes = runNotes.get(), wasName = readName, wasNotes = readNotes;
        tasks.compute(() -> store.find(id)).whenComplete((now, err) -> {
            if (err != null) {
                dialogs.error("Could not rename the run", Messages.of(err));
                return;
            }
            String nowName = java.util.Objects.toString(now.name(), ""), nowNotes = java.util.Objects.toString(now.notes(), "");
            boolean changed = !nowName.equals(wasName) || !nowNotes.equals(wasNotes);
            boolean same = nowName.equals(name.strip()) && nowNotes.equals(notes);
            if (changed && !same && !dialogs.confirm("Replace the name and notes of run " + named(now) + "?",
                    "They were changed elsewhere since you began editing (now: " + quoted(nowName) + ", notes " + quoted(nowNotes)
                            + "). Replace writes yours over them.", "Replace")) {
                status.set("Did not save: run " + id + " keeps the name and notes it was given elsewhere; yours are still in the fields");
                return;
            }
            describe(now, name, notes, () -> {
                if (id.equals(describedId)) {
                    // what is on disk now: the fields hold no unsaved edits any more
                    readName = name.strip();
                    readNotes = notes;
                    if (runName.get().equals(name)) runName.set(readName); // the name as kept: stripped
                }
            });
        });
    }

    /** A run as questions name it: its name in quotes, as the app quotes names, or its id when it has none. */
    static String named(RunSummary r) {
        return r.name() == null || r.name().isBlank() ? r.id() : "“" + r.name() + "”";
    }

    private static String quoted(String s) {
        return s.isEmpty() ? "none" : "\"" + s + "\"";
    }

    /** Gives the run a name and notes. */
    public void describe(RunSummary r, String name, String notes) {
        describe(r, name, notes, () -> {
        });
    }

    private void describe(RunSummary r, String name, String notes, Runnable saved) {
        tasks.compute(() -> {
            store.describe(r.id(), name, notes);
            return null;
        }).whenComplete((v, err) -> {
            if (err != null) {
                dialogs.error("Could not rename the run", Messages.of(err));
            } else {
                saved.run();
                status.set("Saved the name and notes of run " + r.id());
                refresh();
            }
        });
    }

    /**
     * Deletes a run once the user confirms (a running or paused run is refused). The question says what else goes with it: the
     * model in use, when it is the run's (Draw, Samples and Evaluate then go back, at once, to the model in use before
     * it, or to the built-in model), where its branches came from (they keep their own files), and the sweep it is a
     * run of.
     */
    public void delete(RunSummary r) {
        if (r.status().active()) {
            dialogs.error("Cannot delete the run", "Run " + r.id() + " " + r.status().held() + "; stop it first");
            return;
        }
        boolean inUse = models != null && models.inUse(r.folder());
        String model = inUse ? "Its model is the one Draw, Samples and Evaluate use: they go back to " + models.fallback(r.folder()) + "." : "";
        String branches = io.digitstudio.runs.Branches.keptOnDelete(io.digitstudio.runs.Branches.of(runs, r.id()));
        // a sweep's run: the Sweeps view lists it as deleted afterwards, and its Resume would train it again
        String sweep = r.settings() == null || r.settings().sweep() == null ? "" : r.settings().sweep().onDelete();
        String others = branches.isEmpty() ? sweep : sweep.isEmpty() ? branches : branches + "\n" + sweep;
        if (!dialogs.confirm("Delete run " + named(r) + "?", deleteQuestion(r.folder(), model, others), "Delete")) return;
        tasks.compute(() -> {
            store.delete(r.id());
            return null;
        }).whenComplete((v, err) -> {
            if (err != null) {
                dialogs.error("Could not delete the run", Messages.of(err));
            } else {
                selectedIds.remove(r.id());
                keepColours();
                logs.remove(r.id());
                logsAt.remove(r.id());
                // the run's files are gone: the model in use and the recent list let go of them now, not at their next use
                boolean switched = models != null && models.letGo(r.folder());
                if (actions != null) actions.deleted(r.id());
                refresh(deleted(r) + (switched ? ". Its model was in use: Draw, Samples and Evaluate use " + models.named(models.activeProperty().get()) + " now" : ""));
            }
        });
    }

    /**
     * The question before a run is deleted: its folder on a line of its own, so that the path starts a line and stays
     * whole where the line holds it (after the sentence, a line could end right after its first '/'); then what else
     * goes with it ({@code model}, {@code branches}: a line each, or empty).
     */
    public static String deleteQuestion(java.nio.file.Path folder, String model, String branches) {
        return "Its folder (settings, log, models) is removed from disk for good:\n" + folder
                + (model.isEmpty() ? "" : "\n" + model) + (branches.isEmpty() ? "" : "\n" + branches)
                + "\nA deleted run cannot be brought back; Export keeps a copy of it as a zip first.";
    }

    /** What the status says of a run deleted: which run went, and that it is gone for good (the store deletes its files). */
    static String deleted(RunSummary r) {
        String which = r.name() == null || r.name().isBlank() ? r.id() : "“" + r.name() + "” (" + r.id() + ")";
        return "Deleted run " + which + " and its files for good: a deleted run cannot be brought back";
    }

    /**
     * "a1b2c3d4, epoch 2.33" for a branch: its parent and the exact point it branched at; "deleted run, epoch 2.33" once
     * its parent is no longer in the history (no id of a run that is gone); empty for other runs.
     */
    public String branchOf(RunSummary r) {
        if (r.settings() == null || !r.settings().isBranch()) return "";
        io.digitstudio.runs.RunSettings.Branch b = r.settings().branchedFrom();
        return (io.digitstudio.runs.Branches.parentGone(r, runs) ? "deleted run" : b.run()) + ", epoch " + io.digitstudio.runs.RunSettings.Branch.epochs(b.epochDetail());
    }

    /**
     * "Branched from run a1b2c3d4 at epoch 2.33 (iteration 1,400)", or "from a deleted run (a1b2c3d4)" once its parent is
     * no longer in the history; empty for a run that is no branch.
     */
    public String branchPointOf(RunSummary r) {
        if (r.settings() == null || !r.settings().isBranch()) return "";
        io.digitstudio.runs.RunSettings.Branch b = r.settings().branchedFrom();
        String from = io.digitstudio.runs.Branches.parentGone(r, runs) ? "a deleted run (" + b.run() + ")" : "run " + b.run();
        return "Branched from " + from + " at " + b.point();
    }

    /** Saves the run's folder as a zip where the user says. */
    public void export(RunSummary r) {
        dialogs.saveFile("Export run " + r.title(), "run-" + r.id() + ".zip", "Zip archives (*.zip)", "zip").ifPresent(file ->
                tasks.compute(() -> FileWrites.write(file, () -> store.export(r.id(), file)))
                        .whenComplete((p, err) -> status.set(err != null ? "Export failed: " + Messages.of(err) : "Exported run " + r.id() + " to " + file)));
    }

    /** The model to open for a run: the best one if it kept one, else the final one. Looks at files: off the UI thread. */
    Optional<Path> model(RunSummary r) {
        return store.bestModel(r).or(() -> store.model(r));
    }

    /**
     * The model of the one selected run, as a task found it: the file to open, or why there is none (none selected, still
     * looking, none saved). {@code run}: the run it is about (null when not one run is selected).
     */
    public record RunModel(String run, Path model, String why) {
        public boolean found() {
            return model != null;
        }
    }

    /**
     * Looks for the selected run's model off the UI thread (best.npz or model.npz in its folder) and publishes it; the
     * same run, unchanged, keeps what was found meanwhile.
     */
    private void findModel() {
        long mine = ++modelGeneration;
        List<RunSummary> sel = selected();
        RunSummary r = sel.size() == 1 && !sel.get(0).damaged() ? sel.get(0) : null;
        if (r == null) {
            modelFoundAt = null;
            runModel.set(new RunModel(null, null, sel.size() == 1 ? "Run " + sel.get(0).id() + " is damaged" : "Select one run to open its model"));
            return;
        }
        boolean known = r.id().equals(runModel.get().run()) && modelFoundAt != null && modelFoundAt.equals(r.updated());
        if (!known) {
            modelFoundAt = null;
            runModel.set(new RunModel(r.id(), null, looking(r)));
        }
        lookUpModel(r).whenComplete((m, err) -> {
            if (mine != modelGeneration || err != null) return;
            if (gone(m)) {
                refresh(); // deleted outside this window: it leaves the list, and the status says so
                return;
            }
            modelFoundAt = r.updated();
            runModel.set(m);
        });
    }

    /** A task that finds {@code r}'s model; its future completes on the UI thread. */
    private java.util.concurrent.CompletableFuture<RunModel> lookUpModel(RunSummary r) {
        return tasks.compute(() -> {
            if (!java.nio.file.Files.isDirectory(r.folder())) return new RunModel(r.id(), null, deletedOutside(List.of(r.id())));
            try {
                return model(r).map(m -> new RunModel(r.id(), m, "")).orElseGet(() -> new RunModel(r.id(), null, "Run " + r.id() + " saved no model"));
            } catch (RuntimeException e) {
                return new RunModel(r.id(), null, "Could not look for the model of run " + r.id() + ": " + Messages.of(e));
            }
        });
    }

    private static String looking(RunSummary r) {
        return "Looking for the model of run " + r.id() + "…";
    }

    /** When the run whose model {@link #runModel} tells of was last updated, as it was looked up; null: not looked up. */
    private java.time.Instant modelFoundAt;

    public void openModel(RunSummary r) {
        withModel(r, m -> actions.openModel(m, r.title()));
    }

    public void evaluate(RunSummary r) {
        withModel(r, m -> actions.evaluate(m, r.title()));
    }

    /**
     * Uses the run's model as a task found it: at once when it is the one published for the selected run, else once a
     * task has looked (a click while the model is looked for is carried out, not lost).
     */
    private void withModel(RunSummary r, Consumer<Path> use) {
        RunModel known = runModel.get();
        if (r.id().equals(known.run()) && modelFoundAt != null) {
            useModel(known, use);
            return;
        }
        lookUpModel(r).whenComplete((m, err) -> {
            if (err != null) status.set("Could not look for the model of run " + r.id() + ": " + Messages.of(err));
            else useModel(m, use);
        });
    }

    private void useModel(RunModel m, Consumer<Path> use) {
        if (gone(m)) refresh();
        else if (!m.found()) status.set(m.why());
        else if (actions != null) use.accept(m.model());
    }

    /** Whether looking for a run's model found its folder gone: the run was deleted outside this window. */
    private static boolean gone(RunModel m) {
        return !m.found() && m.run() != null && m.why().equals(deletedOutside(List.of(m.run())));
    }

    public void rerun(RunSummary r) {
        if (r.damaged()) return;
        if (actions != null) ifStillThere(r, () -> actions.rerun(r));
    }

    /**
     * Whether the one selected run can be resumed: the snapshot it goes on from, or why not (a run that did all its
     * epochs has nothing left, one without a snapshot nothing to go on from; while its snapshots are looked for, that).
     * {@code run}: the run it is about (null when not one run is selected).
     */
    public record Resumability(String run, Path snapshot, String why) {
        public boolean possible() {
            return snapshot != null && why.isEmpty();
        }
    }

    /**
     * Finds out whether the selected run can be resumed: what its summary says at once, its last snapshot off the UI
     * thread (a lookup opens the snapshots of its folder). The same run, unchanged, keeps what was found meanwhile.
     */
    private void checkResume() {
        long mine = ++resumeGeneration;
        List<RunSummary> sel = selected();
        RunSummary r = sel.size() == 1 ? sel.get(0) : null;
        String why = whyNotResumable(r);
        if (!why.isEmpty()) {
            lookedUp = null;
            resumability.set(new Resumability(r == null ? null : r.id(), null, why));
            return;
        }
        // the same run, unchanged since its snapshot was found, keeps showing what was found while it is looked for again
        boolean known = r.id().equals(resumability.get().run()) && lookedUp != null && lookedUp.equals(r.updated());
        if (!known) {
            lookedUp = null;
            resumability.set(new Resumability(r.id(), null, "Looking for the last snapshot of run " + r.id() + "…"));
        }
        tasks.compute(() -> store.lastSnapshot(r)).whenComplete((s, err) -> {
            if (mine != resumeGeneration) return;
            lookedUp = r.updated();
            if (err != null) resumability.set(new Resumability(r.id(), null, "Could not read the snapshots of run " + r.id() + ": " + Messages.of(err)));
            else if (s.isEmpty()) resumability.set(new Resumability(r.id(), null, noSnapshot(r)));
            else resumability.set(new Resumability(r.id(), s.get(), ""));
        });
    }

    /** Says why Delete… does not apply to the one selected run, as its summary tells (it is running or paused). */
    private void checkDelete() {
        List<RunSummary> sel = selected();
        RunSummary r = sel.size() == 1 ? sel.get(0) : null;
        whyNotDeletable.set(r != null && r.status().active() ? "Run " + r.id() + " " + r.status().held() + "; stop it first to delete it" : "");
    }

    /** When the run whose snapshot {@link #resumability} tells of was last updated, as it was looked up; null: not looked up. */
    private java.time.Instant lookedUp;

    private static String noSnapshot(RunSummary r) {
        return "Run " + r.id() + " left no snapshot (turn on snapshots in the Train view to be able to resume)";
    }

    /**
     * Why the run cannot be resumed as its summary tells (none selected, damaged, still running or paused, all its epochs done),
     * or empty: whether it left a snapshot is {@link #resumabilityProperty()}'s to say.
     */
    static String whyNotResumable(RunSummary r) {
        if (r == null) return "Select one run to resume it";
        if (r.damaged()) return "Run " + r.id() + " is damaged";
        if (r.status().active()) return "Run " + r.id() + " " + r.status().held();
        int planned = r.settings() == null ? 0 : r.settings().config().epochs();
        if (planned > 0 && r.epochsDone() >= planned) {
            return "Run " + r.id() + " did all its " + planned + (planned == 1 ? " epoch" : " epochs") + ": nothing is left to resume (Run again or Branch from here train more)";
        }
        return "";
    }

    /**
     * Has the Train view set up the run's resume from the snapshot found for it, which Start trains; a run that cannot be
     * resumed, or not yet looked at, says why.
     */
    public void resume(RunSummary r) {
        String why = whyNotResumable(r);
        Resumability c = resumability.get();
        if (why.isEmpty()) {
            why = !r.id().equals(c.run()) ? "Looking for the last snapshot of run " + r.id() + "…" : c.why();
        }
        if (!why.isEmpty()) {
            status.set(why);
            return;
        }
        if (actions != null) actions.resume(r, c.snapshot());
    }

    public RunStore store() { return store; }
    /** Whether the one selected run can be resumed, and from which snapshot, or why not: found off the UI thread. */
    public ReadOnlyObjectProperty<Resumability> resumabilityProperty() { return resumability.getReadOnlyProperty(); }
    /** Why Delete… does not apply to the one selected run now (it is running or paused), or empty when it does. */
    public ReadOnlyStringProperty whyNotDeletableProperty() { return whyNotDeletable.getReadOnlyProperty(); }
    /** The one selected run's model, or why there is none: found off the UI thread. */
    public ReadOnlyObjectProperty<RunModel> runModelProperty() { return runModel.getReadOnlyProperty(); }
    public ObservableList<RunSummary> runs() { return shown; }
    public StringProperty filterProperty() { return filter; }
    public ReadOnlyObjectProperty<List<Curve>> curvesProperty() { return curves.getReadOnlyProperty(); }
    public ObservableList<CompareRow> comparison() { return comparison; }

    /** The heading over {@link #comparison()}; empty while it holds no run. */
    public ReadOnlyStringProperty comparisonTitleProperty() { return comparisonTitle.getReadOnlyProperty(); }
    public DoubleProperty smoothingProperty() { return smoothing; }
    public BooleanProperty logLossProperty() { return logLoss; }
    public ObjectProperty<RunCurves.XAxis> xAxisProperty() { return xAxis; }
    public ObjectProperty<RunCurves.Set> curveSetProperty() { return curveSet; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** What the table says while it shows no run. */
    public ReadOnlyStringProperty emptyTextProperty() { return emptyText.getReadOnlyProperty(); }
    /** The points the one selected run can be branched from (empty unless exactly one run is selected). */
    public ObservableList<BranchChoice> branchChoices() { return branchChoices; }
    /** The branch point chosen in the picker. */
    public ObjectProperty<BranchChoice> branchChoiceProperty() { return branchChoice; }
}
