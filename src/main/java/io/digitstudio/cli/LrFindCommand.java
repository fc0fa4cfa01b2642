package io.digitstudio.cli;

import io.digitstudio.data.Mnist;
import io.digitstudio.nn.NetworkSpec;
import io.digitstudio.optim.Optimizers;
import io.digitstudio.train.LrFinder;
import io.digitstudio.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code lr-find}: fast.ai's learning-rate finder, a table of smoothed loss against rate and the suggested rates. */
@Command(name = "lr-find", mixinStandardHelpOptions = true, description = "Find a learning rate: train a throw-away copy of the network with a rate"
        + " rising exponentially from --start to --end, print the smoothed loss at each rate and suggest a rate (the steepest descent, and the"
        + " minimum's rate / 10). Nothing is saved or recorded.")
final class LrFindCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    SubsetOptions subset;

    @Option(names = "--model", paramLabel = "NETWORK", description = "tutorial (default), wide, lenet, or a spec in quotes (as for 'train').")
    String model;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "momentum-sgd", description = "The optimizer whose rate is searched (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--momentum", paramLabel = "M", description = "Momentum, for the optimizers that have one (default: Chainer's, 0.9).")
    Double momentum;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "128", description = "Examples per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of the starting weights and the order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", paramLabel = "RATE", defaultValue = "1e-6", description = "The first rate (default: ${DEFAULT-VALUE}).")
    double start;

    @Option(names = "--end", paramLabel = "RATE", defaultValue = "1", description = "The last rate (default: ${DEFAULT-VALUE}).")
    double end;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "100", description = "Iterations from --start to --end, one rate each (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Override
    public Integer call() {
        subset.validate();
        LrFinder.Range range;
        TrainingConfig config;
        try {
            range = new LrFinder.Range(start, end, iterations);
            String name = Optimizers.canonical(optimizer);
            NumericOptions.between("--batch-size", batchSize, 1, TrainingConfig.MAX_BATCH);
            NumericOptions.hyperparameter("--momentum", name, "momentum", momentum);
            if (momentum != null && Optimizers.type(name).param("momentum").isEmpty()) {
                throw new UsageException("--momentum applies only to " + String.join(" and ", Optimizers.having("momentum")) + ", not to " + name);
            }
            config = new TrainingConfig(1, batchSize, network(), name, Optimizers.overrides(name, null, momentum), seed, true, subset.trainLimit(),
                    subset.testLimit(), false);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (data.dir != null && !java.nio.file.Files.exists(data.dir)) throw new UserInputException(data.dir + ": not found");
        Startup.engine();
        Mnist.TrainTest d = subset.apply(data.load());
        System.out.printf(Locale.ROOT, "%5s  %10s  %8s  %8s%n", "step", "lr", "loss", "smoothed");
        LrFinder.Result r = LrFinder.find(config, d.train(), d.test(), null, range,
                p -> System.out.printf(Locale.ROOT, "%5d  %10s  %8.4f  %8.4f%n", p.step() + 1, io.digitstudio.train.LearningRates.format(p.lr()), p.loss(), p.smoothed()), null);
        System.out.println();
        System.out.println("stopped: " + r.stopReason());
        if (Double.isNaN(r.steepest())) {
            System.err.println(Cli.errorLine(spec, "the loss rose from the first iterations: no rate to suggest; give a lower --start"));
            return Cli.EXIT_BAD_INPUT;
        }
        System.out.printf(Locale.ROOT, "suggested lr: %s (steepest descent)%n", io.digitstudio.train.LearningRates.format(r.steepest()));
        System.out.printf(Locale.ROOT, "minimum / 10: %s%n", io.digitstudio.train.LearningRates.format(r.minimumTenth()));
        System.out.printf(Locale.ROOT, "train with:   digitstudio train%s --lr %s%n", model == null ? "" : " --model \"" + model + "\"",
                io.digitstudio.train.LearningRates.format(r.steepest()));
        return 0;
    }

    private NetworkSpec network() {
        return Cli.network(model == null ? "tutorial" : model);
    }
}
