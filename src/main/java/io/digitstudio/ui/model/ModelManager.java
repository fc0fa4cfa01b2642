package io.digitstudio.ui.model;

import io.digitstudio.read.DigitPreprocessor;
import io.digitstudio.data.PenStroke;
import io.digitstudio.data.StrokeRasterizer;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.io.ModelInfo;
import io.digitstudio.nn.Network;
import io.digitstudio.ui.core.DialogService;
import io.digitstudio.ui.core.FileWrites;
import io.digitstudio.ui.core.Messages;
import io.digitstudio.ui.core.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The one owner of the active model (what Draw and Samples classify with) and of the built-in one: every change goes
 * through here, and the views observe {@link #activeProperty()}. A file is read and checked completely on the compute
 * worker before it replaces the active model; if anything is wrong the user is told what and the model stays.
 * Call on the UI thread; the futures complete there.
 */
public final class ModelManager {
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final RecentModels recentStore;
    private final ModelMemory memory;
    private final ReadOnlyObjectWrapper<ActiveModel> active = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ActiveModel> builtIn = new ReadOnlyObjectWrapper<>();
    private ActiveModel builtInCnn;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    /** What each recent file is called where it is listed (a run's model by its run), as read off the UI thread. */
    private final javafx.collections.ObservableMap<Path, String> recentTitles = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper();
    /** What a launch is loading to use: "the built-in MLP", or the title of the file it brings back; null after. */
    private final ReadOnlyStringWrapper loading = new ReadOnlyStringWrapper();

    public ModelManager(TaskExecutor tasks, DialogService dialogs, RecentModels recentStore) {
        this(tasks, dialogs, recentStore, ModelMemory.inMemory());
    }

    /** With the model that was active when the app was last closed kept in {@code memory} (see {@link #restore()}). */
    public ModelManager(TaskExecutor tasks, DialogService dialogs, RecentModels recentStore, ModelMemory memory) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.recentStore = recentStore;
        this.memory = memory;
        recent.setAll(recentStore.list());
        nameRecent();
        active.addListener((o, was, now) -> {
            if (!goingBack) keepBefore(was, now);
            // the message's Undo brings back the model in use before only while the opened one is in use: after any
            // other change it would do nothing, so it is not offered any more
            if (undoable != null && now != undoable.opened()) withdrawUndo();
        });
    }

    /**
     * The models in use before the one in use now, the latest last, each once: when the model in use goes with its run,
     * the one in use before it takes its place (Draw, Samples and Evaluate go back to what the user chose before,
     * not to the built-in MLP). Bounded: each one holds its weights in memory.
     */
    private final java.util.ArrayDeque<ActiveModel> before = new java.util.ArrayDeque<>();
    /** How many models {@link #before} keeps; one further back gives way to the built-in model. */
    private static final int BEFORE_KEPT = 6;
    /** True while the model in use goes back to one in use before: that is no new choice to keep. */
    private boolean goingBack;

    private void keepBefore(ActiveModel was, ActiveModel now) {
        if (now != null) before.removeIf(m -> same(m, now));
        if (was == null || same(was, now)) return;
        before.removeIf(m -> same(m, was));
        before.addLast(was);
        while (before.size() > BEFORE_KEPT) before.removeFirst();
    }

    /** Whether two models are one for the user: the same object, or read from the same file. */
    private static boolean same(ActiveModel a, ActiveModel b) {
        if (a == b) return true;
        if (a == null || b == null || a.file() == null || b.file() == null) return false;
        return a.file().toAbsolutePath().normalize().equals(b.file().toAbsolutePath().normalize());
    }

    /**
     * The Undo a "Model opened" message offers (null: none showing): it brings back {@code before} while {@code opened}
     * is in use.
     */
    private record Undoable(ActiveModel opened, ActiveModel before) {
    }

    private Undoable undoable;

    /** The title of the message that says a model was opened. */
    static final String OPENED_TITLE = "Model opened";

    /** Takes back the message whose Undo would no longer do what it says. */
    private void withdrawUndo() {
        undoable = null;
        dialogs.withdraw(OPENED_TITLE);
    }

    /** The folders let go of ({@link #letGo}), whose models are gone: absolute and normalized. */
    private final java.util.Set<Path> goneFolders = new java.util.HashSet<>();
    /** Counts the folders let go of: what offers to put a model to use listens, and asks {@link #gone}. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper lettingGo = new javafx.beans.property.ReadOnlyIntegerWrapper();

    /**
     * Whether {@code m} went with its run's folder ({@link #letGo}): an action that would put it to use (a message's
     * Undo or Use model) is no longer offered.
     */
    public boolean gone(ActiveModel m) {
        return m != null && m.file() != null && goneFolders.stream().anyMatch(f -> within(m.file(), f));
    }

    /** What a model's file holds now, against the model read from it or written to it ({@link #inItsFile}). */
    public enum InItsFile {
        /** The file holds exactly the model's weights: putting the model to use names a file that brings it back. */
        SAME,
        /** The file is gone or holds other weights (its run trained on since): its name would bring back another model. */
        CHANGED,
        /** The folder that held the file is gone (its run was deleted). */
        GONE
    }

    /**
     * Whether {@code m}'s file still holds {@code m}'s weights, read and compared on the compute worker: a run's file
     * is written over when the run goes on (the command line's {@code train --resume}), and the model in use is what
     * its file holds at the next launch. A model kept in no file is {@link InItsFile#SAME}.
     */
    public CompletableFuture<InItsFile> inItsFile(ActiveModel m) {
        if (m.file() == null) return CompletableFuture.completedFuture(InItsFile.SAME);
        return tasks.compute(() -> compare(m));
    }

    private static InItsFile compare(ActiveModel m) {
        Path file = m.file().toAbsolutePath();
        Path folder = file.getParent();
        if (folder != null && !Files.isDirectory(folder)) return InItsFile.GONE;
        if (!Files.isRegularFile(file)) return InItsFile.CHANGED;
        try {
            // the weights and the network's spec; what is known about the model (its accuracy) is no part of it
            var theirs = ModelFiles.toArrays(ModelFiles.load(file).model(), ModelInfo.NONE);
            return theirs.equals(ModelFiles.toArrays(m.model(), ModelInfo.NONE)) ? InItsFile.SAME : InItsFile.CHANGED;
        } catch (RuntimeException e) {
            return InItsFile.CHANGED; // a file that cannot be read back brings back no model
        }
    }

    /** Counts the folders let go of ({@link #letGo}); see {@link #gone}. */
    public javafx.beans.property.ReadOnlyIntegerProperty lettingGoProperty() {
        return lettingGo.getReadOnlyProperty();
    }

    /**
     * What a model file is called where the user sees it: a run's model by its run (two runs' {@code model.npz} are
     * told apart), any other file by its name. Reads the run's records: off the UI thread.
     */
    public static String title(Path file) {
        return io.digitstudio.runs.RunStore.modelTitle(file, java.time.ZoneId.systemDefault()).orElse(String.valueOf(file.getFileName()));
    }

    /** Names the recent files that have no title yet, on a background worker; the titles arrive in {@link #recentTitles()}. */
    private void nameRecent() {
        List<Path> unnamed = recent.stream().filter(p -> !recentTitles.containsKey(p)).toList();
        if (unnamed.isEmpty()) return;
        tasks.background(() -> {
            java.util.Map<Path, String> titles = new java.util.HashMap<>();
            for (Path p : unnamed) titles.put(p, title(p));
            return titles;
        }).whenComplete((titles, err) -> {
            if (titles != null) recentTitles.putAll(titles);
        });
    }

    /**
     * What a launch does: loads the built-in model, then brings back the model that was active when the app was last
     * closed, unless the user has chosen another meanwhile. A remembered file that is gone is said once, dropped from
     * the recent list and forgotten; the built-in model stays. From then on every change of the active model is
     * remembered (not before: the built-in model becoming active at start would forget the one to bring back).
     * Completes with the active model, or null when there is none.
     */
    public CompletableFuture<ActiveModel> restore() {
        ModelMemory.Remembered was = memory.get();
        if (was instanceof ModelMemory.File f && Files.isRegularFile(f.path())) {
            Path file = f.path();
            loading.set(String.valueOf(file.getFileName()));
            // a run's model is named by its run, which is read from the run's records, off the UI thread
            tasks.background(() -> title(file)).whenComplete((t, err) -> {
                if (t != null && loading.get() != null) loading.set(t);
            });
        } else {
            loading.set(was instanceof ModelMemory.BuiltInCnn ? "the built-in CNN" : BUILT_IN);
        }
        return loadBuiltIn().handle((m, err) -> was).thenCompose(this::bringBack).handle((m, err) -> {
            loading.set(null);
            rememberActive();
            return active.get();
        });
    }

    /** What {@link #loadingProperty()} calls the built-in model. */
    public static final String BUILT_IN = "the built-in MLP";

    /**
     * The model a launch is loading to use, named as the user knows it ("the built-in MLP", a run's model by its run,
     * another file by its name), or null when it is loading none.
     */
    public ReadOnlyStringProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    private CompletableFuture<ActiveModel> bringBack(ModelMemory.Remembered was) {
        if (was instanceof ModelMemory.BuiltInCnn) {
            return stillAtStart() ? useBuiltInCnn() : CompletableFuture.completedFuture(active.get());
        }
        if (!(was instanceof ModelMemory.File f)) return CompletableFuture.completedFuture(active.get());
        Path file = f.path();
        if (!Files.isRegularFile(file)) {
            if (recentStore.list().contains(file.toAbsolutePath().normalize())) {
                recentStore.remove(file);
                recent.setAll(recentStore.list());
            }
            dialogs.info("Model not found", file + ", the model in use when DigitStudio was last closed, is no longer there;"
                    + " using the built-in MLP");
            return CompletableFuture.completedFuture(active.get());
        }
        return read(file).handle((opened, err) -> {
            if (err != null) {
                String message = Messages.of(err);
                lastError.set(message);
                dialogs.error("Could not open the model used last time", message);
            } else if (stillAtStart()) {
                active.set(opened.model());
                remember(file);
            }
            return active.get();
        });
    }

    /** Whether the active model is still the one a launch starts with (the user has chosen none yet). */
    private boolean stillAtStart() {
        return active.get() == null || active.get() == builtIn.get();
    }

    /** From now on, the active model is remembered for the next launch. */
    private void rememberActive() {
        active.addListener((o, a, m) -> rememberForNextLaunch(m));
        rememberForNextLaunch(active.get());
    }

    private void rememberForNextLaunch(ActiveModel m) {
        if (m == null) return;
        if (m.file() != null) memory.file(m.file());
        else if (m == builtInCnn) memory.builtInCnn();
        else memory.forget();
    }

    /**
     * Loads the built-in model and makes it active unless the user chose another meanwhile. One throwaway drawing goes
     * through the whole Draw path (render, prepare, classify) on the way, so that the user's first stroke is answered
     * in a millisecond rather than after the JIT has caught up.
     */
    public CompletableFuture<ActiveModel> loadBuiltIn() {
        return tasks.compute(() -> {
            ModelFiles.LoadedModel m = ModelFiles.loadDefault();
            ModelInfo info = m.info();
            // the built-in model was trained on MNIST: older copies of the file do not say so
            if (info.dataset() == null) info = new ModelInfo(info.testAccuracy(), "MNIST", io.digitstudio.data.ClassNames.numbers(10));
            ActiveModel model = ActiveModel.of(m.model(), "built-in MLP", info, null);
            for (int i = 0; i < 20; i++) model.predictor().predict(DigitPreprocessor.toMnist(StrokeRasterizer.render(PenStroke.sampleSeven(), 320, 320, true)));
            return model;
        }).whenComplete((m, err) -> {
            if (err != null) {
                lastError.set("Could not load the built-in MLP: " + Messages.of(err));
                return;
            }
            builtIn.set(m);
            if (active.get() == null) active.set(m);
        });
    }

    private record Opened(ActiveModel model, List<String> notes) {
    }

    /** Loads a model file; completes with the new active model, or exceptionally (the old one stays). */
    public CompletableFuture<ActiveModel> open(Path file) {
        return open(file, true);
    }

    /**
     * As {@link #open(Path)}; {@code tell} false leaves saying it to the caller, whose own message says the whole of
     * one action (a fine-tuning accepted: saved and opened in one). A failure is said either way.
     */
    public CompletableFuture<ActiveModel> open(Path file, boolean tell) {
        return open(file, tell, null);
    }

    /**
     * As {@link #open(Path)}, its message offering Undo, which brings back the model in use before: Runs → Open in Draw
     * replaces the model in use with one click, however much better that one was. Undo brings it back only while the
     * opened model is still in use, so an old message never takes back a later choice.
     */
    public CompletableFuture<ActiveModel> openUndoably(Path file) {
        return open(file, true, active.get());
    }

    /** {@code before}: the model an Undo in the message brings back (null: the message offers none). */
    private CompletableFuture<ActiveModel> open(Path file, boolean tell, ActiveModel before) {
        lastError.set(null);
        return read(file).handle((opened, err) -> {
            if (err != null) {
                String message = Messages.of(err);
                lastError.set(message);
                dialogs.error("Could not open model", message);
                throw new java.util.concurrent.CompletionException(err);
            }
            active.set(opened.model());
            remember(file);
            String notes = opened.notes().isEmpty() ? "" : " (" + String.join("; ", opened.notes()) + ")";
            if (tell && before != null) {
                Undoable undo = new Undoable(opened.model(), before);
                undoable = undo;
                dialogs.info(OPENED_TITLE, undo.opened().describe() + notes + "; Undo brings back " + before.name(), "Undo", () -> {
                    if (undoable == undo && active.get() == undo.opened()) adopt(undo.before());
                });
            } else if (tell) {
                dialogs.info(OPENED_TITLE, opened.model().describe() + notes);
            }
            return opened.model();
        });
    }

    /**
     * Reads and checks a model file without putting it to use: Runs → Evaluate evaluates a run's model while Draw,
     * Samples and Inside keep theirs. The model in use when it is that very file. Completes with the model, or
     * exceptionally once the user has been told what is wrong.
     */
    public CompletableFuture<ActiveModel> load(Path file) {
        ActiveModel a = active.get();
        if (a != null && a.file() != null && a.file().toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
            return CompletableFuture.completedFuture(a);
        }
        return read(file).handle((opened, err) -> {
            if (err != null) {
                dialogs.error("Could not read the model", Messages.of(err));
                throw new java.util.concurrent.CompletionException(err);
            }
            return opened.model();
        });
    }

    /** Reads and checks a model file on the compute worker. */
    private CompletableFuture<Opened> read(Path file) {
        return tasks.compute(() -> {
            ModelFiles.LoadedModel m = ModelFiles.load(file);
            if (m.model().inputSize() != 784) {
                throw new IllegalArgumentException(file.getFileName() + ": the model takes " + m.model().inputSize()
                        + " inputs; DigitStudio's images are 28x28 = 784 pixels");
            }
            return new Opened(ActiveModel.of(m.model(), title(file), m.info(), file), m.notes());
        });
    }

    /** Opens a recent file, dropping it from the list with a message if it is gone. */
    public CompletableFuture<ActiveModel> openRecent(Path file) {
        if (!Files.isRegularFile(file)) {
            recentStore.remove(file);
            recent.setAll(recentStore.list());
            String message = file + " no longer exists; removed from the recent list";
            lastError.set(message);
            dialogs.error("Model missing", message);
            return CompletableFuture.failedFuture(new IllegalStateException(message));
        }
        return open(file);
    }

    /** Saves the active model atomically in Chainer's layout. */
    public CompletableFuture<Path> save(Path file) {
        ActiveModel a = active.get();
        if (a == null) return CompletableFuture.failedFuture(new IllegalStateException("no model to save"));
        return save(file, a.model(), a.info());
    }

    /**
     * Saves a model atomically in Chainer's layout with what is known about it, remembers the file among the recent
     * ones and tells the user.
     */
    public CompletableFuture<Path> save(Path file, Network model, ModelInfo info) {
        return save(file, model, info, true);
    }

    /** As {@link #save(Path, Network, ModelInfo)}; {@code tell} false leaves saying it to the caller (see {@link #open(Path, boolean)}). */
    public CompletableFuture<Path> save(Path file, Network model, ModelInfo info, boolean tell) {
        return tasks.compute(() -> FileWrites.write(file, () -> ModelFiles.saveNpz(file, model, info))).handle((p, err) -> {
            if (err != null) {
                lastError.set(Messages.of(err));
                dialogs.error("Save failed", Messages.of(err));
                throw new java.util.concurrent.CompletionException(err);
            }
            remember(p);
            if (tell) dialogs.info("Model saved", p.toString());
            return p;
        });
    }

    /** The formats the active model can be exported to, for the tools people deploy with and train big models with. */
    public enum ExportFormat {
        ONNX("ONNX", "onnx", "ONNX models (*.onnx)"),
        SAFETENSORS("safetensors", "safetensors", "PyTorch state dicts as safetensors (*.safetensors)");

        public final String title, extension, description;

        ExportFormat(String title, String extension, String description) {
            this.title = title;
            this.extension = extension;
            this.description = description;
        }
    }

    /**
     * Exports the active model as {@code format} to a file the user picks. An existing file is replaced only when the
     * user confirms it, and then atomically: a failed export leaves it as it was.
     */
    public CompletableFuture<Path> export(ExportFormat format) {
        ActiveModel a = active.get();
        if (a == null) return CompletableFuture.failedFuture(new IllegalStateException("no model to export"));
        String base = a.file() == null ? "model" : a.file().getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path file = dialogs.saveFile("Export as " + format.title, base + "." + format.extension, format.description, format.extension).orElse(null);
        if (file == null) return CompletableFuture.completedFuture(null);
        if (Files.exists(file) && !dialogs.confirm("Replace " + file.getFileName() + "?", file + " exists. Exporting replaces it.", "Replace")) {
            return CompletableFuture.completedFuture(null);
        }
        Network model = a.model();
        ModelInfo info = a.info();
        return tasks.compute(() -> FileWrites.write(file, () -> {
            if (format == ExportFormat.ONNX) io.digitstudio.io.OnnxExport.save(file, model, info);
            else io.digitstudio.io.Safetensors.save(file, model, info);
        })).handle((p, err) -> {
            if (err != null) {
                lastError.set(Messages.of(err));
                dialogs.error("Export failed", Messages.of(err));
                throw new java.util.concurrent.CompletionException(err);
            }
            dialogs.info("Model exported as " + format.title, p.toString());
            return p;
        });
    }

    /** Makes the built-in convolutional model (LeNet) active, loading it the first time. */
    public CompletableFuture<ActiveModel> useBuiltInCnn() {
        lastError.set(null);
        if (builtInCnn != null) {
            active.set(builtInCnn);
            return CompletableFuture.completedFuture(builtInCnn);
        }
        return tasks.compute(() -> {
            ModelFiles.LoadedModel m = ModelFiles.loadBuiltInCnn();
            return ActiveModel.of(m.model(), "built-in CNN", m.info(), null);
        }).handle((m, err) -> {
            if (err != null) {
                lastError.set(Messages.of(err));
                dialogs.error("Could not load the built-in CNN", Messages.of(err));
                throw new java.util.concurrent.CompletionException(err);
            }
            builtInCnn = m;
            active.set(m);
            return m;
        });
    }

    public void useBuiltIn() {
        if (builtIn.get() != null) active.set(builtIn.get());
    }

    /**
     * Makes a model trained in this session the active one (the Train view does so when a run finishes). One that is
     * kept in a file (a recorded run's model) joins the recent models, and the next launch brings it back.
     */
    public void adopt(ActiveModel model) {
        active.set(model);
        if (model != null && model.file() != null) remember(model.file());
    }

    /** Whether the model in use is kept in {@code folder} (a run's model, in the run's folder). */
    public boolean inUse(Path folder) {
        ActiveModel a = active.get();
        return a != null && a.file() != null && within(a.file(), folder);
    }

    private static boolean within(Path file, Path folder) {
        return file.toAbsolutePath().normalize().startsWith(folder.toAbsolutePath().normalize());
    }

    /**
     * What takes the place of the model in use when {@code folder} (its run's) goes, as the user is told: the model in
     * use before it, if that is still there ("the built-in CNN (…)", a run's model by its run), else "the built-in MLP
     * (784-400-400-10)".
     */
    public String fallback(Path folder) {
        return named(goingBackTo(folder));
    }

    /**
     * A model as the user is told it takes another's place: "the built-in MLP (784-400-400-10)", "the built-in CNN
     * (…)", another by its name and architecture; null as the built-in MLP, the one a launch looks for.
     */
    public String named(ActiveModel m) {
        if (m == null || m == builtIn.get()) {
            ActiveModel b = builtIn.get();
            return b == null ? BUILT_IN : BUILT_IN + " (" + b.architecture() + ")";
        }
        return (m == builtInCnn ? "the built-in CNN" : m.name()) + " (" + m.architecture() + ")";
    }

    /**
     * The model that takes the place of the model in use when {@code folder} goes: the latest one in use before it that
     * is still there (none kept in {@code folder}, no file gone since), else the built-in model (null when even that
     * could not be loaded).
     */
    private ActiveModel goingBackTo(Path folder) {
        for (java.util.Iterator<ActiveModel> i = before.descendingIterator(); i.hasNext(); ) {
            ActiveModel m = i.next();
            if (m.file() == null || !within(m.file(), folder) && Files.isRegularFile(m.file())) return m;
        }
        return builtIn.get();
    }

    /**
     * Lets go of the models kept in {@code folder}, which is being deleted (a run's): they leave the recent list and
     * the models to go back to, and when the model in use is one of them, {@link #fallback(Path)} takes its place at
     * once, and the next launch starts with that rather than looking for a file that is gone. The caller says so. A
     * message whose Undo would bring one of them back is taken back, and they are {@link #gone}. Returns whether the
     * model in use changed.
     */
    public boolean letGo(Path folder) {
        try {
            return letGoOf(folder);
        } finally {
            goneFolders.add(folder.toAbsolutePath().normalize());
            lettingGo.set(lettingGo.get() + 1);
        }
    }

    private boolean letGoOf(Path folder) {
        List<Path> gone = recentStore.list().stream().filter(p -> within(p, folder)).toList();
        if (!gone.isEmpty()) {
            gone.forEach(recentStore::remove);
            recent.setAll(recentStore.list());
        }
        if (undoable != null && undoable.before().file() != null && within(undoable.before().file(), folder)) withdrawUndo();
        if (!inUse(folder)) {
            before.removeIf(m -> m.file() != null && within(m.file(), folder));
            return false;
        }
        ActiveModel back = goingBackTo(folder);
        // the models in use before it that are gone, and it, are no models to go back to later
        while (!before.isEmpty() && before.peekLast() != back) before.removeLast();
        before.removeIf(m -> m == back || m.file() != null && within(m.file(), folder));
        goingBack = true;
        try {
            active.set(back);
        } finally {
            goingBack = false;
        }
        // the built-in model could not be loaded: nothing is in use, and nothing gone is looked for next time
        if (back == null) memory.forget();
        return true;
    }

    private void remember(Path file) {
        recentStore.add(file);
        recent.setAll(recentStore.list());
        nameRecent();
    }

    public ReadOnlyObjectProperty<ActiveModel> activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ActiveModel> builtInProperty() {
        return builtIn.getReadOnlyProperty();
    }

    public ObservableList<Path> recent() {
        return recent;
    }

    /** The titles of the recent files named so far (see {@link #title}); a file not named yet is listed by its name. */
    public javafx.collections.ObservableMap<Path, String> recentTitles() {
        return recentTitles;
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }
}
