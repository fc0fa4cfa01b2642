package io.digitstudio.inspect;

import io.digitstudio.nn.Inspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PicturesTest {
    @TempDir
    Path dir;

    /** WCAG's relative luminance of an ARGB colour. */
    private static double luminance(int argb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = (argb >> (16 - 8 * i) & 0xFF) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static double contrast(int a, int b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void eachThemesTilesShowZeroAsItsBackgroundAndStrongWeightsStandingOut() {
        float[] w = {0, 1, -1, 0.5f};
        Inspector.Tiles t = new Inspector.Tiles("l1", 1, 1, 2, 2, w);
        for (Pictures.Palette palette : List.of(Pictures.Palette.LIGHT, Pictures.Palette.DARK, Pictures.Palette.HIGH_CONTRAST)) {
            Picture p = Pictures.tiles(t, 1, 1, palette);
            assertEquals(palette.background(), p.at(0, 0), "the gap");
            assertEquals(palette.zero(), p.at(1, 1), "0");
            assertEquals(palette.positive(), p.at(2, 1), "+max");
            assertEquals(palette.negative(), p.at(1, 2), "-max");
            assertEquals(palette.at(0.5), p.at(2, 2));
            // the strongest weights read against zero (WCAG's 3:1 for graphics)
            assertTrue(contrast(palette.positive(), palette.zero()) >= 3, palette + " +");
            assertTrue(contrast(palette.negative(), palette.zero()) >= 3, palette + " -");
        }
        assertTrue(luminance(Pictures.Palette.DARK.zero()) < 0.05, "on a dark theme zero is dark");
        assertEquals(Pictures.diverging(0.3), Pictures.Palette.LIGHT.at(0.3), "the light map is the one other pictures use");
    }

    /**
     * Issue 37: in high contrast the first layer's tiles were dark squares on black. Most weights of a trained layer are
     * a tenth or so of its largest, and mixed that far from black they were hardly there (1.1:1 against zero). On the
     * dark themes a weight a quarter of the largest now stands out from zero by 3:1 (WCAG's contrast for graphics), and
     * in high contrast so does the strongest tenth of the built-in model's first layer; the light tiles stay as they were.
     */
    @Test
    void onTheDarkThemesATrainedLayersWeightsStandOutFromZero() {
        for (Pictures.Palette palette : List.of(Pictures.Palette.DARK, Pictures.Palette.HIGH_CONTRAST)) {
            for (double v : new double[]{0.25, -0.25}) {
                double c = contrast(palette.at(v), palette.zero());
                assertTrue(c >= 3, palette + ": a weight of " + v + " of the largest against zero " + c + ":1");
            }
        }
        Inspector.Tiles t = Inspector.firstLayer(io.digitstudio.io.ModelFiles.loadDefault().model());
        Picture p = Pictures.tiles(t, 1, 1, Pictures.Palette.HIGH_CONTRAST);
        double[] seen = new double[t.count() * t.height() * t.width()];
        int cols = Pictures.columns(t.count()), i = 0;
        for (int k = 0; k < t.count(); k++) {
            int x0 = 1 + (k % cols) * (t.width() + 1), y0 = 1 + (k / cols) * (t.height() + 1);
            for (int y = 0; y < t.height(); y++) {
                for (int x = 0; x < t.width(); x++) seen[i++] = contrast(p.at(x0 + x, y0 + y), Pictures.Palette.HIGH_CONTRAST.zero());
            }
        }
        java.util.Arrays.sort(seen);
        double strongestTenth = seen[seen.length * 9 / 10], median = seen[seen.length / 2];
        System.out.printf(java.util.Locale.ROOT, "high contrast tiles of the built-in l1: median weight %.2f:1 against zero, 90th percentile %.2f:1%n",
                median, strongestTenth);
        assertTrue(strongestTenth >= 3, "the strongest tenth of the built-in model's first layer against zero: " + strongestTenth + ":1");
        assertEquals(Pictures.diverging(0.3), Pictures.Palette.LIGHT.at(0.3), "the light tiles as before");
        assertEquals(0.3 * (0xB2 - 255) + 255, Pictures.Palette.LIGHT.at(0.3) >> 16 & 0xFF, 1, "the light tiles straight");
    }

    @Test
    void weightTilesOfAKnownMatrixHaveTheExpectedPixels() throws Exception {
        // two 2x2 tiles: the first all zero but one +1, the second all -1 (the largest |w| is 1)
        float[] w = {0, 1, 0, 0, -1, -1, -1, -1};
        Inspector.Tiles t = new Inspector.Tiles("l1", 2, 1, 2, 2, w);
        Picture p = Pictures.tiles(t, 3, 1);
        // 2 tiles -> 2 columns: 2 * (2*3) + 3 gaps wide, 1 row high
        assertEquals(2 * 6 + 3, p.width());
        assertEquals(6 + 2, p.height());
        assertEquals(Pictures.BACKGROUND, p.at(0, 0), "the gap");
        assertEquals(0xFFFFFFFF, p.at(1, 1), "0 is white");
        assertEquals(0xFFB2182B, p.at(1 + 3, 1), "+max is full red (x 3..5 is weight (0, 1))");
        assertEquals(0xFFB2182B, p.at(1 + 5, 1 + 2));
        assertEquals(0xFF2166AC, p.at(1 + 6 + 1, 1), "-max is full blue, in the second tile");
        assertEquals(0, Pictures.tileAt(t, 3, 1, 2, 2));
        assertEquals(1, Pictures.tileAt(t, 3, 1, 9, 5));
        assertEquals(-1, Pictures.tileAt(t, 3, 1, 7, 3), "the gap between tiles");
        // half-way values are half-way colours
        int half = Pictures.diverging(0.5);
        assertEquals((255 + 0xB2) / 2, half >> 16 & 0xFF, 1);
        assertEquals(10, Pictures.columns(100));
        assertEquals(20, Pictures.columns(400));
        Path f = dir.resolve("w.png");
        p.writePng(f);
        java.awt.image.BufferedImage back = javax.imageio.ImageIO.read(f.toFile());
        assertEquals(p.at(1 + 3, 1), back.getRGB(1 + 3, 1));
    }

    @Test
    void saliencyGlowsRedWhereTheGradientIsLargest() {
        float[] input = {0, 1, 0, 1};
        float[] grad = {0, -2, 0.5f, 0};
        Picture p = Pictures.saliency(input, grad, 2, 2, 1);
        assertEquals(0xFFFF0000, p.at(1, 0), "the largest |gradient| is pure red");
        assertEquals(0xFF000000, p.at(0, 0), "no ink, no gradient: black");
        int ink = p.at(1, 1);
        assertEquals(ink >> 16 & 0xFF, ink & 0xFF, "ink without gradient stays grey");
        Picture a = Pictures.activation(new Inspector.Activation("fc2", new int[]{5}, new float[]{0, 1, 2, 3, 4}), 1, 0);
        assertEquals(3, a.width(), "five units in a 3x2 grid");
        assertEquals(Pictures.grey(1), a.at(1, 1));
        assertEquals(2, Pictures.stack(List.of(a, a), 0).height() / 2);
    }

    /** Whether a row of a picture has text-dark pixels in it. */
    private static boolean dark(Picture p, int y) {
        for (int x = 0; x < p.width(); x++) if ((p.at(x, y) & 0xFF) < 0x80) return true;
        return false;
    }

    @Test
    void stackedActivationsAreCaptionedWithTheirLayers() {
        Picture a = Pictures.activation(new Inspector.Activation("fc2", new int[]{5}, new float[]{0, 1, 2, 3, 4}), 4, 1);
        Picture b = Pictures.activation(new Inspector.Activation("fc2 · relu", new int[]{3}, new float[]{1, 0, 2}), 4, 1);
        Picture all = Pictures.stackCaptioned(List.of(a, b), List.of("fc2 [5]", "fc2 · relu [3]"), 8);
        int h = Pictures.CAPTION_HEIGHT;
        assertEquals(h + a.height() + 8 + h + b.height(), all.height());
        assertTrue(all.width() > a.width(), "a caption wider than its picture widens the stack");
        // each caption's strip has text in it, right above its picture
        assertTrue(java.util.stream.IntStream.range(0, h).anyMatch(y -> dark(all, y)), "the first caption");
        int second = h + a.height() + 8;
        assertTrue(java.util.stream.IntStream.range(second, second + h).anyMatch(y -> dark(all, y)), "the second caption");
        assertEquals(a.at(0, 0), all.at(0, h), "the first picture starts under its caption");
        assertEquals(b.at(0, 0), all.at(0, second + h), "the second picture starts under its caption");
        assertNotEquals(java.util.Arrays.toString(Pictures.caption("fc2 [5]", 120).argb()),
                java.util.Arrays.toString(Pictures.caption("conv1 [20, 12, 12]", 120).argb()), "a caption shows its own text");
        assertThrows(IllegalArgumentException.class, () -> Pictures.stackCaptioned(List.of(a), List.of(), 8));
    }
}
