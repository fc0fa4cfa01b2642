package io.digitstudio.read;

import io.digitstudio.io.FormatException;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Prediction;
import io.digitstudio.nn.Predictor;

import java.io.IOException;
import java.io.InputStream;

/**
 * Tells one digit from two touching digits in a prepared 28x28 input: a small network trained on MNIST's training
 * digits, alone (class 0) and as synthetic touching pairs (class 1), prepared as the reader prepares a piece, and on
 * the pieces the reader itself cuts from numbers of them (a digit with a scrap of its neighbour at the cut edge, a
 * digit cut short, a pair cut where the segmenter cuts), labelled by the digits whose ink they hold. A digit
 * classifier reads two touching digits as one digit with confidence all the same ("16" as a sure "6"); this one was
 * taught the difference, so {@link NumberReader} can make a two-digit blob pay for being read as one. The bundled
 * weights come from {@code PairDetectorTrainer} (test sources) with a fixed seed.
 */
public final class PairDetector {
    /** Where the bundled weights live inside the jar. */
    public static final String RESOURCE = "/io/digitstudio/read/pair-detector.npz";

    private final Predictor predictor;

    public PairDetector(Predictor predictor) {
        this.predictor = predictor;
    }

    /** The bundled detector, loaded on first use (a drawn single digit never needs it). */
    public static PairDetector bundled() {
        return Holder.BUNDLED;
    }

    private static final class Holder {
        static final PairDetector BUNDLED = load();
    }

    private static PairDetector load() {
        try (InputStream in = PairDetector.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new FormatException("the pair detector is missing from this build (" + RESOURCE + ")");
            return new PairDetector(new Predictor(ModelFiles.loadNpz(in, "pair detector").model()));
        } catch (IOException e) {
            throw new FormatException("cannot read the pair detector: " + e.getMessage(), e);
        }
    }

    /** For each prepared input, the probability that it shows two touching digits rather than one. */
    public double[] two(float[][] inputs) {
        if (inputs.length == 0) return new double[0];
        Prediction[] p = predictor.predict(inputs);
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) out[i] = p[i].probabilities()[1];
        return out;
    }
}
