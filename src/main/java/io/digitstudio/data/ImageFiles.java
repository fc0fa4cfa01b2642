package io.digitstudio.data;

import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Decodes image files into {@link RgbImage}s: PNG, GIF and BMP with the JDK's readers, JPEG (CMYK and progressive
 * too), TIFF and WebP with the TwelveMonkeys ImageIO plugins found on the class path. The declared dimensions are read
 * from the header first, so an image claiming enormous dimensions is refused before any pixel is decoded. Photos are
 * turned upright as their EXIF orientation says (phones store them sideways and set a tag). Animated GIFs give their
 * first frame. Transparency is resolved so that the shape the alpha channel draws stays visible: transparent parts
 * become white behind dark content and black behind light content (white ink on a transparent PNG is a digit, not a
 * blank).
 */
public final class ImageFiles {
    /** Largest side and pixel count accepted (a 8000x5000 photo is fine; a decompression bomb is not). */
    public static final int MAX_SIDE = 16_384;
    public static final long MAX_PIXELS = 50_000_000L;
    /** Larger pictures are decoded with subsampling to about this many pixels: reading digits needs far fewer. */
    static final long DECODE_PIXELS = 8_000_000L;
    public static final String FORMATS = "PNG, JPEG, BMP, GIF, TIFF, WebP";

    private static final java.util.regex.Pattern IMAGE_NAME = java.util.regex.Pattern.compile("(?i)[^.].*\\.(png|jpe?g|bmp|gif|tiff?|webp)");

    private ImageFiles() {
    }

    /** Whether a file's name says it is a picture in one of the {@link #FORMATS} (hidden files are not). */
    public static boolean isImageName(Path file) {
        return file.getFileName() != null && IMAGE_NAME.matcher(file.getFileName().toString()).matches();
    }

    /** The picture as its viewer shows it, in grey. */
    public static GreyImage read(Path file) {
        return readRgb(file).grey();
    }

    /** The picture as its viewer shows it, upright and in colour. */
    public static RgbImage readRgb(Path file) {
        return readRgb(file, DECODE_PIXELS);
    }

    /**
     * The same, a larger picture decoded with subsampling to about {@code decodePixels} pixels at most (a view that shows
     * it small, and keeps it while it is shown, asks for fewer than a reading at the command line).
     */
    public static RgbImage readRgb(Path file, long decodePixels) {
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
            if (!readers.hasNext()) throw new DataException(name + ": not an image in a supported format (" + FORMATS + ")");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                    throw new DataException(name + ": declares " + w + "x" + h + " pixels; the limit is " + MAX_SIDE + " per side and "
                            + MAX_PIXELS / 1_000_000 + " megapixels");
                }
                String orientation = orientation(reader);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.ceil(Math.sqrt((double) w * h / decodePixels));
                if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
                return orient(toRgb(reader.read(0, param)), orientation);
            } finally {
                reader.dispose();
            }
        } catch (DataException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DataException(name + ": not a readable image (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
    }

    /**
     * The standard metadata's {@code Dimension/ImageOrientation} ("Normal", "Rotate90", "FlipH", …: flips, then
     * counter-clockwise turns), which the TwelveMonkeys readers fill from EXIF and TIFF tags. Unreadable metadata
     * means the picture is shown as stored, as most viewers do.
     */
    static String orientation(ImageReader reader) {
        try {
            IIOMetadata meta = reader.getImageMetadata(0);
            if (meta == null || !meta.isStandardMetadataFormatSupported()) return "Normal";
            Node root = meta.getAsTree("javax_imageio_1.0");
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!n.getNodeName().equals("Dimension")) continue;
                for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (!c.getNodeName().equals("ImageOrientation")) continue;
                    NamedNodeMap attrs = c.getAttributes();
                    Node v = attrs == null ? null : attrs.getNamedItem("value");
                    if (v != null) return v.getNodeValue();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "Normal";
        }
        return "Normal";
    }

    /** Applies a standard-metadata orientation: the flip first, then the counter-clockwise turn. */
    static RgbImage orient(RgbImage img, String orientation) {
        return switch (orientation) {
            case "Rotate90" -> turnCounterClockwise(img, 1);
            case "Rotate180" -> turnCounterClockwise(img, 2);
            case "Rotate270" -> turnCounterClockwise(img, 3);
            case "FlipH" -> flipH(img);
            case "FlipV" -> flipH(turnCounterClockwise(img, 2));
            case "FlipHRotate90" -> turnCounterClockwise(flipH(img), 1);
            case "FlipVRotate90" -> turnCounterClockwise(flipH(img), 3);
            default -> img;
        };
    }

    private static RgbImage flipH(RgbImage img) {
        int w = img.width();
        return remap(img, w, img.height(), (x, y) -> y * w + (w - 1 - x));
    }

    /** Turns the picture counter-clockwise by {@code quarters} quarter turns. */
    static RgbImage turnCounterClockwise(RgbImage img, int quarters) {
        RgbImage out = img;
        for (int q = 0; q < quarters; q++) {
            int w = out.width();
            // the new picture is h wide and w high; its pixel (x', y') shows the old (w - 1 - y', x')
            out = remap(out, out.height(), w, (nx, ny) -> nx * w + (w - 1 - ny));
        }
        return out;
    }

    /** A {@code nw} x {@code nh} picture whose pixel (x, y) is the old picture's pixel at index {@code source(x, y)}. */
    private static RgbImage remap(RgbImage img, int nw, int nh, java.util.function.IntBinaryOperator source) {
        float[][] in = {img.r(), img.g(), img.b()};
        float[][] out = new float[3][nw * nh];
        for (int y = 0; y < nh; y++) {
            for (int x = 0; x < nw; x++) {
                int from = source.applyAsInt(x, y);
                for (int c = 0; c < 3; c++) out[c][y * nw + x] = in[c][from];
            }
        }
        return new RgbImage(nw, nh, out[0], out[1], out[2]);
    }

    /**
     * The colour planes, with transparent parts put on the background that contrasts with what the picture draws:
     * white behind dark content, black behind light content (judged from the opaque pixels' mean brightness).
     */
    public static RgbImage toRgb(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        float[] r = new float[w * h];
        float[] g = new float[w * h];
        float[] b = new float[w * h];
        float[] a = new float[w * h];
        int[] row = new int[w];
        double opaque = 0;
        double lumaSum = 0;
        boolean transparent = false;
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int i = y * w + x;
                a[i] = ((p >>> 24) & 0xff) / 255f;
                r[i] = ((p >> 16) & 0xff) / 255f;
                g[i] = ((p >> 8) & 0xff) / 255f;
                b[i] = (p & 0xff) / 255f;
                if (a[i] < 1) transparent = true;
                opaque += a[i];
                lumaSum += a[i] * (0.299f * r[i] + 0.587f * g[i] + 0.114f * b[i]);
            }
        }
        if (transparent) {
            float back = opaque > 0 && lumaSum / opaque > 0.5 ? 0f : 1f;
            for (int i = 0; i < a.length; i++) {
                r[i] = r[i] * a[i] + back * (1 - a[i]);
                g[i] = g[i] * a[i] + back * (1 - a[i]);
                b[i] = b[i] * a[i] + back * (1 - a[i]);
            }
        }
        return new RgbImage(w, h, r, g, b);
    }
}
