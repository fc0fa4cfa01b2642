package io.digitstudio.cli;

import io.digitstudio.data.UnusualDigits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code mydigits} and {@code train --extra-data}: your own digits from the command line. */
class MyDigitsCliTest {
    @TempDir
    Path dir;

    /** Writes the drawings as image files named by label (7_003.png), as a user's folder would hold them. */
    private Path pictures() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("pictures"));
        int i = 0;
        for (UnusualDigits.Drawing d : UnusualDigits.make(20, 5)) {
            BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 28; y++) for (int x = 0; x < 28; x++) {
                int g = Math.round(d.input()[y * 28 + x] * 255);
                img.getRaster().setSample(x, y, 0, g);
            }
            javax.imageio.ImageIO.write(img, "png", folder.resolve(String.format("%d_%03d.png", d.label(), i++)).toFile());
        }
        Files.writeString(folder.resolve("notes.txt"), "not a digit");
        return folder;
    }

    /**
     * {@code mydigits} alone named its commands and exited 2, where {@code runs} alone lists the runs: alone it lists
     * the digits as {@code mydigits list} does, exit 0, in the collection {@code --dir} names wherever it stands; its
     * help still names the commands.
     */
    @Test
    void mydigitsAloneListsTheDigitsAsListDoes() throws Exception {
        Path mine = dir.resolve("mine");
        assertEquals(0, CliTest.run("mydigits", "import", pictures().toString(), "--dir", mine.toString()).code());
        CliTest.Run list = CliTest.run("mydigits", "list", "--dir", mine.toString());
        CliTest.Run alone = CliTest.run("mydigits", "--dir", mine.toString());
        assertEquals(0, alone.code(), alone.err());
        assertEquals("", alone.err());
        assertEquals(list.out(), alone.out());
        assertTrue(alone.out().startsWith("60 digits (1: 20, 4: 20, 7: 20) in "), alone.out());
        // the default collection (the tests' own), as typed with nothing more
        CliTest.Run bare = CliTest.run("mydigits");
        assertEquals(0, bare.code(), bare.err());
        assertEquals(CliTest.run("mydigits", "list").out(), bare.out());
        // --dir before a command is that command's: nothing reads or writes another collection unasked
        CliTest.Run before = CliTest.run("mydigits", "--dir", mine.toString(), "list");
        assertEquals(0, before.code(), before.err());
        assertEquals(list.out(), before.out());
        Path zip = dir.resolve("mine.zip");
        CliTest.Run exported = CliTest.run("mydigits", "--dir", mine.toString(), "export", zip.toString());
        assertEquals(0, exported.code(), exported.err());
        CliTest.Run back = CliTest.run("mydigits", "import", zip.toString(), "--dir", dir.resolve("other").toString());
        assertTrue(back.out().contains("added 60 digits"), back.out());
        Path other = dir.resolve("other");
        CliTest.Run twice = CliTest.run("mydigits", "--dir", mine.toString(), "list", "--dir", other.toString());
        assertEquals(2, twice.code(), twice.out() + twice.err());
        assertEquals(1, twice.err().strip().lines().count(), twice.err());
        assertTrue(twice.err().startsWith("digitstudio mydigits list: error: --dir is given twice"), twice.err());

        CliTest.Run help = CliTest.run("mydigits", "--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("Commands (given none, it lists your digits, as list does):"), help.out());
        for (String c : java.util.List.of("list", "import", "export")) {
            assertTrue(help.out().lines().anyMatch(l -> l.startsWith("  " + c + " ")), c + " in:\n" + help.out());
        }
    }

    @Test
    void importListExportAndTrainWithYourDigits() throws Exception {
        Path mine = dir.resolve("mine");
        CliTest.Run imp = CliTest.run("mydigits", "import", pictures().toString(), "--dir", mine.toString());
        assertEquals(0, imp.code(), imp.err());
        assertTrue(imp.out().contains("added 60 digits") && imp.err().contains("passed over notes.txt: not an image"), imp.out() + imp.err());
        CliTest.Run list = CliTest.run("mydigits", "list", "--dir", mine.toString());
        assertTrue(list.out().startsWith("60 digits (1: 20, 4: 20, 7: 20) in "), list.out());
        // each imported digit keeps the image it was made from, to be prepared again some day
        try (var files = Files.list(mine.resolve("originals"))) {
            assertEquals(60, files.count());
        }
        // the collection is an MNIST-style folder: every tool reads it
        assertTrue(Files.exists(mine.resolve("train-images-idx3-ubyte")) && Files.exists(mine.resolve("t10k-labels-idx1-ubyte")));
        // export, and import into another collection
        Path zip = dir.resolve("mine.zip");
        CliTest.Run exported = CliTest.run("mydigits", "export", zip.toString(), "--dir", mine.toString());
        assertEquals(0, exported.code(), exported.err());
        assertEquals("exported the collection to " + zip, exported.out().strip(), "a result goes to stdout");
        Path other = dir.resolve("other");
        CliTest.Run back = CliTest.run("mydigits", "import", zip.toString(), "--dir", other.toString());
        assertTrue(back.out().contains("added 60 digits"), back.out());
        try (var files = Files.list(other.resolve("originals"))) {
            assertEquals(60, files.count(), "the originals travel with the zip");
        }
        CliTest.Run again = CliTest.run("mydigits", "import", zip.toString(), "--dir", other.toString());
        assertEquals("added 0 digits from " + zip + "; 60 already in My digits", again.out().strip(), "no digit twice, and why");
        assertEquals(0, again.code(), again.err());

        // fine-tune a small model on MNIST and the collection, headless
        Path base = dir.resolve("base.npz");
        assertEquals(0, CliTest.run("train", "--units", "20", "--epochs", "2", "--train-size", "5000", "--test-size", "500", "--out", base.toString(),
                "--no-record").code());
        CliTest.Run eval = CliTest.run("eval", "--model", base.toString(), "--data", mine.toString());
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().startsWith("test_loss:"), eval.out());
        CliTest.Run tuned = CliTest.run("train", "--units", "20", "--init-model", base.toString(), "--extra-data", mine.toString(), "--extra-weight", "20",
                "--epochs", "1", "--lr", "0.005", "--train-size", "5000", "--test-size", "500", "--out", dir.resolve("tuned.npz").toString(), "--no-record");
        assertEquals(0, tuned.code(), tuned.err());
        assertTrue(tuned.err().contains("training on 5000 examples of MNIST and 60 of " + mine + " (x20)"), tuned.err());

        // a damaged collection: one line, exit 2, the file left as it was
        Files.writeString(mine.resolve("collection.json"), "{\"digits\": [");
        CliTest.Run bad = CliTest.run("mydigits", "list", "--dir", mine.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("collection.json is damaged") && bad.err().contains("nothing was changed"), bad.err());
        assertEquals("{\"digits\": [", Files.readString(mine.resolve("collection.json")));
        assertEquals(2, CliTest.run("train", "--extra-weight", "3", "--out", dir.resolve("x.npz").toString(), "--no-record").code());
    }

    /** A picture of a whole number named as one digit ("7_n.png" showing 2048) is refused, with why, not kept as a 7. */
    @Test
    void importRefusesAPictureOfSeveralDigits() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("numbers"));
        io.digitstudio.data.CameraDigits.Shot number = new io.digitstudio.data.CameraDigits(32).number(new int[]{2, 0, 4, 8});
        Path file = Files.write(folder.resolve("7_n." + number.extension()), number.bytes());
        Path seven = folder.resolve("7_one.png");
        javax.imageio.ImageIO.write(new io.digitstudio.data.DrawnDigitsAccess(7).draw(7, 100), "png", seven.toFile());
        Path mine = dir.resolve("mine");
        CliTest.Run imp = CliTest.run("mydigits", "import", folder.toString(), "--dir", mine.toString());
        assertEquals(2, imp.code(), "a picture left out is an error: " + imp.err());
        assertEquals("added 1 digit from " + folder + "; skipped 1", imp.out().strip());
        assertTrue(imp.err().contains("skipped " + file.getFileName() + ": it holds 4 digits, not one (a picture holds one digit"), imp.err());
        assertTrue(CliTest.run("mydigits", "list", "--dir", mine.toString()).out().startsWith("1 digit (7: 1) in "));
    }

    /** A collection record that is not text (a picture saved over it) said the decoder's "Input length = 1". */
    @Test
    void aCollectionRecordThatIsNotTextIsSaidSo() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Path record = Files.write(mine.resolve("collection.json"), new byte[]{(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, (byte) 0xfe});
        CliTest.Run r = CliTest.run("mydigits", "list", "--dir", mine.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("digitstudio mydigits list: error: " + record + " is damaged (not text in UTF-8); it was left as it is and nothing was changed",
                r.err().strip());
    }
}
