package io.digitstudio.cli;

import io.digitstudio.data.DataException;
import io.digitstudio.read.DigitPreprocessor;
import io.digitstudio.data.ImageFiles;
import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.explain.AnswerProfile;
import io.digitstudio.explain.FeatureSpace;
import io.digitstudio.explain.IndexCache;
import io.digitstudio.explain.NearestSearch;
import io.digitstudio.explain.Neighbour;
import io.digitstudio.explain.NeighbourPicture;
import io.digitstudio.explain.Neighbourhood;
import io.digitstudio.explain.NeighbourIndex;
import io.digitstudio.explain.PixelIndex;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.Prediction;
import io.digitstudio.nn.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code explain}: why a model reads an image as it does. The nearest MNIST training images in the model's own
 * feature space (or in pixels), printed and drawn; with {@code --profile}, how each class's probability moves as the
 * digit is shifted, rotated, scaled, thickened or thinned, as CSV.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Show why a model reads a digit as it does: the nearest"
        + " MNIST training images in the model's own feature space (printed, and drawn into DIR/neighbours.png), or with"
        + " --profile how each class's probability moves as the digit is shifted, rotated, scaled and thickened (CSV).")
final class ExplainCommand implements Callable<Integer> {
    @Option(names = "--image", paramLabel = "FILE", description = "An image of one digit, prepared as predict prepares it (required but with --bench).")
    Path image;

    @Option(names = "--model", paramLabel = "FILE", description = "Model: Chainer's NPZ, ONNX (.onnx) or safetensors (default: the built-in MLP).")
    Path model;

    @Option(names = "--cnn", description = "Use the built-in convolutional model (LeNet).")
    boolean cnn;

    @Option(names = "--k", paramLabel = "K", defaultValue = "8", description = "How many nearest training images (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--pixels", description = "Compare in pixel space instead of the model's feature space.")
    boolean pixels;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the picture of the neighbours to DIR/neighbours.png (the folder is made if missing).")
    Path out;

    @Option(names = "--force", description = "Replace a neighbours.png that --out already holds.")
    boolean force;

    @Option(names = "--profile", description = "Print how each class's probability moves along shift (±4 px), rotation (±30°),"
            + " scale (0.7–1.3) and stroke thickness (±1 px) as CSV, nine values each, instead of the neighbours.")
    boolean profile;

    @Option(names = "--train-size", paramLabel = "N", defaultValue = "0", description = "Search only the first N training images"
            + " (default: all 60,000; a smaller index builds sooner).")
    int trainSize;

    @Option(names = "--index-dir", paramLabel = "DIR", description = "Where neighbour indexes are kept, one per model (default:"
            + " $DIGITSTUDIO_NEIGHBOURS, else $XDG_DATA_HOME/digitstudio/neighbours).")
    Path indexDir;

    @Option(names = "--bench", description = "Instead of explaining an image, time the search: build the model's index afresh"
            + " (not from the cache, not saved), then query it with --queries test images, each once to warm up and once timed;"
            + " print the build's time, the index's size and the query time's median and 95th percentile.")
    boolean bench;

    @Option(names = "--queries", paramLabel = "N", defaultValue = "200", description = "With --bench: test images to query (default: ${DEFAULT-VALUE}).")
    int queries;

