package io.digitstudio.read;

import io.digitstudio.data.CameraDigits;
import io.digitstudio.data.DataException;
import io.digitstudio.data.Rng;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Predictor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Read rates of the built-in MLP on {@link PaperPhotos}, per kind of picture: the figures of issue 33's note. Run with
 * a seed and a count per kind, e.g. {@code java -cp ... io.digitstudio.read.ReadingRates 2 100}; tests use the same
 * counting with their own seeds. A third argument lists the misses; {@code -Dwhy=true} adds why each number was
 * missed ({@link #why}); {@code -Donly=numbers} skips the single digits, {@code -Dcamera=true} adds
 * {@code CameraDigits}' pictures.
 */
final class ReadingRates {
    /** How many of how many read right, and the misses (truth -> reading, conditions). */
    record Rate(int right, int all, List<String> misses) {
        double share() {
            return (double) right / all;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d/%d (%.3f)", right, all, share());
        }
    }

    private ReadingRates() {
    }

    static Predictor builtIn() {
        return new Predictor(ModelFiles.loadDefault().model());
    }

    /** Single digits under {@code shadow}, read as {@code predict} reads one digit. */
    static Rate singles(Predictor predictor, long seed, PaperPhotos.Shadow shadow, int n) {
        PaperPhotos photos = new PaperPhotos(seed, predictor);
        int right = 0;
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PaperPhotos.Photo p = photos.single(i % 10, shadow);
            String read;
            try {
                read = String.valueOf(predictor.predict(DigitPreprocessor.toMnist(p.image())).label());
            } catch (DataException e) {
                read = "(" + e.getMessage() + ")";
            }
            if (read.equals(p.digits())) right++;
            else misses.add("#" + i + " " + p.digits() + "->" + read + " [" + p.conditions() + "]");
        }
        return new Rate(right, n, misses);
    }

    /** Numbers of 2-8 digits, with one touching pair or with their digits apart, read as {@code predict --number} does. */
    static Rate numbers(Predictor predictor, long seed, boolean touching, int n) {
        PaperPhotos photos = new PaperPhotos(seed, predictor);
        Rng rng = new Rng(seed * 7 + 1);
        NumberReader reader = new NumberReader(predictor);
        int right = 0;
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] digits = new int[2 + i % 7];
            for (int j = 0; j < digits.length; j++) digits[j] = rng.nextInt(10);
            PaperPhotos.Photo p = touching ? photos.touching(digits, rng.nextInt(digits.length - 1)) : photos.apart(digits);
            String read;
            try {
                read = reader.number(p.image()).number(String::valueOf);
            } catch (DataException e) {
                read = "(" + e.getMessage() + ")";
            }
            if (read.equals(p.digits())) right++;
            else misses.add("#" + i + " " + p.digits() + "->" + read + " [" + p.conditions() + "]" + (WHY ? " " + why(predictor, p.image(), p.digits()) : ""));
        }
        return new Rate(right, n, misses);
    }

    /** With {@code -Dwhy=true}, each missed number says why it was missed ({@link #why}). */
    static final boolean WHY = Boolean.getBoolean("why");

    /**
     * Why {@link NumberReader} misread a one-line number: either no way of cutting the line at its candidate boundaries
     * reads {@code truth} with each piece's most likely label (a cut is missing, or a piece is read wrong), or one does
     * and the search preferred another that scores higher ("read right" when it is the search's own choice). The scores are {@link NumberReader#score}'s sums;
     * after them come the pieces where the two cuttings differ, the search's first, each as its boundaries, label,
     * confidence, {@link PairDetector}'s probability of two digits, width to the line's height and price (issue 33's
     * categories: two digits read as one, one as two, a cut in the wrong place).
     */
    static String why(Predictor predictor, io.digitstudio.data.RgbImage picture, String truth) {
        List<DigitSegmenter.Line> lines;
        try {
            lines = DigitSegmenter.segment(InkFinder.find(picture)).candidates();
        } catch (DataException e) {
            return "(no ink)";
        }
        if (lines.size() != 1) return "(found " + lines.size() + " lines)";
        DigitSegmenter.Line line = lines.get(0);
        List<int[]> spans = new ArrayList<>();
        List<DigitBox> boxes = new ArrayList<>();
        NumberReader.spans(line, spans, boxes);
        float[][] inputs = new float[boxes.size()][];
        for (int i = 0; i < inputs.length; i++) inputs[i] = DigitPreprocessor.fromInk(boxes.get(i).ink());
        io.digitstudio.nn.Prediction[] p = predictor.predict(inputs);
        double[] two = PairDetector.bundled().two(inputs);
        int n = line.boundaries(), digits = truth.length();
        boolean[] one = NumberReader.cutsThroughOne(line, spans, two);
        double[] best = new double[n];
        int[] via = new int[n];
        // right[b][m]: the best score of cuttings up to boundary b whose m pieces read the first m digits of the truth
        double[][] right = new double[n][digits + 1];
        int[][] rightVia = new int[n][digits + 1];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        for (double[] r : right) java.util.Arrays.fill(r, Double.NEGATIVE_INFINITY);
        best[0] = 0;
        right[0][0] = 0;
        double[] scores = new double[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            int a = spans.get(i)[0], b = spans.get(i)[1];
            double s = NumberReader.score(line, boxes.get(i), p[i].confidence(), b, two[i], one);
            scores[i] = s;
            if (best[a] + s > best[b]) {
                best[b] = best[a] + s;
                via[b] = i;
            }
            for (int m = 0; m < digits; m++) {
                if (p[i].label() == truth.charAt(m) - '0' && right[a][m] + s > right[b][m + 1]) {
                    right[b][m + 1] = right[a][m] + s;
                    rightVia[b][m + 1] = i;
                }
            }
        }
        double truthScore = right[n - 1][digits];
        if (truthScore == Double.NEGATIVE_INFINITY) return "no cutting reads it";
        if (truthScore >= best[n - 1]) return "read right";
        List<Integer> chosen = new ArrayList<>(), truthful = new ArrayList<>();
        for (int b = n - 1; b > 0; b = spans.get(via[b])[0]) chosen.add(0, via[b]);
        for (int b = n - 1, m = digits; b > 0; m--) {
            int i = rightVia[b][m];
            truthful.add(0, i);
            b = spans.get(i)[0];
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "read right, scored lower (%.2f < %.2f)", truthScore, best[n - 1]));
        for (List<Integer> cutting : List.of(chosen, truthful)) {
            s.append(cutting == chosen ? "; chosen" : "; truth");
            for (int i : cutting) {
                if ((cutting == chosen ? truthful : chosen).contains(i)) continue;
                s.append(String.format(Locale.ROOT, " [%d-%d] %d@%.2f two %.2f w/H %.2f price %.2f", spans.get(i)[0], spans.get(i)[1], p[i].label(),
                        p[i].confidence(), two[i], (boxes.get(i).ink().width() - 2.0) / line.height(), scores[i]));
            }
        }
        return s.toString();
    }

    /** A camera shot's picture, decoded as {@code predict} decodes files (EXIF, colour spaces). */
    static io.digitstudio.data.RgbImage decode(CameraDigits.Shot shot) {
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempFile("camera", "." + shot.extension());
            try {
                java.nio.file.Files.write(f, shot.bytes());
                return io.digitstudio.data.ImageFiles.readRgb(f);
            } finally {
                java.nio.file.Files.deleteIfExists(f);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@link CameraDigits}' single digits under a soft shadow band, read as {@code predict} reads one digit. */
    static Rate cameraShadows(Predictor predictor, long seed, int n) {
        CameraDigits cam = new CameraDigits(seed);
        int right = 0;
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String read;
            try {
                CameraDigits.Shot s = cam.shadowBand(i % 10);
                try {
                    read = String.valueOf(predictor.predict(DigitPreprocessor.toMnist(decode(s))).label());
                } catch (DataException e) {
                    read = "(" + e.getMessage() + ")";
                }
                if (read.equals(s.digits())) right++;
                else misses.add("#" + i + " " + s.digits() + "->" + read);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new Rate(right, n, misses);
    }

    /** {@link CameraDigits}' numbers of 2-8 digits with one touching pair, read as {@code predict --number} does. */
    static Rate cameraTouching(Predictor predictor, long seed, int n) {
        CameraDigits cam = new CameraDigits(seed);
        Rng rng = new Rng(seed * 7 + 3);
        NumberReader reader = new NumberReader(predictor);
        int right = 0;
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] digits = new int[2 + i % 7];
            for (int j = 0; j < digits.length; j++) digits[j] = rng.nextInt(10);
            try {
                CameraDigits.Shot s = cam.touchingPair(digits, rng.nextInt(digits.length - 1));
                String read;
                try {
                    read = reader.number(decode(s)).number(String::valueOf);
                } catch (DataException e) {
                    read = "(" + e.getMessage() + ")";
                }
                if (read.equals(s.digits())) right++;
                else misses.add("#" + i + " " + s.digits() + "->" + read + (WHY ? " " + why(predictor, decode(s), s.digits()) : ""));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new Rate(right, n, misses);
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 2;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        boolean verbose = args.length > 2;
        Nd4jSetup.init();
        Predictor p = builtIn();
        int right = 0, all = 0;
        String only = System.getProperty("only", "");
        for (PaperPhotos.Shadow s : PaperPhotos.Shadow.values()) {
            if (s == PaperPhotos.Shadow.NONE || only.equals("numbers")) continue;
            Rate r = singles(p, seed, s, n);
            right += r.right();
            all += r.all();
            System.out.printf(Locale.ROOT, "single digits, shadow %s: %s%n", s.name().toLowerCase(Locale.ROOT), r);
            if (verbose) r.misses().forEach(m -> System.out.println("  " + m));
        }
        System.out.printf(Locale.ROOT, "single digits under a shadow, all kinds: %d/%d (%.3f)%n", right, all, (double) right / all);
        if (only.equals("singles")) return;
        Rate touch = numbers(p, seed, true, n);
        System.out.printf(Locale.ROOT, "numbers with one touching pair: %s%n", touch);
        if (verbose) touch.misses().forEach(m -> System.out.println("  " + m));
        Rate apart = numbers(p, seed, false, n);
        System.out.printf(Locale.ROOT, "numbers with digits apart: %s%n", apart);
        if (verbose) apart.misses().forEach(m -> System.out.println("  " + m));
        if (!Boolean.getBoolean("camera")) {
            System.out.printf(Locale.ROOT, "(seed %d, %d per kind)%n", seed, n);
            return;
        }
        Rate shadows = cameraShadows(p, seed, n);
        System.out.printf(Locale.ROOT, "camera: single digits under a shadow band: %s%n", shadows);
        if (verbose) shadows.misses().forEach(m -> System.out.println("  " + m));
        Rate touching = cameraTouching(p, seed, n);
        System.out.printf(Locale.ROOT, "camera: numbers with one touching pair: %s%n", touching);
        if (verbose) touching.misses().forEach(m -> System.out.println("  " + m));
        System.out.printf(Locale.ROOT, "(seed %d, %d per kind)%n", seed, n);
    }
}
