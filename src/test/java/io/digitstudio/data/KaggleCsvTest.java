package io.digitstudio.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Kaggle's Digit Recognizer CSVs, made from MNIST: read exactly, split the same way every time, bad cells named. */
public class KaggleCsvTest {
    @TempDir
    Path dir;

    /** MNIST examples as Kaggle writes them: label,pixel0,...,pixel783 (or the pixels only). */
    public static Path csv(Path file, LabeledImages set, int n, boolean labelled) throws IOException {
        StringBuilder sb = new StringBuilder(labelled ? "label" : "");
        for (int p = 0; p < 784; p++) sb.append(sb.length() == 0 ? "" : ",").append("pixel").append(p);
        sb.append('\n');
        for (int i = 0; i < n; i++) {
            if (labelled) sb.append(set.label(i)).append(',');
            for (int r = 0; r < 28; r++) for (int c = 0; c < 28; c++) sb.append(set.pixel(i, r, c)).append(r == 27 && c == 27 ? "" : ",");
            sb.append('\n');
        }
        return Files.writeString(file, sb);
    }

    @Test
    void aCsvMadeFromMnistReadsBackItsPixelsAndLabelsAndSplitsTheSameEveryTime() throws IOException {
        LabeledImages mnist = Mnist.bundled().train();
        Path f = csv(dir.resolve("train.csv"), mnist, 700, true);
        KaggleCsv.Table t = KaggleCsv.read(f, true);
        assertEquals(700, t.count());
        assertEquals(28, t.side());
        for (int i : new int[]{0, 123, 699}) {
            assertEquals(mnist.label(i), t.labels()[i]);
            assertEquals(mnist.pixel(i, 14, 14), t.pixels()[i * 784 + 14 * 28 + 14] & 0xff);
        }
        Mnist.TrainTest tt = Mnist.load(f);
        assertEquals(100, tt.test().size());
        assertEquals(600, tt.train().size());
        assertEquals(10, tt.train().classes());
        assertEquals(java.util.List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), tt.classNames());
        assertEquals(tt.sha256(), Mnist.load(f).sha256(), "the seeded split is the same every time");
        // every example is in exactly one set, and the float pixels are MNIST's own
        float[] a = new float[784], b = new float[784];
        tt.test().copyFeatures(0, a, 0);
        boolean found = false;
        for (int i = 0; i < 700 && !found; i++) {
            mnist.copyFeatures(i, b, 0);
            found = java.util.Arrays.equals(a, b);
        }
        assertTrue(found);
    }

    private String error(String content, boolean labelled) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.csv"), content);
        return assertThrows(DataException.class, () -> KaggleCsv.read(f, labelled)).getMessage();
    }

    @Test
    void badRowsGetOneLineWithTheLineNumber() throws IOException {
        String head = "label,pixel0,pixel1,pixel2,pixel3\n";
        assertEquals("bad.csv: line 3: 4 values, expected 5", error(head + "1,0,0,0,0\n2,0,0,0\n", true));
        assertEquals("bad.csv: line 2: more than 5 values", error(head + "1,0,0,0,0,9\n", true));
        assertEquals("bad.csv: line 2: label is 'x', not a whole number from 0 to 255", error(head + "x,0,0,0,0\n", true));
        assertEquals("bad.csv: line 2: label is '-1', not a whole number from 0 to 255", error(head + "-1,0,0,0,0\n", true));
        assertEquals("bad.csv: line 2: pixel2 is 256, out of range (0 to 255)", error(head + "1,0,0,256,0\n", true));
        assertEquals("bad.csv: line 2: pixel1 is '0.5', not a whole number from 0 to 255", error(head + "1,0,0.5,0,0\n", true));
        assertEquals("bad.csv: line 2: pixel3 is empty", error(head + "1,0,0,0,\n", true));
        assertEquals("bad.csv: line 1: 3 pixel columns do not make a square image (784 for 28x28)", error("label,a,b,c\n1,0,0,0\n", true));
        assertEquals("bad.csv: line 1: the first column is 'pixel0', expected label (label,pixel0,...)", error("pixel0,pixel1,pixel2,pixel3\n0,0,0,0\n", true));
        assertEquals("bad.csv: line 1: has a label column; expected only pixel0,pixel1,... (Kaggle's test.csv)", error(head, false));
        assertEquals("bad.csv: no images (only a header)", error(head, true));
        assertEquals("bad.csv: empty file", error("", true));
        // CRLF line ends and a final blank line are fine
        Path ok = Files.writeString(dir.resolve("ok.csv"), head.replace("\n", "\r\n") + "1,0,0,0,255\r\n\r\n");
        assertEquals(255, KaggleCsv.read(ok, true).pixels()[3] & 0xff);
    }

    /**
     * A file that is not text (a picture or an archive named .csv) ended with the decoder's "Input length = 1"; a
     * class-names file the same. Each says what the file is not.
     */
    @Test
    void aFileThatIsNotTextIsSaidSo() throws IOException {
        byte[] bytes = {'l', 'a', 'b', 'e', 'l', ',', 'p', '0', '\n', '1', ',', (byte) 0xff, (byte) 0xfe, '\n'};
        Path csv = Files.write(dir.resolve("photo.csv"), bytes);
        assertEquals("photo.csv: not a CSV file (not text in UTF-8)", assertThrows(DataException.class, () -> KaggleCsv.read(csv, true)).getMessage());
        Path folder = Files.createDirectories(dir.resolve("named"));
        Path names = Files.write(folder.resolve(ClassNames.FILE), new byte[]{'a', '\n', (byte) 0xff, '\n'});
        assertEquals(names + ": not a list of class names (not text in UTF-8)",
                assertThrows(DataException.class, () -> ClassNames.fromFolder(folder, 2)).getMessage());
    }
}
