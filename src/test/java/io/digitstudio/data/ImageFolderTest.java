package io.digitstudio.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Folders of pictures, one subfolder per class, made from MNIST digits: classes by folder name, split, cache, bad folders. */
public class ImageFolderTest {
    @TempDir
    Path dir;

    /** Writes the first {@code perClass} pictures of each label in {@code labels} under {@code root/NAME/}. */
    public static void pictures(Path root, LabeledImages set, int[] labels, String[] names, int perClass) throws IOException {
        for (int k = 0; k < labels.length; k++) {
            Path d = Files.createDirectories(root.resolve(names[k]));
            int written = 0;
            for (int i = 0; i < set.size() && written < perClass; i++) {
                if (set.label(i) != labels[k]) continue;
                BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
                for (int r = 0; r < 28; r++) for (int c = 0; c < 28; c++) img.getRaster().setSample(c, r, 0, set.pixel(i, r, c));
                ImageIO.write(img, "png", d.resolve(String.format("%05d.png", i)).toFile());
                written++;
            }
        }
    }

    @Test
    void classesAreTheFolderNamesAndTheSplitIsSeeded() throws IOException {
        Path root = dir.resolve("letters");
        pictures(root, Mnist.bundled().test(), new int[]{0, 1, 7}, new String[]{"gamma", "alpha", "beta"}, 21);
        Files.writeString(root.resolve("alpha").resolve("notes.txt"), "not a picture");
        assertTrue(ImageFolder.isImageFolder(root));
        Path cache = dir.resolve("cache");
        Mnist.TrainTest t = ImageFolder.load(root, cache);
        assertEquals(List.of("alpha", "beta", "gamma"), t.classNames(), "sorted folder names");
        assertEquals(63 / 7, t.test().size());
        assertEquals(63 - 9, t.train().size());
        assertEquals(3, t.train().classes());
        assertArrayEquals(new int[]{1, 28, 28}, t.train().exampleShape());
        try (var files = Files.list(cache)) {
            assertEquals(1, files.count(), "the prepared pictures are cached");
        }
        Mnist.TrainTest again = ImageFolder.load(root, cache);
        assertEquals(t.sha256(), again.sha256(), "the cache gives the same data and the split is the same");
        assertEquals(t.sha256(), ImageFolder.load(root, null).sha256(), "the cache holds what preparing gives");
        // pictures are prepared as photos are: the same input the predict command's path gives
        Path first = root.resolve("alpha").resolve(Files.list(root.resolve("alpha")).map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().findFirst().orElseThrow());
        float[] expected = io.digitstudio.read.DigitPreprocessor.toMnist(ImageFiles.readRgb(first));
        float[] got = new float[784];
        boolean found = false;
        for (LabeledImages set : List.of(t.train(), t.test())) {
            for (int i = 0; i < set.size() && !found; i++) {
                set.copyFeatures(i, got, 0);
                float max = 0;
                for (int j = 0; j < 784; j++) max = Math.max(max, Math.abs(got[j] - expected[j]));
                found = max <= 0.5f / 255 + 1e-6; // kept as 8-bit grey levels
            }
        }
        assertTrue(found, "the first picture, prepared as a photo is, is in one of the sets");
    }

    @Test
    void trainAndTestSubfoldersAreUsedAsTheyAre() throws IOException {
        Path root = dir.resolve("digits");
        pictures(root.resolve("train"), Mnist.bundled().train(), new int[]{3, 5}, new String[]{"3", "5"}, 10);
        pictures(root.resolve("test"), Mnist.bundled().test(), new int[]{3, 5}, new String[]{"3", "5"}, 4);
        Mnist.TrainTest t = ImageFolder.load(root, null);
        assertEquals(20, t.train().size());
        assertEquals(8, t.test().size());
        assertEquals(List.of("3", "5"), t.classNames());
        assertEquals(0, t.train().label(0));
        assertEquals(1, t.train().label(19));
    }

