package io.digitstudio.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.*;

class MnistTest {
    @TempDir
    Path dir;

    @Test
    void bundledMnistIsTheOriginal() {
        Mnist.TrainTest d = Mnist.bundled();
        assertEquals(60000, d.train().size());
        assertEquals(10000, d.test().size());
        assertEquals(784, d.train().featureSize());
        assertEquals(5, d.train().label(0));
        assertEquals(7, d.test().label(0));
        float[] x = d.test().features(0);
        float min = 1, max = 0;
        for (float v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max); // MNIST images reach 255
        assertEquals((float) 84 * (float) (1.0 / 255.0), d.test().features(0)[202], 0f); // a pixel of the 7, as Chainer scales it
    }

    @Test
    void theGreyLevelsViewsDrawAreExactlyTheFilesBytes() {
        // only the scaled floats are kept; every one of the 256 levels must come back as it was
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) all[i] = (byte) i;
        LabeledImages levels = new LabeledImages("levels", all, new byte[]{3}, 1, 16, 16);
        for (int i = 0; i < 256; i++) assertEquals(i, levels.pixel(0, i / 16, i % 16));
        assertEquals(84, Mnist.bundled().test().pixel(0, 202 / 28, 202 % 28));
        assertEquals(84, levels.head(1).pixel(0, 84 / 16, 84 % 16));
    }

    @Test
    void anyFolderWithTheFourFilesWorksRawOrGzipped() throws IOException {
        // raw train images, gzipped others, as a mixed folder
        for (String name : Mnist.FILES) {
            try (InputStream in = Mnist.class.getResourceAsStream("/io/digitstudio/assets/mnist/" + name + ".gz")) {
                byte[] gz = in.readAllBytes();
                if (name.startsWith("t10k-labels")) {
                    Files.write(dir.resolve(name), new GZIPInputStream(new java.io.ByteArrayInputStream(gz)).readAllBytes());
                } else {
                    Files.write(dir.resolve(name + ".gz"), gz);
                }
            }
        }
        Mnist.TrainTest d = Mnist.fromDirectory(dir);
        assertEquals(7, d.test().label(0));
        assertEquals(5, d.train().label(0));
    }

    @Test
    void missingFileInFolderIsNamed() {
        String m = assertThrows(DataException.class, () -> Mnist.fromDirectory(dir)).getMessage();
        assertTrue(m.contains("missing train-images-idx3-ubyte"), m);
        String notDir = assertThrows(DataException.class, () -> Mnist.fromDirectory(dir.resolve("x"))).getMessage();
        assertTrue(notDir.contains("not a folder"), notDir);
    }

    @Test
    void imageAndLabelCountsMustAgree() {
        IdxFile images = new IdxFile(new int[]{2, 2, 2}, new byte[8]);
        IdxFile labels = new IdxFile(new int[]{3}, new byte[3]);
        String m = assertThrows(DataException.class, () -> LabeledImages.of("x", images, labels, "imgs", "lbls")).getMessage();
        assertEquals("imgs has 2 images but lbls has 3 labels", m);
        // labels are not assumed to be digits: the largest one says how many classes there are (EMNIST Balanced has 47)
        IdxFile letters = new IdxFile(new int[]{2}, new byte[]{1, 46});
        LabeledImages emnist = LabeledImages.of("x", images, letters, "i", "l");
        assertEquals(47, emnist.classes());
        assertArrayEquals(new int[]{1, 2, 2}, emnist.exampleShape());
        assertEquals(47, emnist.head(1).classes(), "a subset keeps the set's classes");
    }

    @Test
    void batchesAreConcatenatedInOrder() {
        LabeledImages d = Mnist.bundled().test();
        ExampleBatch b = new ExampleBatch().concatExamples(d, new int[]{3, 0});
        assertEquals(2, b.size());
        assertEquals(d.label(3), b.t()[0]);
        assertEquals(7, b.t()[1]);
        float[] x0 = d.features(0);
        for (int i = 0; i < 784; i++) assertEquals(x0[i], b.x()[784 + i]);
    }
}
