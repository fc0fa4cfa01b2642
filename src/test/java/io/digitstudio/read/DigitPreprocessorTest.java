package io.digitstudio.read;

import io.digitstudio.data.DataException;
import io.digitstudio.data.GreyImage;
import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.data.RgbImage;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Prediction;
import io.digitstudio.nn.Predictor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class DigitPreprocessorTest {
    /** A w x h image, background {@code bg}, with a filled rectangle of {@code ink}. */
    private static GreyImage rect(int w, int h, float bg, float ink, int x0, int y0, int x1, int y1) {
        float[] p = new float[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) p[y * w + x] = (x >= x0 && x < x1 && y >= y0 && y < y1) ? ink : bg;
        return new GreyImage(w, h, p);
    }

    @Test
    void lightFallingOffAcrossThePageIsNotInk() {
        // grey paper lit from the left (0.85 down to 0.3), a dark bar on the right: only the bar is ink
        float[] p = new float[120 * 80];
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 120; x++) {
                float light = 0.85f - 0.55f * x / 119f;
                boolean bar = x >= 90 && x < 96 && y >= 15 && y < 65;
                p[y * 120 + x] = light * (bar ? 0.15f : 1f);
            }
        }
        InkMap ink = InkFinder.find(RgbImage.of(new GreyImage(120, 80, p)));
        assertArrayEquals(new int[]{90, 15, 96, 65}, DigitPreprocessor.boundingBox(new GreyImage(120, 80, maskOf(ink))));
        assertTrue(ink.ink()[40 * 120 + 92] > 0.9f, "the bar is full-strength ink");
        assertEquals(0f, ink.ink()[40 * 120 + 5], "the bright side of the page is paper");
        assertEquals(0f, ink.ink()[40 * 120 + 80], "the dark side of the page is paper too");
    }

    private static float[] maskOf(InkMap m) {
        float[] out = new float[m.mask().length];
        for (int i = 0; i < out.length; i++) out[i] = m.mask()[i] ? 1f : 0f;
        return out;
    }

    @Test
    void inkIsBrightWhicheverPolarityAndBackgroundIsRemoved() {
        GreyImage darkOnLight = rect(10, 10, 0.9f, 0.1f, 3, 3, 6, 6);
        GreyImage lightOnDark = rect(10, 10, 0.1f, 0.9f, 3, 3, 6, 6);
        GreyImage a = InkFinder.find(RgbImage.of(darkOnLight)).asGrey();
        GreyImage b = InkFinder.find(RgbImage.of(lightOnDark)).asGrey();
        assertArrayEquals(a.pixels(), b.pixels(), 1e-6f);
        assertEquals(1f, a.get(4, 4), 1e-6f);
        assertEquals(0f, a.get(0, 0), 1e-6f);
    }

    @Test
    void blankImagesAreRefused() {
        for (float bg : new float[]{0f, 1f, 0.5f}) {
            GreyImage blank = rect(20, 20, bg, bg, 0, 0, 0, 0);
            String m = assertThrows(DataException.class, () -> DigitPreprocessor.toMnist(blank)).getMessage();
            assertTrue(m.contains("no ink"), m);
        }
    }

    @Test
    void boundingBoxAndCrop() {
        GreyImage ink = InkFinder.find(RgbImage.of(rect(30, 20, 0, 1, 5, 4, 12, 15))).asGrey();
        assertArrayEquals(new int[]{5, 4, 12, 15}, DigitPreprocessor.boundingBox(ink));
        GreyImage c = DigitPreprocessor.crop(ink, new int[]{5, 4, 12, 15});
        assertEquals(7, c.width());
        assertEquals(11, c.height());
    }

    @Test
    void longerSideBecomes20KeepingTheAspectRatioWithAreaAveraging() {
        GreyImage wide = rect(80, 40, 0, 1, 0, 0, 80, 40);
        GreyImage s = DigitPreprocessor.scaleLongerSideTo(wide, 20);
        assertEquals(20, s.width());
        assertEquals(10, s.height());
        // a one-pixel checkerboard halved becomes an even grey: averaged, not sampled or binarised
        float[] cb = new float[40 * 40];
        for (int i = 0; i < cb.length; i++) cb[i] = ((i / 40 + i % 40) % 2 == 0) ? 1f : 0f;
        GreyImage g = DigitPreprocessor.scaleLongerSideTo(new GreyImage(40, 40, cb), 20);
        for (float v : g.pixels()) assertEquals(0.5f, v, 1e-6f);
        // a small drawing is enlarged to 20 as well
        assertEquals(20, DigitPreprocessor.scaleLongerSideTo(rect(5, 10, 0, 1, 0, 0, 5, 10), 20).height());
    }

    @Test
    void centreOfMassLandsInTheMiddle() {
        // a 20x20 box whose ink sits in its top-left corner: the shift puts that ink's mass at (14, 14)
        GreyImage corner = rect(20, 20, 0, 0, 0, 0, 0, 0);
        for (int y = 0; y < 4; y++) for (int x = 0; x < 4; x++) corner.pixels()[y * 20 + x] = 1f;
        GreyImage placed = DigitPreprocessor.centerByMass(corner);
        assertEquals(28, placed.width());
        double mass = 0, mx = 0, my = 0;
        for (int y = 0; y < 28; y++) for (int x = 0; x < 28; x++) {
            float v = placed.get(x, y);
            mass += v;
            mx += v * (x + 0.5);
            my += v * (y + 0.5);
        }
        assertEquals(16, mass, 1e-6);
        // the shift is clamped so the 20x20 box stays inside the field: the ink is as close to the centre as allowed
        assertEquals(10, mx / mass, 1e-6);
        assertEquals(10, my / mass, 1e-6);
        GreyImage blob = rect(6, 6, 0, 1, 0, 0, 6, 6);
        GreyImage c = DigitPreprocessor.centerByMass(blob);
        assertEquals(1f, c.get(11, 11));
        assertEquals(1f, c.get(16, 16));
        assertEquals(0f, c.get(10, 10));
    }

    @Test
    void wholePipelineGivesA28x28InputInZeroOne() {
        float[] x = DigitPreprocessor.toMnist(rect(300, 200, 1f, 0f, 100, 20, 130, 180));
        assertEquals(784, x.length);
        float max = 0;
        for (float v : x) {
            assertTrue(v >= 0 && v <= 1);
            max = Math.max(max, v);
        }
        assertEquals(1f, max, 1e-6f);
    }

    @Test
    void theStrokeTargetIsMnistsOwnStroke() {
        LabeledImages train = Mnist.bundled().train();
        java.util.List<Double> widths = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            GreyImage ink = new GreyImage(28, 28, train.features(i));
            GreyImage cropped = DigitPreprocessor.crop(ink, DigitPreprocessor.boundingBox(ink));
            widths.add(DigitPreprocessor.strokeWidth(DigitPreprocessor.scaleLongerSideTo(cropped, DigitPreprocessor.CANON)));
        }
        java.util.Collections.sort(widths);
        double median = widths.get(widths.size() / 2);
        System.out.printf(java.util.Locale.ROOT, "MNIST stroke width at %d px: median %.2f, quartiles %.2f-%.2f%n",
                DigitPreprocessor.CANON, median, widths.get(widths.size() / 4), widths.get(3 * widths.size() / 4));
        assertEquals(DigitPreprocessor.MNIST_STROKE, median, 0.1 * DigitPreprocessor.MNIST_STROKE);
    }

    @Test
    void mnistImagesPassThroughNearlyUnchanged() {
        Nd4jSetup.init();
        Predictor p = new Predictor(ModelFiles.loadDefault().model());
        LabeledImages test = Mnist.bundled().test();
        int n = 2000;
        float[][] raw = new float[n][];
        float[][] prepared = new float[n][];
        for (int i = 0; i < n; i++) {
            raw[i] = test.features(i);
            prepared[i] = DigitPreprocessor.toMnist(new GreyImage(28, 28, raw[i]));
        }
        Prediction[] a = p.predict(raw);
        Prediction[] b = p.predict(prepared);
        int agree = 0;
        for (int i = 0; i < n; i++) if (a[i].label() == b[i].label()) agree++;
        double agreement = (double) agree / n;
        assertTrue(agreement >= 0.99, "prediction agreement " + agreement);
    }
}
