package io.digitstudio.ui.widgets;

import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plot's pixels reach the screen as they did when the chart copied them into a {@link WritableImage} with
 * {@code setPixels} in the raster's non-premultiplied format: a canvas that draws {@link PlotImage}'s image and one
 * that draws such a copy, as the chart draws its plot, show the same pixels, bit for bit, frame after frame.
 */
@ExtendWith(ApplicationExtension.class)
class PlotImageTest {
    private static final int BACKGROUND = 0xffffffff, GRID = 0xffe2e8f0, AXIS = 0xff8c959f, BLUE = 0xff0072b2, ORANGE = 0xffd55e00;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 200));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    /** A plot as the chart draws one: grid, axes, a line with markers and a line without, {@code shift} moving them. */
    private static void plot(PlotRaster r, int w, int h, double shift, int lineColour) {
        r.resize(w, h);
        r.fill(BACKGROUND);
        for (int y = 10; y < h - 10; y += 17) r.hLine(y, 20, w - 5, GRID);
        for (int x = 20; x < w - 5; x += 23) r.vLine(x, 5, h - 10, GRID);
        r.vLine(20, 5, h - 10, AXIS);
        r.hLine(h - 10, 20, w - 5, AXIS);
        r.clip(19, 0, w - 1, h - 9);
        int n = 40;
        double[] xs = new double[n], ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = 20 + i * (w - 30) / (n - 1.0);
            ys[i] = 10 + (h - 25) * (1 - Math.exp(-(i + shift) / 9.0)) + 3 * Math.sin(i * 1.7 + shift);
        }
        r.polyline(xs, ys, n, 2, lineColour);
        double[] mx = new double[6], my = new double[6];
        for (int i = 0; i < 6; i++) {
            mx[i] = 25 + i * (w - 40) / 5.0 + shift;
            my[i] = h - 20 - i * (h - 40) / 5.0;
        }
        r.polyline(mx, my, 6, 2, ORANGE);
        for (int i = 0; i < 6; i++) r.marker(mx[i], my[i], 5, 2.5, ORANGE);
    }

    /** The image the chart drew before: the raster's pixels as they are, copied in the non-premultiplied format. */
    private static Image copied(int[] argb, int w, int h) {
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return image;
    }

    /** What a canvas of the image's size shows after drawing it as the chart does, read back as ARGB. */
    private static int[] drawn(Image image, int w, int h) {
        Canvas canvas = new Canvas(w, h);
        canvas.getGraphicsContext2D().clearRect(0, 0, w, h);
        canvas.getGraphicsContext2D().drawImage(image, 0, 0, w, h);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        WritableImage shot = canvas.snapshot(p, null);
        int[] out = new int[w * h];
        shot.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), out, 0, w);
        return out;
    }

    @Test
    void framesAfterFramesShowWhatTheCopiedPixelsShowed() throws Exception {
        PlotRaster raster = new PlotRaster();
        PlotImage image = new PlotImage();
        // the same size redrawn (a run's updates), then another size (the window resized), then the first again
        List<int[]> sizes = List.of(new int[]{160, 110}, new int[]{160, 110}, new int[]{160, 110}, new int[]{131, 97}, new int[]{160, 110});
        Image first = null;
        for (int f = 0; f < sizes.size(); f++) {
            int w = sizes.get(f)[0], h = sizes.get(f)[1];
            double shift = f * 2.5;
            int frame = f;
            int[][] both = fx(() -> {
                plot(raster, w, h, shift, BLUE);
                int[] before = java.util.Arrays.copyOf(raster.pixels(), w * h);
                int[] old = drawn(copied(before, w, h), w, h);
                Image now = image.show(raster);
                return new int[][]{old, drawn(now, w, h)};
            });
            assertArrayEquals(both[0], both[1], "frame " + frame + " (" + w + "x" + h + ")");
            if (f == 0) first = fx(() -> image.show(raster));
            if (f == 1) assertSame(first, fx(() -> image.show(raster)), "a redraw of the same size keeps its image: nothing allocated");
        }
    }

    @Test
    void aTranslucentLineColourShowsAsTheCopiedPixelsShowedIt() throws Exception {
        PlotRaster raster = new PlotRaster();
        PlotImage image = new PlotImage();
        for (int f = 0; f < 3; f++) {
            double shift = f;
            int frame = f;
            int[][] both = fx(() -> {
                // a theme's line at 60 % (and a translucent background under it in the last frame)
                plot(raster, 150, 100, shift, 0x990072b2);
                if (frame == 2) {
                    raster.fill(0x80fafafa);
                    raster.polyline(new double[]{5, 140}, new double[]{5, 95}, 2, 2, 0x40d55e00);
                }
                assertFalse(raster.opaque());
                int[] before = java.util.Arrays.copyOf(raster.pixels(), 150 * 100);
                int[] old = drawn(copied(before, 150, 100), 150, 100);
                return new int[][]{old, drawn(image.show(raster), 150, 100)};
            });
            assertArrayEquals(both[0], both[1], "frame " + frame);
        }
    }

    @Test
    void premultipliesAsJavaFxDoes() {
        // every alpha and channel value against the conversion of JavaFX's setPixels, read back premultiplied
        int[] argb = new int[256 * 256];
        for (int a = 0; a < 256; a++) for (int c = 0; c < 256; c++) argb[a * 256 + c] = a << 24 | c << 16 | (255 - c) << 8 | (c * 7 & 0xff);
        int[] ours = argb.clone();
        PlotImage.premultiply(ours, ours.length);
        WritableImage image = new WritableImage(256, 256);
        image.getPixelWriter().setPixels(0, 0, 256, 256, PixelFormat.getIntArgbInstance(), argb, 0, 256);
        int[] theirs = new int[argb.length];
        image.getPixelReader().getPixels(0, 0, 256, 256, PixelFormat.getIntArgbPreInstance(), theirs, 0, 256);
        assertArrayEquals(theirs, ours);
        assertTrue(new PlotRaster().opaque(), "nothing drawn: nothing translucent");
        assertEquals(0, ours[5], "alpha 0 is all 0");
    }
}
