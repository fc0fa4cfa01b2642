package io.digitstudio.cli;

import io.digitstudio.data.ClassNames;
import io.digitstudio.data.DataException;
import io.digitstudio.read.DigitBox;
import io.digitstudio.read.DigitPreprocessor;
import io.digitstudio.read.DigitSegmenter;
import io.digitstudio.read.InkFinder;
import io.digitstudio.data.ImageFiles;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.io.TextFormats;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Prediction;
import io.digitstudio.nn.Predictor;
import io.digitstudio.read.NumberReader;
import io.digitstudio.read.ReadDigit;
import io.digitstudio.read.Reading;
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
        description = {"Classify images of digits (PNG, JPEG, BMP, GIF, TIFF, WebP; drawings, scans or photos; any size, either polarity): IMAGE LABEL CONFIDENCE per line.",
                "With --number, read every digit of each image (a house number, a meter, lines of digits): IMAGE DIGITS CONFIDENCE per line, "
                        + "the confidence being the least sure digit's."})
final class PredictCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", description = "Model: Chainer's NPZ, ONNX (.onnx) or safetensors (default: the built-in MLP).")
    Path model;

    @Option(names = "--cnn", description = "Use the built-in convolutional model (LeNet) instead of the built-in MLP.")
    boolean cnn;

    @Option(names = "--top", paramLabel = "K", defaultValue = "0", description = "Also print the K most likely labels as label:probability.")
    int top;

    @Option(names = "--save-input", paramLabel = "DIR",
            description = "Write the 28x28 input the network sees for each image as a PNG (x8) in DIR, named after the image with its extension: "
                    + "NAME.EXT.input.png (with --number, one per digit: NAME.EXT.input.K.png, K from 1).")
    Path saveInput;

    @Option(names = "--number", description = "Read all the digits in each image, left to right and line by line, as one number.")
    boolean number;

    @Option(names = "--no-recursive", description = "Read only the images directly in a folder, not those in its subfolders.")
    boolean noRecursive;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|csv|json",
            description = "text: IMAGE LABEL CONFIDENCE per line (default); csv or json: path, label, confidence and every class's probability "
                    + "(with --number: the digits, the lowest confidence, and in json each digit's box, line and probabilities).")
    String format;

    @Option(names = "--kaggle", paramLabel = "TEST.csv",
            description = "Classify Kaggle's Digit Recognizer test.csv (pixel0,...,pixel783) and write the submission (ImageId,Label) to --out.")
    Path kaggle;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "With --kaggle: the submission file to write.")
    Path out;

    @Option(names = "--force", description = "With --kaggle: replace --out if it exists.")
    boolean force;

    @Parameters(paramLabel = "IMAGE", arity = "0..*", description = "Image files, or folders of them (searched with their subfolders).")
    List<Path> images;

    @Override
    public Integer call() throws IOException {
        if (top < 0) throw new UsageException("--top must be at least 0, got " + top);
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!List.of("text", "csv", "json").contains(fmt)) throw new UsageException("--format must be text, csv or json, got '" + format + "'");
        if (cnn && model != null) throw new UsageException("--cnn and --model both choose the model; give one");
        if (number && top > 0) throw new UsageException("--top lists the likely labels of one digit; it does not combine with --number");
        if (kaggle != null) return kaggleSubmission();
        if (out != null || force) throw new UsageException("--out and --force go with --kaggle");
        if (images == null || images.isEmpty()) throw new UsageException("give IMAGE files or folders to classify (or --kaggle TEST.csv --out FILE.csv)");
        List<Path> files = expand(images, !noRecursive);
        if (files.isEmpty()) throw new UserInputException("no images found in " + String.join(", ", images.stream().map(String::valueOf).toList())
                + " (" + ImageFiles.FORMATS + (noRecursive ? "; subfolders were not searched" : "") + ")");
        if (saveInput != null) makeFolder(saveInput);
        Startup.engine();
        ModelFiles.LoadedModel loaded = model != null ? ModelFiles.load(model) : cnn ? ModelFiles.loadBuiltInCnn() : ModelFiles.loadDefault();
        if (top > loaded.model().classes()) {
            throw new UsageException("--top must be between 0 and " + loaded.model().classes() + " (the model's classes), got " + top);
        }
        loaded.notes().forEach(n -> System.err.println(Cli.noteLine(spec, n)));
        if (loaded.model().inputSize() != DigitPreprocessor.SIZE * DigitPreprocessor.SIZE) {
            throw new UserInputException(loaded.source() + " takes " + loaded.model().inputSize() + " inputs, not 28x28 images");
        }
        Predictor predictor = new Predictor(loaded.model());
        if (number) {
            NumberReader reader = new NumberReader(predictor);
            List<String> names = loaded.info().classNames();
            return each(files, fmt, "path,number,confidence,digits,lines", f -> reader.number(ImageFiles.readRgb(f)),
                    (p, r) -> numberRecord(p, r, r.number(label -> ClassNames.of(names, label)), fmt),
                    (base, r) -> {
                        String stem = base.getFileName().toString().replaceFirst("\\.png$", "");
                        for (int k = 0; k < r.digits().size(); k++) saveInput(r.digits().get(k).input(), saveInput.resolve(stem + "." + (k + 1) + ".png"));
                    });
        }
        StringBuilder head = new StringBuilder("path,label,confidence");
        for (int c = 0; c < loaded.model().classes(); c++) head.append(",p").append(c);
        return each(files, fmt, head.toString(), f -> {
            // the ink is grouped once: for the input (as DigitPreprocessor.toMnist reads it) and to count the digits
            DigitSegmenter.Segments segments = DigitSegmenter.segment(InkFinder.find(ImageFiles.readRgb(f)));
            float[] x = DigitPreprocessor.fromInk(segments.whole());
            return new Single(x, predictor.predict(x), segments.count());
        }, (p, r) -> {
            if (r.digits() > 1) {
                System.err.println(Cli.noteLine(spec, p + " holds " + r.digits() + " digits, read here as one; predict --number reads it as a number"));
            }
            return singleRecord(p, r.prediction(), fmt);
        }, (base, r) -> saveInput(r.input(), base));
    }

    /**
     * Kaggle's submission: every row of test.csv through the model, in batches, written as {@code ImageId,Label} (ids
     * from 1) in one atomic write, so a failure leaves no half-written submission.
     */
    private int kaggleSubmission() throws IOException {
        if (out == null) throw new UsageException("--kaggle needs --out FILE.csv for the submission");
        if (images != null && !images.isEmpty()) throw new UsageException("--kaggle classifies the CSV's rows; leave out the IMAGE arguments");
        if (number || top > 0 || saveInput != null || !format.equalsIgnoreCase("text")) {
            throw new UsageException("--kaggle writes ImageId,Label; it does not combine with --number, --top, --save-input or --format");
        }
        ModelOutput.check(out);
        if (java.nio.file.Files.exists(out) && !force) throw new UserInputException(out + " exists; add --force to replace it");
        io.digitstudio.data.KaggleCsv.Table t = io.digitstudio.data.KaggleCsv.read(kaggle, false);
        Startup.engine();
        ModelFiles.LoadedModel loaded = model != null ? ModelFiles.load(model) : cnn ? ModelFiles.loadBuiltInCnn() : ModelFiles.loadDefault();
        loaded.notes().forEach(n -> System.err.println(Cli.noteLine(spec, n)));
        int d = t.side() * t.side();
        if (loaded.model().inputSize() != d) {
            throw new UserInputException(loaded.source() + " takes " + loaded.model().inputSize() + " inputs but " + kaggle.getFileName() + " has " + d + " pixels per row");
        }
        Predictor predictor = new Predictor(loaded.model());
        StringBuilder sb = new StringBuilder(t.count() * 8).append("ImageId,Label\n");
        int batch = 500;
        for (int from = 0; from < t.count(); from += batch) {
            int n = Math.min(batch, t.count() - from);
            float[][] xs = new float[n][d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) xs[i][j] = (t.pixels()[(from + i) * d + j] & 0xff) * (float) (1.0 / 255.0);
            }
            Prediction[] p = predictor.predict(xs);
            for (int i = 0; i < n; i++) sb.append(from + i + 1).append(',').append(p[i].label()).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        io.digitstudio.io.AtomicFiles.write(out, o -> o.write(bytes));
        System.out.println(out + ": " + t.count() + " predictions (ImageId,Label) by " + loaded.source());
        return 0;
    }

    /** One picture read as one digit: the network's input, its answer, and how many digits the picture seems to hold. */
    private record Single(float[] input, Prediction prediction, int digits) {
    }

    /** Writes what --save-input keeps of one picture's result, {@code base} being its NAME.EXT.input.png. */
    @FunctionalInterface
    private interface Saver<T> {
        void save(Path base, T result) throws IOException;
    }

    /**
     * Reads every picture (on every core, in windows) and prints one record per picture in the files' order: a line of
     * text or CSV (after {@code csvHead}), or an object of a JSON array. An unreadable picture gets one line on stderr
     * and the others go on; the exit code says whether any failed.
     */
    private <T> int each(List<Path> files, String fmt, String csvHead, java.util.function.Function<Path, T> read,
                         java.util.function.BiFunction<Path, T, String> record, Saver<T> saver) throws IOException {
        int failed = 0;
        boolean first = true;
        java.util.Set<Path> written = new java.util.HashSet<>();
        if (fmt.equals("csv")) System.out.println(csvHead);
        if (fmt.equals("json")) System.out.print("[");
        Read<T> results = Read.inParallel(files, read);
        for (Path p : files) {
            try {
                T r = results.next();
                if (fmt.equals("json")) {
                    System.out.print((first ? "\n  " : ",\n  ") + record.apply(p, r));
                    first = false;
                } else {
                    System.out.println(record.apply(p, r));
                }
                if (saveInput != null) saver.save(inputFile(saveInput, p, written), r);
            } catch (DataException e) {
                failed++;
                reportUnreadable(p, e);
            }
        }
        if (fmt.equals("json")) System.out.println(first ? "]" : "\n]");
        System.out.flush();
        return failed == 0 ? 0 : Cli.EXIT_BAD_INPUT;
    }

    /** One digit's record: IMAGE LABEL CONFIDENCE [label:probability…], or every class's probability in CSV and JSON. */
    private String singleRecord(Path p, Prediction r, String fmt) {
        if (fmt.equals("csv")) {
            StringBuilder line = new StringBuilder(TextFormats.csvField(p.toString())).append(',').append(r.label()).append(',').append(String.format(Locale.ROOT, "%.6f", r.confidence()));
            for (float v : r.probabilities()) line.append(String.format(Locale.ROOT, ",%.6f", v));
            return line.toString();
        }
        if (fmt.equals("json")) {
            StringBuilder o = new StringBuilder("{\"path\": ").append(TextFormats.jsonString(p.toString())).append(", \"label\": ").append(r.label())
                    .append(String.format(Locale.ROOT, ", \"confidence\": %.6f, \"probabilities\": [", r.confidence()));
            for (int c = 0; c < r.probabilities().length; c++) o.append(c == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", r.probabilities()[c]));
            return o.append("]}").toString();
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %d %.4f", p, r.label(), r.confidence()));
        for (int label : r.top(top)) line.append(String.format(Locale.ROOT, " %d:%.4f", label, r.probabilities()[label]));
        return line.toString();
    }

    /** A number's record: IMAGE DIGITS CONF, its CSV line, or its JSON object with each digit's box. */
    private static String numberRecord(Path p, Reading r, String digits, String fmt) {
        if (fmt.equals("csv")) {
            return TextFormats.csvField(p.toString()) + "," + TextFormats.csvField(digits)
                    + String.format(Locale.ROOT, ",%.6f,%d,%d", r.confidence(), r.digits().size(), r.lines());
        }
        if (fmt.equals("json")) return json(p, digits, r);
        return String.format(Locale.ROOT, "%s %s %.4f", p, digits, r.confidence());
    }

    /**
     * Reads pictures on every core, a window at a time, handing the results back in the files' order (a picture that
     * cannot be read gives its {@link DataException} in its place). Decoding and preparing a photo costs far more
     * than classifying it.
     */
    static final class Read<T> {
        private final List<Path> files;
        private final java.util.function.Function<Path, T> work;
        private final Object[] window;
        private int start;
        private int filled;
        private int next;

        private Read(List<Path> files, java.util.function.Function<Path, T> work) {
            this.files = files;
            this.work = work;
            this.window = new Object[Math.max(1, 4 * io.digitstudio.nn.Cores.count())];
        }

        static <T> Read<T> inParallel(List<Path> files, java.util.function.Function<Path, T> work) {
            return new Read<>(files, work);
        }

        /** The next file's result, or its error thrown. */
        @SuppressWarnings("unchecked")
        T next() {
            if (next == start + filled) fill();
            Object r = window[next++ - start];
            if (r instanceof DataException e) throw e;
            return (T) r;
        }

        private void fill() {
            if (next >= files.size()) throw new IllegalStateException("no more files");
            start = next;
            int n = Math.min(window.length, files.size() - start);
            filled = n;
            java.util.Arrays.fill(window, null);
            int parts = Math.min(io.digitstudio.nn.Cores.count(), n);
            int base = start;
            io.digitstudio.nn.Cores.parallel(parts, part -> {
                for (int i = part; i < n; i += parts) {
                    try {
                        window[i] = work.apply(files.get(base + i));
                    } catch (DataException e) {
                        window[i] = e;
                    }
                }
            });
        }
    }

    /** One line on stderr naming the file, and the run goes on with the next one. */
    private void reportUnreadable(Path p, DataException e) {
        System.err.println(Cli.errorLine(spec, namedAsGiven(p, e.getMessage())));
    }

    /**
     * A reader's message about a file, naming it as the user gave it ("sub/dir/x.png", or the folder given and the path
     * below it) rather than by its name alone, so two x.png in different folders can be told apart.
     */
    static String namedAsGiven(Path p, String message) {
        String name = p.getFileName() + ":";
        return p + ": " + (message.startsWith(name) ? message.substring(name.length()).strip() : message);
    }

    /** One image's reading: the number, the lowest confidence, and each digit's box (picture pixels), line and probabilities. */
    private static String json(Path p, String digits, Reading r) {
        StringBuilder o = new StringBuilder("{\"path\": ").append(TextFormats.jsonString(p.toString()))
                .append(", \"number\": ").append(TextFormats.jsonString(digits))
                .append(String.format(Locale.ROOT, ", \"confidence\": %.6f, \"lines\": %d, \"digits\": [", r.confidence(), r.lines()));
        for (int i = 0; i < r.digits().size(); i++) {
            ReadDigit d = r.digits().get(i);
            DigitBox b = d.box();
            o.append(i == 0 ? "" : ", ").append("{\"label\": ").append(d.prediction().label())
                    .append(String.format(Locale.ROOT, ", \"confidence\": %.6f", d.prediction().confidence()))
                    .append(", \"line\": ").append(b.line())
                    .append(", \"box\": {\"x\": ").append(b.x0()).append(", \"y\": ").append(b.y0())
                    .append(", \"width\": ").append(b.x1() - b.x0()).append(", \"height\": ").append(b.y1() - b.y0()).append("}, \"probabilities\": [");
            float[] pr = d.prediction().probabilities();
            for (int c = 0; c < pr.length; c++) o.append(c == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", pr[c]));
            o.append("]}");
        }
        return o.append("]}").toString();
    }

    private static final java.util.regex.Pattern IMAGE = java.util.regex.Pattern.compile("(?i).*\\.(png|jpe?g|bmp|gif|tiff?|webp)");

    /** The files named, and the images found in the folders named (with their subfolders unless told not to), sorted. */
    static List<Path> expand(List<Path> paths, boolean recursive) throws IOException {
        java.util.ArrayList<Path> out = new java.util.ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (var s = recursive ? Files.walk(p) : Files.list(p)) {
                    s.filter(Files::isRegularFile).filter(f -> IMAGE.matcher(f.getFileName().toString()).matches()).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static void makeFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new UserInputException("--save-input " + dir + " is a file, not a folder");
        } catch (IOException e) {
            throw new UserInputException("--save-input " + dir + ": cannot create the folder (" + e.getMessage() + ")");
        }
    }

    /**
     * {@code NAME.EXT.input.png} in {@code dir} (the extension kept, so a.png and a.jpg do not overwrite each other);
     * the same name from two folders gets {@code -2}, {@code -3}, … rather than replacing the first.
     */
    static Path inputFile(Path dir, Path image, java.util.Set<Path> written) {
        String name = image.getFileName().toString();
        Path f = dir.resolve(name + ".input.png");
        for (int i = 2; !written.add(f.toAbsolutePath().normalize()); i++) f = dir.resolve(name + ".input-" + i + ".png");
        return f;
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
