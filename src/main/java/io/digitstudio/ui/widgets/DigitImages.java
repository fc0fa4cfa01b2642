package io.digitstudio.ui.widgets;

import io.digitstudio.data.LabeledImages;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/** Turns dataset images and 784-value inputs into JavaFX images, white ink on black as MNIST stores them. */
public final class DigitImages {
    private DigitImages() {
    }

    /** An enlarged, pixel-sharp view of a digit in a black frame; the view is the frame's only child. */
    public static javafx.scene.layout.StackPane framedView(String id, double side) {
        javafx.scene.image.ImageView view = new javafx.scene.image.ImageView();
        view.setId(id);
        view.setFitWidth(side);
        view.setFitHeight(side);
        view.setSmooth(false);
        javafx.scene.layout.StackPane frame = new javafx.scene.layout.StackPane(view);
        frame.getStyleClass().add("digit-frame");
        frame.setMinSize(side + 4, side + 4);
        frame.setMaxSize(side + 4, side + 4);
        return frame;
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
        return of(values, side, side);
    }

    /** A picture of values in [0, 1], row by row. */
    public static WritableImage of(io.digitstudio.data.GreyImage img) {
        return of(img.pixels(), img.width(), img.height());
    }

    private static WritableImage of(float[] values, int w, int h) {
        WritableImage img = new WritableImage(w, h);
        PixelWriter pw = img.getPixelWriter();
        for (int i = 0; i < w * h; i++) {
            int v = Math.round(255 * Math.max(0, Math.min(1, values[i])));
            pw.setArgb(i % w, i / w, 0xFF000000 | v << 16 | v << 8 | v);
        }
        return img;
    }
}
