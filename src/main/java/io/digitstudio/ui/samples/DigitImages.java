package io.digitstudio.ui.samples;

import io.digitstudio.data.LabeledImages;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/** Turns dataset images and 784-value inputs into JavaFX images, white ink on black as MNIST stores them. */
public final class DigitImages {
    private DigitImages() {
    }

    public static WritableImage of(LabeledImages set, int index) {
        int w = set.cols();
        int h = set.rows();
        WritableImage img = new WritableImage(w, h);
        PixelWriter pw = img.getPixelWriter();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = set.pixel(index, y, x);
                pw.setArgb(x, y, 0xFF000000 | v << 16 | v << 8 | v);
            }
        }
        return img;
    }

    /** A square input of values in [0, 1] (e.g. what the network sees for a drawing). */
    public static WritableImage of(float[] values) {
        int side = (int) Math.round(Math.sqrt(values.length));
        WritableImage img = new WritableImage(side, side);
        PixelWriter pw = img.getPixelWriter();
        for (int i = 0; i < side * side; i++) {
            int v = Math.round(255 * Math.max(0, Math.min(1, values[i])));
            pw.setArgb(i % side, i / side, 0xFF000000 | v << 16 | v << 8 | v);
        }
        return img;
    }
}
