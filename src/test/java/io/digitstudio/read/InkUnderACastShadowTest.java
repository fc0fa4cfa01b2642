package io.digitstudio.read;

import io.digitstudio.data.RgbImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hard cast shadow over most of the page, the digit inside it: the shadowed paper is the picture's median, so the
 * lit paper is the longer bright tail and the ink's polarity used to come out reversed (the digit read as blank, or
 * as the lit paper's edge). Ink is a valley, darker than the paper on both sides; the shadow's edge is a step.
 */
class InkUnderACastShadowTest {
    static final int W = 200, H = 160;

    /** Paper at 0.9, in shadow at 0.5 right of column 70; a ring of ink at 0.3, 8 pixels thick, inside the shadow. */
    static RgbImage picture() {
        float[] p = new float[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                float v = x < 70 ? 0.9f : 0.5f;
                double r = Math.hypot((x - 140) / 30.0, (y - 80) / 50.0);
                if (Math.abs(r - 1) * 40 < 4) v = 0.3f;
                p[y * W + x] = v;
            }
        }
        return new RgbImage(W, H, p, p, p);
    }

    @Test
    void theInkIsTheValleyNotTheLitPaper() {
        RgbImage img = picture();
        assertTrue(InkFinder.darkInk(img.r(), W, H, Math.max(W, H) / 6), "dark ink under the shadow");
    }

    @Test
    void theRingIsFoundAsInk() {
        InkMap map = InkFinder.find(picture());
        int ring = 0, onRing = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (Math.abs(Math.hypot((x - 140) / 30.0, (y - 80) / 50.0) - 1) * 40 >= 2) continue;
                ring++;
                if (map.mask()[y * W + x]) onRing++;
            }
        }
        assertTrue(onRing >= 0.95 * ring, onRing + " of " + ring + " ring pixels found");
    }
}