    @Override
    public Integer call() throws Exception {
        if (cnn && model != null) throw new UsageException("--cnn and --model both choose the model; give one");
        if (bench) return bench();
        if (image == null) throw new UsageException("--image FILE is required (or --bench to time the search)");
        ModelOutput.existing(image, "an image");
        if (k < 1 || k > 100) throw new UsageException("--k must be between 1 and 100, got " + k);
        if (trainSize < 0) throw new UsageException("--train-size must be 0 (all) or more, got " + trainSize);
        if (model != null) ModelOutput.existing(model, "a model file");
        if (profile && (out != null || pixels)) throw new UsageException("--profile prints CSV only; leave out " + (out != null ? "--out" : "--pixels"));
        Path picture = out == null ? null : out.resolve("neighbours.png");
        if (out != null) {
            if (Files.exists(out) && !Files.isDirectory(out)) throw new UserInputException("--out " + out + " is a file, not a folder");
            if (!force && Files.exists(picture)) throw new UserInputException(picture + " already exists; give another --out, or add --force to replace it");
        }
        Startup.engine();
        ModelFiles.LoadedModel loaded = model != null ? ModelFiles.load(model) : cnn ? ModelFiles.loadBuiltInCnn() : ModelFiles.loadDefault();
        Network net = loaded.model();
        if (net.inputSize() != DigitPreprocessor.SIZE * DigitPreprocessor.SIZE) {
            throw new UserInputException(loaded.source() + " takes " + net.inputSize() + " inputs, not 28x28 images");
        }
        List<String> names = loaded.info().classNames() != null && loaded.info().classNames().size() >= net.classes()
                ? loaded.info().classNames() : io.digitstudio.data.ClassNames.numbers(net.classes());
        float[] x;
        try {
            x = DigitPreprocessor.toMnist(ImageFiles.readRgb(image));
        } catch (DataException e) {
            throw new UserInputException(e.getMessage());
        }
        Predictor predictor = new Predictor(net);
        if (profile) {
            System.out.print(AnswerProfile.of(predictor, x, DigitPreprocessor.SIZE).csv(names));
            return 0;
        }
        LabeledImages all = Mnist.bundled().train();
        if (trainSize > all.size()) throw new UsageException("--train-size must be at most " + all.size() + ", got " + trainSize);
        LabeledImages train = trainSize == 0 ? all : all.head(trainSize);
        if (net.classes() < 10) throw new UserInputException(loaded.source() + " has " + net.classes() + " classes; MNIST's training images have 10");
        Prediction p = predictor.predict(x);
        NearestSearch search;
        float[] query;
        String space;
        if (pixels) {
            search = PixelIndex.of(train);
            query = x;
            space = "pixels (784 values)";
        } else {
            FeatureSpace fs = FeatureSpace.of(net);
            IndexCache cache = new IndexCache(indexDir != null ? indexDir : IndexCache.user().dir());
            int[] last = {-1};
            IndexCache.Loaded idx = cache.loadOrBuild(fs, train, done -> {
                int pct = (int) (100L * done / train.size());
                if (pct / 10 != last[0] / 10) System.err.printf(Locale.ROOT, "digitstudio: building the neighbour index for this model (once): %d%%%n", pct);
                last[0] = pct;
            }, () -> false);
            if (idx.built()) {
                System.err.printf(Locale.ROOT, "digitstudio: index of %d x %d built in %.1f s, %s%n", idx.index().count(), idx.index().dim(), idx.millis() / 1e3,
                        idx.saveProblem() == null ? "kept in " + idx.file() : idx.saveProblem());
            }
            search = idx.index();
            query = fs.features(x);
            space = fs.describe();
        }
        long t0 = System.nanoTime();
        List<Neighbour> nearest = search.nearest(query, k);
        double ms = (System.nanoTime() - t0) / 1e6;
        Neighbourhood h = new Neighbourhood(nearest, p.label(), pixels);
        System.out.printf(Locale.ROOT, "%s: %s %.4f%n", image, names.get(p.label()), p.confidence());
        System.out.printf(Locale.ROOT, "nearest %d of %d training images in %s, %.1f ms:%n", nearest.size(), search.count(), space, ms);
        for (int i = 0; i < nearest.size(); i++) {
            Neighbour n = nearest.get(i);
            System.out.printf(Locale.ROOT, "%2d. train #%-5d %-3s distance %.4f%n", i + 1, n.index(), names.get(n.label()), n.distance());
        }
        System.out.println(h.verdict(names));
        if (picture != null) {
            Files.createDirectories(out);
            NeighbourPicture.writePng(NeighbourPicture.render(x, h, train, names), picture);
            System.out.println("wrote " + picture);
        }
        return 0;
    }

    /** {@code --bench}: the index's build time and size and the query time, on this machine, for the chosen model. */
    private int bench() throws Exception {
        if (image != null || out != null || profile) throw new UsageException("--bench times the search alone; leave out --image, --out and --profile");
        if (k < 1 || k > 100) throw new UsageException("--k must be between 1 and 100, got " + k);
        if (queries < 1 || queries > 10_000) throw new UsageException("--queries must be between 1 and 10000, got " + queries);
        if (trainSize < 0) throw new UsageException("--train-size must be 0 (all) or more, got " + trainSize);
        if (model != null) ModelOutput.existing(model, "a model file");
        Startup.engine();
        ModelFiles.LoadedModel loaded = model != null ? ModelFiles.load(model) : cnn ? ModelFiles.loadBuiltInCnn() : ModelFiles.loadDefault();
        Network net = loaded.model();
        if (net.inputSize() != DigitPreprocessor.SIZE * DigitPreprocessor.SIZE) {
            throw new UserInputException(loaded.source() + " takes " + net.inputSize() + " inputs, not 28x28 images");
        }
        LabeledImages all = Mnist.bundled().train();
        if (trainSize > all.size()) throw new UsageException("--train-size must be at most " + all.size() + ", got " + trainSize);
        LabeledImages train = trainSize == 0 ? all : all.head(trainSize);
        LabeledImages test = Mnist.bundled().test();
        int n = Math.min(queries, test.size());
        FeatureSpace fs = pixels ? null : FeatureSpace.of(net);
        float[][] q = new float[n][];
        for (int i = 0; i < n; i++) {
            float[] x = test.features(i);
            q[i] = pixels ? x : fs.features(x);
        }
        long t0 = System.nanoTime();
        NearestSearch search;
        long disk;
        long memory;
        String space;
        if (pixels) {
            PixelIndex px = PixelIndex.of(train);
            search = px;
            disk = 0;
            memory = px.bytes();
            space = "pixels (784 values)";
        } else {
            NeighbourIndex idx = NeighbourIndex.build(fs, train, "bench", done -> { }, () -> false);
            search = idx;
            disk = idx.bytes();
            memory = idx.memoryBytes();
            space = fs.describe();
        }
        double build = (System.nanoTime() - t0) / 1e9;
        for (float[] x : q) search.nearest(x, k); // warm-up: the JIT compiles the search
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            search.nearest(q[i], k);
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        java.util.Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "explain bench: %s, %s, %d training images, k %d%n", loaded.source(), space, train.size(), k);
        System.out.printf(Locale.ROOT, "index: built in %.2f s, %s%.1f MB in memory%n", build,
                pixels ? "" : String.format(Locale.ROOT, "%.1f MB on disk, ", disk / 1e6), memory / 1e6);
        System.out.printf(Locale.ROOT, "query: median %.2f ms, p95 %.2f ms, max %.2f ms over %d test images (after one warm-up round)%n",
                ms[(n - 1) / 2], ms[Math.min(n - 1, (int) Math.ceil(0.95 * n) - 1)], ms[n - 1], n);
        return 0;
    }
}
