package io.digitstudio.ui.samples;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.nn.Prediction;
import io.digitstudio.ui.core.Messages;
import io.digitstudio.ui.core.TaskExecutor;
import io.digitstudio.ui.model.ActiveModel;
import io.digitstudio.ui.model.ModelManager;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The gallery's state: which set is shown, the active model's prediction for every image (computed on the compute
 * worker whenever the model or the set changes), the misclassified filter and the selected image.
 */
public final class SamplesViewModel {
    /** The built-in test or training set, or a set from a folder (shown after an evaluation of one). */
    public enum Split { TEST, TRAIN, FOLDER }

    /** The gallery's order: as in the set, or by the model's confidence in its answer. */
    public enum Order { AS_IN_SET, MOST_CONFIDENT_FIRST, LEAST_CONFIDENT_FIRST }

    /** A model's predicted labels for every image of one set. */
    record Predictions(ActiveModel model, Split split, int[] labels, float[] confidence) {
    }

    private final TaskExecutor tasks;
    private final ModelManager models;
    private final ObjectProperty<Split> split = new SimpleObjectProperty<>(Split.TEST);
    private final BooleanProperty onlyMisclassified = new SimpleBooleanProperty(false);
    private final IntegerProperty trueClass = new SimpleIntegerProperty(-1);
    private final IntegerProperty predictedClass = new SimpleIntegerProperty(-1);
    private final ObjectProperty<Order> order = new SimpleObjectProperty<>(Order.AS_IN_SET);
    private final ReadOnlyObjectWrapper<LabeledImages> images = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Predictions> predictions = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Integer> visible = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<Prediction> selectedPrediction = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Loading MNIST…");
    private final ReadOnlyStringWrapper summaryRoom = new ReadOnlyStringWrapper("");
    private Mnist.TrainTest data;
    private final io.digitstudio.ui.explain.ExplainViewModel explain;

    public SamplesViewModel(TaskExecutor tasks, ModelManager models) {
        this(tasks, models, null);
    }

    /**
     * With {@code explain}: the picked image's nearest training examples and answer profile, as the Draw view shows
     * its drawing's (null: none).
     */
    public SamplesViewModel(TaskExecutor tasks, ModelManager models, io.digitstudio.ui.explain.ExplainViewModel explain) {
        this.tasks = tasks;
        this.models = models;
        this.explain = explain;
        summary.addListener((o, a, said) -> summaryRoom.set(roomFor(said)));
        summaryRoom.set(summary.get());
        if (explain != null) {
            explain.setPrompt("Pick an image to see its nearest training examples");
            selected.addListener((o, a, b) -> explainSelected());
        }
        split.addListener((o, a, b) -> {
            leaveCell();
            showSplit();
        });
        onlyMisclassified.addListener((o, a, b) -> {
            leaveCell();
            refilter();
        });
        trueClass.addListener((o, a, b) -> {
            leaveCell();
            refilter();
        });
        predictedClass.addListener((o, a, b) -> {
            leaveCell();
            refilter();
        });
        order.addListener((o, a, b) -> refilter());
        models.activeProperty().addListener((o, a, b) -> {
            // a matrix cell's images are another model's answers: the filters (its true and predicted class) now
            // apply to this model's, so that no tile contradicts them
            leaveCell();
            refilter();
            predictAll();
        });
        selected.addListener((o, a, b) -> {
            pinSlot.forget();
            predictSelected();
        });
        tasks.compute(Mnist::bundled).whenComplete((d, err) -> {
            if (err != null) {
                summary.set("Could not load MNIST: " + Messages.of(err));
                return;
            }
            data = d;
            // a matrix cell opened while the images were read is shown now that the built-in sets can be told apart
            Runnable cell = pendingCell;
            pendingCell = null;
            if (cell != null) cell.run();
            if (images.get() == null) showSplit();
        });
    }

    /** The model a matrix cell shown is of, when not the one in use (a run's, evaluated in Runs); else null. */
    private ActiveModel cellModel;

