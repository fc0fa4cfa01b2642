package io.digitstudio.cli;

import io.digitstudio.nn.NetworkSpec;
import io.digitstudio.optim.Optimizers;
import io.digitstudio.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The hyper-parameters of a run, with the tutorial's defaults; the optimizers' help comes from {@link OptimizerHelp}. */
@Command(resourceBundle = "io.digitstudio.cli.OptimizerHelp")
public final class TrainingOptions {
    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Epochs to train (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "128", description = "Examples per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    /** The name sweep's --batch-size also answers to, so the scripts that type it work here too; the help names one. */
    @Option(names = "--batch", paramLabel = "N", hidden = true, description = "Same as --batch-size.")
    Integer batchAlias;

    @Option(names = "--model", paramLabel = "NETWORK", description = "tutorial (default), wide, lenet, or a spec in quotes, e.g. "
            + "\"conv 20 5, relu, maxpool 2, linear 500, relu, dropout 0.5, linear\" (a last 'linear' without a size has one output per class).")
    String model;

    @Option(names = "--units", paramLabel = "N", description = "Shorthand for the tutorial MLP with N units in each of its two hidden layers (default: 100).")
    Integer units;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "momentum-sgd", descriptionKey = "optimizer", description = "The optimizer.")
    String optimizer;

    @Option(names = "--lr", paramLabel = "RATE", descriptionKey = "lr", description = "Learning rate.")
    Double lr;

    @Option(names = "--momentum", paramLabel = "M", descriptionKey = "momentum", description = "Momentum.")
    Double momentum;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed for initialisation and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-shuffle", description = "Walk the training set in order instead of shuffling each epoch.")
    boolean noShuffle;

    @Option(names = "--augment", description = "Distort training images at random (small rotations, scales, shifts, stroke widths) so the model also reads drawn digits.")
    boolean augment;

    @Option(names = "--threads", paramLabel = "N", description = "Cores to use (default: every core the JVM sees, up to 8): each step's batch is split"
            + " between them. A run repeats bit for bit with the same N; --threads 1 is the one-core run. Networks with batchnorm or dropout use one.")
    Integer threads;

    public TrainingConfig config(int trainLimit, int testLimit) {
        validate();
        String name = Cli.usage(() -> Optimizers.canonical(optimizer));
        if (momentum != null && Optimizers.type(name).param("momentum").isEmpty()) {
            throw new UsageException("--momentum applies only to " + String.join(" and ", Optimizers.having("momentum")) + ", not to " + name);
        }
        if (threads != null && (threads < 1 || threads > 64)) throw new UsageException("--threads must be between 1 and 64, got " + threads);
        NetworkSpec network = network();
        int batch = batchSize();
        return Cli.usage(() -> new TrainingConfig(epochs, batch, network, name, Optimizers.overrides(name, lr, momentum), seed, !noShuffle, trainLimit,
                testLimit, augment));
    }

    /**
     * Refuses numbers out of bounds in the words of the option that was typed, before TrainingConfig and the optimizer
     * would refuse them in their own words ("epochs", "batch size", "learning rate").
     */
    void validate() {
        NumericOptions.between("--epochs", epochs, 1, TrainingConfig.MAX_EPOCHS);
        NumericOptions.between(batchAlias != null ? "--batch" : "--batch-size", batchSize(), 1, TrainingConfig.MAX_BATCH);
        String name = Cli.usage(() -> Optimizers.canonical(optimizer));
        NumericOptions.hyperparameter("--lr", name, Optimizers.learningRateKey(name), lr);
        NumericOptions.hyperparameter("--momentum", name, "momentum", momentum);
    }

    /** --batch-size, or --batch where that was typed instead. */
    int batchSize() {
        return batchAlias != null ? batchAlias : batchSize;
    }

    /** Refuses --batch beside --batch-size: two values for one setting, and no telling which was meant. */
    void checkOneBatchName(picocli.CommandLine.ParseResult given) {
        if (batchAlias != null && given.hasMatchedOption("--batch-size")) {
            throw new UsageException("--batch and --batch-size are the same setting: give one");
        }
    }

    /** The network --model and --units describe. */
    NetworkSpec network() {
        if (units != null && model != null && !"tutorial".equalsIgnoreCase(model.trim())) {
            throw new UsageException("--units applies only to the tutorial MLP, not to --model " + model);
        }
        if (units != null) {
            if (units < 1 || units > TrainingConfig.MAX_UNITS) throw new UsageException("--units must be between 1 and " + TrainingConfig.MAX_UNITS + ", got " + units);
            return NetworkSpec.mlp(units, units);
        }
        return Cli.network(model == null ? "tutorial" : model);
    }

    void applyThreads() {
        // matrix products stay single-threaded (fastest at these sizes); the cores share each step's examples
        if (threads != null) io.digitstudio.nn.Cores.setCount(threads);
    }
}
