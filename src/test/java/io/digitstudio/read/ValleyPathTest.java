package io.digitstudio.read;

import io.digitstudio.data.GreyImage;
import io.digitstudio.data.RgbImage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 33: two strokes that run merged side by side along a bending seam, fainter than either stroke's core, as the
 * soft edges of two pen strokes overlap. No straight cut follows the bend, and every path through the mask crosses the
 * whole seam's length of ink; a valley path ({@link DigitSegmenter#valleyPaths}) runs along the seam.
 */
class ValleyPathTest {
    /** Two arcs 10 pixels thick, 80 rows tall, that bend together for 60 rows, meeting at a seam of ink at 0.6 of the strokes'. */
    static float[] arcs(int w, int h, boolean[] leftOwner) {
        float[] ink = new float[w * h];
        for (int y = 20; y < 100; y++) {
            double centre = 50 + 24 * Math.sin((y - 20) * Math.PI / 80);
            for (int x = 0; x < w; x++) {
                double left = x - (centre - 10), right = x - centre;
                float v = 0;
                if (left >= 0 && left < 10) v = 1;
                if (right >= 0 && right < 10) v = 1;
                // the seam: the pixel pair where the strokes' soft edges overlap
                if (x == (int) Math.round(centre) - 1 || x == (int) Math.round(centre)) v = y >= 30 && y < 90 ? 0.6f : 0;
                ink[y * w + x] = v;
                leftOwner[y * w + x] = x < Math.round(centre);
            }
        }
        return ink;
    }

    @Test
    void aCutFollowsTheFaintSeamOfTwoMergedStrokes() {
        int w = 120, h = 140;
        boolean[] leftOwner = new boolean[w * h];
        float[] ink = arcs(w, h, leftOwner);
        float[] grey = new float[w * h];
        Arrays.fill(grey, 0.95f);
        for (int i = 0; i < grey.length; i++) grey[i] = 0.95f - 0.87f * ink[i];
        InkMap map = InkFinder.find(RgbImage.of(new GreyImage(w, h, grey)));
        DigitSegmenter.Labels labels = DigitSegmenter.Labels.of(map);
        int best = Integer.MAX_VALUE, total = 0;
        for (int p = 0; p < map.mask().length; p++) if (map.mask()[p]) total++;
        for (DigitSegmenter.Line line : DigitSegmenter.segment(map).candidates()) {
            for (int b = 0; b < line.boundaries(); b++) {
                DigitSegmenter.Cut c = line.cutAt(b);
                if (c == null) continue;
                int wrong = 0;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        if (!map.mask()[y * w + x] || labels.label()[y * w + x] < 0) continue;
                        if (leftOwner[y * w + x] != (x < c.at(y))) wrong++;
                    }
                }
                best = Math.min(best, wrong);
            }
        }
        assertTrue(best <= 0.03 * total, "the closest cut gives " + best + " of " + total + " ink pixels to the wrong stroke");
    }
}
