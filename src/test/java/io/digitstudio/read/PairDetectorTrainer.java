package io.digitstudio.read;

import io.digitstudio.data.GreyImage;
import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.data.RgbImage;
import io.digitstudio.data.Rng;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.io.ModelInfo;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.NetworkSpec;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.train.TrainingLoop;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Makes {@link PairDetector}'s bundled weights: MNIST's training digits, each alone (class 0) or beside another that it
 * touches (class 1), enlarged and sharpened like ink on paper and prepared as {@link NumberReader} prepares a piece,
 * and the pieces the reader itself cuts from numbers of them ({@link ReaderPieces}); the tutorial's MLP trained on them
 * with a fixed seed. Digits 0 to {@link #SOURCES} - 1 of MNIST's training set make
 * the training examples, the rest the held-out ones, and MNIST's test digits (which {@code PaperPhotos} draws) are
 * never used. Run {@code java -cp ... io.digitstudio.read.PairDetectorTrainer [out.npz]}; without an argument it
 * writes the bundled resource under {@code src/main/resources}.
 */
final class PairDetectorTrainer {
    /** MNIST training digits below this index make the training examples; those from it on, the held-out ones. */
    static final int SOURCES = 50_000;
    static final long SEED = 33;
    static final int EXAMPLES = 40_000;
    static final int HELD_OUT = 4_000;
    static final int EPOCHS = 12;
    /**
     * How many of the reader's own pieces join the training examples: a digit with a scrap of its neighbour at the cut
     * edge, a digit cut short, a pair cut where the segmenter cuts. Trained on synthetic pairs alone, the detector was
     * sure of only about 60 % of the reader's two-digit pieces.
     */
    static final int PIECES = 20_000;
    static final int HELD_OUT_PIECES = 2_000;

    private PairDetectorTrainer() {
    }

    /**
     * {@code count} examples from MNIST training digits {@code from} to {@code to} - 1: even ones a single digit, odd
     * ones two touching digits, both prepared into the reader's 28x28 frame.
     */
    static LabeledImages examples(LabeledImages mnist, int from, int to, int count, long seed) {
        Rng rng = new Rng(seed);
        byte[] pixels = new byte[count * 784];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            double scale = 2.5 + 2 * rng.nextDouble();
            GreyImage ink;
            if (i % 2 == 0) {
                ink = framed(List.of(Glyph.of(mnist, from + rng.nextInt(to - from), scale, true)), new int[]{0}, new int[]{0});
            } else {
                Glyph a = Glyph.of(mnist, from + rng.nextInt(to - from), scale, true);
                Glyph b = Glyph.of(mnist, from + rng.nextInt(to - from), scale * (0.9 + 0.2 * rng.nextDouble()), true);
                int tallest = Math.max(a.h(), b.h());
                int ya = (int) Math.round((tallest - a.h()) / 2.0 + (rng.nextDouble() - 0.5) * 0.12 * tallest);
                int yb = (int) Math.round((tallest - b.h()) / 2.0 + (rng.nextDouble() - 0.5) * 0.12 * tallest);
                // from edge to edge up to a few pixels into each other, where the reader's pieces of two digits meet
                int xb = Glyph.touchingAt(a, 0, ya, b, yb, rng.nextInt(5));
                ink = framed(List.of(a, b), new int[]{0, xb}, new int[]{ya, yb});
            }
            float[] x = prepared(ink, rng);
            for (int p = 0; p < 784; p++) pixels[i * 784 + p] = (byte) Math.round(255 * Math.max(0, Math.min(1, x[p])));
            labels[i] = (byte) (i % 2);
        }
        return new LabeledImages("one or two digits", pixels, labels, count, 28, 28);
    }

    /**
     * The ink drawn dark on light paper with a little noise, then found, grouped and prepared as {@link NumberReader}
     * finds, groups and prepares a piece: the detector must judge the reader's inputs, not clean MNIST strokes.
     */
    static float[] prepared(GreyImage ink, Rng rng) {
        int margin = Math.max(ink.width(), ink.height()) / 2;
        int w = ink.width() + 2 * margin, h = ink.height() + 2 * margin;
        float paper = (float) (0.75 + 0.25 * rng.nextDouble()), dark = (float) (0.05 + 0.3 * rng.nextDouble());
        float[] grey = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int ix = x - margin, iy = y - margin;
                float c = ix < 0 || iy < 0 || ix >= ink.width() || iy >= ink.height() ? 0 : ink.get(ix, iy);
                double v = (1 - c) * paper + c * dark + 0.01 * rng.nextGaussian();
                grey[y * w + x] = Math.round(255 * Math.max(0, Math.min(1, v))) / 255f;
            }
        }
        InkMap map = InkFinder.find(RgbImage.of(new GreyImage(w, h, grey)));
        return DigitPreprocessor.fromInk(DigitSegmenter.segment(map).whole());
    }

    /** The glyphs at their places on black, two pixels of margin all round. */
    private static GreyImage framed(List<Glyph> glyphs, int[] xs, int[] ys) {
        int left = Integer.MAX_VALUE, top = Integer.MAX_VALUE, right = Integer.MIN_VALUE, bottom = Integer.MIN_VALUE;
        for (int i = 0; i < glyphs.size(); i++) {
            left = Math.min(left, xs[i]);
            top = Math.min(top, ys[i]);
            right = Math.max(right, xs[i] + glyphs.get(i).w());
            bottom = Math.max(bottom, ys[i] + glyphs.get(i).h());
        }
        int w = right - left + 4, h = bottom - top + 4;
        float[] out = new float[w * h];
        for (int i = 0; i < glyphs.size(); i++) {
            Glyph g = glyphs.get(i);
            for (int y = 0; y < g.h(); y++) {
                for (int x = 0; x < g.w(); x++) {
                    int p = (ys[i] - top + 2 + y) * w + xs[i] - left + 2 + x;
                    out[p] = Math.max(out[p], g.c()[y * g.w() + x]);
                }
            }
        }
        return new GreyImage(w, h, out);
    }

    /**
     * The first {@code count} labelled pieces ({@link ReaderPieces}) of numbers made from MNIST training digits
     * {@code from} to {@code to} - 1, in the order they are cut.
     */
    static LabeledImages pieces(LabeledImages mnist, int from, int to, int count, long seed) {
        ReaderPieces numbers = new ReaderPieces(mnist, from, to, seed);
        byte[] pixels = new byte[count * 784];
        byte[] labels = new byte[count];
        int i = 0;
        while (i < count) {
            for (ReaderPieces.Piece p : numbers.next()) {
                if (i == count) break;
                for (int k = 0; k < 784; k++) pixels[i * 784 + k] = (byte) Math.round(255 * Math.max(0, Math.min(1, p.x()[k])));
                labels[i++] = (byte) (p.two() ? 1 : 0);
            }
        }
        return new LabeledImages("the reader's pieces", pixels, labels, count, 28, 28);
    }

    /** Two sets of examples as one, {@code a}'s first. */
    static LabeledImages join(LabeledImages a, LabeledImages b, String name) {
        int n = a.size() + b.size();
        byte[] pixels = new byte[n * 784];
        byte[] labels = new byte[n];
        float[] x = new float[784];
        for (int i = 0; i < n; i++) {
            LabeledImages from = i < a.size() ? a : b;
            int j = i < a.size() ? i : i - a.size();
            from.copyFeatures(j, x, 0);
            for (int k = 0; k < 784; k++) pixels[i * 784 + k] = (byte) Math.round(255 * x[k]);
            labels[i] = (byte) from.label(j);
        }
        return new LabeledImages(name, pixels, labels, n, 28, 28);
    }

    /** The training run the bundled weights come from. */
    static TrainingLoop loop() {
        LabeledImages mnist = Mnist.bundled().train();
        LabeledImages train = join(examples(mnist, 0, SOURCES, EXAMPLES, SEED), pieces(mnist, 0, SOURCES, PIECES, SEED + 2), "one or two digits");
        LabeledImages heldOut = join(heldOut(), heldOutPieces(), "one or two digits, held out");
        TrainingConfig config = TrainingConfig.tutorial().withNetwork(NetworkSpec.of("tutorial")).withEpochs(EPOCHS).withSeed(SEED);
        return TrainingLoop.create(config, train, heldOut, "MNIST training digits, alone and touching in pairs");
    }

    /** Examples from MNIST training digits the training examples never use. */
    static LabeledImages heldOut() {
        return examples(Mnist.bundled().train(), SOURCES, Mnist.bundled().train().size(), HELD_OUT, SEED + 1);
    }

    /** The reader's pieces of numbers made from MNIST training digits the training examples never use. */
    static LabeledImages heldOutPieces() {
        return pieces(Mnist.bundled().train(), SOURCES, Mnist.bundled().train().size(), HELD_OUT_PIECES, SEED + 3);
    }

    public static void main(String[] args) throws Exception {
        Nd4jSetup.init();
        Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources" + PairDetector.RESOURCE);
        TrainingLoop loop = loop();
        double accuracy = loop.run().last().get(io.digitstudio.train.EpochReport.VAL_ACCURACY);
        ModelFiles.saveNpz(out, loop.model(), new ModelInfo(accuracy, "MNIST training digits " + SOURCES + "+, alone and touching in pairs", List.of("one", "two")));
        System.out.printf(Locale.ROOT, "held-out accuracy %.4f, written to %s%n", accuracy, out);
    }
}
