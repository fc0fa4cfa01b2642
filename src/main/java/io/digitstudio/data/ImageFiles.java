package io.digitstudio.data;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Decodes image files (PNG, JPEG, BMP, GIF; any size up to a bound) into {@link GreyImage}s. The declared dimensions
 * are read from the header first, so an image claiming enormous dimensions is refused before any pixel is decoded.
 * Animated GIFs give their first frame; transparent pixels are composited on white, as a viewer shows them.
 */
public final class ImageFiles {
    /** Largest side and pixel count accepted (a 8000x5000 photo is fine; a decompression bomb is not). */
    public static final int MAX_SIDE = 16_384;
    public static final long MAX_PIXELS = 50_000_000L;

    private ImageFiles() {
    }

    public static GreyImage read(Path file) {
        String name = String.valueOf(file.getFileName());
        try {
            if (Files.isDirectory(file)) throw new DataException(name + ": is a folder, not an image");
            if (Files.size(file) == 0) throw new DataException(name + ": empty file (0 bytes), not an image");
        } catch (NoSuchFileException e) {
            throw new DataException(name + ": file not found");
        } catch (IOException e) {
            throw new DataException(name + ": cannot read (" + e.getMessage() + ")");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) throw new DataException(name + ": cannot open");
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new DataException(name + ": not an image in a supported format (PNG, JPEG, BMP, GIF)");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                    throw new DataException(name + ": declares " + w + "x" + h + " pixels; the limit is " + MAX_SIDE + " per side and "
                            + MAX_PIXELS / 1_000_000 + " megapixels");
                }
                return toGrey(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (DataException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DataException(name + ": not a readable image (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
    }

    /** Luma (ITU-R 601 weights) of each pixel, transparent parts composited on white. */
    public static GreyImage toGrey(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        float[] grey = new float[w * h];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            float a = ((p >>> 24) & 0xff) / 255f;
            float r = ((p >> 16) & 0xff) / 255f;
            float g = ((p >> 8) & 0xff) / 255f;
            float b = (p & 0xff) / 255f;
            float luma = 0.299f * r + 0.587f * g + 0.114f * b;
            grey[i] = luma * a + (1 - a);
        }
        return new GreyImage(w, h, grey);
    }
}
