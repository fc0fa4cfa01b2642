package io.digitstudio.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.*;

class ImageFilesTest {
    @TempDir
    Path dir;

    /** 64x32: dark left half, light right half, and a dark band along the top of the right half. */
    private static BufferedImage upright() {
        BufferedImage img = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) img.setRGB(x, y, x < 32 || y < 8 ? 0x101010 : 0xf0f0f0);
        }
        return img;
    }

    @Test
    void photosStoredSidewaysAreTurnedUprightAsTheirExifSays() throws IOException {
        for (int o : new int[]{1, 3, 6, 8}) {
            BufferedImage stored = o == 1 ? upright() : CameraDigits.stored(upright(), o);
            Path f = Files.write(dir.resolve("o" + o + ".jpg"), CameraDigits.jpeg(stored, 0.95f, o));
            GreyImage g = ImageFiles.read(f);
            assertEquals(64, g.width(), "orientation " + o);
            assertEquals(32, g.height(), "orientation " + o);
            assertTrue(g.get(10, 20) < 0.2f, "orientation " + o + ": left half dark");
            assertTrue(g.get(50, 20) > 0.8f, "orientation " + o + ": right half light");
            assertTrue(g.get(50, 3) < 0.2f, "orientation " + o + ": band on top");
        }
    }

    @Test
    void transparencyKeepsTheShapeTheAlphaDraws() throws IOException {
        for (int ink : new int[]{0xffffff, 0x000000, 0x3366cc}) {
            BufferedImage img = new BufferedImage(20, 20, BufferedImage.TYPE_INT_ARGB); // fully transparent
            for (int y = 5; y < 15; y++) img.setRGB(9, y, 0xff000000 | ink);
            Path f = dir.resolve("clear-" + Integer.toHexString(ink) + ".png");
            ImageIO.write(img, "png", f.toFile());
            GreyImage g = ImageFiles.read(f);
            float line = g.get(9, 10), back = g.get(2, 2);
            assertTrue(Math.abs(line - back) > 0.3f, "ink " + Integer.toHexString(ink) + " stands out: " + line + " on " + back);
        }
    }

    @Test
    void webpIsReadAndTheFormatsAreNamedWhenAFileIsNotAnImage() throws IOException {
        Path webp = dir.resolve("three.webp");
        try (var in = getClass().getResourceAsStream("/io/digitstudio/photos/three.webp")) {
            Files.copy(in, webp);
        }
        RgbImage img = ImageFiles.readRgb(webp);
        assertTrue(img.width() > 100 && img.height() > 100);
        Path text = Files.writeString(dir.resolve("notes.webp"), "not a picture");
        String m = assertThrows(DataException.class, () -> ImageFiles.read(text)).getMessage();
        assertTrue(m.contains("PNG, JPEG, BMP, GIF, TIFF, WebP"), m);
    }

    @Test
    void imageFilesDecodeAnyPolarityAndAlpha() throws IOException {
        BufferedImage argb = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB); // fully transparent = white
        argb.setRGB(3, 3, 0xFF000000);
        Path p = dir.resolve("a.png");
        ImageIO.write(argb, "png", p.toFile());
        GreyImage g = ImageFiles.read(p);
        assertEquals(1f, g.get(0, 0), 1e-6f);
        assertEquals(0f, g.get(3, 3), 1e-6f);
    }

    @Test
    void badImageFilesGetOneLineMessages() throws IOException {
        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
        assertEquals("empty.png: empty file (0 bytes), not an image", assertThrows(DataException.class, () -> ImageFiles.read(empty)).getMessage());
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image at all");
        assertTrue(assertThrows(DataException.class, () -> ImageFiles.read(text)).getMessage().contains("not an image in a supported format"));
        Path huge = Files.write(dir.resolve("huge.png"), pngHeader(100_000, 100_000));
        String m = assertThrows(DataException.class, () -> ImageFiles.read(huge)).getMessage();
        assertTrue(m.contains("declares 100000x100000 pixels"), m);
        assertTrue(assertThrows(DataException.class, () -> ImageFiles.read(dir.resolve("none.png"))).getMessage().contains("file not found"));
    }

    /** A PNG signature and IHDR chunk declaring w x h, and nothing else: decoding it would need w*h pixels. */
    static byte[] pngHeader(int w, int h) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes()).putInt(w).putInt(h).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }
}
