package io.digitstudio.ui.mydigits;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.PenStroke;
import io.digitstudio.io.ModelInfo;
import io.digitstudio.mydigits.MyDigit;
import io.digitstudio.mydigits.MyDigits;
import io.digitstudio.runs.RunStore;
import io.digitstudio.runs.TrainingSession;
import io.digitstudio.train.FineTune;
import io.digitstudio.train.Extension;
import io.digitstudio.train.TrainingLoop;
import io.digitstudio.train.TrainingResult;
import io.digitstudio.ui.core.DialogService;
import io.digitstudio.ui.core.Messages;
import io.digitstudio.ui.core.TaskExecutor;
import io.digitstudio.ui.model.ActiveModel;
import io.digitstudio.ui.model.ModelManager;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The user's collection for the My digits view (the one owner of it in the app): adding what the Draw view keeps,
 * relabelling, deleting with undo, importing and exporting, all written off the UI thread; and fine-tuning the active
 * model on the collection, with the before/after figures shown until the user accepts the new model (it is then saved
 * beside the collection's folder, opened as the active model and listed among the recent ones) or discards it.
 */
public final class MyDigitsViewModel {
    /**
     * A fine-tuning waiting for the user's answer: its result, the class names of the model it started from, and the
     * run the history records it as ("" when unrecorded).
     */
    public record Proposal(FineTune.Result result, List<String> classNames, String runId) {
        /**
         * The name of the panel's row with the figures on the user's digits: those kept aside, or, when there were too
         * few to keep any, the digits themselves, whose "–" the note explains.
         */
        public String mineRow() {
            return result.measuredOnMine() ? "your digits kept aside" : "your digits";
        }

        /**
         * The line under the panel's figures, the one place that says what they were measured on; with too few digits
         * to keep some aside, also why the user's have none and how many it takes.
         */
        public String note() {
            FineTune.Result r = result;
            if (r.measuredOnMine()) return String.format(Locale.ROOT, "measured on %d of your digits the training never saw", r.heldOut());
            return String.format(Locale.ROOT, "Your %d digit%s too few to keep some aside for a test, so the model learnt from all of them and"
                            + " is measured on the MNIST test set alone (–: not measured). Keep %d or more, a few of each digit, to measure it on your"
                            + " writing too.", r.learntFrom(), r.learntFrom() == 1 ? " is" : "s are", r.fewestToMeasure());
        }
    }

    /** The fewest of the user's digits a fine-tuning starts with: with fewer there is next to nothing to learn from. */
    public static final int FEWEST_TO_FINE_TUNE = 3;

    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final ModelManager models;
    private final MyDigits store;
    private final RunStore history;
    private final ObservableList<MyDigit> digits = FXCollections.observableArrayList();
    /** The changes Undo takes back, newest first: a deletion brings its digits back, a relabel gives back their labels. */
    private final Deque<Step> undo = new ArrayDeque<>();

    /**
     * One change to take back: what puts the collection as it was, what the status says then, and the ids of the digits
     * it gives back (their labels, or themselves).
     */
    private record Step(Runnable back, String done, List<String> ids) {
    }
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Proposal> proposal = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    /** Whether {@link #undo()} has a deletion or a relabel to take back. */
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    /** The ids of the digits the last {@link #undo()} gives back (their labels, or themselves); empty before one. */
    private final ReadOnlyObjectWrapper<List<String>> undone = new ReadOnlyObjectWrapper<>(List.of());
    private final javafx.beans.property.ReadOnlyDoubleWrapper progress = new javafx.beans.property.ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private FineTune.Settings settings = FineTune.Settings.defaults();

    public MyDigitsViewModel(TaskExecutor tasks, DialogService dialogs, ModelManager models, MyDigits store, RunStore history) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.models = models;
        this.store = store;
        this.history = history;
        models.activeProperty().addListener((o, a, m) -> {
            if (inUseSaid != null && inUseSaid.equals(status.get())) status.set(inUseDropped);
            inUseSaid = null;
        });
    }

    /**
     * The status as last said while it said which model is in use (null: it says none now), and the same without that
     * clause, which it says once another model is in use: it never names a model that is no longer in use.
     */
    private String inUseSaid, inUseDropped;

    /** Says {@code said} in the status, which is {@code dropped} and a clause on the model in use now. */
    private void sayInUse(String said, String dropped) {
        status.set(said);
        inUseSaid = said;
        inUseDropped = dropped;
    }

    /**
     * Reads the collection (off the UI thread); the first time, also a fine-tuning the last session left unanswered,
     * which is offered again.
     */
    public void refresh() {
        boolean first = !unansweredRead;
        unansweredRead = true;
        tasks.compute(() -> java.util.Map.entry(store.list(), first ? readUnanswered() : java.util.Optional.<Proposal>empty())).whenComplete((read, err) -> {
            if (err != null) {
                status.set(Messages.of(err));
                return;
            }
            digits.setAll(read.getKey());
            if (read.getValue().isPresent() && proposal.get() == null && !busy.get()) {
                proposal.set(read.getValue().get());
                status.set(FINE_TUNED_BEFORE);
                return;
            }
            status.set(MyDigits.describe(read.getKey()) + " in " + store.folder());
        });
    }

    private boolean unansweredRead;

    /**
     * Where a fine-tuning waiting for an answer is kept until it gets one (its model and its figures), beside the
     * collection's folder as accepted models are: a launch after a quit or a crash offers it again, so nothing the
     * user has not answered is lost.
     */
    private Path unansweredFolder() {
        return store.folder().resolveSibling("fine-tuning-to-decide");
    }

    private static final String UNANSWERED_MODEL = "model.npz", UNANSWERED_FIGURES = "result.json";

    /** Keeps a fine-tuning to decide on (on the worker); one that cannot be kept is still offered in this session. */
    private void keepUnanswered(Proposal p) {
        try {
            Path dir = unansweredFolder();
            java.nio.file.Files.createDirectories(dir);
            FineTune.Result r = p.result();
            io.digitstudio.io.ModelFiles.saveNpz(dir.resolve(UNANSWERED_MODEL), r.tuned(), ModelInfo.fineTuned(r.mnistAfter(), "MNIST", p.classNames()));
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("run", p.runId());
            m.put("class_names", p.classNames());
            // NaN (the user's digits not measured) has no JSON form: null
            m.put("mine_before", Double.isNaN(r.mineBefore()) ? null : r.mineBefore());
            m.put("mine_after", Double.isNaN(r.mineAfter()) ? null : r.mineAfter());
            m.put("held_out", r.heldOut());
            m.put("learnt_from", r.learntFrom());
            m.put("fewest_to_measure", r.fewestToMeasure());
            m.put("mnist_before", r.mnistBefore());
            m.put("mnist_after", r.mnistAfter());
            // written last: a model without its figures is not offered
            byte[] text = (io.digitstudio.io.Json.write(m) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            io.digitstudio.io.AtomicFiles.write(dir.resolve(UNANSWERED_FIGURES), out -> out.write(text));
        } catch (Exception e) {
            // offered in this session all the same
        }
    }

    /** The fine-tuning the last session left unanswered, if one was kept whole (on the worker). */
    private java.util.Optional<Proposal> readUnanswered() {
        Path dir = unansweredFolder();
        Path figures = dir.resolve(UNANSWERED_FIGURES), model = dir.resolve(UNANSWERED_MODEL);
        if (!java.nio.file.Files.isRegularFile(figures) || !java.nio.file.Files.isRegularFile(model)) return java.util.Optional.empty();
        try {
            java.util.Map<String, Object> m = io.digitstudio.io.Json.parseObject(java.nio.file.Files.readString(figures));
            FineTune.Result r = new FineTune.Result(io.digitstudio.io.ModelFiles.loadNpz(model).model(), number(m, "mine_before"), number(m, "mine_after"),
                    (int) number(m, "held_out"), (int) number(m, "learnt_from"), (int) number(m, "fewest_to_measure"), number(m, "mnist_before"),
                    number(m, "mnist_after"), null);
            List<String> names = ((List<?>) m.get("class_names")).stream().map(String::valueOf).toList();
            return java.util.Optional.of(new Proposal(r, names, String.valueOf(m.get("run"))));
        } catch (Exception e) {
            return java.util.Optional.empty(); // a damaged one is not offered
        }
    }

    private static double number(java.util.Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Deletes the fine-tuning kept to decide on, once it is answered or replaced (on the worker). */
    private void dropUnanswered() throws java.io.IOException {
        Path dir = unansweredFolder();
        java.nio.file.Files.deleteIfExists(dir.resolve(UNANSWERED_FIGURES));
        java.nio.file.Files.deleteIfExists(dir.resolve(UNANSWERED_MODEL));
        java.nio.file.Files.deleteIfExists(dir);
    }

    /**
     * Adds a drawing the user kept (from the Draw view); the future fails with {@link MyDigits.Duplicate} when the
     * collection already holds the same digit (the caller says so where the user kept it).
     */
    public java.util.concurrent.CompletableFuture<MyDigit> add(float[] input, int label, List<PenStroke> strokes, String origin, Path source) {
        float[] x = input.clone();
        return tasks.compute(() -> store.add(x, label, strokes, origin, source)).whenComplete((d, err) -> {
            if (err != null) {
                if (!(err instanceof MyDigits.Duplicate) && !(err.getCause() instanceof MyDigits.Duplicate)) dialogs.error("Could not keep the digit", Messages.of(err));
                return;
            }
            digits.add(d);
            status.set(MyDigits.describe(digits) + " in " + store.folder());
        });
    }

    /** Relabels one digit (the Draw view's correction of what it kept): null once done, else why it waits. */
    public String relabel(MyDigit d, int label) {
        if (refusedWhileFineTuning()) return WHILE_FINE_TUNING;
        relabel(List.of(d), label);
        return null;
    }

    /**
     * What the status says when a relabel, a deletion or an Undo comes while a fine-tuning runs: it learns from the
     * digits as they were when it started, so a change then would not be in the model it proposes.
     */
    public static final String WHILE_FINE_TUNING = "The fine-tuning under way learns from your digits as they were when it started:"
            + " relabel or delete them once it is done";

    /** Whether a change to the collection waits for the fine-tuning under way (the status then says so). */
    private boolean refusedWhileFineTuning() {
        if (busy.get()) status.set(WHILE_FINE_TUNING);
        return busy.get();
    }

    /** Gives digits one label as one change, which {@link #undo()} takes back (a mistyped key moves them out of sight). */
    public void relabel(List<MyDigit> chosen, int label) {
        if (refusedWhileFineTuning()) return;
        List<MyDigit> moved = chosen.stream().filter(d -> d.label() != label).toList();
        if (moved.isEmpty()) return;
        String what = moved.size() == 1 ? "1 digit" : moved.size() + " digits";
        undo.push(new Step(() -> {
            for (MyDigit d : moved) store.relabel(d.id(), d.label());
        }, "Gave " + what + " back " + (moved.size() == 1 ? "its label" : "their labels"), moved.stream().map(MyDigit::id).toList()));
        canUndo.set(true);
        change(() -> {
            for (MyDigit d : moved) store.relabel(d.id(), label);
        }, "Relabelled " + (moved.size() == 1 ? "" : moved.size() + " digits ") + "as " + label + " (Undo takes it back)");
    }

    /** Deletes digits; {@link #undo()} brings them back. */
    public void delete(List<MyDigit> gone) {
        if (gone.isEmpty() || refusedWhileFineTuning()) return;
        List<String> ids = gone.stream().map(MyDigit::id).toList();
        // the collection listed with the deletion, so that the line says what was done, as a relabel's does, rather
        // than a later listing's count
        tasks.compute(() -> {
            var removed = store.delete(ids);
            return java.util.Map.entry(removed, store.list());
        }).whenComplete((done, err) -> {
            if (err != null) {
                dialogs.error("Could not delete", Messages.of(err));
                return;
            }
            var removed = done.getKey();
            undo.push(new Step(() -> store.restore(removed), "Brought back " + removed.size() + " digit" + (removed.size() == 1 ? "" : "s"),
                    removed.stream().map(MyDigit::id).toList()));
            canUndo.set(true);
            digits.setAll(done.getValue());
            status.set("Deleted " + removed.size() + " digit" + (removed.size() == 1 ? "" : "s") + " (Undo takes it back) · " + MyDigits.describe(done.getValue()));
        });
    }

    public void undo() {
        if (undo.isEmpty() || refusedWhileFineTuning()) return;
        Step back = undo.pop();
        // said before Undo turns itself off: the keyboard it hands on goes to these digits, not to the collection's first
        undone.set(back.ids());
        canUndo.set(!undo.isEmpty());
        change(back.back(), back.done());
    }

    private void change(Runnable r, String done) {
        tasks.compute(() -> {
            r.run();
            return store.list();
        }).whenComplete((l, err) -> {
            if (err != null) {
                dialogs.error("Could not change the collection", Messages.of(err));
                return;
            }
            digits.setAll(l);
            status.set(done + " · " + MyDigits.describe(l));
        });
    }

    /** Imports a folder of image files labelled by name or subfolder. */
    public void importFolder() {
        dialogs.chooseFolder("Import digits: images named 7.png, 7_a.png, … or in folders named 0-9").ifPresent(dir ->
                tasks.compute(() -> store.importFolder(dir)).whenComplete((r, err) -> {
                    if (err != null) {
                        dialogs.error("Import failed", Messages.of(err));
                        return;
                    }
                    refresh();
                    dialogs.info("Imported", imported(r, dir));
                }));
    }

    /** Most skipped files a folder's import lists one a line; the rest are counted. */
    static final int MOST_LISTED = 20;

    /**
     * What a folder's import did, worded as the command line's, and under it every picture left out with why and every
     * other file passed over, one a line as the command line prints them: the toast shows the start, its More the whole
     * list.
     */
    static String imported(MyDigits.ImportResult r, Path dir) {
        StringBuilder s = new StringBuilder(sentence(r.summary(String.valueOf(dir.getFileName()))));
        // the pictures left out, then the other files passed over, as the command line names them
        List<String> listed = new java.util.ArrayList<>(r.skipped());
        r.ignored().forEach(f -> listed.add("passed over " + f));
        if (listed.isEmpty()) return s.toString();
        s.append(':');
        for (int i = 0; i < Math.min(listed.size(), MOST_LISTED); i++) s.append('\n').append(listed.get(i));
        if (listed.size() > MOST_LISTED) {
            s.append('\n').append("and ").append(listed.size() - MOST_LISTED).append(" more (digitstudio mydigits import names each)");
        }
        return s.toString();
    }

    /** The summary's line as a sentence: "Added 2 digits…". */
    private static String sentence(String line) {
        return Character.toUpperCase(line.charAt(0)) + line.substring(1);
    }

    public void importZip() {
        dialogs.openFile("Import a collection", "Zip archives (*.zip)", "zip").ifPresent(zip ->
                tasks.compute(() -> store.importZip(zip)).whenComplete((r, err) -> {
                    if (err != null) {
                        dialogs.error("Import failed", Messages.of(err));
                        return;
                    }
                    refresh();
                    dialogs.info("Imported", sentence(r.summary(zip.getFileName().toString())));
                }));
    }

    public void exportZip() {
        dialogs.saveFile("Export my digits", "mydigits.zip", "Zip archives (*.zip)", "zip").ifPresent(zip ->
                tasks.compute(() -> {
                    store.exportZip(zip);
                    return zip;
                }).whenComplete((p, err) -> status.set(err != null ? "Export failed: " + Messages.of(err) : "Exported to " + p)));
    }

    /** Fine-tuning with other settings (the tests' shorter runs). */
    public void setSettings(FineTune.Settings s) {
        this.settings = s;
    }

    /**
     * Fine-tunes a copy of the active model on MNIST and the collection, on the training worker, recorded in the run
     * history; the result waits in {@link #proposalProperty()} for the user to accept or discard it (its run is then
     * deleted, as it is when another fine-tuning replaces a result left unanswered).
     */
    public void fineTune() {
        ActiveModel from = models.activeProperty().get();
        List<MyDigit> mine = List.copyOf(digits);
        if (from == null || busy.get()) return;
        if (mine.size() < FEWEST_TO_FINE_TUNE) {
            status.set("Keep at least " + FEWEST_TO_FINE_TUNE + " digits first; you have " + mine.size()
                    + " (Draw: Enter keeps a drawing, a digit key corrects it)");
            return;
        }
        busy.set(true);
        stopAsked = false;
        java.util.concurrent.CompletableFuture<Void> end = new java.util.concurrent.CompletableFuture<>();
        ended = end;
        progress.set(0);
        progressText.set(progressText(null));
        // a result left unanswered is gone once another fine-tuning starts: discarded as by Discard
        forget(proposal.get());
        proposal.set(null);
        status.set("Fine-tuning " + from.name() + " on MNIST and your " + mine.size() + " digits…");
        FineTune.Settings s = settings;
        tasks.train(() -> {
            LabeledImages yours = MyDigits.dataset(mine, "my digits");
            // to the UI only when the whole percentage or the phase changes: a hundred updates a run, not one per step
            java.util.concurrent.atomic.AtomicReference<String> told = new java.util.concurrent.atomic.AtomicReference<>("");
            java.util.function.Consumer<FineTune.Progress> heard = at -> {
                String text = progressText(at);
                if (told.getAndSet(text).equals(text)) return;
                tasks.onUi(() -> {
                    if (!busy.get()) return;
                    // never back, whatever the order things arrive in: one bar for the whole fine-tuning
                    progress.set(Math.max(progress.get(), at.done()));
                    progressText.set(text);
                });
            };
            // the loop's control, once it runs, for a Quit that comes meanwhile
            Extension stoppable = new Extension() {
                @Override
                public String name() {
                    return "FineTuneStop";
                }

                @Override
                public void initialize(TrainingLoop loop) {
                    running = loop.control();
                    if (stopAsked) loop.control().requestStop();
                }

                @Override
                public void call(TrainingLoop loop) {
                }
            };
            try {
                TrainingSession.FineTuning r = TrainingSession.fineTune(history, "gui", from.model(), from.name(), from.file(), yours, s, List.of(stoppable), heard);
                Proposal made = new Proposal(r.result(), from.classNames(), r.runId());
                // only a whole fine-tuning is offered, now or at the next launch
                if (made.result().training().outcome() == TrainingResult.Outcome.COMPLETED) keepUnanswered(made);
                return made;
            } finally {
                running = null;
            }
        }).whenComplete((p, err) -> {
            busy.set(false);
            progress.set(0);
            progressText.set("");
            try {
                if (err != null) {
                    status.set("Fine-tuning failed: " + Messages.of(err));
                    dialogs.error("Fine-tuning failed", Messages.of(err));
                    return;
                }
                TrainingResult training = p.result().training();
                if (training.outcome() != TrainingResult.Outcome.COMPLETED) {
                    ActiveModel active = models.activeProperty().get();
                    String stays = active == null ? "" : "; " + active.name() + " stays in use";
                    status.set((training.outcome() == TrainingResult.Outcome.STOPPED ? "Fine-tuning stopped before it was done"
                            : "Fine-tuning ended early: " + training.message()) + stays);
                    return;
                }
                proposal.set(p);
                // the figures are in the result's panel beside the list: the status line says what to do, not them again
                status.set(FINE_TUNED);
            } finally {
                end.complete(null);
            }
        });
    }

    /** Set by {@link #stop}: the fine-tuning under way ends as soon as its loop can. */
    private volatile boolean stopAsked;
    /** The control of the fine-tuning's loop while it runs (null before its loop starts and after it ends). */
    private volatile io.digitstudio.train.TrainingControl running;
    /** Completes once the fine-tuning last started has ended and said so (on the UI thread). */
    private java.util.concurrent.CompletableFuture<Void> ended = java.util.concurrent.CompletableFuture.completedFuture(null);

    /**
     * Stops the fine-tuning under way (Quit): its loop ends between two iterations, as a run's Stop ends it, and its
     * record in the history says stopped; its result is not offered, and nothing else changes. The future completes on
     * the UI thread once it has ended (at once when none runs).
     */
    public java.util.concurrent.CompletableFuture<Void> stop() {
        if (!busy.get()) return java.util.concurrent.CompletableFuture.completedFuture(null);
        stopAsked = true;
        io.digitstudio.train.TrainingControl c = running;
        if (c != null) c.requestStop();
        return ended;
    }

    /** What the bar says beside itself: the phase and the share of the whole done ("Epoch 1 of 2 · 48 %"). */
    static String progressText(FineTune.Progress at) {
        if (at == null) return "Preparing · 0 %";
        String phase = switch (at.phase()) {
            case MEASURING_BEFORE -> "Measuring before";
            case TRAINING -> "Epoch " + at.epoch() + " of " + at.epochs();
            case MEASURING_AFTER -> "Measuring after";
        };
        return phase + " · " + (int) Math.floor(100 * at.done()) + " %";
    }

    /** What the status line says once a fine-tuning's result is in its panel. */
    static final String FINE_TUNED = "Fine-tuning done: Accept to use the new model, or Discard it.";
    /** What it says when a launch offers again a fine-tuning the last session left unanswered. */
    static final String FINE_TUNED_BEFORE = "A fine-tuning from last time is still to decide on: Accept to use the new model, or Discard it.";
    /** What the status line says once a fine-tuned model is accepted, before its file. */
    static final String ACCEPTED = "Fine-tuned model saved and in use";
    /** What it says once another model is in use. */
    static final String SAVED = "Fine-tuned model saved";

    /** Saves the fine-tuned model beside the collection and makes it the active one (and a recent one). */
    public void accept() {
        Proposal p = proposal.get();
        if (p == null) return;
        Path file = store.folder().resolveSibling("models").resolve("fine-tuned-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)) + ".npz");
        // trained on MNIST and the user's digits, measured on MNIST's test set: it compares with a run on MNIST
        ModelInfo info = ModelInfo.fineTuned(p.result().mnistAfter(), "MNIST", p.classNames());
        tasks.compute(() -> {
            java.nio.file.Files.createDirectories(file.getParent());
            return file;
        // one action, one message, in this view's status line: "Model saved" and "Model opened" toasts besides it
        // followed the user onto the next tab and lay over its panels
        }).thenCompose(f -> models.save(f, p.result().tuned(), info, false)).thenCompose(f -> models.open(f, false)).whenComplete((m, err) -> {
            if (err != null) {
                status.set("Could not keep the fine-tuned model: " + Messages.of(err));
                return;
            }
            proposal.set(null);
            sayInUse(ACCEPTED + " (" + file + ")", SAVED + " (" + file + ")");
            tasks.compute(() -> {
                dropUnanswered();
                return file;
            });
        });
    }

    /**
     * Drops the fine-tuned model, and its run from the history: the run is the making of a model nobody keeps, and
     * listed in Runs it would read as kept (only an accepted fine-tuning is in the run history).
     */
    public void discard() {
        Proposal p = proposal.get();
        if (p == null) return;
        proposal.set(null);
        ActiveModel active = models.activeProperty().get();
        if (active == null) status.set("Discarded the fine-tuned model");
        else sayInUse("Discarded the fine-tuned model; " + active.name() + " stays active", "Discarded the fine-tuned model");
        forget(p);
    }

    /** Deletes the run a fine-tuning not kept was recorded as, on the worker; a run that cannot be deleted is said in the status. */
    private void forget(Proposal p) {
        if (p == null) return;
        tasks.compute(() -> {
            dropUnanswered();
            if (history != null && !p.runId().isEmpty()) history.delete(p.runId());
            return p.runId();
        }).whenComplete((id, err) -> {
            if (err != null) status.set("Discarded the fine-tuned model, but its run stays in Runs: " + Messages.of(err));
        });
    }

    public ObservableList<MyDigit> digits() { return digits; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Proposal> proposalProperty() { return proposal.getReadOnlyProperty(); }
    /** Whether there is a deletion for Undo to bring back (Undo is off while there is none). */
    public ReadOnlyBooleanProperty canUndoProperty() { return canUndo.getReadOnlyProperty(); }

    /**
     * The ids of the digits the last {@link #undo()} gives back: set as Undo is pressed, before the collection has
     * changed, so the view puts the selection and the keyboard on them rather than where the change left it.
     */
    public ReadOnlyObjectProperty<List<String>> undoneProperty() { return undone.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /**
     * How far a fine-tuning is, 0-1, its measurements before and after included: it only goes forward while one runs;
     * 0 when none runs.
     */
    public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** The phase a fine-tuning is in and how far the whole is ("Epoch 1 of 2 · 48 %"); empty when none runs. */
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    public MyDigits store() { return store; }
}