    private LabeledImages folderSet;
    private final javafx.beans.property.ReadOnlyStringWrapper folderName = new javafx.beans.property.ReadOnlyStringWrapper("");

    private void showSplit() {
        if (data == null) return;
        if (split.get() == Split.FOLDER && folderSet == null) {
            split.set(Split.TEST);
            return;
        }
        images.set(split.get() == Split.TEST ? data.test() : split.get() == Split.TRAIN ? data.train() : folderSet);
        predictions.set(null);
        selected.set(-1);
        refilter();
        predictAll();
    }

    private void predictAll() {
        ActiveModel model = answering();
        LabeledImages set = images.get();
        Split s = split.get();
        if (model == null || set == null) return;
        if (model.model().inputSize() != set.featureSize()) {
            summary.set("The active model takes " + model.model().inputSize() + " inputs; these images have " + set.featureSize() + " pixels");
            return;
        }
        summary.set(baseText() + " · " + model.name() + ": predicting…");
        tasks.compute(() -> {
            int n = set.size();
            int[] labels = new int[n];
            float[] conf = new float[n];
            int batch = 256; // bounded: a convolutional model keeps per-batch buffers for its next call
            for (int start = 0; start < n; start += batch) {
                int m = Math.min(batch, n - start);
                float[][] xs = new float[m][];
                for (int i = 0; i < m; i++) xs[i] = set.features(start + i);
                Prediction[] p = model.predictor().predict(xs);
                for (int i = 0; i < m; i++) {
                    labels[start + i] = p[i].label();
                    conf[start + i] = p[i].confidence();
                }
            }
            return new Predictions(model, s, labels, conf);
        }).whenComplete((p, err) -> {
            if (err != null) {
                summary.set("Prediction failed: " + Messages.of(err));
                return;
            }
            // a newer model or set may have been chosen meanwhile: keep only the matching answer
            if (p.model() != answering() || p.split() != split.get() || images.get() != set) return;
            predictions.set(p);
            refilter();
            predictSelected();
        });
    }

    private void refilter() {
        LabeledImages set = images.get();
        if (set == null) {
            visible.clear();
            return;
        }
        Predictions p = predictions.get();
        List<Integer> v = new ArrayList<>(set.size());
        if (cellImages != null) {
            // a matrix cell's images, as the matrix counted them: not re-filtered by this model's answers
            for (int i : cellImages) if (i < set.size()) v.add(i);
            show(v, p);
            return;
        }
        int t = trueClass.get(), q = predictedClass.get();
        boolean needsPredictions = onlyMisclassified.get() || q >= 0 || order.get() != Order.AS_IN_SET;
        for (int i = 0; i < set.size(); i++) {
            if (t >= 0 && set.label(i) != t) continue;
            if (needsPredictions && p == null && (onlyMisclassified.get() || q >= 0)) continue;
            if (onlyMisclassified.get() && p.labels()[i] == set.label(i)) continue;
            if (q >= 0 && p.labels()[i] != q) continue;
            v.add(i);
        }
        show(v, p);
    }

    /** Shows these images in the chosen order (by the model's confidence when there are predictions). */
    private void show(List<Integer> v, Predictions p) {
        if (p != null && order.get() != Order.AS_IN_SET) {
            float[] c = p.confidence();
            java.util.Comparator<Integer> byConfidence = java.util.Comparator.comparingDouble(i -> c[i]);
            v.sort(order.get() == Order.MOST_CONFIDENT_FIRST ? byConfidence.reversed() : byConfidence);
        }
        visible.setAll(v);
        // the detail panel shows only an image the gallery shows
        if (selected.get() >= 0 && !new java.util.HashSet<>(v).contains(selected.get())) selected.set(-1);
        summary.set(summaryText());
    }

    private String summaryText() {
        LabeledImages set = images.get();
        if (set == null) return "";
        Predictions p = predictions.get();
        String base = baseText();
        if (p == null) return base;
        int wrong = 0;
        for (int i = 0; i < set.size(); i++) if (p.labels()[i] != set.label(i)) wrong++;
        return String.format(Locale.ROOT, "%s · %s: %,d right, %,d wrong (%.2f%%)", base, p.model().name(), set.size() - wrong, wrong,
                100.0 * (set.size() - wrong) / set.size());
    }

