package io.digitstudio.ui.widgets;

import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import java.nio.IntBuffer;

/**
 * A {@link PlotRaster}'s pixels as an image the chart's canvas draws, without copying them: the image is backed by the
 * raster's own array in JavaFX's premultiplied int format. A {@link WritableImage} filled with {@code setPixels} in the
 * raster's non-premultiplied format converted every pixel to premultiplied bytes on the UI thread at each redraw (a
 * third of the redraw), and the software renderer converted them back to premultiplied ints when it took the image;
 * the renderer now copies the ints as they are.
 * <p>
 * The plot is opaque (the chart's background under everything, lines blended over it), and an opaque pixel is the same
 * premultiplied or not. A translucent pixel (a theme's translucent line colour) is premultiplied here, rounded as JavaFX
 * rounds it, so the picture stays the one {@code setPixels} made.
 */
final class PlotImage {
    private int[] backing;
    private int width = -1;
    private int height = -1;
    private PixelBuffer<IntBuffer> buffer;
    private WritableImage image;

    /** The image of the raster's pixels as drawn now (UI thread); the same image while the raster keeps its size. */
    Image show(PlotRaster raster) {
        int w = raster.width(), h = raster.height();
        int[] pixels = raster.pixels();
        if (!raster.opaque()) premultiply(pixels, w * h);
        if (pixels != backing || w != width || h != height) {
            backing = pixels;
            width = w;
            height = h;
            buffer = w > 0 && h > 0 ? new PixelBuffer<>(w, h, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance()) : null;
            image = buffer == null ? null : new WritableImage(buffer);
        } else if (buffer != null) {
            buffer.updateBuffer(b -> null); // the whole image changed
        }
        return image;
    }

    /** Non-premultiplied ARGB to premultiplied, in place, with JavaFX's rounding ((c * a + 127) / 255). */
    static void premultiply(int[] argb, int n) {
        for (int i = 0; i < n; i++) {
            int p = argb[i];
            int a = p >>> 24;
            if (a == 0xff) continue;
            if (a == 0) {
                argb[i] = 0;
                continue;
            }
            int r = (((p >> 16) & 0xff) * a + 127) / 0xff;
            int g = (((p >> 8) & 0xff) * a + 127) / 0xff;
            int b = ((p & 0xff) * a + 127) / 0xff;
            argb[i] = a << 24 | r << 16 | g << 8 | b;
        }
    }
}
