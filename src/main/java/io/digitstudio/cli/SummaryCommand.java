package io.digitstudio.cli;

import io.digitstudio.data.Mnist;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.NetworkSpec;
import io.digitstudio.nn.SpecException;
import io.digitstudio.nn.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code summary}: a network's layer table (name, type, output shape, parameters, total), as Keras'
 * {@code model.summary()}, for a preset, a spec or a saved model.
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Print a network's layers: name, type, output shape and parameters, with the total.")
final class SummaryCommand implements Callable<Integer> {
    @WhenMissing("--model NETWORK|FILE.npz, the network to describe (tutorial, wide, lenet, a spec in quotes, or a saved model)")
    @Option(names = "--model", required = true, paramLabel = "NETWORK|FILE.npz",
            description = "tutorial, wide, lenet, a spec in quotes (\"conv 20 5, relu, maxpool 2, linear\"), or a saved model file.")
    String model;

    @Mixin
    DataOptions data;

    @Option(names = "--classes", paramLabel = "K", description = "Classes for a spec whose last layer has no size (default: the data's, 10 for MNIST).")
    Integer classes;

    @Override
    public Integer call() {
        Path file = Path.of(model);
        Summary summary;
        String title;
        if (model.toLowerCase(java.util.Locale.ROOT).endsWith(".npz") || Files.exists(file)) {
            ModelOutput.existing(file, "a model file");
            Startup.engine();
            ModelFiles.LoadedModel m = ModelFiles.load(file);
            summary = m.model().summary();
            title = file.getFileName() + ": " + m.model().spec().text();
        } else {
            NetworkSpec spec;
            spec = Cli.network(model);
            int[] shape = {1, 28, 28};
            int k = 10;
            if (data.dir != null) { // the data decides the input shape and, unless given, the classes
                Mnist.TrainTest d = Mnist.load(data.dir);
                shape = d.train().exampleShape();
                k = d.train().classes();
            }
            if (classes != null) {
                if (classes < 2 || classes > 100_000) throw new UsageException("--classes must be between 2 and 100000, got " + classes);
                k = classes;
            }
            try {
                summary = Network.summarize(spec, shape, k);
            } catch (SpecException e) {
                throw new UsageException("--model: " + e.getMessage());
            }
            title = spec.resolve(k).text();
        }
        System.out.println(title);
        System.out.print(summary.table());
        return 0;
    }
}