    /** Which images the gallery shows: "10,000 test images", "454 of 10,000 test images shown", or a matrix cell's. */
    private String baseText() {
        return baseText(visible.size());
    }

    /** {@link #baseText()} as it reads when the gallery shows {@code shown} images. */
    private String baseText(int shown) {
        LabeledImages set = images.get();
        if (set == null) return "";
        if (cellImages != null) {
            return String.format(Locale.ROOT, "%,d %s of %s that the matrix counts as %s predicted as %s", cellImages.length,
                    cellImages.length == 1 ? "image" : "images", cellSet, labelName(trueClass.get()), predictionName(predictedClass.get()));
        }
        String what = split.get() == Split.TEST ? "test" : split.get() == Split.TRAIN ? "training" : set.name();
        if (!filtered()) return String.format(Locale.ROOT, "%,d %s images", set.size(), what);
        return String.format(Locale.ROOT, "%,d of %,d %s images shown", shown, set.size(), what);
    }

    /** Whether a filter narrows the gallery to some of the set's images. */
    private boolean filtered() {
        return onlyMisclassified.get() || trueClass.get() >= 0 || predictedClass.get() >= 0;
    }

    /**
     * The summary as long as it can grow for these images and the model in use: with the model's figures at their
     * widest ("10,000 right, 10,000 wrong (100.00%)"). The view keeps this room for the summary, so that it takes no
     * more lines once the model's figures come than while it says the model is predicting.
     */
    private String roomFor(String said) {
        LabeledImages set = images.get();
        ActiveModel model = answering();
        if (set == null || model == null || model.model().inputSize() != set.featureSize()) return said;
        return String.format(Locale.ROOT, "%s · %s: %,d right, %,d wrong (100.00%%)", baseText(set.size()), model.name(), set.size(), set.size());
    }

    private void predictSelected() {
        int i = selected.get();
        LabeledImages set = images.get();
        ActiveModel model = answering();
        selectedPrediction.set(null);
        if (i < 0 || set == null || model == null || model.model().inputSize() != set.featureSize()) return;
        float[] x = set.features(i);
        tasks.compute(() -> model.predictor().predict(x)).thenAccept(p -> {
            if (selected.get() == i && images.get() == set) selectedPrediction.set(p);
        });
    }

    private void explainSelected() {
        int i = selected.get();
        LabeledImages set = images.get();
        if (i < 0 || set == null) {
            explain.look(null, "");
            return;
        }
        String what = split.get() == Split.TEST ? "test image " + i : split.get() == Split.TRAIN ? "training image " + i : set.name() + " image " + i;
        explain.look(set.features(i), what);
    }

    /** What explains the picked image, or null when this gallery shows no explanation. */
    public io.digitstudio.ui.explain.ExplainViewModel explain() {
        return explain;
    }

    private final io.digitstudio.ui.pins.PinSlot pinSlot = new io.digitstudio.ui.pins.PinSlot();

    /** Where Pin puts the selected image (the app's pinned digits). */
    public void setPins(io.digitstudio.ui.pins.Pins p) {
        pinSlot.connect(p);
    }

    /** The app's pinned digits, or null when this view has none to pin to. */
    public io.digitstudio.ui.pins.Pins pins() {
        return pinSlot.pins();
    }

    /**
     * Pins the selected image, so that the Train view shows how a run learns it; false when none is selected, or the
     * pins are full or hold it already ({@link #pinnedProperty()} says which).
     */
    public boolean pinSelected() {
        LabeledImages set = images.get();
        int i = selected.get();
        if (pinSlot.pins() == null || set == null || i < 0 || i >= set.size()) return false;
        float[] x = new float[set.featureSize()];
        set.copyFeatures(i, x, 0);
        String where = split.get() == Split.TEST ? "test image" : split.get() == Split.TRAIN ? "training image" : set.name() + " image";
        return pinSlot.pin(x, where + " #" + i + " (" + labelName(set.label(i)) + ")");
    }

