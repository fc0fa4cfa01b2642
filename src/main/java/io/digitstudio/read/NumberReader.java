package io.digitstudio.read;

import io.digitstudio.data.RgbImage;
import io.digitstudio.nn.Prediction;
import io.digitstudio.nn.Predictor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a picture as one digit or as a number, with a model that takes 28x28 images. Digits that touch are told apart
 * by reading (over-segment, then recognise): each line may be cut between its blocks and along the thinnest paths
 * and the bending gaps through them ({@link DigitSegmenter.Line}); every run of pieces that could be one digit is read, and the cutting
 * whose digits the network is surest of wins. Each digit pays a price, and so do a piece as wide as two digits or as
 * low as part of one and a cut through two strokes of one digit, so that one digit is not read as two sure halves, nor
 * two touching digits as one sure digit; a piece that {@link PairDetector} takes for two touching digits pays for
 * being read as one, and a cut through a block it takes for one digit pays too, so that a weak model's doubts about a
 * whole digit do not make its halves win. The prices are tuned on {@code ReadingRates}' seeds 1 and 3, {@code
 * CameraDigits}' touching numbers of seed 1516 and {@code PhotoReadingTest}'s numbers, keeping the numbers whose digits
 * stand apart, and checked on seeds 2 and 5 and on {@code CameraDigits}' seed 1517; the detector's graded and
 * one-digit prices are tuned on seeds 2 and 4 and checked on seeds 6 and 8.
 */
public final class NumberReader {
    /**
     * What each digit of a reading costs, in log-probability: a cutting into more pieces must be read surely enough to
     * pay for them, so one digit cut in two halves that the network happens to be sure of does not win for being two.
     */
    static final double PER_DIGIT = 0.1;
    /**
     * What a cut costs for each separate stroke it passes through beyond the first: two touching digits meet in one
     * place, a cut through a loop or through two strokes of one digit passes two. Digits that lean on each other along
     * a stretch of their height meet in more than one place too, so the price stays small: the reading decides.
     */
    static final double PER_CROSSING = 0.25;
    /** What a piece much lower than its line costs (it is part of a digit), per share of the line's height below 0.6. */
    static final double LOW = 8;
    /**
     * What a piece costs per unit of width to height above {@link #NARROW}: a network reads two touching digits as one
     * with confidence all the same, and the wider a piece, the likelier it holds two. A "1" pays nothing.
     */
    static final double WIDE = 0.3;
    /** The width to height below which a piece pays nothing for its width. */
    static final double NARROW = 0.45;
    /** What a piece wider than 0.9 of its line's height costs, per share of the height beyond: hardly a digit is. */
    static final double WIDER_THAN_LINE = 0.6;
    /**
     * What a piece costs when {@link PairDetector} is sure ({@link #SURE_TWO}) that it shows two touching digits: a
     * digit network reads "16" as a sure "6", the detector was taught the difference. Only a sure verdict pays, and a
     * fixed price: the detector's doubts about single digits (a wide 0, a 2 with a long base) cut them in two. Taught
     * on the reader's own pieces too, it is rarely sure that a single digit is two, so a sure verdict may cost more
     * than a first detector's 0.25: 0.5 reads more of {@code CameraDigits}' leaning pairs and as many paper numbers
     * (the figures are in the reading-pictures guide).
     */
    static final double TWO = 0.5;
    /** How sure {@link PairDetector} must be that a piece holds two digits before it pays {@link #TWO}. */
    static final double SURE_TWO = 0.98;
    /**
     * What a piece costs, on top of {@link #TWO}, per share of {@link PairDetector}'s probability of two digits above
     * {@link #LIKELY_TWO}: a pair the detector is fairly but not quite sure of ("16" read as a sure "6" at 0.9) pays some
     * of the price, while the single digits it doubts little pay nothing. Taught on the reader's own pieces, the
     * detector rarely gives a single digit more than even odds of being two.
     */
    static final double TWO_LIKELY = 0.2;
    /** The detector's probability of two digits above which a piece pays {@link #TWO_LIKELY}. */
    static final double LIKELY_TWO = 0.5;
    /**
     * What a cut through a block costs when {@link PairDetector} is sure ({@link #SURE_ONE}) that the block, read whole,
     * is one digit: a model that reads the whole block unsurely (one trained briefly on the Draw view reads a "4" as
     * a "9" at 0.57) may read two halves of it more surely (a "6" and a "1"), and a number drawn apart gains a digit.
     */
    static final double ONE = 0.5;
    /** How unlikely two digits must be, by {@link PairDetector}, for a block to count as one digit for {@link #ONE}. */
    static final double SURE_ONE = 0.1;
    /** The widest a run of pieces may be, as a share of its line's height, unless it is one piece. */
    static final double WIDEST = 1.5;

