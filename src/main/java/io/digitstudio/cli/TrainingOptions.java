package io.digitstudio.cli;

import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.optim.Optimizers;
import io.digitstudio.train.TrainingConfig;
import picocli.CommandLine.Option;

/** The hyper-parameters of a run, with the tutorial's defaults. */
public final class TrainingOptions {
    @Option(names = "--epochs", defaultValue = "10", description = "Epochs to train (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "128", description = "Examples per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--units", defaultValue = "100", description = "Units in each of the two hidden layers (default: ${DEFAULT-VALUE}).")
    int units;

    @Option(names = "--optimizer", defaultValue = "momentum-sgd",
            description = "momentum-sgd, sgd, adam, rmsprop or adagrad (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", description = "Learning rate (Adam's alpha); default: the optimizer's Chainer default (0.01 for MomentumSGD).")
    Double lr;

    @Option(names = "--momentum", description = "Momentum for momentum-sgd (default: 0.9).")
    Double momentum;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for initialisation and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-shuffle", description = "Walk the training set in order instead of shuffling each epoch.")
    boolean noShuffle;

    @Option(names = "--augment", description = "Distort training images at random (small rotations, scales, shifts, stroke widths) so the model also reads drawn digits.")
    boolean augment;

    @Option(names = "--threads", defaultValue = "1", description = "Native threads for matrix products (default: ${DEFAULT-VALUE}, fastest at this size).")
    int threads;

    public TrainingConfig config(int trainLimit, int testLimit) {
        if (momentum != null && !"momentum-sgd".equalsIgnoreCase(optimizer)) {
            throw new UserInputException("--momentum applies only to momentum-sgd");
        }
        String name = Optimizers.canonical(optimizer);
        if (threads < 1 || threads > 64) throw new UserInputException("--threads must be between 1 and 64, got " + threads);
        return new TrainingConfig(epochs, batchSize, units, name, Optimizers.overrides(name, lr, momentum), seed, !noShuffle, trainLimit, testLimit, augment);
    }

    void applyThreads() {
        Nd4jSetup.setThreads(threads);
    }
}
