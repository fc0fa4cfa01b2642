package io.digitstudio.read;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class DiskFilterTest {
    @Test
    void runsByBlocksGiveTheDirectScansPictureToTheBitForEveryRadiusAndShape() {
        SplittableRandom random = new SplittableRandom(7);
        int[][] shapes = {{1, 1}, {1, 9}, {9, 1}, {5, 7}, {23, 17}, {80, 31}};
        for (int[] shape : shapes) {
            int w = shape[0], h = shape[1];
            float[] p = new float[w * h];
            // ink-like values: many zeros and ones, some greys
            for (int i = 0; i < p.length; i++) {
                double u = random.nextDouble();
                p[i] = u < 0.4 ? 0f : u < 0.7 ? 1f : (float) random.nextDouble();
            }
            for (int r = 0; r <= 20; r++) {
                for (boolean max : new boolean[]{true, false}) {
                    assertArrayEquals(diskFilterByScan(p, w, h, r, max), Filters.diskFilter(p, w, h, r, max),
                            w + "x" + h + " r " + r + (max ? " dilation" : " erosion"));
                }
            }
        }
    }

    /** The disk's direct scan, pixel by pixel over its area: what Filters.diskFilter must equal. */
    private static float[] diskFilterByScan(float[] p, int w, int h, int r, boolean max) {
        float[] out = new float[p.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float best = max ? 0f : 1f;
                for (int dy = -r; dy <= r; dy++) {
                    int yy = y + dy;
                    int span = (int) Math.floor(Math.sqrt((double) r * r - dy * dy));
                    for (int dx = -span; dx <= span; dx++) {
                        int xx = x + dx;
                        float v = (yy < 0 || yy >= h || xx < 0 || xx >= w) ? 0f : p[yy * w + xx];
                        if (max) best = Math.max(best, v);
                        else best = Math.min(best, v);
                    }
                }
                out[y * w + x] = best;
            }
        }
        return out;
    }
}
