package io.digitstudio.read;

import io.digitstudio.data.CameraDigits;
import io.digitstudio.data.DataException;
import io.digitstudio.data.RgbImage;
import io.digitstudio.data.Rng;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Prediction;
import io.digitstudio.nn.Predictor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How {@link NumberReader}'s reading of {@link ReadingRates}' numbers moves with the weight of {@link PairDetector}'s
 * term ({@link NumberReader#TWO}): each picture is segmented, and its pieces read and judged, once; then every weight
 * chooses its cutting from the same scores. Run {@code java -cp ... io.digitstudio.read.PairWeights SEED N [W...]};
 * {@code -Dpairs=file.npz} judges with another detector than the bundled one; {@code -Dgates=0.9,0.98} tries each gate
 * ({@code -Dgate}) with each weight, {@code -Dcrossings=0.1,0.25} each price of a crossing ({@link
 * NumberReader#PER_CROSSING}) with each.
 */
final class PairWeights {
    /** One line's spans with their scores without the detector's term, the term, and the labels read. */
    private record Scored(int n, List<int[]> spans, double[] base, double[] two, double[] aspect, int[] beyond, int[] labels) {
        String read(double weight, double gate, double crossing) {
            double[] s = new double[base.length];
            for (int i = 0; i < s.length; i++) s[i] = base[i] + (NumberReader.PER_CROSSING - crossing) * beyond[i] + weight * term(two[i], aspect[i], gate);
            StringBuilder out = new StringBuilder();
            for (int i : NumberReader.best(n, spans, s)) out.append(labels[i]);
            return out.toString();
        }
    }

    private record Picture(String truth, List<Scored> lines) {
        boolean right(double weight, double gate, double crossing) {
            StringBuilder s = new StringBuilder();
            for (Scored l : lines) s.append(l.read(weight, gate, crossing));
            return s.toString().equals(truth);
        }
    }

    /** With {@code -Dlinear=true}, the term is the detector's probability itself, so one false alarm costs at most the weight. */
    static final boolean LINEAR = Boolean.getBoolean("linear");

    /** With {@code -Dgate=G}, the term is -1 where the detector says two with at least G, else 0. */
    static final double GATE = Double.parseDouble(System.getProperty("gate", "0"));
    /** With {@code -Daspect=A}, pieces narrower than A of their height pay nothing. */
    static final double MIN_ASPECT = Double.parseDouble(System.getProperty("aspect", "0"));

    private PairWeights() {
    }

    /** The detector's term for a piece judged two with probability {@code two}: see the options above. */
    private static double term(double two, double aspect, double gate) {
        return aspect < MIN_ASPECT ? 0 : gate > 0 ? (two >= gate ? -1 : 0) : LINEAR ? -two : Math.log(Math.max(1e-9, 1 - two));
    }

    private static Picture score(Predictor predictor, PairDetector pairs, RgbImage image, String truth) {
        List<Scored> lines = new ArrayList<>();
        try {
            for (DigitSegmenter.Line line : DigitSegmenter.segment(InkFinder.find(image)).candidates()) {
                List<int[]> spans = new ArrayList<>();
                List<DigitBox> boxes = new ArrayList<>();
                NumberReader.spans(line, spans, boxes);
                float[][] inputs = new float[boxes.size()][];
                for (int i = 0; i < inputs.length; i++) inputs[i] = DigitPreprocessor.fromInk(boxes.get(i).ink());
                Prediction[] p = predictor.predict(inputs);
                double[] two = pairs.two(inputs);
                boolean[] one = NumberReader.cutsThroughOne(line, spans, two);
                double[] base = new double[p.length], aspect = new double[p.length];
                int[] labels = new int[p.length], beyond = new int[p.length];
                for (int i = 0; i < p.length; i++) {
                    // all of the score but the sure verdict's fixed price, which the weights replace
                    base[i] = NumberReader.score(line, boxes.get(i), p[i].confidence(), spans.get(i)[1], two[i], one) + (two[i] >= NumberReader.SURE_TWO ? NumberReader.TWO : 0);
                    beyond[i] = Math.max(0, line.crossings(spans.get(i)[1]) - 1);
                    aspect[i] = (boxes.get(i).ink().width() - 2.0) / (boxes.get(i).ink().height() - 2.0);
                    labels[i] = p[i].label();
                }
                lines.add(new Scored(line.boundaries(), spans, base, two, aspect, beyond, labels));
            }
        } catch (DataException e) {
            lines.clear();
        }
        return new Picture(truth, lines);
    }

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0]);
        int n = Integer.parseInt(args[1]);
        List<Double> weights = new ArrayList<>();
        for (int i = 2; i < args.length; i++) weights.add(Double.parseDouble(args[i]));
        if (weights.isEmpty()) weights.addAll(List.of(0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0));
        Nd4jSetup.init();
        Predictor predictor = ReadingRates.builtIn();
        String file = System.getProperty("pairs");
        PairDetector pairs = file == null ? PairDetector.bundled() : new PairDetector(new Predictor(ModelFiles.load(Path.of(file)).model()));
        List<List<Picture>> kinds = new ArrayList<>();
        List<String> names = List.of("touching", "apart", "camera touching");
        for (boolean touching : new boolean[]{true, false}) {
            Rng rng = new Rng(seed * 7 + 1);
            PaperPhotos ph = new PaperPhotos(seed, predictor);
            List<Picture> kind = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int[] digits = new int[2 + i % 7];
                for (int j = 0; j < digits.length; j++) digits[j] = rng.nextInt(10);
                PaperPhotos.Photo p = touching ? ph.touching(digits, rng.nextInt(digits.length - 1)) : ph.apart(digits);
                kind.add(score(predictor, pairs, p.image(), p.digits()));
            }
            kinds.add(kind);
        }
        if (Boolean.getBoolean("camera")) {
            CameraDigits cam = new CameraDigits(seed);
            Rng rng = new Rng(seed * 7 + 3);
            List<Picture> kind = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int[] digits = new int[2 + i % 7];
                for (int j = 0; j < digits.length; j++) digits[j] = rng.nextInt(10);
                CameraDigits.Shot s = cam.touchingPair(digits, rng.nextInt(digits.length - 1));
                kind.add(score(predictor, pairs, ReadingRates.decode(s), s.digits()));
            }
            kinds.add(kind);
        }
        List<Double> gates = new ArrayList<>();
        for (String g : System.getProperty("gates", String.valueOf(GATE)).split(",")) gates.add(Double.parseDouble(g));
        List<Double> crossings = new ArrayList<>();
        for (String c : System.getProperty("crossings", String.valueOf(NumberReader.PER_CROSSING)).split(",")) crossings.add(Double.parseDouble(c));
        for (double crossing : crossings) for (double gate : gates) {
            for (double w : weights) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "seed %d crossing %.2f gate %.3f weight %.2f:", seed, crossing, gate, w));
                for (int k = 0; k < kinds.size(); k++) {
                    int right = 0;
                    for (Picture p : kinds.get(k)) if (p.right(w, gate, crossing)) right++;
                    line.append(String.format(Locale.ROOT, "  %s %d/%d", names.get(k), right, kinds.get(k).size()));
                }
                System.out.println(line);
            }
        }
    }
}