    /** What the last Pin did or why it could not ("" once another image is selected). */
    public javafx.beans.property.ReadOnlyStringProperty pinnedProperty() {
        return pinSlot.saidProperty();
    }

    /** The name of a label of the shown set (digits for MNIST). */
    public String labelName(int label) {
        return io.digitstudio.data.ClassNames.of(data == null ? null : data.classNames(), label);
    }

    /** The name the active model gives its output {@code label}. */
    public String predictionName(int label) {
        ActiveModel m = answering();
        return io.digitstudio.data.ClassNames.of(m == null ? null : m.classNames(), label);
    }

    public ModelManager models() {
        return models;
    }

    /** The model's confidence in its answer for image {@code index}, or NaN while there is none. */
    public float confidence(int index) {
        Predictions p = predictions.get();
        return p == null ? Float.NaN : p.confidence()[index];
    }

    /** The predicted label of image {@code index}, or -1 while there is none. */
    public int predictedLabel(int index) {
        Predictions p = predictions.get();
        return p == null ? -1 : p.labels()[index];
    }

    /**
     * Shows exactly the images of class {@code truth} that the model predicts as {@code predicted} on a set, most
     * confident first (a click on a confusion-matrix cell).
     */
    public void showConfusion(Split set, int truth, int predicted) {
        showConfusion(set, null, truth, predicted);
    }

    /** The same for a set read from a folder (it becomes the gallery's "folder" set). */
    public void showConfusion(LabeledImages folder, int truth, int predicted) {
        showConfusion(Split.FOLDER, folder, truth, predicted);
    }

    /** The images a matrix cell counts, while the gallery shows them (null: the filters decide), and the set they are of. */
    private int[] cellImages;
    private String cellSet;
    private boolean openingCell;

    /** A matrix cell to show once the built-in sets are read (null: none waits). */
    private Runnable pendingCell;

    private void leaveCell() {
        if (openingCell) return;
        cellImages = null;
        pendingCell = null;
        // a run's answers were the cell's: the rest of the gallery answers with the model in use
        if (cellModel != null) answerWith(null);
    }

    /**
     * Shows exactly the images a confusion-matrix cell counts: {@code indices} into {@code set}, the set the matrix was
     * computed on (named {@code setLabel}, "the run's validation (500 test images of MNIST (bundled))"), most confident
     * first. The built-in test or training set is shown as itself; any other set as the gallery's folder set. Changing
     * a filter or the set afterwards leaves the cell for the filters' images.
     */
    public void showCell(LabeledImages set, String setLabel, int truth, int predicted, int[] indices) {
        if (data == null) {
            // the gallery made by this click is still reading the built-in sets: which one this is can be told once
            // they are there
            int[] cell = indices.clone();
            pendingCell = () -> showCell(set, setLabel, truth, predicted, cell);
            return;
        }
        openingCell = true;
        try {
            cellImages = indices.clone();
            cellSet = setLabel;
            if (data != null && sameImages(set, data.test())) {
                showConfusion(Split.TEST, null, truth, predicted);
            } else if (data != null && sameImages(set, data.train())) {
                showConfusion(Split.TRAIN, null, truth, predicted);
            } else {
                showConfusion(Split.FOLDER, set, truth, predicted);
            }
        } finally {
            openingCell = false;
        }
        refilter();
    }

    /**
     * Shows exactly the images a confusion-matrix cell of a built-in set counts ({@code builtIn}: {@link Split#TEST} or
     * {@link Split#TRAIN}, whose indices {@code indices} are), named {@code setLabel} ("the test set"), most confident
     * first. The caller says which set it is (the evaluation knows which it classified), so the gallery names it so
     * whichever model the matrix is of and whether or not the gallery has read its images yet.
     */
    public void showCell(Split builtIn, String setLabel, int truth, int predicted, int[] indices) {
        if (builtIn == Split.FOLDER) throw new IllegalArgumentException("a folder's set is shown with its images: showCell(LabeledImages, …)");
        pendingCell = null; // a cell clicked earlier, still waiting for the images, is replaced by this one
        openingCell = true;
        try {
            cellImages = indices.clone();
            cellSet = setLabel;
            showConfusion(builtIn, null, truth, predicted);
        } finally {
            openingCell = false;
        }
        refilter();
    }

