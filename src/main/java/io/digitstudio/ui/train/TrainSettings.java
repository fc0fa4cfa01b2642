package io.digitstudio.ui.train;

import io.digitstudio.nn.Network;
import io.digitstudio.nn.NetworkSpec;
import io.digitstudio.nn.SpecException;
import io.digitstudio.nn.Summary;
import io.digitstudio.optim.OptimizerType;
import io.digitstudio.optim.Optimizers;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.ui.core.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Train view's settings form as a view model: the text the user typed in each field, checked as they type
 * ({@link #validationProperty()} says what is wrong, in one sentence), and turned into a {@link TrainingConfig}.
 * The network is a preset or a spec the user writes; its layer table ({@link #summaryProperty()}) follows the text, and
 * a spec that cannot be read or does not fit the data says so in {@link #specErrorProperty()} with where the bad token is.
 */
public final class TrainSettings {
    private final ObjectProperty<Path> dataFolder = new SimpleObjectProperty<>();
    /** The preset the spec is ("tutorial", "wide", "lenet"), or {@link #CUSTOM}. */
    public static final String CUSTOM = "custom";
    private final StringProperty preset = new SimpleStringProperty("tutorial");
    private final StringProperty spec = new SimpleStringProperty(NetworkSpec.PRESETS.get("tutorial"));
    private final ObjectProperty<Summary> summary = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper specError = new ReadOnlyStringWrapper();
    private final javafx.beans.property.IntegerProperty specErrorStart = new javafx.beans.property.SimpleIntegerProperty(-1);
    private final javafx.beans.property.IntegerProperty specErrorEnd = new javafx.beans.property.SimpleIntegerProperty(-1);
    private int[] exampleShape = {1, 28, 28};
    private int classes = 10;
    /** The data's training and test examples (0: not known yet), and why it cannot be trained on (null: it can). */
    private int dataTrainSize, dataTestSize;
    private String dataProblem;
    private boolean syncing;
    private final StringProperty batchSize = new SimpleStringProperty("128");
    private final StringProperty epochs = new SimpleStringProperty("10");
    private final StringProperty seed = new SimpleStringProperty("0");
    private final StringProperty trainLimit = new SimpleStringProperty("");
    private final StringProperty testLimit = new SimpleStringProperty("");
    private final StringProperty optimizer = new SimpleStringProperty("momentum-sgd");
    private final ObservableList<HyperParam> hyperparams = FXCollections.observableArrayList();
    private final BooleanProperty shuffle = new SimpleBooleanProperty(true);
    private final BooleanProperty augment = new SimpleBooleanProperty(false);
    private final StringProperty lrShift = new SimpleStringProperty("");
    private final StringProperty warmup = new SimpleStringProperty("");
    private final StringProperty earlyStop = new SimpleStringProperty("");
    private final BooleanProperty keepBest = new SimpleBooleanProperty(false);
    private final BooleanProperty snapshots = new SimpleBooleanProperty(false);
    private final ObjectProperty<Branch> branch = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper();
    private final javafx.beans.property.ReadOnlyIntegerWrapper badFields = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private String firstFieldError;
    /** The keys of the fields that are wrong, in the form's order. */
    private final javafx.beans.property.ReadOnlyObjectWrapper<List<String>> badFieldKeys = new javafx.beans.property.ReadOnlyObjectWrapper<>(List.of());

    /** The form's label of each field checked on its own, by its key; an optimizer value's is its own label. */
    private static final Map<String, String> FIELD_NAMES = Map.of("data", "Data", "trainLimit", "Training examples",
            "testLimit", "Test examples", "batchSize", "Batch size", "epochs", "Epochs", "seed", "Seed",
            "lrShift", "LR schedule", "warmup", "Warm-up epochs", "earlyStop", "Early stop after");

    /**
     * The run and point the form branches from: {@code spec} as the session builder takes it ({@code RUN@epoch:N}),
     * {@code where} as the user reads it, the parent's settings, and the epochs it had done there. A branch may change
     * the optimizer, its values, the schedule and the epochs; the rest stays the parent's.
     */
    public record Branch(String runId, String spec, String where, TrainingConfig parent, int epochsDone) {
    }

    /**
     * The form's fields a branch keeps from its parent, by their keys ({@link #fieldErrorProperty}'s, and "spec",
     * "preset", "shuffle", "augment"): the form locks them while it is a branch, rather than let them be typed in and
     * then turn Start off ({@link #branchKeeps}); the branch trains on its parent's data whatever the form says.
     */
    public static final List<String> KEPT_BY_BRANCH = List.of("data", "trainLimit", "testLimit", "preset", "spec", "batchSize", "seed", "shuffle", "augment");

    /** Why the fields of {@link #KEPT_BY_BRANCH} are greyed while the form is a branch, said in its banner. */
    public static final String KEPT_BY_BRANCH_NOTE = "It keeps its parent's data, network, batch size, seed, shuffling and augmentation"
            + " (greyed in the form); the optimizer, its values, the schedule and the epochs may change.";

    private final javafx.beans.binding.BooleanBinding keptByBranch = branch.isNotNull();

    /** Counts the changes to what {@link #values()} holds. */
    private final javafx.beans.property.ReadOnlyLongWrapper edits = new javafx.beans.property.ReadOnlyLongWrapper();

    public TrainSettings() {
        for (javafx.beans.value.ObservableValue<?> p : List.of(spec, batchSize, epochs, seed, trainLimit, testLimit, optimizer, shuffle, augment,
                lrShift, warmup, earlyStop, keepBest, snapshots, dataFolder)) {
            p.addListener((o, a, b) -> edited());
        }
        branch.addListener((o, a, b) -> validate());
        optimizer.addListener((o, a, b) -> rebuildHyperparams());
        rebuildHyperparams();
        for (StringProperty p : new StringProperty[]{batchSize, epochs, seed, trainLimit, testLimit, lrShift, warmup, earlyStop}) p.addListener((o, a, b) -> validate());
        // a branch refuses other shuffling or augmentation than its parent's (branchKeeps)
        shuffle.addListener((o, a, b) -> validate());
        augment.addListener((o, a, b) -> validate());
        preset.addListener((o, a, b) -> {
            if (syncing || b == null || !NetworkSpec.PRESETS.containsKey(b)) return;
            syncing = true;
            spec.set(NetworkSpec.PRESETS.get(b));
            syncing = false;
            validate();
        });
        spec.addListener((o, a, b) -> {
            if (!syncing) {
                syncing = true;
                preset.set(presetOf(b));
                syncing = false;
            }
            validate();
        });
        dataFolder.addListener((o, a, b) -> validate());
        validate();
    }

    private void rebuildHyperparams() {
        hyperparams.clear();
        try {
            for (OptimizerType.Param p : Optimizers.type(optimizer.get()).params()) {
                HyperParam h = HyperParam.of(p);
                h.text().addListener((o, a, b) -> validate());
                h.text().addListener((o, a, b) -> edited());
                hyperparams.add(h);
            }
        } catch (IllegalArgumentException e) {
            // an unknown name is reported by validate()
        }
        validate();
    }

    private void edited() {
        edits.set(edits.get() + 1);
    }

    /**
     * How many times what the form holds ({@link #values()}: a field, a box, the optimizer or one of its values, the
     * data) has changed: the app remembers the form as it changes, once the editing settles.
     */
    public javafx.beans.property.ReadOnlyLongProperty editsProperty() {
        return edits.getReadOnlyProperty();
    }

    private static String presetOf(String text) {
        try {
            String name = NetworkSpec.parse(text).presetName();
            return name != null ? name : CUSTOM;
        } catch (IllegalArgumentException e) {
            return CUSTOM;
        }
    }

    /** The shape of one example and the number of classes of the data the run will use (MNIST until told otherwise). */
    public void setData(int[] shape, int classes) {
        this.exampleShape = shape.clone();
        this.classes = classes;
        validate();
    }

    /**
     * How many training and test examples the chosen data has (0: not known yet), so that the subset fields and the
     * batch size are checked against it.
     */
    public void setDataSizes(int train, int test) {
        this.dataTrainSize = train;
        this.dataTestSize = test;
        validate();
    }

    /** Why the chosen data cannot be trained on, in one line (null: it can); shown by the data field, and Start stays off. */
    public void setDataProblem(String problem) {
        this.dataProblem = problem;
        validate();
    }

    /** The network the editor holds, checked against the data's shape and classes (SpecException if it does not fit). */
    public NetworkSpec network() {
        NetworkSpec n = NetworkSpec.parse(spec.get());
        Network.summarize(n, exampleShape, classes);
        return n;
    }

    /** Builds the run's config from the form; throws IllegalArgumentException with a message for the user. */
    public TrainingConfig config() {
        Map<String, Double> h = new LinkedHashMap<>();
        for (HyperParam p : hyperparams) h.put(p.key(), number(p.text().get(), p.label()));
        NetworkSpec n;
        try {
            n = network();
        } catch (SpecException e) {
            throw new IllegalArgumentException("Network: " + e.getMessage(), e);
        }
        TrainingConfig c = new TrainingConfig(integer(epochs.get(), "Epochs"), integer(batchSize.get(), "Batch size"), n,
                optimizer.get(), h, integer(seed.get(), "Seed"), shuffle.get(), limit(trainLimit.get(), "Training examples"),
                limit(testLimit.get(), "Test examples"), augment.get());
        if (c.trainLimit() > 0 && c.batchSize() > c.trainLimit()) {
            throw new IllegalArgumentException("Batch size " + c.batchSize() + " is larger than the " + c.trainLimit() + " training examples");
        }
        if (c.batchSize() > 60_000 && dataFolder.get() == null) throw new IllegalArgumentException("Batch size is larger than MNIST's 60000 training examples");
        return c;
    }

    /** A whole number typed in a field, or the sentence the command line says for the same text. */
    private static int integer(String text, String what) {
        return io.digitstudio.optim.NumberText.wholeNumber(what, text);
    }

    private static int limit(String text, String what) {
        if (text == null || text.isBlank()) return 0;
        int v = integer(text, what);
        if (v < 1) throw new IllegalArgumentException(what + " must be at least 1 (or empty for all), got " + v);
        return v;
    }

    /** A number typed in a field, or the sentence the command line says for the same text. */
    private static double number(String text, String what) {
        return io.digitstudio.optim.NumberText.number(what, text);
    }

    /**
     * The run's extensions: a learning-rate schedule in the command line's words ({@code exponential:0.5},
     * {@code linear:0.01:0.001}, {@code step:0.1@5,8}), warm-up epochs, early stopping's patience (empty: off). Keeping
     * the best model is the view's ({@link #keepBestProperty()}), since a GUI run has no output file.
     */
    public io.digitstudio.train.RunOptions runOptions() {
        int w = warmup.get() == null || warmup.get().isBlank() ? 0 : integer(warmup.get(), "Warm-up epochs");
        int p = earlyStop.get() == null || earlyStop.get().isBlank() ? 0 : integer(earlyStop.get(), "Early stopping patience");
        if (w < 0) throw new IllegalArgumentException("Warm-up epochs must be at least 0, got " + w);
        if (earlyStop.get() != null && !earlyStop.get().isBlank() && p < 1) throw new IllegalArgumentException("Early stopping patience must be at least 1, got " + p);
        try {
            return new io.digitstudio.train.RunOptions(lrShift.get(), w, p, false, "");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("--lr-shift", "Schedule"), e);
        }
    }

    /**
     * What is wrong with one field ({@code "batchSize"}, {@code "hp-lr"}, …), or null: shown under the field itself, so
     * that every bad field says why where the user looks.
     */
    public ReadOnlyStringProperty fieldErrorProperty(String field) {
        return fieldErrors.computeIfAbsent(field, k -> new ReadOnlyStringWrapper()).getReadOnlyProperty();
    }

    private final Map<String, ReadOnlyStringWrapper> fieldErrors = new java.util.HashMap<>();

    /** Each field on its own, in the form's order: its message, or null. */
    private Map<String, String> checkFields() {
        Map<String, String> errors = new LinkedHashMap<>();
        // as the reader says it: the line begins with a file name, which is not to be capitalized
        if (dataProblem != null) errors.put("data", dataProblem);
        check(errors, "trainLimit", () -> available(limit(trainLimit.get(), "Training examples"), dataTrainSize, "training"));
        check(errors, "testLimit", () -> available(limit(testLimit.get(), "Test examples"), dataTestSize, "test"));
        for (HyperParam h : hyperparams) {
            // named by its label, as the field shows it ("Decay", not Chainer's "alpha")
            check(errors, "hp-" + h.key(), () -> h.param().check(h.label(), number(h.text().get(), h.label())));
        }
        check(errors, "batchSize", () -> {
            int b = integer(batchSize.get(), "Batch size");
            if (b < 1 || b > TrainingConfig.MAX_BATCH) throw new IllegalArgumentException("Batch size must be between 1 and " + TrainingConfig.MAX_BATCH + ", got " + b);
            int train;
            try {
                train = limit(trainLimit.get(), "Training examples");
            } catch (IllegalArgumentException e) {
                return; // the training examples' field says so
            }
            if (train == 0) train = dataTrainSize;
            if (train > 0 && b > train) throw new IllegalArgumentException("Batch size " + b + " is larger than the " + train + " training examples");
        });
        check(errors, "epochs", () -> {
            int e = integer(epochs.get(), "Epochs");
            if (e < 1 || e > TrainingConfig.MAX_EPOCHS) throw new IllegalArgumentException("Epochs must be between 1 and " + TrainingConfig.MAX_EPOCHS + ", got " + e);
        });
        check(errors, "seed", () -> integer(seed.get(), "Seed"));
        Branch from = branch.get();
        if (from != null && !errors.containsKey("epochs")) {
            check(errors, "epochs", () -> {
                int e = integer(epochs.get(), "Epochs");
                if (e <= from.epochsDone()) {
                    throw new IllegalArgumentException("Epochs must be more than " + from.epochsDone() + ": the branch starts after epoch " + from.epochsDone());
                }
            });
        }
        check(errors, "lrShift", () -> {
            try {
                new io.digitstudio.train.RunOptions(lrShift.get(), 0, 0, false, "");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().replace("--lr-shift", "Schedule"), e);
            }
        });
        check(errors, "warmup", () -> {
            if (warmup.get() == null || warmup.get().isBlank()) return;
            int w = integer(warmup.get(), "Warm-up epochs");
            if (w < 0) throw new IllegalArgumentException("Warm-up epochs must be at least 0, got " + w);
        });
        check(errors, "earlyStop", () -> {
            if (earlyStop.get() == null || earlyStop.get().isBlank()) return;
            int e = integer(earlyStop.get(), "Early stopping patience");
            if (e < 1) throw new IllegalArgumentException("Early stopping patience must be at least 1, got " + e);
        });
        return errors;
    }

    /** A subset size the data can give ({@code size} 0: not known yet, so any). */
    private static void available(int asked, int size, String what) {
        if (size > 0 && asked > size) throw new IllegalArgumentException("The data has " + size + " " + what + " examples, " + asked + " asked");
    }

    private static void check(Map<String, String> errors, String field, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            errors.put(field, Messages.capitalize(e.getMessage()));
        }
    }

    /** Checks the form and says what is wrong (null when nothing is). */
    public boolean validate() {
        try {
            NetworkSpec n = NetworkSpec.parse(spec.get());
            summary.set(Network.summarize(n, exampleShape, classes));
            specError.set(null);
            specErrorLayer = 0;
            specErrorStart.set(-1);
            specErrorEnd.set(-1);
        } catch (SpecException e) {
            summary.set(null);
            specError.set(Messages.capitalize(e.getMessage()));
            specErrorLayer = e.layer();
            specErrorStart.set(e.start());
            specErrorEnd.set(e.end());
        }
        Map<String, String> errors = checkFields();
        errors.keySet().forEach(this::fieldErrorProperty); // a field the form builds later finds its message waiting
        fieldErrors.forEach((field, error) -> error.set(errors.get(field)));
        // before the count, whose listeners read them
        firstFieldError = errors.isEmpty() ? null : errors.values().iterator().next();
        badFieldKeys.set(List.copyOf(errors.keySet()));
        badFields.set(errors.size());
        try {
            TrainingConfig c = config();
            runOptions().checkNewRun("Warm-up epochs", "LR schedule");
            String kept = branchKeeps(c);
            if (kept != null) throw new IllegalArgumentException(kept);
            // a field can be wrong where the config is not (the data, a subset larger than the data)
            validation.set(firstFieldError);
            return firstFieldError == null;
        } catch (IllegalArgumentException e) {
            // a field's own message names it as the form does ("Decay"), where the engine names it by Chainer's key ("alpha")
            validation.set(firstFieldError != null ? firstFieldError : Messages.capitalize(e.getMessage()));
            return false;
        }
    }

    /**
     * What the form changes that a branch keeps from its parent (the network, batch size, seed, shuffling, augmentation
     * and subsets), said in one sentence; null when it changes none, or when it is no branch.
     */
    String branchKeeps(TrainingConfig c) {
        Branch from = branch.get();
        if (from == null) return null;
        TrainingConfig p = from.parent();
        List<String> changed = new java.util.ArrayList<>();
        // by what the networks build on the data, not by their text, as the command line's --branch compares them
        if (!c.network().sameNetwork(p.network(), classes)) changed.add("network (" + p.network().text() + ")");
        if (c.batchSize() != p.batchSize()) changed.add("batch size (" + p.batchSize() + ")");
        if (c.seed() != p.seed()) changed.add("seed (" + p.seed() + ")");
        if (c.shuffle() != p.shuffle()) changed.add("shuffling (" + (p.shuffle() ? "on" : "off") + ")");
        if (c.augment() != p.augment()) changed.add("augmentation (" + (p.augment() ? "on" : "off") + ")");
        if (c.trainLimit() != p.trainLimit()) changed.add("training examples (" + (p.trainLimit() == 0 ? "all" : p.trainLimit()) + ")");
        if (c.testLimit() != p.testLimit()) changed.add("test examples (" + (p.testLimit() == 0 ? "all" : p.testLimit()) + ")");
        if (changed.isEmpty()) return null;
        return "A branch keeps its parent's " + String.join(", ", changed) + "; only the optimizer, its values, the schedule and the epochs may change";
    }

    /** The epochs the form asks for, or 10 while the field does not hold a number (for the charts' axes). */
    public int plannedEpochs() {
        try {
            int e = Integer.parseInt(epochs.get().strip());
            return e >= 1 ? e : 10;
        } catch (NumberFormatException | NullPointerException e) {
            return 10;
        }
    }

    /** Shows a run's settings (after a resume), exactly as they are. */
    public void show(TrainingConfig c) {
        spec.set(c.network().text());
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

    /**
     * What the form holds as the user left it: each field's text, each box, the data. A branch's set-up puts its
     * parent's values over them for one run; {@link #restore} brings them back.
     */
    public record Values(String spec, String batchSize, String epochs, String seed, String trainLimit, String testLimit, boolean shuffle,
                         boolean augment, String optimizer, Map<String, String> hyperparams, String lrShift, String warmup, String earlyStop,
                         boolean keepBest, boolean snapshots, Path dataFolder) {
    }

    /** The form's values now (see {@link Values}). */
    public Values values() {
        Map<String, String> hp = new LinkedHashMap<>();
        for (HyperParam h : hyperparams) hp.put(h.key(), h.text().get());
        return new Values(spec.get(), batchSize.get(), epochs.get(), seed.get(), trainLimit.get(), testLimit.get(), shuffle.get(), augment.get(),
                optimizer.get(), Map.copyOf(hp), lrShift.get(), warmup.get(), earlyStop.get(), keepBest.get(), snapshots.get(), dataFolder.get());
    }

    /** Puts {@code v} back in the form, as {@link #values()} took it. */
    public void restore(Values v) {
        spec.set(v.spec()); // the preset follows the text
        batchSize.set(v.batchSize());
        epochs.set(v.epochs());
        seed.set(v.seed());
        trainLimit.set(v.trainLimit());
        testLimit.set(v.testLimit());
        shuffle.set(v.shuffle());
        augment.set(v.augment());
        optimizer.set(v.optimizer()); // its fields first, then their texts
        for (HyperParam h : hyperparams) {
            String t = v.hyperparams().get(h.key());
            if (t != null) h.text().set(t);
        }
        lrShift.set(v.lrShift());
        warmup.set(v.warmup());
        earlyStop.set(v.earlyStop());
        keepBest.set(v.keepBest());
        snapshots.set(v.snapshots());
        dataFolder.set(v.dataFolder());
    }

    /** The form's fields as a first launch has them. */
    public static Values defaults() {
        return new TrainSettings().values();
    }

    /** Every field back to its default, the data the bundled MNIST; a branch set up in the form is left for a new run. */
    public void resetToDefaults() {
        branch.set(null);
        restore(defaults());
    }

    /** The keys of a remembered form ({@link #memory}): the fields', and {@code hp.KEY} for each optimizer value. */
    public static final List<String> MEMORY_KEYS;

    static {
        List<String> keys = new java.util.ArrayList<>(List.of("data", "spec", "batchSize", "epochs", "seed", "trainLimit", "testLimit", "shuffle",
                "augment", "optimizer", "lrShift", "warmup", "earlyStop", "keepBest", "snapshots"));
        for (String o : Optimizers.NAMES) {
            for (OptimizerType.Param p : Optimizers.type(o).params()) if (!keys.contains("hp." + p.key())) keys.add("hp." + p.key());
        }
        MEMORY_KEYS = List.copyOf(keys);
    }

    /** The text fields checked one by one, by their keys in {@link #fieldErrorProperty} and in a memory. */
    private static final List<String> CHECKED_TEXTS = List.of("batchSize", "epochs", "seed", "trainLimit", "testLimit", "lrShift", "warmup", "earlyStop");

    /**
     * What of the user's own values {@code v} the next launch brings back, by {@link #MEMORY_KEYS}: each field that is
     * right as it stands, checked as the form checks it (on this form's data, when {@code v} has the same); the boxes;
     * the chosen optimizer's values; the data's path ("" for the bundled MNIST) unless it cannot be trained on. A value
     * typed wrong and never fixed is left out, so that the value remembered before it (or the default) comes back.
     */
    public Map<String, String> memory(Values v) {
        TrainSettings check = new TrainSettings();
        boolean sameData = java.util.Objects.equals(v.dataFolder(), dataFolder.get());
        if (sameData) {
            check.setData(exampleShape, classes);
            check.setDataSizes(dataTrainSize, dataTestSize);
        }
        check.restore(v);
        Map<String, String> m = new LinkedHashMap<>();
        if (!sameData || dataProblem == null) m.put("data", v.dataFolder() == null ? "" : v.dataFolder().toAbsolutePath().normalize().toString());
        if (check.specErrorProperty().get() == null) m.put("spec", v.spec());
        Map<String, String> texts = Map.of("batchSize", v.batchSize(), "epochs", v.epochs(), "seed", v.seed(), "trainLimit", v.trainLimit(),
                "testLimit", v.testLimit(), "lrShift", v.lrShift(), "warmup", v.warmup(), "earlyStop", v.earlyStop());
        for (String k : CHECKED_TEXTS) if (check.fieldErrorProperty(k).get() == null) m.put(k, texts.get(k) == null ? "" : texts.get(k).strip());
        m.put("shuffle", String.valueOf(v.shuffle()));
        m.put("augment", String.valueOf(v.augment()));
        m.put("keepBest", String.valueOf(v.keepBest()));
        m.put("snapshots", String.valueOf(v.snapshots()));
        if (Optimizers.NAMES.contains(v.optimizer())) {
            m.put("optimizer", v.optimizer());
            for (HyperParam h : check.hyperparams()) {
                if (check.fieldErrorProperty("hp-" + h.key()).get() == null) m.put("hp." + h.key(), h.text().get().strip());
            }
        }
        return m;
    }

    /**
     * Puts a remembered form ({@link #memory}) in this one. What is missing, or is not right here (a hand-edited file,
     * an optimizer this version does not have), takes its default; a data folder that is gone leaves the bundled
     * MNIST, and the sentence returned says so (null when there is nothing to say).
     */
    public String recall(Map<String, String> m) {
        Values d = defaults();
        java.util.function.BiFunction<String, String, String> text = (k, dflt) -> m.get(k) != null ? m.get(k) : dflt;
        java.util.function.BiFunction<String, Boolean, Boolean> bool = (k, dflt) -> "true".equals(m.get(k)) || !"false".equals(m.get(k)) && dflt;
        String opt = Optimizers.NAMES.contains(m.get("optimizer")) ? m.get("optimizer") : d.optimizer();
        Map<String, String> hp = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith("hp.") && v != null) hp.put(k.substring(3), v);
        });
        Path data = null;
        String notice = null;
        String where = m.get("data");
        if (where != null && !where.isBlank()) {
            try {
                data = Path.of(where);
            } catch (java.nio.file.InvalidPathException e) {
                data = null;
            }
            if (data == null || !java.nio.file.Files.exists(data)) {
                data = null;
                notice = "The data last trained on, " + where + ", is not there any more: the form is on the bundled MNIST";
            }
        }
        branch.set(null);
        restore(new Values(text.apply("spec", d.spec()), text.apply("batchSize", d.batchSize()), text.apply("epochs", d.epochs()),
                text.apply("seed", d.seed()), text.apply("trainLimit", d.trainLimit()), text.apply("testLimit", d.testLimit()),
                bool.apply("shuffle", d.shuffle()), bool.apply("augment", d.augment()), opt, hp, text.apply("lrShift", d.lrShift()),
                text.apply("warmup", d.warmup()), text.apply("earlyStop", d.earlyStop()), bool.apply("keepBest", d.keepBest()),
                bool.apply("snapshots", d.snapshots()), data));
        // a value that is not right here takes its default; values right alone but wrong together (a batch larger than
        // the training examples asked for, each remembered at another time) all take theirs
        if (specError.get() != null) spec.set(d.spec());
        Map<String, String> defaults = Map.of("batchSize", d.batchSize(), "epochs", d.epochs(), "seed", d.seed(), "trainLimit", d.trainLimit(),
                "testLimit", d.testLimit(), "lrShift", d.lrShift(), "warmup", d.warmup(), "earlyStop", d.earlyStop());
        for (int round = 0; round < 2 && wrongTexts(); round++) {
            for (String k : CHECKED_TEXTS) if (round == 1 || fieldErrorProperty(k).get() != null) textField(k).set(defaults.get(k));
            for (HyperParam h : hyperparams) {
                if (round == 1 || fieldErrorProperty("hp-" + h.key()).get() != null) h.text().set(HyperParam.format(h.defaultValue()));
            }
        }
        return notice;
    }

    /** Whether a text field of the form or an optimizer value says it is wrong. */
    private boolean wrongTexts() {
        for (String k : CHECKED_TEXTS) if (fieldErrorProperty(k).get() != null) return true;
        for (HyperParam h : hyperparams) if (fieldErrorProperty("hp-" + h.key()).get() != null) return true;
        return false;
    }

    private StringProperty textField(String key) {
        return switch (key) {
            case "batchSize" -> batchSize;
            case "epochs" -> epochs;
            case "seed" -> seed;
            case "trainLimit" -> trainLimit;
            case "testLimit" -> testLimit;
            case "lrShift" -> lrShift;
            case "warmup" -> warmup;
            case "earlyStop" -> earlyStop;
            default -> throw new IllegalArgumentException(key);
        };
    }

    /** Shows a run's schedule and other extensions (re-running a recorded run). */
    public void show(io.digitstudio.train.RunOptions o) {
        lrShift.set(o.lrShift());
        warmup.set(o.warmupEpochs() == 0 ? "" : String.valueOf(o.warmupEpochs()));
        earlyStop.set(o.earlyStop() == 0 ? "" : String.valueOf(o.earlyStop()));
        keepBest.set(o.keepBest());
    }

    public ObjectProperty<Path> dataFolderProperty() { return dataFolder; }
    /** The run the form branches from, or null: Start then trains a new run. */
    public ObjectProperty<Branch> branchProperty() { return branch; }
    /** Whether the form is a branch, whose fields of {@link #KEPT_BY_BRANCH} stay its parent's. */
    public javafx.beans.binding.BooleanExpression keptByBranchProperty() { return keptByBranch; }
    /** The preset chosen ("tutorial", "wide", "lenet") or "custom"; choosing a preset puts its spec in the editor. */
    public StringProperty presetProperty() { return preset; }
    /** The network spec's text, as in the editor. */
    public StringProperty specProperty() { return spec; }
    /** The layer table for the spec on the current data, or null while the spec is not valid. */
    public ObjectProperty<Summary> summaryProperty() { return summary; }
    public ReadOnlyStringProperty specErrorProperty() { return specError.getReadOnlyProperty(); }
    /** Where the bad token starts in the spec text (−1 when the problem is not one token). */
    public javafx.beans.property.ReadOnlyIntegerProperty specErrorStartProperty() { return specErrorStart; }
    public javafx.beans.property.ReadOnlyIntegerProperty specErrorEndProperty() { return specErrorEnd; }
    public StringProperty batchSizeProperty() { return batchSize; }
    public StringProperty epochsProperty() { return epochs; }
    public StringProperty seedProperty() { return seed; }
    public StringProperty trainLimitProperty() { return trainLimit; }
    public StringProperty testLimitProperty() { return testLimit; }
    public StringProperty optimizerProperty() { return optimizer; }
    public ObservableList<HyperParam> hyperparams() { return hyperparams; }
    public BooleanProperty shuffleProperty() { return shuffle; }
    public BooleanProperty augmentProperty() { return augment; }
    /** A learning-rate schedule as the command line writes it, or empty. */
    public StringProperty lrShiftProperty() { return lrShift; }
    public StringProperty warmupProperty() { return warmup; }
    /** Early stopping's patience in epochs, or empty for none. */
    public StringProperty earlyStopProperty() { return earlyStop; }
    /** Adopt (and offer to save) the best epoch's model instead of the last one's. */
    public BooleanProperty keepBestProperty() { return keepBest; }
    /** Whether the run snapshots itself into its folder of the run history after every epoch (the newest three are kept). */
    public BooleanProperty snapshotsProperty() { return snapshots; }
    public ReadOnlyStringProperty validationProperty() { return validation.getReadOnlyProperty(); }
    /** The form's label of the field {@code key} of {@link #fieldErrorProperty}. */
    public String fieldName(String key) {
        for (HyperParam h : hyperparams) if (key.equals("hp-" + h.key())) return h.label();
        return FIELD_NAMES.getOrDefault(key, key);
    }

    /** The keys in {@link #fieldErrorProperty} of the fields that are wrong, in the form's order. */
    public javafx.beans.property.ReadOnlyObjectProperty<List<String>> badFieldKeysProperty() { return badFieldKeys.getReadOnlyProperty(); }
    /** How many fields say they are wrong (the network editor not counted: it says so itself). */
    public javafx.beans.property.ReadOnlyIntegerProperty badFieldsProperty() { return badFields.getReadOnlyProperty(); }

    /**
     * Why Start is off in a few words, for the status line's one line; null when Start can start. A field that is wrong
     * shows its whole message under itself, so this names where to look, not the message again (a path or the network's
     * list of layers would not fit one line at 150 %), as what to do ("Fix Learning rate (in red) to start."); a reason
     * no field shows (a branch's kept settings) is said whole.
     */
    public String startBlockerShort() {
        List<String> bad = badFieldKeys.get();
        int n = bad.size();
        // the field by its label, which the user finds in the form; its message says what is wrong with it
        // what to do first, short: "Start is off: fix Learning rate, marked in red" broke onto a second line at 150 %
        if (n > 1) return FIX + fieldName(bad.get(0)) + " and " + (n - 1) + (n == 2 ? " more field" : " more fields") + " (in red) to start.";
        if (n == 1) return FIX + fieldName(bad.get(0)) + " (in red) to start.";
        String v = validation.get();
        if (v == null) return null;
        if (specError.get() == null) return v;
        return specErrorLayer > 0 ? FIX + "Network (layer " + specErrorLayer + ") to start." : FIX + "Network to start.";
    }

    /** How {@link #startBlockerShort} begins when a field is to be fixed. */
    static final String FIX = "Fix ";

    /** The layer the spec's problem is in, counted from 1; 0 when it is the spec as a whole or there is none. */
    private int specErrorLayer;

    /** Why Start cannot start a run with this form, in a line for the toolbar; null when it can. */
    public String startBlocker() {
        int n = badFields.get();
        if (n == 0) return validation.get();
        return n > 1 ? n + " fields need fixing, first: " + firstFieldError : firstFieldError;
    }
}
