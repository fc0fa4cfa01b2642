package io.digitstudio.ui.train;

import io.digitstudio.data.DataSummary;
import io.digitstudio.ui.core.DialogService;
import io.digitstudio.ui.core.Messages;
import io.digitstudio.ui.core.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Train form's data picker: the bundled MNIST, a folder of IDX files, a folder of pictures with one subfolder per
 * class, or Kaggle's CSV. A choice is read on a worker as a run would read it, and what was found is published: its
 * kind, name, class names and examples per class, or one line saying why it cannot be trained on (the form then keeps
 * Start off and says so by the data field). The chosen path is the form's {@link TrainSettings#dataFolderProperty()},
 * which the run's session reads; a path put there by others (a run filled in again, a resumed run) is read the same way.
 */
public final class DataPicker {
    /** One class of the data: its name and its training and test examples. */
    public record ClassCount(String name, int train, int test) {
    }

    private final TrainSettings settings;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final ReadOnlyObjectWrapper<DataSummary.Kind> kind = new ReadOnlyObjectWrapper<>(DataSummary.Kind.BUNDLED);
    private final ReadOnlyObjectWrapper<DataSummary> found = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");
    private final ObservableList<ClassCount> classes = FXCollections.observableArrayList();
    private final ObservableList<ClassCount> shownClasses = FXCollections.unmodifiableObservableList(classes);
    /** Counts the readings asked for: only the newest one's answer is shown. */
    private long asked;
    private boolean choosing;

    /** A picker over the form's data, reading the form's current choice (the bundled MNIST at first) at once. */
    public DataPicker(TrainSettings settings, TaskExecutor tasks, DialogService dialogs) {
        this.settings = settings;
        this.tasks = tasks;
        this.dialogs = dialogs;
        settings.dataFolderProperty().addListener((o, a, p) -> {
            if (!choosing) read(null, p);
        });
        Path now = settings.dataFolderProperty().get();
        read(now == null ? DataSummary.Kind.BUNDLED : null, now);
    }

    /**
     * Chooses data of a kind: the bundled MNIST at once, the others through a folder or file chooser. False when the
     * user cancels the chooser (the choice before stays).
     */
    public boolean choose(DataSummary.Kind k) {
        Path p = null;
        if (k != DataSummary.Kind.BUNDLED) {
            Optional<Path> chosen = switch (k) {
                case CSV -> dialogs.openFile("Kaggle Digit Recognizer CSV (label,pixel0,...)", "CSV files (*.csv)", "csv");
                case IMAGES -> dialogs.chooseFolder("Folder of pictures, one subfolder per class");
                default -> dialogs.chooseFolder("Folder with MNIST-style IDX files");
            };
            if (chosen.isEmpty()) return false;
            p = chosen.get();
        }
        choosing = true;
        try {
            kind.set(k);
            settings.dataFolderProperty().set(p);
        } finally {
            choosing = false;
        }
        read(k, p);
        return true;
    }

    /** Reads the chosen data again (its files may have changed since). */
    public void reread() {
        read(kind.get(), settings.dataFolderProperty().get());
    }

    /** Reads {@code path} as {@code k} on a worker ({@code k} null: as whatever it is) and publishes what it holds. */
    private void read(DataSummary.Kind k, Path path) {
        long mine = ++asked;
        if (k != null) kind.set(k);
        found.set(null);
        problem.set(null);
        classes.clear();
        reading.set(true);
        description.set(path == null ? "Reading the bundled MNIST…" : "Reading " + path.getFileName() + "…");
        settings.setDataProblem(null);
        tasks.background(() -> DataSummary.inspect(k, path)).whenComplete((s, err) -> {
            if (mine != asked) return; // a newer choice was made meanwhile
            reading.set(false);
            if (err != null) {
                String why = Messages.of(err); // as the reader says it, beginning with the file's name
                problem.set(why);
                description.set("");
                settings.setDataSizes(0, 0);
                settings.setDataProblem(why);
                return;
            }
            kind.set(s.kind());
            List<ClassCount> rows = new ArrayList<>();
            for (int i = 0; i < s.classNames().size(); i++) rows.add(new ClassCount(s.classNames().get(i), s.trainCounts()[i], s.testCounts()[i]));
            classes.setAll(rows);
            description.set(describe(s));
            found.set(s);
            settings.setData(s.exampleShape(), s.classNames().size());
            settings.setDataSizes(s.trainSize(), s.testSize());
        });
    }

    /**
     * The file or folder a run's recorded data source names, or null for the bundled MNIST: what the form takes to run
     * a recorded run again. A picture folder's source may end in a note on the blank pictures and the folders without
     * pictures it left out, which is not part of the path.
     */
    public static Path pathOf(String source) {
        if (source == null || source.isBlank() || source.equals(io.digitstudio.data.Mnist.BUNDLED_SOURCE)) return null;
        Path p = Path.of(source.replaceFirst(" \\(\\d+ (blank pictures? left out|folders? without pictures passed over): .*\\)$", ""));
        return p.isAbsolute() ? p : null;
    }

    /** "Image folder “letters”: 3 classes, 54 training and 9 test images". */
    static String describe(DataSummary s) {
        String what = s.kind() == DataSummary.Kind.BUNDLED ? s.kind().label() : s.kind().label() + " “" + s.name() + "”";
        return String.format(Locale.ROOT, "%s: %d classes, %,d training and %,d test images", what, s.classNames().size(), s.trainSize(), s.testSize());
    }

    /** The kind of data chosen (as found, once read). */
    public ReadOnlyObjectProperty<DataSummary.Kind> kindProperty() { return kind.getReadOnlyProperty(); }
    /** What the chosen data holds, or null while it is read or when it cannot be trained on. */
    public ReadOnlyObjectProperty<DataSummary> foundProperty() { return found.getReadOnlyProperty(); }
    /** Why the chosen data cannot be trained on, in one line, or null. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** Whether the chosen data is being read. */
    public ReadOnlyBooleanProperty readingProperty() { return reading.getReadOnlyProperty(); }
    /** One line on the data: its kind, name, classes and examples, or that it is being read. */
    public ReadOnlyStringProperty descriptionProperty() { return description.getReadOnlyProperty(); }
    /** The classes found, with their examples, in label order. */
    public ObservableList<ClassCount> classes() { return shownClasses; }
    /** The chosen file or folder (null: the bundled MNIST). */
    public Path path() { return settings.dataFolderProperty().get(); }
}
