package io.digitstudio.cli;

import io.digitstudio.data.DrawnDigitsAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** Bad input and faults through the command line: one line, exit code 2, nothing lost. */
class ReliabilityCliTest {
    @TempDir
    Path dir;

    private static void writeIdx(Path file, int[] dims, byte[] data) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put(new byte[]{0, 0, 8, (byte) dims.length});
        for (int d : dims) b.putInt(d);
        b.put(data);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(b.array());
        }
        Files.write(file, gz.toByteArray());
    }

    /** A tiny 8x8 dataset: label = which quadrant holds a bright square, plus noise. */
    private Path smallImages() throws Exception {
        Path d = Files.createDirectory(dir.resolve("small"));
        io.digitstudio.data.Rng rng = new io.digitstudio.data.Rng(5);
        for (String split : new String[]{"train", "t10k"}) {
            int n = split.equals("train") ? 400 : 100;
            byte[] px = new byte[n * 64];
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++) {
                int label = rng.nextInt(4);
                labels[i] = (byte) label;
                for (int y = 0; y < 8; y++) for (int x = 0; x < 8; x++) {
                    boolean on = (y / 4) * 2 + (x / 4) == label;
                    px[i * 64 + y * 8 + x] = (byte) (on ? 200 + rng.nextInt(56) : rng.nextInt(40));
                }
            }
            writeIdx(d.resolve(split + "-images-idx3-ubyte.gz"), new int[]{n, 8, 8}, px);
            writeIdx(d.resolve(split + "-labels-idx1-ubyte.gz"), new int[]{n}, labels);
        }
        return d;
    }

    @Test
    void imagesOtherThan28x28TrainTheirOwnModelAndA784ModelIsRefusedClearly() throws Exception {
        Path data = smallImages();
        Path model = dir.resolve("small.npz");
        CliTest.Run r = CliTest.run("train", "--data", data.toString(), "--epochs", "3", "--batch-size", "20", "--units", "16", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("64-16-16-4", io.digitstudio.io.ModelFiles.loadNpz(model).model().architecture());
        Path builtIn = dir.resolve("builtin.npz");
        io.digitstudio.io.ModelFiles.saveNpz(builtIn, io.digitstudio.io.ModelFiles.loadDefault().model());
        CliTest.Run e = CliTest.run("eval", "--model", builtIn.toString(), "--data", data.toString());
        assertEquals(2, e.code());
        assertEquals("digitstudio eval: error: builtin.npz takes 784 inputs but the test images have 64 pixels", e.err().strip());
    }

    @Test
    void aModelRemembersItsDatasetAndClassNames() throws Exception {
        Path data = smallImages();
        Files.writeString(data.resolve(io.digitstudio.data.ClassNames.FILE), "top left\ntop right\nbottom left\nbottom right\n");
        Path model = dir.resolve("quadrants.npz");
        CliTest.Run r = CliTest.run("train", "--data", data.toString(), "--epochs", "1", "--batch-size", "20", "--units", "8", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        io.digitstudio.io.ModelInfo info = io.digitstudio.io.ModelFiles.loadNpz(model).info();
        assertEquals("small", info.dataset());
        assertEquals(java.util.List.of("top left", "top right", "bottom left", "bottom right"), info.classNames());
        assertNotNull(info.testAccuracy());
        // what numpy.load sees: plain uint8 arrays, no pickled objects
        var arrays = io.digitstudio.io.Npz.read(model);
        assertEquals(io.digitstudio.io.DType.UINT8, arrays.get("digitstudio/dataset").dtype());
        assertEquals("small", arrays.get("digitstudio/dataset").toText());
    }

    @Test
    void fashionMnistIsRecognisedAndNamed() {
        Path fashion = Path.of("/usr/share/datasets/fashion-mnist");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fashion), "Debian's dataset-fashion-mnist is not installed");
        io.digitstudio.data.Mnist.TrainTest d = io.digitstudio.data.Mnist.fromDirectory(fashion);
        assertEquals("Fashion-MNIST", d.name());
        assertEquals("Ankle boot", d.classNames().get(9));
        assertEquals("MNIST", io.digitstudio.data.Mnist.bundled().name());
        assertEquals("7", io.digitstudio.data.Mnist.bundled().classNames().get(7));
    }

    @Test
    void snapshotAndResumeFromTheCommandLine() throws Exception {
        Path snaps = Files.createDirectory(dir.resolve("snaps"));
        String[] common = {"--train-size", "1000", "--test-size", "200", "--units", "20"};
        CliTest.Run first = CliTest.run(concat(new String[]{"train", "--epochs", "2", "--snapshot-every", "1", "--snapshot-dir", snaps.toString(), "--keep", "1",
                "--out", dir.resolve("first.npz").toString()}, common));
        assertEquals(0, first.code(), first.err());
        try (var files = Files.list(snaps)) {
            assertEquals(1, files.count(), "--keep 1");
        }
        Path a = dir.resolve("a.npz"), b = dir.resolve("b.npz");
        CliTest.Run resumed = CliTest.run(concat(new String[]{"train", "--resume", snaps.resolve("snapshot_epoch_0002.npz").toString(), "--epochs", "3", "--out", a.toString()}, common));
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(1, CliTest.epochLines(resumed.out()).size(), "only epoch 3 runs: " + resumed.out());
        assertTrue(resumed.out().startsWith("epoch:03"), resumed.out());
        CliTest.Run straight = CliTest.run(concat(new String[]{"train", "--epochs", "3", "--out", b.toString()}, common));
        assertEquals(0, straight.code());
        assertArrayEquals(Files.readAllBytes(b), Files.readAllBytes(a), "bit-identical model files");

        CliTest.Run notSnapshot = CliTest.run("train", "--resume", a.toString());
        assertEquals(2, notSnapshot.code());
        assertTrue(notSnapshot.err().contains("not a DigitStudio snapshot"), notSnapshot.err());
        CliTest.Run badEvery = CliTest.run("train", "--snapshot-every", "0");
        assertEquals(2, badEvery.code());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void anAnimatedGifIsReadFromItsFirstFrame() throws Exception {
        BufferedImage one = new DrawnDigitsAccess(11).draw(1, 120);
        BufferedImage blank = new BufferedImage(120, 120, BufferedImage.TYPE_INT_RGB);
        Path gif = dir.resolve("anim.gif");
        ImageWriter w = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(gif.toFile())) {
            w.setOutput(out);
            w.prepareWriteSequence(null);
            w.writeToSequence(new IIOImage(one, null, null), null);
            w.writeToSequence(new IIOImage(blank, null, null), null);
            w.endWriteSequence();
        }
        CliTest.Run r = CliTest.run("predict", gif.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().strip().matches(".*anim\\.gif 1 [01]\\.\\d{4}"), r.out());
    }
}
