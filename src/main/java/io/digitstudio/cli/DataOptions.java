package io.digitstudio.cli;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the data comes from: the bundled MNIST or a folder of IDX files. */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR|FILE.csv", description = "Folder with the four MNIST-style IDX files (raw or .gz), a folder of "
            + "pictures with one subfolder per class (train/ and test/ inside, or split one in 7), or Kaggle's Digit Recognizer train.csv (label,pixel0,...; one in 7 rows held out as the test set). Default: the bundled MNIST.")
    Path dir;

    public Mnist.TrainTest load() {
        return Mnist.load(dir);
    }

    /** The first {@code n} examples of a set, or all of it when {@code n} is null; {@code option} names the flag in errors. */
    static LabeledImages cut(LabeledImages set, Integer n, String option) {
        return n == null ? set : set.limit(n, option);
    }

    /** Refuses a size below 1 before anything is loaded ({@code n} null: not given). */
    static void requirePositive(Integer n, String option) {
        if (n != null && n < 1) throw new UsageException(option + " must be at least 1 (leave it out to use all), got " + n);
    }
}
