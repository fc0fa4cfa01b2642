package io.digitstudio.ui.widgets;

import io.digitstudio.inspect.Picture;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** The inspector's pictures as JavaFX images (the same pixels the command line writes to PNG). */
public final class Pixels {
    private Pixels() {
    }

    public static WritableImage image(Picture p) {
        WritableImage img = new WritableImage(p.width(), p.height());
        img.getPixelWriter().setPixels(0, 0, p.width(), p.height(), PixelFormat.getIntArgbInstance(), p.argb(), 0, p.width());
        return img;
    }
}
