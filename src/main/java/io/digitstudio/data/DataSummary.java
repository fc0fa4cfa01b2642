package io.digitstudio.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a data source holds, read before a run: its kind, its name, the class names and how many training and test
 * examples each class has. {@link #inspect} reads the data as a run would ({@link Mnist#load}), after checking that the
 * path is of the kind the user meant, so that a folder of IDX files chosen as a picture folder is named for what it is.
 */
public record DataSummary(Kind kind, Path path, String name, String source, List<String> classNames, int[] trainCounts, int[] testCounts,
                          int[] exampleShape) {
    /** The kinds of data a run trains on, in the order a picker offers them. */
    public enum Kind {
        BUNDLED("MNIST (bundled)"),
        IDX("IDX folder"),
        IMAGES("Image folder"),
        CSV("CSV file (Kaggle)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The kind's name for the user. */
        public String label() {
            return label;
        }

        /** The kind {@link Mnist#load} reads a path as (null: the bundled MNIST). */
        public static Kind of(Path path) {
            if (path == null) return BUNDLED;
            if (KaggleCsv.isCsv(path)) return CSV;
            return ImageFolder.isImageFolder(path) ? IMAGES : IDX;
        }
    }

    public DataSummary {
        classNames = List.copyOf(classNames);
        trainCounts = trainCounts.clone();
        testCounts = testCounts.clone();
        exampleShape = exampleShape.clone();
    }

    /** The examples of each class in {@code train} and {@code test}. */
    public static DataSummary of(Kind kind, Path path, Mnist.TrainTest data) {
        int k = data.classNames().size();
        return new DataSummary(kind, path, data.name(), data.source(), data.classNames(), counts(data.train(), k), counts(data.test(), k),
                data.train().exampleShape());
    }

    private static int[] counts(LabeledImages set, int classes) {
        int[] n = new int[classes];
        for (int i = 0; i < set.size(); i++) {
            int label = set.label(i);
            if (label >= 0 && label < classes) n[label]++;
        }
        return n;
    }

    /**
     * Reads the data at {@code path} as {@code kind} ({@code kind} null: whatever the path is), or throws a
     * {@link DataException} that says in one line why it cannot be trained on.
     */
    public static DataSummary inspect(Kind kind, Path path) {
        if (kind == Kind.BUNDLED || path == null) return of(Kind.BUNDLED, null, Mnist.bundled());
        if (!Files.exists(path)) throw new DataException(path + ": not found");
        Kind found = Kind.of(path);
        Kind wanted = kind == null ? found : kind;
        switch (wanted) {
            case CSV -> {
                if (!Files.isRegularFile(path)) throw new DataException(path + ": not a file; a CSV file is Kaggle's train.csv (label,pixel0,...)");
                if (found != Kind.CSV) throw new DataException(path + ": not a .csv file; a CSV file is Kaggle's train.csv (label,pixel0,...)");
            }
            case IMAGES -> {
                if (!Files.isDirectory(path)) throw new DataException(path + ": not a folder");
                if (found != Kind.IMAGES) {
                    throw new DataException(path + (hasIdxFiles(path) ? ": holds IDX files, not class subfolders; choose it as an IDX folder"
                            : ": no class subfolders; an image folder has one subfolder of pictures per class (or train/ and test/ with them)"));
                }
            }
            case IDX -> {
                if (!Files.isDirectory(path)) throw new DataException(path + ": not a folder");
                if (found == Kind.IMAGES) throw new DataException(path + ": holds class subfolders, not IDX files; choose it as an image folder");
            }
            default -> throw new IllegalStateException("unreachable: " + wanted);
        }
        return of(wanted, path, Mnist.load(path));
    }

    private static boolean hasIdxFiles(Path dir) {
        try (var files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().contains("-ubyte") || p.getFileName().toString().contains(".idx"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The number of training examples. */
    public int trainSize() {
        int n = 0;
        for (int c : trainCounts) n += c;
        return n;
    }

    /** The number of test examples. */
    public int testSize() {
        int n = 0;
        for (int c : testCounts) n += c;
        return n;
    }
}
