package io.digitstudio.cli;

import io.digitstudio.data.CameraDigits;
import io.digitstudio.data.CameraDigits.Kind;
import io.digitstudio.data.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Pictures as cameras and scanners make them, read with the built-in MLP through {@code predict}: the test set is made
 * here by {@link CameraDigits} (seeded), per kind of distortion, and the figures are printed per kind.
 */
class PhotoReadingTest {
    @TempDir
    Path dir;

    @Test
    void singleDigitsAsCamerasSeeThem() throws IOException {
        CameraDigits cam = new CameraDigits(15);
        int perKind = 30;
        for (Kind kind : Kind.values()) {
            for (int i = 0; i < perKind; i++) {
                int digit = i % 10;
                CameraDigits.Shot s = cam.single(kind, digit);
                Files.write(dir.resolve(String.format(Locale.ROOT, "%s_%02d_%d.%s", kind, i, digit, s.extension())), s.bytes());
            }
        }
        CliTest.Run r = CliTest.run("predict", dir.toString());
        assertEquals(0, r.code(), r.err());
        Map<Kind, int[]> tally = new EnumMap<>(Kind.class);
        int right = 0, all = 0;
        StringBuilder wrong = new StringBuilder();
        for (String line : r.out().strip().split("\n")) {
            String[] f = line.split(" ");
            String name = Path.of(f[0]).getFileName().toString();
            Kind kind = Kind.valueOf(name.substring(0, name.indexOf('_')));
            int truth = name.charAt(name.lastIndexOf('.') - 1) - '0';
            int[] t = tally.computeIfAbsent(kind, k -> new int[2]);
            t[1]++;
            all++;
            if (Integer.parseInt(f[1]) == truth) {
                t[0]++;
                right++;
            } else {
                wrong.append(' ').append(name).append("->").append(f[1]);
            }
        }
        assertEquals(perKind * Kind.values().length, all);
        StringBuilder report = new StringBuilder("photographed single digits, built-in MLP:");
        tally.forEach((k, t) -> report.append(String.format(Locale.ROOT, " %s %d/%d", k.name().toLowerCase(Locale.ROOT), t[0], t[1])));
        double accuracy = (double) right / all;
        System.out.printf(Locale.ROOT, "%s; all %.4f%s%n", report, accuracy, wrong.length() == 0 ? "" : "; wrong:" + wrong);
        assertTrue(accuracy >= 0.97, report + wrong.toString());
        tally.forEach((k, t) -> assertTrue(t[0] >= 0.9 * t[1], k + " " + t[0] + "/" + t[1] + wrong));
    }

