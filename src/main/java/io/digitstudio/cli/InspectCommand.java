package io.digitstudio.cli;

import io.digitstudio.read.DigitPreprocessor;
import io.digitstudio.data.ImageFiles;
import io.digitstudio.inspect.Picture;
import io.digitstudio.inspect.Pictures;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Inspector;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.Prediction;
import io.digitstudio.nn.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code inspect}: pictures of a model's first-layer weights, and for an image its activations and saliency maps. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Write pictures of what a model learned (first-layer weights) and,"
        + " for an image, what each layer does with it (activations) and which pixels drove the answer (saliency).")
final class InspectCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "FILE", description = "Model: Chainer's NPZ, ONNX (.onnx) or safetensors (default: the built-in MLP).")
    Path model;

    @Option(names = "--cnn", description = "Use the built-in convolutional model (LeNet).")
    boolean cnn;

    @Option(names = "--image", paramLabel = "IMAGE", description = "An image of a digit, prepared as predict prepares it.")
    Path image;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Folder for the PNG files, made if missing (default: the current folder).")
    Path out;

    @Option(names = "--force", description = "Replace pictures that --out already holds.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (cnn && model != null) throw new UsageException("--cnn and --model both choose the model; give one");
        if (Files.exists(out) && !Files.isDirectory(out)) throw new UserInputException("--out " + out + " is a file, not a folder");
        if (image != null) ModelOutput.existing(image, "an image"); // before any picture is written
        if (!force) {
            for (String name : List.of("weights.png", "input.png", "activations.png", "saliency.png", "saliency-x-input.png", "saliency-2.png")) {
                if (Files.exists(out.resolve(name))) {
                    throw new UserInputException(out.resolve(name) + " already exists; give another --out, or add --force to replace the pictures");
                }
            }
        }
        Startup.engine();
        // every input is read and checked before the first picture is written: a failing command leaves no file
        ModelFiles.LoadedModel loaded = model != null ? ModelFiles.load(model) : cnn ? ModelFiles.loadBuiltInCnn() : ModelFiles.loadDefault();
        Network net = loaded.model();
        List<String> names = loaded.info().classNames() != null && loaded.info().classNames().size() >= net.classes()
                ? loaded.info().classNames() : io.digitstudio.data.ClassNames.numbers(net.classes());
        float[] x = null;
        if (image != null) {
            if (net.inputSize() != DigitPreprocessor.SIZE * DigitPreprocessor.SIZE) {
                throw new UserInputException(loaded.source() + " takes " + net.inputSize() + " inputs, not 28x28 images");
            }
            x = DigitPreprocessor.toMnist(ImageFiles.readRgb(image));
        }
        Inspector.Tiles tiles = Inspector.firstLayer(net);
        Files.createDirectories(out);
        if (tiles != null) {
            int scale = Math.max(2, 48 / Math.max(tiles.height(), tiles.width()));
            Path f = out.resolve("weights.png");
            Pictures.tiles(tiles, scale, 2).writePng(f);
            System.out.printf(Locale.ROOT, "%s: %s's %d %s of %dx%d (blue < 0 < red, |w| up to %.3g)%n", f, tiles.layer(), tiles.count(),
                    tiles.height() == 1 ? "units" : tiles.height() >= 10 ? "units' weights as images" : "filters",
                    tiles.height(), tiles.width(), tiles.maxAbs());
        }
        if (x == null) return 0;
        Prediction p = new Predictor(net).predict(x);
        int side = DigitPreprocessor.SIZE;
        Pictures.saliency(x, new float[x.length], side, side, 8).writePng(out.resolve("input.png"));
        List<Picture> parts = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        List<Inspector.Activation> activations = Inspector.activations(net, x);
        // columns as wide as the longest name and shape; the figures in fixed widths, so a larger max moves no column
        int nameWidth = activations.stream().mapToInt(a -> a.name().length()).max().orElse(1);
        int shapeWidth = activations.stream().mapToInt(a -> java.util.Arrays.toString(a.shape()).length()).max().orElse(1);
        for (Inspector.Activation a : activations) {
            parts.add(Pictures.activation(a, a.maps() ? 4 : 6, 2));
            captions.add(a.name() + " " + java.util.Arrays.toString(a.shape()));
            double max = 0;
            int zero = 0;
            for (float v : a.values()) {
                max = Math.max(max, v);
                if (v == 0) zero++;
            }
            System.out.printf(Locale.ROOT, "%-" + nameWidth + "s  %-" + shapeWidth + "s  max %8.3f  zero %3.0f%%%n", a.name(),
                    java.util.Arrays.toString(a.shape()), max, 100.0 * zero / a.values().length);
        }
        Path acts = out.resolve("activations.png");
        Pictures.stackCaptioned(parts, captions, 8).writePng(acts);
        int[] top = p.top(2);
        Path sal = out.resolve("saliency.png");
        float[] grad = Inspector.saliency(net, x, top[0]);
        Pictures.saliency(x, grad, side, side, 8).writePng(sal);
        Path strokes = out.resolve("saliency-x-input.png");
        Pictures.saliency(x, Pictures.timesInput(grad, x), side, side, 8).writePng(strokes);
        System.out.printf(Locale.ROOT, "%s: %s %.4f; %s (the gradient of %s's score), %s (gradient x input: the strokes behind it), %s, %s%n", image,
                names.get(top[0]), p.confidence(), sal, names.get(top[0]), strokes, acts, out.resolve("input.png"));
        if (p.confidence() < 0.8 && top.length > 1) { // the model hesitates: what speaks for the runner-up too
            Path second = out.resolve("saliency-2.png");
            Pictures.saliency(x, Inspector.saliency(net, x, top[1]), side, side, 8).writePng(second);
            System.out.printf(Locale.ROOT, "%s: what speaks for %s (%.4f)%n", second, names.get(top[1]), p.probabilities()[top[1]]);
        }
        return 0;
    }
}
