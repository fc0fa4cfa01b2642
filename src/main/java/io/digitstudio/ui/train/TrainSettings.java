package io.digitstudio.ui.train;

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
import java.util.Map;

/**
 * The Train view's settings form as a view model: the text the user typed in each field, checked as they type
 * ({@link #validationProperty()} says what is wrong, in one sentence), and turned into a {@link TrainingConfig}.
 */
public final class TrainSettings {
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

    public TrainSettings() {
        optimizer.addListener((o, a, b) -> rebuildHyperparams());
        rebuildHyperparams();
        for (StringProperty p : new StringProperty[]{units, batchSize, epochs, seed, trainLimit, testLimit}) p.addListener((o, a, b) -> validate());
        dataFolder.addListener((o, a, b) -> validate());
        validate();
    }

    private void rebuildHyperparams() {
        hyperparams.clear();
        try {
            Optimizers.defaults(optimizer.get()).forEach((k, v) -> {
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
        TrainingConfig c = new TrainingConfig(integer(epochs.get(), "Epochs"), integer(batchSize.get(), "Batch size"), integer(units.get(), "Hidden units"),
                optimizer.get(), h, integer(seed.get(), "Seed"), shuffle.get(), limit(trainLimit.get(), "Training examples"),
                limit(testLimit.get(), "Test examples"), augment.get());
        if (c.trainLimit() > 0 && c.batchSize() > c.trainLimit()) {
            throw new IllegalArgumentException("Batch size " + c.batchSize() + " is larger than the " + c.trainLimit() + " training examples");
        }
        if (c.batchSize() > 60_000 && dataFolder.get() == null) throw new IllegalArgumentException("Batch size is larger than MNIST's 60000 training examples");
        return c;
    }

    private static int integer(String text, String what) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
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

    /** Checks the form and says what is wrong (null when nothing is). */
    public boolean validate() {
        try {
            config();
            validation.set(null);
            return true;
        } catch (IllegalArgumentException e) {
            validation.set(Messages.capitalize(e.getMessage()));
            return false;
        }
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
}
