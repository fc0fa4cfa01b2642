package io.digitstudio.cli;

import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.train.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code eval}: a saved model's loss and accuracy on the test set. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate a saved model on the test set.")
final class EvalCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--model", required = true, paramLabel = "FILE.npz", description = "Model in Chainer's NPZ layout.")
    Path model;

    @Option(names = "--test-size", paramLabel = "N", description = "Evaluate only the first N test examples (default: all).")
    Integer testSize;

    @Option(names = "--batch-size", defaultValue = "128", description = "Examples per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() {
        if (batchSize < 1) throw new UserInputException("--batch-size must be at least 1, got " + batchSize);
        DataOptions.requirePositive(testSize, "--test-size");
        Startup.engine();
        ModelFiles.LoadedModel m = ModelFiles.loadNpz(model);
        m.notes().forEach(n -> System.err.println("note: " + n));
        io.digitstudio.data.LabeledImages test = DataOptions.cut(data.load().test(), testSize, "--test-size");
        if (m.model().inputSize() != test.featureSize()) {
            throw new UserInputException(model.getFileName() + " takes " + m.model().inputSize() + " inputs but the test images have "
                    + test.featureSize() + " pixels");
        }
        Evaluator.Result r = new Evaluator(test, batchSize).evaluate(m.model());
        System.out.printf(Locale.ROOT, "test_loss:%.4f test_accuracy:%.4f%n", r.loss(), r.accuracy());
        return 0;
    }
}