    /** A single block read at least this surely is taken as one digit by {@link #any} without a search. */
    static final float SURE = 0.9f;

    private final Predictor predictor;
    private final PairDetector pairs;

    public NumberReader(Predictor predictor) {
        this(predictor, null);
    }

    /** A reader that tells one digit from two touching ones with {@code pairs} (null: the bundled detector). */
    public NumberReader(Predictor predictor, PairDetector pairs) {
        this.predictor = predictor;
        this.pairs = pairs;
    }

    /** Every digit in the picture, each classified on its own (one batch for each line). */
    public Reading number(RgbImage picture) {
        return read(DigitSegmenter.segment(InkFinder.find(picture)));
    }

    /**
     * The picture as one digit when it holds one, as a number when it holds several: what the Draw view shows. One
     * digit is read from all of the ink (as {@code predict} without {@code --number} does), so a digit whose strokes
     * do not touch is never taken for two. The ink is found and grouped once for both readings.
     */
    public Reading any(RgbImage picture) {
        return any(picture, null);
    }

    /**
     * {@link #any(RgbImage)}, showing {@code watcher} each stage of the preparation as it happens: the picture, the ink
     * found, then the steps that make the one-digit reading's input (for a number, {@link #prepare} shows a digit's).
     */
    public Reading any(RgbImage picture, DigitPreprocessor.Watcher watcher) {
        if (watcher != null) watcher.stage(new DigitPreprocessor.Stage(DigitPreprocessor.Step.SOURCE, picture.grey(), picture.width() + "×" + picture.height() + " px"));
        InkMap map = InkFinder.find(picture);
        if (watcher != null) watcher.stage(new DigitPreprocessor.Stage(DigitPreprocessor.Step.INK, map.asGrey(), "bright on dark"));
        DigitSegmenter.Segments segments = DigitSegmenter.segment(map);
        float[] x = DigitPreprocessor.fromInk(segments.whole(), watcher);
        List<DigitBox> blocks = segments.digits();
        if (blocks.size() == 1) {
            // one digit as wide as a digit, read surely: what a pen-up almost always is, without searching for cuts
            Prediction whole = predictor.predict(x);
            if (whole.confidence() >= SURE) return new Reading(List.of(new ReadDigit(blocks.get(0), x, whole)));
        }
        Reading number = read(segments);
        if (number.digits().size() > 1) return number;
        return new Reading(List.of(new ReadDigit(number.digits().get(0).box(), x, predictor.predict(x))));
    }

    /**
     * Shows {@code watcher} how one digit of a number was prepared, from its cut-out ink on: the same steps, run again
     * on the same ink, so the last stage is that digit's input.
     */
    public static float[] prepare(ReadDigit digit, DigitPreprocessor.Watcher watcher) {
        return DigitPreprocessor.fromInk(digit.box().ink(), watcher);
    }

    private Reading read(DigitSegmenter.Segments segments) {
        List<ReadDigit> out = new ArrayList<>();
        for (DigitSegmenter.Line line : segments.candidates()) out.addAll(read(line));
        return new Reading(out);
    }

    /**
     * Every run of the line's pieces that could be one digit, ordered by its start: what the search reads, each one
     * prepared and classified once. The spans go to {@code spans} ({start, end} boundaries), their ink to {@code boxes}.
     */
    static void spans(DigitSegmenter.Line line, List<int[]> spans, List<DigitBox> boxes) {
        int n = line.boundaries();
        for (int a = 0; a < n - 1; a++) {
            for (int b = a + 1; b < n; b++) {
                if (b > a + 1 && (line.position(b) - line.position(a) > WIDEST * line.height() || !line.mayJoin(a, b))) break;
                DigitBox box = line.span(a, b);
                if (box == null) continue;
                spans.add(new int[]{a, b});
                boxes.add(box);
            }
        }
    }

