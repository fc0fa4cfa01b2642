package io.digitstudio.cli;

import io.digitstudio.data.DataException;
import io.digitstudio.data.DigitPreprocessor;
import io.digitstudio.data.ImageFiles;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Prediction;
import io.digitstudio.nn.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code predict}: classify image files, each prepared the way MNIST's digits were. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify images of digits (PNG, JPEG, BMP, GIF; any size, either polarity): IMAGE LABEL CONFIDENCE per line.")
final class PredictCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "FILE.npz", description = "Model in Chainer's NPZ layout (default: the built-in model).")
    Path model;

    @Option(names = "--top", paramLabel = "K", defaultValue = "0", description = "Also print the K most likely labels as label:probability.")
    int top;

    @Option(names = "--save-input", paramLabel = "DIR", description = "Write the 28x28 input the network sees for each image as a PNG (x8) in DIR.")
    Path saveInput;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image files, or folders of them.")
    List<Path> images;

    @Override
    public Integer call() throws IOException {
        if (top < 0 || top > 10) throw new UserInputException("--top must be between 0 and 10, got " + top);
        if (saveInput != null && !Files.isDirectory(saveInput)) throw new UserInputException("--save-input " + saveInput + " is not a folder");
        Startup.engine();
        ModelFiles.LoadedModel loaded = model == null ? ModelFiles.loadDefault() : ModelFiles.loadNpz(model);
        loaded.notes().forEach(n -> System.err.println("note: " + n));
        if (loaded.model().inSize() != DigitPreprocessor.SIZE * DigitPreprocessor.SIZE) {
            throw new UserInputException(loaded.source() + " takes " + loaded.model().inSize() + " inputs, not 28x28 images");
        }
        Predictor predictor = new Predictor(loaded.model());
        int failed = 0;
        for (Path p : expand(images)) {
            try {
                float[] x = DigitPreprocessor.toMnist(ImageFiles.read(p));
                Prediction r = predictor.predict(x);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %d %.4f", p, r.label(), r.confidence()));
                for (int label : r.top(top)) line.append(String.format(Locale.ROOT, " %d:%.4f", label, r.probabilities()[label]));
                System.out.println(line);
                if (saveInput != null) saveInput(x, saveInput.resolve(baseName(p) + ".input.png"));
            } catch (DataException e) {
                failed++;
                String m = e.getMessage();
                System.err.println("digitstudio: error: " + (m.startsWith(String.valueOf(p.getFileName())) ? m : p + ": " + m));
            }
        }
        System.out.flush();
        return failed == 0 ? 0 : Cli.EXIT_BAD_INPUT;
    }

    private static List<Path> expand(List<Path> paths) throws IOException {
        java.util.ArrayList<Path> out = new java.util.ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (var s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g|bmp|gif)")).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static String baseName(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** The network's view, 8x enlarged, white ink on black as the model sees it. */
    static void saveInput(float[] x, Path out) throws IOException {
        int s = 8;
        BufferedImage img = new BufferedImage(28 * s, 28 * s, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 28 * s; y++) {
            for (int xx = 0; xx < 28 * s; xx++) {
                int v = Math.round(255 * Math.max(0, Math.min(1, x[(y / s) * 28 + xx / s])));
                img.getRaster().setSample(xx, y, 0, v);
            }
        }
        io.digitstudio.io.AtomicFiles.write(out, o -> ImageIO.write(img, "png", o));
    }
}
