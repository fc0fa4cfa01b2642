package io.digitstudio.cli;

import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.train.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code eval}: a saved model's loss and accuracy on the test set. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate a saved model on the test set.")
final class EvalCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder with the MNIST-style test files, t10k-images-idx3-ubyte and "
            + "t10k-labels-idx1-ubyte (raw or .gz; the training files are not needed). Default: the bundled MNIST.")
    Path data;

    @WhenMissing("--model FILE, the model to evaluate (.npz, .onnx or .safetensors)")
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model: Chainer's NPZ, ONNX (.onnx) or safetensors (.safetensors).")
    Path model;

    @Option(names = "--test-size", paramLabel = "N", description = "Evaluate only the first N test examples (default: all).")
    Integer testSize;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "128", description = "Examples per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--confusion", description = "Also print the confusion matrix (rows: true label, columns: prediction), per-class precision,"
            + " recall, F1 and support, and the most-confused pairs.")
    boolean confusion;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|csv",
            description = "With --confusion: aligned text (default), JSON (confusion, per_class, accuracy, loss) or CSV.")
    String format;

    @Override
    public Integer call() {
        if (batchSize < 1) throw new UsageException("--batch-size must be at least 1, got " + batchSize);
        DataOptions.requirePositive(testSize, "--test-size");
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!java.util.List.of("text", "json", "csv").contains(fmt)) throw new UsageException("--format must be text, json or csv, got '" + format + "'");
        if (!fmt.equals("text") && !confusion) throw new UsageException("--format " + format + " applies to --confusion");
        Startup.engine();
        ModelFiles.LoadedModel m = ModelFiles.load(model);
        m.notes().forEach(n -> System.err.println(Cli.noteLine(spec, n)));
        io.digitstudio.data.Mnist.TestSet testSet = io.digitstudio.data.Mnist.loadTest(data);
        io.digitstudio.data.LabeledImages test = DataOptions.cut(testSet.test(), testSize, "--test-size");
        if (m.model().inputSize() != test.featureSize()) {
            throw new UserInputException(model.getFileName() + " takes " + m.model().inputSize() + " inputs but the test images have "
                    + test.featureSize() + " pixels");
        }
        if (!confusion) {
            Evaluator.Result r = new Evaluator(test, batchSize).evaluate(m.model());
            System.out.printf(Locale.ROOT, "test_loss:%.4f test_accuracy:%.4f%n", r.loss(), r.accuracy());
            return 0;
        }
        // the matrix is counted in the same pass that computes the loss and accuracy
        Evaluator.Result r = new Evaluator(test, batchSize).tallyConfusion(true).evaluate(m.model());
        io.digitstudio.train.ConfusionMatrix cm = r.confusion();
        java.util.List<String> names = m.info().classNames() != null ? m.info().classNames() : testSet.classNames();
        switch (fmt) {
            case "json" -> System.out.print(cm.json(names, r.loss()));
            case "csv" -> System.out.print(cm.csv(names));
            default -> {
                System.out.printf(Locale.ROOT, "test_loss:%.4f test_accuracy:%.4f%n%n", r.loss(), r.accuracy());
                System.out.print(cm.table(names));
            }
        }
        return 0;
    }
}