    /**
     * Which of the line's boundaries are cuts through a block that {@link PairDetector} is sure is one digit, read whole
     * ({@link #SURE_ONE}): the block's own span among {@code spans}, from its start to the next block's, has
     * probability {@code two} of two digits below it.
     */
    static boolean[] cutsThroughOne(DigitSegmenter.Line line, List<int[]> spans, double[] two) {
        int n = line.boundaries();
        boolean[] one = new boolean[n];
        for (int i = 0; i < spans.size(); i++) {
            int a = spans.get(i)[0], b = spans.get(i)[1];
            if (line.isCut(a) || line.isCut(b) || two[i] >= SURE_ONE) continue;
            boolean whole = true;
            for (int k = a + 1; k < b; k++) whole &= line.isCut(k);
            if (whole) for (int k = a + 1; k < b; k++) one[k] = true;
        }
        return one;
    }

    /**
     * What reading the ink of {@code box}, ending at boundary {@code b} of {@code line}, as a digit of probability
     * {@code p} adds to a cutting's score: the log-probability less the prices for a digit, its shape, its cut (more
     * when {@code one[b]}: it cuts a block that is one digit, {@link #cutsThroughOne}) and for looking like two
     * digits ({@code two}, {@link PairDetector}'s probability).
     */
    static double score(DigitSegmenter.Line line, DigitBox box, double p, int b, double two, boolean[] one) {
        double w = box.ink().width() - 2, h = box.ink().height() - 2;
        return Math.log(Math.max(1e-9, p)) - (two >= SURE_TWO ? TWO : 0) - TWO_LIKELY * Math.max(0, (two - LIKELY_TWO) / (1 - LIKELY_TWO))
                - (one[b] ? ONE : 0) - PER_DIGIT
                - WIDE * Math.max(0, w / h - NARROW) - WIDER_THAN_LINE * Math.max(0, w / line.height() - 0.9)
                - LOW * Math.max(0, 0.6 - h / line.height()) - PER_CROSSING * Math.max(0, line.crossings(b) - 1);
    }

    /**
     * The line's best reading: of all ways to cut it at its boundaries, the one with the highest total score (dynamic
     * programming over the boundaries; runs are bounded by {@link #WIDEST}, so the work grows with the line's length).
     */
    private List<ReadDigit> read(DigitSegmenter.Line line) {
        int n = line.boundaries();
        List<int[]> spans = new ArrayList<>();
        List<DigitBox> boxes = new ArrayList<>();
        spans(line, spans, boxes);
        float[][] inputs = new float[boxes.size()][];
        for (int i = 0; i < inputs.length; i++) inputs[i] = DigitPreprocessor.fromInk(boxes.get(i).ink());
        Prediction[] predictions = predictor.predict(inputs);
        double[] two = (pairs != null ? pairs : PairDetector.bundled()).two(inputs);
        boolean[] one = cutsThroughOne(line, spans, two);
        double[] scores = new double[spans.size()];
        for (int i = 0; i < scores.length; i++) scores[i] = score(line, boxes.get(i), predictions[i].confidence(), spans.get(i)[1], two[i], one);
        List<ReadDigit> out = new ArrayList<>();
        for (int i : best(n, spans, scores)) out.add(new ReadDigit(boxes.get(i), inputs[i], predictions[i]));
        return out;
    }

    /**
     * Of all ways to cut a line of {@code n} boundaries into {@code spans} (ordered by their start), the one whose
     * spans' {@code scores} sum highest: its spans' indices, left to right.
     */
    static List<Integer> best(int n, List<int[]> spans, double[] scores) {
        double[] best = new double[n];
        int[] via = new int[n];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        best[0] = 0;
        // spans come ordered by their start, so every start's score is final before a span leaves from it
        for (int i = 0; i < spans.size(); i++) {
            int a = spans.get(i)[0], b = spans.get(i)[1];
            if (best[a] == Double.NEGATIVE_INFINITY) continue;
            double s = best[a] + scores[i];
            if (s > best[b]) {
                best[b] = s;
                via[b] = i;
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int b = n - 1; b > 0; ) {
            int i = via[b];
            out.add(0, i);
            b = spans.get(i)[0];
        }
        return out;
    }
}