    /**
     * As {@link #showCell(Split, String, int, int, int[])}, with the answers of {@code model}, whose matrix the cell is
     * of: a run's model evaluated in Runs, not the one in use. The gallery answers with it until the cell is left (a
     * filter or the set changed), then with the model in use again.
     */
    public void showCell(Split builtIn, String setLabel, int truth, int predicted, int[] indices, ActiveModel model) {
        answerWith(model);
        showCell(builtIn, setLabel, truth, predicted, indices);
    }

    /** As {@link #showCell(LabeledImages, String, int, int, int[])}, with the answers of {@code model} (see above). */
    public void showCell(LabeledImages set, String setLabel, int truth, int predicted, int[] indices, ActiveModel model) {
        answerWith(model);
        showCell(set, setLabel, truth, predicted, indices);
    }

    /** The gallery's answers from now on: {@code model}'s (null: the model in use's), predicted anew if they differ. */
    private void answerWith(ActiveModel model) {
        ActiveModel was = answering();
        cellModel = model == null || model == models.activeProperty().get() ? null : model;
        if (answering() != was) {
            predictions.set(null);
            selectedPrediction.set(null);
            predictAll();
        }
    }

    /** The model whose answers the gallery shows: a matrix cell's, while one is shown, else the one in use. */
    private ActiveModel answering() {
        return cellModel != null ? cellModel : models.activeProperty().get();
    }

    /**
     * Whether {@code set} holds the built-in set's images: a run that loaded its data itself (a fine-tune's mix, a run
     * from the command line's record) validates on its own copy of the test set, which is still the test set to a user.
     */
    private static boolean sameImages(LabeledImages set, LabeledImages builtIn) {
        return set == builtIn || set.size() == builtIn.size() && set.featureSize() == builtIn.featureSize()
                && set.sha256().equals(builtIn.sha256());
    }

    /** The set the shown matrix cell's images are of, or null when no cell is shown. */
    public String cellSet() {
        return cellImages == null ? null : cellSet;
    }

    private void showConfusion(Split set, LabeledImages folder, int truth, int predicted) {
        if (folder != null) {
            boolean changed = folderSet != folder;
            folderSet = folder;
            folderName.set(folder.name());
            if (changed && split.get() == Split.FOLDER) showSplit();
        }
        onlyMisclassified.set(false);
        trueClass.set(truth);
        predictedClass.set(predicted);
        order.set(Order.MOST_CONFIDENT_FIRST);
        split.set(set);
    }

    public ObjectProperty<Split> splitProperty() { return split; }
    /** The folder set's name, once there is one ("" before). */
    public javafx.beans.property.ReadOnlyStringProperty folderNameProperty() { return folderName.getReadOnlyProperty(); }
    /** Only images of this true class (-1: any). */
    public IntegerProperty trueClassProperty() { return trueClass; }
    /** Only images the model predicts as this class (-1: any). */
    public IntegerProperty predictedClassProperty() { return predictedClass; }
    public ObjectProperty<Order> orderProperty() { return order; }
    public BooleanProperty onlyMisclassifiedProperty() { return onlyMisclassified; }
    public ReadOnlyObjectProperty<LabeledImages> imagesProperty() { return images.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Predictions> predictionsProperty() { return predictions.getReadOnlyProperty(); }
    public ObservableList<Integer> visible() { return visible; }
    public IntegerProperty selectedProperty() { return selected; }
    public ReadOnlyObjectProperty<Prediction> selectedPredictionProperty() { return selectedPrediction.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    /** The text whose room the summary keeps: the summary with the model's figures at their widest ({@link #roomFor}). */
    public ReadOnlyStringProperty summaryRoomProperty() { return summaryRoom.getReadOnlyProperty(); }
}
