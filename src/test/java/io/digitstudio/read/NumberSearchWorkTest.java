package io.digitstudio.read;

import io.digitstudio.data.GreyImage;
import io.digitstudio.data.RgbImage;
import io.digitstudio.data.Rng;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Predictor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The number search's work, counted as the inputs it prepares and classifies (what its time is made of), not timed: a
 * bar drawn across the canvas once cost thousands of them, a 10-digit number a few hundred.
 */
class NumberSearchWorkTest {
    /** The most inputs a digit of a number may cost the search. */
    static final int INPUTS_PER_DIGIT = 60;

    static Predictor predictor;

    @BeforeAll
    static void model() {
        Nd4jSetup.init();
        predictor = ReadingRates.builtIn();
    }

    /** The inputs {@link NumberReader#number} reads for {@code picture}. */
    static int inputs(RgbImage picture) {
        int n = 0;
        for (DigitSegmenter.Line line : DigitSegmenter.segment(InkFinder.find(picture)).candidates()) {
            List<int[]> spans = new ArrayList<>();
            NumberReader.spans(line, spans, new ArrayList<>());
            n += spans.size();
        }
        return n;
    }

    /** A dark bar {@code thick} pixels thick and {@code length} long across a light w x h picture, rising {@code slope}. */
    static RgbImage bar(int w, int h, int length, int thick, double slope) {
        float[] p = new float[w * h];
        Arrays.fill(p, 0.95f);
        int x0 = (w - length) / 2;
        for (int x = x0; x < x0 + length; x++) {
            int top = (int) Math.round(h / 2.0 - slope * (x - w / 2.0)) - thick / 2;
            for (int y = Math.max(0, top); y < Math.min(h, top + thick); y++) p[y * w + x] = 0.08f;
        }
        return RgbImage.of(new GreyImage(w, h, p));
    }

    @Test
    void aBarAcrossTheCanvasIsOneStrokeNotADozenDigits() {
        int[][] bars = {{320, 320, 300, 20}, {320, 320, 300, 12}, {320, 320, 200, 30}, {640, 480, 620, 8}, {640, 480, 600, 30}};
        double[] slopes = {0, 0.05, -0.1, 0.25};
        for (int[] b : bars) {
            for (double slope : slopes) {
                RgbImage picture = bar(b[0], b[1], b[2], b[3], slope);
                int n = inputs(picture);
                String what = String.format(Locale.ROOT, "a bar %d long, %d thick, slope %.2f on %dx%d", b[2], b[3], slope, b[0], b[1]);
                assertTrue(n <= 3, what + ": " + n + " inputs");
                assertEquals(1, new NumberReader(predictor).number(picture).digits().size(), what + " reads as one digit");
            }
        }
    }

    @Test
    void aTenDigitNumberCostsAFewDozenInputsPerDigit() {
        PaperPhotos photos = new PaperPhotos(4401, predictor);
        Rng rng = new Rng(4402);
        int most = 0;
        for (int k = 0; k < 6; k++) {
            int[] digits = new int[10];
            for (int j = 0; j < digits.length; j++) digits[j] = rng.nextInt(10);
            RgbImage picture = k % 2 == 0 ? photos.apart(digits).image() : photos.touching(digits, rng.nextInt(9)).image();
            most = Math.max(most, inputs(picture));
        }
        System.out.printf(Locale.ROOT, "ten-digit numbers: at most %d inputs read%n", most);
        assertTrue(most <= 10 * INPUTS_PER_DIGIT, most + " inputs for ten digits");
    }
}