    @Test
    void numbersAndPagesAreReadWhole() throws IOException {
        CameraDigits cam = new CameraDigits(1515);
        Rng rng = new Rng(15);
        int n = 0;
        for (int i = 0; i < 56; i++) {
            int[] digits = new int[2 + i % 7];
            for (int j = 0; j < digits.length; j++) digits[j] = (int) (rng.nextDouble() * 10);
            CameraDigits.Shot s = cam.number(digits);
            Files.write(dir.resolve(String.format(Locale.ROOT, "n%02d_%s.%s", n++, s.digits(), s.extension())), s.bytes());
        }
        for (int i = 0; i < 8; i++) {
            int[][] lines = new int[2 + i % 2][];
            for (int l = 0; l < lines.length; l++) {
                lines[l] = new int[3 + (int) (rng.nextDouble() * 4)];
                for (int j = 0; j < lines[l].length; j++) lines[l][j] = (int) (rng.nextDouble() * 10);
            }
            CameraDigits.Shot s = cam.page(lines);
            Files.write(dir.resolve(String.format(Locale.ROOT, "n%02d_%s.%s", n++, s.digits(), s.extension())), s.bytes());
        }
        Path inputs = dir.resolve("inputs");
        CliTest.Run r = CliTest.run("predict", "--number", "--no-recursive", "--save-input", inputs.toString(), dir.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(n, lines.length);
        int exact = 0, digitsRight = 0, digitsAll = 0;
        StringBuilder wrong = new StringBuilder();
        for (String line : lines) {
            String[] f = line.split(" ");
            String name = Path.of(f[0]).getFileName().toString();
            String truth = name.substring(name.indexOf('_') + 1, name.lastIndexOf('.'));
            assertTrue(f[2].matches("[01]\\.\\d{4}"), line);
            digitsAll += truth.length();
            if (f[1].equals(truth)) exact++;
            else wrong.append(' ').append(truth).append("->").append(f[1]);
            if (f[1].length() == truth.length()) for (int i = 0; i < truth.length(); i++) if (f[1].charAt(i) == truth.charAt(i)) digitsRight++;
        }
        double share = (double) exact / n;
        System.out.printf(Locale.ROOT, "photographed numbers (2-8 digits, 56 on one line, 8 pages of 2-3 lines), built-in MLP: %d/%d exact (%.4f), "
                + "%d/%d digits in place%s%n", exact, n, share, digitsRight, digitsAll, wrong.length() == 0 ? "" : "; wrong:" + wrong);
        assertTrue(share >= 0.90, "numbers read exactly: " + share + wrong);
        // one input per digit read, numbered from 1
        String first = Path.of(lines[0].split(" ")[0]).getFileName().toString();
        for (int k = 1; k <= lines[0].split(" ")[1].length(); k++) assertTrue(Files.exists(inputs.resolve(first + ".input." + k + ".png")), first + " " + k);
    }

    @Test
    void theTrialsPicturesReadRight() throws IOException {
        CameraDigits cam = new CameraDigits(2026);
        Path lit = Files.write(dir.resolve("lit-three.png"), cam.leftToRightLit(3).bytes());
        Path white = Files.write(dir.resolve("white-on-clear-seven.png"), cam.whiteOnTransparent(7).bytes());
        // made once with: cwebp -q 75 three.png -o three.webp, three.png being new CameraDigits(2026).leftToRightLit(3)
        Path webp = dir.resolve("three.webp");
        try (InputStream in = getClass().getResourceAsStream("/io/digitstudio/photos/three.webp")) {
            Files.copy(in, webp);
        }
        BufferedImage five = ImageIO.read(new java.io.ByteArrayInputStream(cam.single(Kind.NOISE, 5).bytes()));
        Path tiff = dir.resolve("five.tif");
        assertTrue(ImageIO.write(five, "tiff", tiff.toFile()));
        Path progressive = dir.resolve("five-progressive.jpg");
        writeJpeg(new IIOImage(five, null, null), progressive, true);
        Path cmyk = dir.resolve("five-cmyk.jpg");
        writeJpeg(new IIOImage(cmykOf(five), null, null), cmyk, false);
        CliTest.Run r = CliTest.run("predict", lit.toString(), white.toString(), webp.toString(), tiff.toString(), progressive.toString(), cmyk.toString());
        assertEquals(0, r.code(), r.err());
        String[] out = r.out().strip().split("\n");
        int[] expected = {3, 7, 3, 5, 5, 5};
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], Integer.parseInt(out[i].split(" ")[1]), out[i]);
        System.out.println("the trial's kinds of picture: " + String.join(" | ", out).replace(dir + "/", ""));
    }

    /** A four-channel (CMYK) JPEG, as print workflows and some scanners write: the JDK cannot read these, TwelveMonkeys can. */
    private static WritableRaster cmykOf(BufferedImage rgb) {
        WritableRaster r = java.awt.image.Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, rgb.getWidth(), rgb.getHeight(), 4, null);
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                int p = rgb.getRGB(x, y);
                int grey = ((p >> 16 & 0xff) + (p >> 8 & 0xff) + (p & 0xff)) / 3;
                r.setPixel(x, y, new int[]{0, 0, 0, 255 - grey});
            }
        }
        return r;
    }

    private static void writeJpeg(IIOImage img, Path file, boolean progressive) throws IOException {
        ImageWriter writer = null;
        for (var it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (img.hasRaster() ? w.canWriteRasters() : true) {
                writer = w;
                break;
            }
        }
        assertNotNull(writer, "a JPEG writer");
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (progressive) param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, img, param);
        } finally {
            writer.dispose();
        }
    }
}
