package io.digitstudio.read;

import io.digitstudio.data.DrawnDigitsAccess;
import io.digitstudio.data.ImageFiles;
import io.digitstudio.data.Mnist;
import io.digitstudio.data.PenStroke;
import io.digitstudio.data.RgbImage;
import io.digitstudio.data.StrokeRasterizer;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Predictor;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.train.TrainingLoop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 32: Draw read "1257" differently with each model, for its 5 and 7, written a stroke apart and leaning as
 * handwriting leans, were read as one digit by one model and as two by the other. Digits drawn with a clear gap of
 * background between them, straight or slanted, are never one box, whichever model reads them.
 */
class DigitsApartTest {
    private static final int[] NUMBER = {1, 2, 5, 7};
    private static Predictor mlp, cnn;

    @BeforeAll
    static void models() {
        Nd4jSetup.init();
        mlp = new Predictor(ModelFiles.loadDefault().model());
        cnn = new Predictor(ModelFiles.loadBuiltInCnn().model());
    }

    /**
     * "1257" drawn as on the Draw canvas: digits 170 pixels tall and {@code w} wide, a pen {@code pen} wide, {@code gap}
     * pens of background between neighbours along each row, the whole leaning {@code slant} columns per row.
     */
    private static RgbImage drawn(long seed, double slant, double pen, double gap) {
        return drawn(seed, slant, pen, gap, 0.45 * 170);
    }

    private static RgbImage drawn(long seed, double slant, double pen, double gap, double w) {
        DrawnDigitsAccess hand = new DrawnDigitsAccess(seed);
        double h = 170, top = 70, mid = top + h / 2;
        List<PenStroke> strokes = new ArrayList<>();
        double x = 12 + pen / 2 + slant * h / 2;
        for (int d : NUMBER) {
            for (PenStroke s : hand.pen(d, x, top, w, h, pen)) {
                List<double[]> leaning = new ArrayList<>();
                for (double[] p : s.points()) leaning.add(new double[]{p[0] + slant * (mid - p[1]), p[1]});
                strokes.add(new PenStroke(leaning, pen));
            }
            x += w + pen + gap * pen;
        }
        int width = (int) Math.ceil(x + slant * h / 2 + 12);
        return RgbImage.of(StrokeRasterizer.render(strokes, width, 320, true));
    }

    private static String name(long seed, double slant, double pen, double gap) {
        return String.format(Locale.ROOT, "seed %d, slant %.2f, pen %.0f, %.1f pens apart", seed, slant, pen, gap);
    }

    /**
     * Each digit is its own block, and the reader's search never reads two of them as one: no run of pieces it may
     * read as a digit spans two blocks. Upright and leaning, a thin pen and a thick one, half a pen apart and one.
     */
    @Test
    void noCandidateDigitSpansTwoDigitsApart() {
        List<String> joined = new ArrayList<>();
        int looked = 0;
        for (long seed = 1; seed <= 4; seed++) {
            for (double slant : new double[]{0, 0.2, 0.35}) {
                for (double pen : new double[]{10, 16, 22}) {
                    for (double gap : new double[]{0.5, 1}) {
                        DigitSegmenter.Segments segments = DigitSegmenter.segment(InkFinder.find(drawn(seed, slant, pen, gap)));
                        List<DigitSegmenter.Line> lines = segments.candidates();
                        assertEquals(1, lines.size(), name(seed, slant, pen, gap));
                        DigitSegmenter.Line line = lines.get(0);
                        assertEquals(NUMBER.length, segments.digits().size(), name(seed, slant, pen, gap) + ": a block per digit");
                        List<int[]> spans = new ArrayList<>();
                        NumberReader.spans(line, spans, new ArrayList<>());
                        for (int[] s : spans) {
                            looked++;
                            for (int k = s[0] + 1; k < s[1]; k++) {
                                if (!line.isCut(k)) joined.add(name(seed, slant, pen, gap) + ": boundaries " + s[0] + "-" + s[1]);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(looked > 0);
        assertEquals(List.of(), joined, "candidate digits made of two digits drawn apart");
    }

    /**
     * The trial's number, four digits filling the 320-pixel canvas, leaning, half a pen or a pen apart: both built-in
     * models read four digits (the MLP read "187" or "128" here before, its 2 and 5 or 5 and 7 taken for an 8).
     */
    @Test
    void bothModelsReadTheTrialsNumberAsFourDigits() {
        List<String> wrong = new ArrayList<>();
        for (long seed = 1; seed <= 4; seed++) {
            for (double[] c : new double[][]{{0.2, 16, 0.5, 49}, {0.2, 10, 1, 52}, {0.35, 10, 0.5, 49}}) {
                RgbImage picture = drawn(seed, c[0], c[1], c[2], c[3]);
                for (Predictor p : new Predictor[]{mlp, cnn}) {
                    Reading r = new NumberReader(p).any(picture);
                    if (r.digits().size() != NUMBER.length) wrong.add(name(seed, c[0], c[1], c[2]) + (p == mlp ? ", MLP: " : ", CNN: ") + r.number(String::valueOf));
                }
            }
        }
        assertEquals(List.of(), wrong, "numbers read with fewer or more digits than drawn");
    }

    /**
     * A new user's trial: "1234" drawn on the Draw canvas, the 1, 2, 3 and 4 apart but close (the drawing is {@code
     * fixtures/drawn-1234.png}, taken from the trial's screenshot), read as five digits, "17361", by the model the user
     * had just trained: the tutorial's MLP on 2,000 examples for 3 epochs at batch 64 (0.82 on MNIST's test digits),
     * trained here the same way. It reads the whole 4 unsurely (a 9 at 0.57) and its two halves more surely (a 6 and a
     * 1), the 2 without its base as a 7 and the base with the 3 as a 3. The pair detector is sure each block is one
     * digit, and cutting such a block now costs more than a weak model's doubts pay.
     */
    @Test
    void aBrieflyTrainedModelReadsTheTrialsDrawingAsFourDigits() throws Exception {
        TrainingConfig config = TrainingConfig.tutorial().withEpochs(3).withBatchSize(64).withSeed(0);
        TrainingLoop loop = TrainingLoop.create(config, Mnist.bundled().train().head(2000), Mnist.bundled().test().head(300), "test");
        loop.run();
        Predictor brief = new Predictor(loop.model());
        RgbImage drawing = ImageFiles.readRgb(Path.of(DigitsApartTest.class.getResource("/fixtures/drawn-1234.png").toURI()));
        assertEquals("1234", new NumberReader(mlp).any(drawing).number(String::valueOf), "the built-in MLP");
        Reading r = new NumberReader(brief).any(drawing);
        assertEquals(4, r.digits().size(), "digits read: " + r.number(String::valueOf));
        assertEquals("123", r.number(String::valueOf).substring(0, 3), "its 4 is the model's own to misread");
    }
}
