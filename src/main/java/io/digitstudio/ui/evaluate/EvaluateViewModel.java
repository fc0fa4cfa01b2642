package io.digitstudio.ui.evaluate;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.train.ConfusionMatrix;
import io.digitstudio.train.Evaluator;
import io.digitstudio.ui.core.DialogService;
import io.digitstudio.ui.core.FileWrites;
import io.digitstudio.ui.core.Messages;
import io.digitstudio.ui.core.TaskExecutor;
import io.digitstudio.ui.model.ActiveModel;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.nn.Network;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates the active model on the built-in test or training set (or a folder's) off the UI thread, counting the
 * confusion matrix in the evaluator's own pass (loss, accuracy and matrix at once), and holds it for the view.
 * A newer model or set chosen meanwhile wins: a stale answer is dropped.
 */
public final class EvaluateViewModel {
    /** The built-in test or training set, or the test set of a folder of IDX files. */
    public enum Split { TEST, TRAINING, FOLDER }

    /**
     * What one evaluation found. {@code epoch} is 0 for an evaluation of the active model, or the epoch of the run under
     * way whose validation this is (then {@code model} is null until the run's network becomes the active model).
     */
    public record Evaluation(ActiveModel model, Split split, ConfusionMatrix matrix, double loss, List<String> classNames, double seconds,
                             int epoch, Network network, LabeledImages set, String runData) {
        public Evaluation(ActiveModel model, Split split, ConfusionMatrix matrix, double loss, List<String> classNames, double seconds,
                          int epoch, Network network, LabeledImages set) {
            this(model, split, matrix, loss, classNames, seconds, epoch, network, set, null);
        }

        public boolean live() {
            return epoch > 0;
        }

        /**
         * The built-in set the matrix was computed on, whose indices its cells give: {@link Split#TEST} or
         * {@link Split#TRAINING} for an evaluation of a model (the built-in, a run's, a fine-tuned one) on that set; null
         * for a run's validation (its own test images, or part of them) and for a folder's set. The gallery names the
         * set by this, not by its images, which it may not have read yet.
         */
        public Split builtInSet() {
            return live() || split == Split.FOLDER ? null : split;
        }

        /**
         * The set the matrix was computed on, as the gallery names it: "the run's validation (500 test images of MNIST
         * (bundled))", "the test set", "the training set" or the folder set's name.
         */
        public String setLabel() {
            if (live()) {
                return String.format(Locale.ROOT, "the run's validation (%,d test images%s)", matrix.total(),
                        runData == null || runData.isBlank() ? "" : " of " + runData);
            }
            return split == Split.TEST ? "the test set" : split == Split.TRAINING ? "the training set" : set == null ? "a folder's test set" : set.name();
        }
    }

    /** The built-in MNIST's sizes, which the set box names. */
    static final int BUILT_IN_TEST = 10_000;
    static final int BUILT_IN_TRAINING = 60_000;

    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final ModelManager models;
    private final ObjectProperty<Split> split = new SimpleObjectProperty<>(Split.TEST);
    private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<java.nio.file.Path> folder = new ReadOnlyObjectWrapper<>();
    /**
     * What happened last (an accuracy, the most-confused pairs, why the matrix went): nothing before the first
     * evaluation, as the line over the empty matrix says what to do ({@link #shown(Evaluation)}).
     */
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanProperty followTraining = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper setShown = new ReadOnlyStringWrapper();
    /** Whether the matrix is a run's validation and no set has been chosen or evaluated since: the set box names it. */
    private boolean showingRun;
    private long generation;
    /** The model the evaluation under way classifies with (null: none under way). */
    private ActiveModel evaluating;
    /** Whether the run whose validation the matrix shows has ended (its model may still be out of use). */
    private boolean runEnded;

    public EvaluateViewModel(TaskExecutor tasks, DialogService dialogs, ModelManager models) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.models = models;
        models.activeProperty().addListener((o, a, b) -> {
            String said = status.get();
            boolean follows = namesInUse != null && said.equals(inUseSaid);
            Evaluation e = evaluation.get();
            boolean stale = evaluating != null && evaluating == a;
            if (stale) ++generation; // the evaluation under way is of the model no longer in use: its answer is dropped
            // the run that was followed has ended and its network is now the active model: the matrix stays, and its
            // cells now open the gallery
            if (e != null && e.live() && b != null && b.model() == e.network()) {
                evaluation.set(new Evaluation(b, e.split(), e.matrix(), e.loss(), e.classNames(), e.seconds(), e.epoch(), e.network(), e.set(), e.runData()));
                if (stale) sayInUse(EvaluateViewModel::inUseNow);
            } else if (e != null && !e.live() && e.model() != a && b != null && e.model().file() != null && e.model().file().equals(b.file())) {
                // the model the matrix shows (a run's, from Runs) is now the one in use: its cells open the gallery
                evaluation.set(new Evaluation(b, e.split(), e.matrix(), e.loss(), e.classNames(), e.seconds(), e.epoch(), b.model(), e.set(), e.runData()));
                if (stale) sayInUse(EvaluateViewModel::inUseNow);
            } else if (e != null && !e.live() && e.model() != a) {
                // a model that was not in use (a run's, from Runs) is still what the matrix shows: it stays
                if (stale) sayInUse(EvaluateViewModel::inUseNow);
            } else if (e != null || stale) {
                evaluation.set(null);
                // the status said what the matrix showed (a validation's epoch, an accuracy): it says what is now true,
                // and the line over the empty matrix what to do
                sayInUse(EvaluateViewModel::inUseNow);
            }
            // what the status said of the model in use, if nothing above said anything new, names the one in use now
            if (follows && said.equals(status.get())) sayInUse(namesInUse);
        });
        split.addListener((o, a, b) -> {
            showingRun = false;
            if (evaluation.get() != null && !evaluation.get().live()) {
                evaluation.set(null);
                // why the matrix went; the line over the empty matrix says what to do
                sayInUse(m -> m == null ? "No model yet" : "Cleared the matrix: the next evaluation is of " + setPhrase(b) + " with " + m.name());
            }
            updateSetShown();
        });
        folder.addListener(o -> updateSetShown());
        evaluation.addListener(o -> updateSetShown());
        updateSetShown();
    }

    /** A set's name in the set box, with its number of images. */
    public String setName(Split s) {
        if (s == null) return "";
        return switch (s) {
            case TEST -> String.format(Locale.ROOT, "Test set (%,d)", BUILT_IN_TEST);
            case TRAINING -> String.format(Locale.ROOT, "Training set (%,d)", BUILT_IN_TRAINING);
            case FOLDER -> folder.get() == null ? "Test set of a folder…" : "Test set of " + folder.get().getFileName();
        };
    }

    /** What the set box says of a run's validation on {@code images} images. */
    private static String runsValidation(long images) {
        return String.format(Locale.ROOT, "Run's validation (%,d)", images);
    }

    /**
     * Every text the set box may show as things are: each set's name, a run's validation on as many images as the
     * built-in test set has, and what it shows now (a larger data set's validation). The box is as wide as the widest,
     * so it keeps its width, and the controls beside it their places, whichever it shows.
     */
    public java.util.List<String> setTexts() {
        java.util.List<String> all = new java.util.ArrayList<>();
        for (Split s : Split.values()) all.add(setName(s));
        all.add(runsValidation(BUILT_IN_TEST));
        if (setShown.get() != null) all.add(setShown.get());
        return all;
    }

    private void updateSetShown() {
        Evaluation e = evaluation.get();
        if (showingRun && e != null && e.live()) {
            setShown.set(runsValidation(e.matrix().total()));
        } else {
            setShown.set(setName(split.get()));
        }
    }

    /**
     * What the set box shows: the set the next Evaluate uses, or, while the matrix is a run's validation and no other
     * set has been chosen since, that validation set and its real number of images, so the box never names a set the
     * matrix does not show.
     */
    public ReadOnlyStringProperty setShownProperty() { return setShown.getReadOnlyProperty(); }

    /**
     * How the status names the model in use when it does, and what it said so (null: it names none now): while the
     * status still says it, each change of the model in use says it again of the model now in use, so the status never
     * names a model that is no longer in use.
     */
    private java.util.function.Function<ActiveModel, String> namesInUse;
    private String inUseSaid;

    /** Says {@code text} of the model in use in the status, and again of each model put to use while it stays there. */
    private void sayInUse(java.util.function.Function<ActiveModel, String> text) {
        namesInUse = text;
        inUseSaid = text.apply(models.activeProperty().get());
        status.set(inUseSaid);
    }

    /** What the status says once the model in use has changed under what it said. */
    private static String inUseNow(ActiveModel m) {
        return m == null ? "No model yet" : "Draw and Samples now use " + m.name();
    }

    /** "the test set", "the training set" or "the test set of FOLDER", as the status names a set. */
    private String setPhrase(Split s) {
        return s == Split.TEST ? "the test set" : s == Split.TRAINING ? "the training set"
                : folder.get() == null ? "a folder's test set" : "the test set of " + folder.get().getFileName();
    }

    /** Evaluates the active model on the chosen set; the result arrives in {@link #evaluationProperty()}. */
    public void evaluate() {
        evaluate(models.activeProperty().get());
    }

    /**
     * Evaluates {@code model} on the chosen set, which need not be the model in use: Runs → Evaluate evaluates a run's
     * model here while Draw, Samples and Inside keep theirs (the line over the matrix says which model it shows, and
     * that it is not the one in use). The result arrives in {@link #evaluationProperty()}.
     */
    public void evaluate(ActiveModel model) {
        if (model == null) {
            // said of the model in use: rewritten once one is in use (a run's put to use, one opened)
            sayInUse(EvaluateViewModel::inUseNow);
            return;
        }
        Split s = split.get();
        java.nio.file.Path dir = folder.get();
        if (s == Split.FOLDER && dir == null) {
            status.set("Choose a folder of IDX files first");
            return;
        }
        long mine = ++generation;
        evaluating = model;
        showingRun = false;
        updateSetShown();
        status.set("Evaluating " + model.name() + " on the " + (s == Split.TEST ? "test set…" : s == Split.TRAINING ? "training set…" : "test set of " + dir + "…"));
        tasks.compute(() -> {
            long t0 = System.nanoTime();
            LabeledImages set;
            if (s == Split.FOLDER) {
                Mnist.TestSet f = Mnist.testFromDirectory(dir); // the training files need not be there
                set = f.test().withName(f.name() + " test");
            } else {
                Mnist.TrainTest d = Mnist.bundled();
                set = s == Split.TEST ? d.test() : d.train();
            }
            if (model.model().inputSize() != set.featureSize()) {
                throw new IllegalArgumentException("the model takes " + model.model().inputSize() + " inputs; these images have " + set.featureSize());
            }
            Evaluator.Result r = new Evaluator(set, 256).tallyConfusion(true).evaluate(model.model());
            return new Evaluation(model, s, r.confusion(), r.loss(), model.classNames(), (System.nanoTime() - t0) / 1e9, 0, model.model(), set);
        }).whenComplete((e, err) -> {
            if (mine != generation) return;
            evaluating = null;
            if (err != null) {
                status.set("Could not evaluate: " + Messages.of(err));
                return;
            }
            evaluation.set(e);
            status.set(String.format(Locale.ROOT, "Accuracy %.2f%% on %,d images (%.1f s)", 100 * e.matrix().accuracy(), e.matrix().total(), e.seconds())
                    + worst(e));
        });
    }

    /**
     * Shows an epoch's validation of the run under way (when following training): the matrix the trainer tallied in
     * its own validation pass, so following costs training nothing. An evaluation still computing is dropped.
     */
    public void showValidation(int epoch, ConfusionMatrix matrix, double loss, Network network, List<String> classNames) {
        showValidation(epoch, matrix, loss, network, classNames, null);
    }

    /** As above, naming the run's data ("MNIST (bundled)"), whose test set (or a part of it) the validation classified. */
    public void showValidation(int epoch, ConfusionMatrix matrix, double loss, Network network, List<String> classNames, String runData) {
        showValidation(epoch, matrix, loss, network, classNames, runData, null);
    }

    /**
     * As above, with the images the run validated on ({@code set}: its test set after any subset), whose indices the
     * matrix's cells give, so a cell opens exactly its images.
     */
    public void showValidation(int epoch, ConfusionMatrix matrix, double loss, Network network, List<String> classNames, String runData,
                               LabeledImages set) {
        if (!followTraining.get()) return;
        ++generation;
        evaluating = null;
        // named for the gallery's set box, which shows it as the set a cell's images come from
        LabeledImages validated = set != null && set.size() == matrix.total()
                ? set.withName(String.format(Locale.ROOT, "Run's validation (%,d)", set.size())) : null;
        Evaluation e = new Evaluation(null, Split.TEST, matrix, loss, classNames, 0, epoch, network, validated, runData);
        showingRun = true;
        runEnded = false;
        evaluation.set(e);
        status.set(String.format(Locale.ROOT, "Training: epoch %d, validation accuracy %.2f%% on %,d images", epoch, 100 * matrix.accuracy(), matrix.total())
                + worst(e));
    }

    /**
     * The run whose validations are followed has ended (completed, stopped, failed or diverged): a cell of its matrix
     * now waits only for its model to be put to use, which a run whose model is kept out of use leaves to the user.
     */
    public void runEnded() {
        runEnded = true;
    }

    private static String worst(Evaluation e) {
        StringBuilder sb = new StringBuilder();
        List<ConfusionMatrix.Pair> worst = e.matrix().mostConfused(3);
        if (!worst.isEmpty()) {
            sb.append(" · most confused:");
            // each pair held together by no-break spaces: a line that wraps breaks between pairs, never inside one
            for (ConfusionMatrix.Pair p : worst) {
                sb.append("  ").append(String.format(Locale.ROOT, "%s → %s: %d", name(e, p.truth()), name(e, p.predicted()), p.count())
                        .replace(' ', '\u00a0'));
            }
        }
        return sb.toString();
    }

    /**
     * Whether a click on a cell can open its images: not while the matrix is a run's validation and the run's network
     * is not yet a model (then the status says so). A matrix of a model not in use (a run's, from Runs) opens its
     * images with that model's answers, and the status says so.
     */
    public boolean cellsOpen() {
        Evaluation e = evaluation.get();
        if (e == null) return false;
        ActiveModel inUse = models.activeProperty().get();
        if (e.model() == null) {
            // of an ended run, "once the run has ended" would be untrue: only its model is still to be put to use
            status.set(runEnded ? "The gallery shows these images once the run's model is active (Draw and Samples use "
                    + (inUse == null ? "none" : inUse.name()) + ")"
                    : "The gallery shows these images once the run has ended and its model is active");
            return false;
        }
        if (e.model() != inUse) {
            // the gallery shows the cell's images with this model's answers, and only the cell's: the model in use stays
            String whose = e.model().name();
            // it names the model in use as it changes: the line stays true while it shows
            sayInUse(m -> "The gallery shows the cell's images with " + whose + "'s answers; Draw and Inside keep " + (m == null ? "none" : m.name()));
        }
        return true;
    }

    /**
     * Whether a click on the cell of class {@code truth} predicted as {@code predicted} opens its images: as
     * {@link #cellsOpen()}, and not for a cell that holds none (an empty gallery would say nothing; the status says why).
     */
    public boolean cellOpens(int truth, int predicted) {
        if (!cellsOpen()) return false;
        Evaluation e = evaluation.get();
        if (e.matrix().count(truth, predicted) == 0) {
            status.set(String.format(Locale.ROOT, "No images in this cell: no image labelled %s in %s was predicted %s", name(e, truth), e.setLabel(),
                    name(e, predicted)));
            return false;
        }
        return true;
    }

    static String name(Evaluation e, int c) {
        return c < e.classNames().size() ? e.classNames().get(c) : String.valueOf(c);
    }

    /** Saves the matrix and the per-class table as CSV, atomically, where the user says. */
    public void exportCsv() {
        Evaluation e = evaluation.get();
        if (e == null) return;
        dialogs.saveFile("Export the confusion matrix", "confusion.csv", "CSV files", "csv").ifPresent(file -> {
            byte[] bytes = e.matrix().csv(e.classNames()).getBytes(StandardCharsets.UTF_8);
            tasks.compute(() -> FileWrites.write(file, () -> io.digitstudio.io.AtomicFiles.write(file, out -> out.write(bytes))))
                    .whenComplete((p, err) -> status.set(err != null ? "Export failed: " + Messages.of(err) : "Saved " + file));
        });
    }

    /** Saves a picture of the matrix (taken by the view on the UI thread) as PNG, atomically, where the user says. */
    public void exportPng(java.awt.image.BufferedImage picture) {
        if (evaluation.get() == null) return;
        dialogs.saveFile("Export the confusion matrix", "confusion.png", "PNG images (*.png)", "png").ifPresent(file ->
                tasks.compute(() -> FileWrites.write(file, () -> io.digitstudio.ui.widgets.ChartExport.write(picture, file)))
                        .whenComplete((p, err) -> status.set(err != null ? "Export failed: " + Messages.of(err) : "Saved " + file)));
    }

    public ObjectProperty<Split> splitProperty() { return split; }

    /** Asks for a folder of IDX files and evaluates on its test set; cancelled, the set stays as it was. */
    public boolean chooseFolder() {
        java.util.Optional<java.nio.file.Path> dir = dialogs.chooseFolder("Evaluate on a folder of IDX files (its t10k test set)");
        if (dir.isEmpty()) return false;
        folder.set(dir.get());
        split.set(Split.FOLDER);
        return true;
    }

    /** The folder whose test set {@link Split#FOLDER} evaluates. */
    public ReadOnlyObjectProperty<java.nio.file.Path> folderProperty() { return folder.getReadOnlyProperty(); }
    /** Whether each epoch's validation of a run replaces what the view shows. */
    public BooleanProperty followTrainingProperty() { return followTraining; }
    public ReadOnlyObjectProperty<Evaluation> evaluationProperty() { return evaluation.getReadOnlyProperty(); }

    /**
     * What the matrix shows, said above it: a run's validation (its epoch, on how many images) or an evaluation of a
     * model on a set. The set box says what the next Evaluate uses; this says what is on screen.
     */
    public javafx.beans.binding.StringExpression shownProperty() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> shown(evaluation.get(), models.activeProperty().get()), evaluation,
                models.activeProperty());
    }

    /** As {@link #shown(Evaluation)}, saying so when the model evaluated is not {@code inUse}, the one the other views use. */
    static String shown(Evaluation e, ActiveModel inUse) {
        String said = shown(e);
        if (e == null || e.live() || e.model() == null || e.model() == inUse) return said;
        return said + " (not in use: Draw and Samples use " + (inUse == null ? "none" : inUse.name()) + ")";
    }

    static String shown(Evaluation e) {
        if (e == null) return "Nothing evaluated yet: choose a set and press Evaluate";
        if (e.live()) {
            return String.format(Locale.ROOT, "Epoch %d's validation of the training run, on %,d images of the test set%s", e.epoch(), e.matrix().total(),
                    e.runData() == null || e.runData().isBlank() ? "" : " of " + e.runData());
        }
        String set = e.split() == Split.TEST ? "the test set" : e.split() == Split.TRAINING ? "the training set"
                : e.set() == null ? "a folder's test set" : e.set().name();
        return String.format(Locale.ROOT, "%s on %s, %,d images", e.model() == null ? "The model" : e.model().name(), set, e.matrix().total());
    }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
}
