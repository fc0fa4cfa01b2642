package io.digitstudio.inspect;

import io.digitstudio.io.AtomicFiles;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** An image as ARGB pixels, row by row (what JavaFX's PixelWriter and AWT's BufferedImage both take). */
public record Picture(int width, int height, int[] argb) {
    public Picture {
        if (width < 1 || height < 1 || argb.length != width * height) throw new IllegalArgumentException(width + "x" + height + " with " + argb.length + " pixels");
    }

    public static Picture blank(int width, int height, int argb) {
        int[] p = new int[width * height];
        java.util.Arrays.fill(p, argb);
        return new Picture(width, height, p);
    }

    public int at(int x, int y) {
        return argb[y * width + x];
    }

    /** Writes the picture as a PNG, atomically. */
    public void writePng(Path file) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, width, height, argb, 0, width);
        AtomicFiles.write(file, out -> {
            if (!javax.imageio.ImageIO.write(img, "png", out)) throw new IOException("no PNG writer");
        });
    }
}
