package io.digitstudio.ui.widgets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plot's own rasterizer: lines cover what they should, once, and stay inside the clip. */
class PlotRasterTest {
    private static final int WHITE = 0xffffffff, BLUE = 0xff2563eb;

    private static PlotRaster raster(int w, int h) {
        PlotRaster r = new PlotRaster();
        r.resize(w, h);
        r.fill(WHITE);
        return r;
    }

    private static int at(PlotRaster r, int x, int y) {
        return r.pixels()[y * r.width() + x];
    }

    @Test
    void aTwoPixelLineIsSolidAlongItsMiddleAndBlankAwayFromIt() {
        PlotRaster r = raster(40, 20);
        r.polyline(new double[]{2, 38}, new double[]{10, 10}, 2, 2, BLUE);
        for (int x = 4; x < 36; x++) {
            assertEquals(BLUE, at(r, x, 9), "row 9 (9.5 is half a pixel from the line) at x=" + x);
            assertEquals(WHITE, at(r, x, 6), "three rows away: untouched");
        }
    }

    @Test
    void aLineInManyPiecesLooksAsTheLineInOne() {
        // where two segments meet both cover the pixels around the joint: blended twice they would be darker
        PlotRaster one = raster(60, 20), pieces = raster(60, 20);
        one.polyline(new double[]{2, 56}, new double[]{10.3, 10.3}, 2, 2, BLUE);
        double[] xs = new double[10], ys = new double[10];
        for (int i = 0; i < 10; i++) {
            xs[i] = 2 + 6 * i;
            ys[i] = 10.3;
        }
        pieces.polyline(xs, ys, 10, 2, BLUE);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 60; x++) assertEquals(at(one, x, y), at(pieces, x, y), "pixel " + x + "," + y);
        }
    }

    @Test
    void markersAreRingsAndNothingIsDrawnOutsideTheClip() {
        PlotRaster r = raster(30, 30);
        r.clip(0, 0, 14, 29);
        r.marker(10.5, 10.5, 5, 2.5, BLUE);
        assertEquals(WHITE, at(r, 10, 10), "a white centre");
        assertEquals(BLUE, at(r, 6, 10), "a coloured ring");
        r.polyline(new double[]{0, 29}, new double[]{20, 20}, 2, 2, BLUE);
        assertEquals(BLUE, at(r, 10, 19));
        assertEquals(WHITE, at(r, 20, 19), "right of the clip: untouched");
        assertEquals(0xff808080, PlotRaster.blend(0xff000000, 0xffffffff, 0.5f), "white half over black is grey");
    }
}
