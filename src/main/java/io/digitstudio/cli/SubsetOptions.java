package io.digitstudio.cli;

import io.digitstudio.data.Mnist;
import picocli.CommandLine.Option;

/** For commands that train: use only the first N training and test examples. */
public final class SubsetOptions {
    @Option(names = "--train-size", paramLabel = "N", description = "Use only the first N training examples (default: all).")
    Integer trainSize;

    @Option(names = "--test-size", paramLabel = "N", description = "Use only the first N test examples (default: all).")
    Integer testSize;

    /** Refuses sizes below 1 before anything is loaded. */
    void validate() {
        DataOptions.requirePositive(trainSize, "--train-size");
        DataOptions.requirePositive(testSize, "--test-size");
    }

    Mnist.TrainTest apply(Mnist.TrainTest d) {
        return d.with(DataOptions.cut(d.train(), trainSize, "--train-size"), DataOptions.cut(d.test(), testSize, "--test-size"));
    }

    /** The limits as TrainingConfig records them (0 = all). */
    int trainLimit() {
        return trainSize == null ? 0 : trainSize;
    }

    int testLimit() {
        return testSize == null ? 0 : testSize;
    }
}