    @Test
    void aBlankPictureIsLeftOutAndNamed() throws IOException {
        Path root = dir.resolve("withblank");
        pictures(root, Mnist.bundled().test(), new int[]{0, 1}, new String[]{"a", "b"}, 7);
        ImageIO.write(new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY), "png", root.resolve("b").resolve("zz-blank.png").toFile());
        Path cache = dir.resolve("cache2");
        for (int run = 0; run < 2; run++) { // prepared, then from the cache
            Mnist.TrainTest t = ImageFolder.load(root, cache);
            assertEquals(14, t.train().size() + t.test().size());
            assertTrue(t.source().endsWith("(1 blank picture left out: " + Path.of("b", "zz-blank.png") + ")"), t.source());
        }
    }

    @Test
    void badFoldersGetOneLine() throws IOException {
        Path root = dir.resolve("bad");
        pictures(root, Mnist.bundled().test(), new int[]{0, 1}, new String[]{"a", "b"}, 3);
        Files.createDirectories(root.resolve("c"));
        Files.writeString(root.resolve("c").resolve("broken.png"), "not a png");
        DataException e = assertThrows(DataException.class, () -> ImageFolder.load(root, null));
        assertTrue(e.getMessage().contains("broken.png"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));

        Path split = dir.resolve("split");
        pictures(split.resolve("train"), Mnist.bundled().test(), new int[]{0, 1}, new String[]{"a", "b"}, 2);
        pictures(split.resolve("test"), Mnist.bundled().test(), new int[]{0, 2}, new String[]{"a", "c"}, 2);
        e = assertThrows(DataException.class, () -> ImageFolder.load(split, null));
        assertTrue(e.getMessage().contains("train/ has the classes [a, b] but test/ has [a, c]"), e.getMessage());

        Path one = dir.resolve("one");
        pictures(one, Mnist.bundled().test(), new int[]{0}, new String[]{"a"}, 2);
        e = assertThrows(DataException.class, () -> ImageFolder.load(one, null));
        assertTrue(e.getMessage().endsWith("1 class folder; a classifier needs at least 2 (one subfolder per class)"), e.getMessage());
    }

    @Test
    void onlySubfoldersWithPicturesAreClassesAndTheOthersAreNamed() throws IOException {
        Path root = dir.resolve("digits");
        pictures(root, Mnist.bundled().test(), new int[]{0, 1, 2}, new String[]{"0", "1", "2"}, 7);
        Files.createDirectories(root.resolve("empty"));
        Files.writeString(Files.createDirectories(root.resolve("docs")).resolve("readme.txt"), "how the pictures were made");
        assertTrue(ImageFolder.isImageFolder(root), "three classes and two other folders");
        Mnist.TrainTest t = ImageFolder.load(root, null);
        assertEquals(List.of("0", "1", "2"), t.classNames());
        assertEquals(3, t.train().classes());
        assertTrue(t.source().contains("2 folders without pictures passed over: docs/, empty/"), t.source());
    }

    @Test
    void aFolderOfOtherFoldersIsNotAnImageFolder() throws IOException {
        Path tmp = dir.resolve("tmp");
        for (int i = 0; i < 300; i++) Files.createDirectories(tmp.resolve("session-" + i));
        Files.writeString(tmp.resolve("session-3").resolve("log.txt"), "a log");
        assertFalse(ImageFolder.isImageFolder(tmp), "no subfolder holds pictures");
        pictures(tmp, Mnist.bundled().test(), new int[]{4, 5}, new String[]{"shots", "icons"}, 2);
        assertFalse(ImageFolder.isImageFolder(tmp), "2 of 302 subfolders hold pictures: not one subfolder per class");
        DataException e = assertThrows(DataException.class, () -> Mnist.load(tmp));
        assertEquals(tmp + ": not a data folder (no IDX files; 2 of its 302 subfolders hold pictures); a data folder holds MNIST's IDX files"
                + " (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, or .gz), or one subfolder"
                + " of pictures per class (DIR/CLASS/*.png, or DIR/train/CLASS and DIR/test/CLASS); or give a Kaggle CSV file", e.getMessage());
        assertTrue(assertThrows(DataException.class, () -> Mnist.loadTest(tmp)).getMessage().contains("not a data folder"));
        Path bare = Files.createDirectories(dir.resolve("bare"));
        assertTrue(assertThrows(DataException.class, () -> Mnist.load(bare)).getMessage().contains("not a data folder (no IDX files; no subfolders)"));
    }
}
