package io.digitstudio.cli;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the data comes from: the bundled MNIST or a folder of IDX files, optionally cut to its first N examples. */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "Folder with the four MNIST-style IDX files (raw or .gz). Default: the bundled MNIST.")
    Path dir;

    @Option(names = "--train-size", paramLabel = "N", description = "Use only the first N training examples (default: all).")
    int trainSize;

    @Option(names = "--test-size", paramLabel = "N", description = "Use only the first N test examples (default: all).")
    int testSize;

    public Mnist.TrainTest load() {
        Mnist.TrainTest d = dir == null ? Mnist.bundled() : Mnist.fromDirectory(dir);
        return new Mnist.TrainTest(cut(d.train(), trainSize, "--train-size"), cut(d.test(), testSize, "--test-size"), d.source());
    }

    private static LabeledImages cut(LabeledImages set, int n, String option) {
        if (n < 0) throw new UserInputException(option + " must be positive, got " + n);
        if (n == 0) return set;
        if (n > set.size()) throw new UserInputException(option + " " + n + " is larger than the " + set.size() + " examples available");
        return set.head(n);
    }
}
