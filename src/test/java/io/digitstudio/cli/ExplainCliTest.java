package io.digitstudio.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code explain}: the nearest training images of a drawn digit, and how its answer moves (CSV). */
class ExplainCliTest {
    @TempDir
    Path dir;

    /** A 7 drawn in black on white, as a user would scan one. */
    static Path seven(Path dir) throws Exception {
        Path seven = dir.resolve("seven.png");
        BufferedImage img = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 100, 100);
        g.setColor(java.awt.Color.BLACK);
        g.setStroke(new java.awt.BasicStroke(9));
        g.drawLine(20, 20, 80, 20);
        g.drawLine(80, 20, 40, 90);
        g.dispose();
        javax.imageio.ImageIO.write(img, "png", seven.toFile());
        return seven;
    }

    @Test
    void explainPrintsTheNeighboursDrawsThemAndKeepsTheIndex() throws Exception {
        Path seven = seven(dir);
        Path idx = dir.resolve("index");
        Path out = dir.resolve("why");
        CliTest.Run r = CliTest.run("explain", "--image", seven.toString(), "--train-size", "2000", "--index-dir", idx.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith(seven + ": 7 "), r.out());
        assertTrue(lines.get(1).startsWith("nearest 8 of 2000 training images in what l3 reads (400 values)"), r.out());
        for (int i = 0; i < 8; i++) assertTrue(lines.get(2 + i).matches(" ?" + (i + 1) + "\\. train #\\d+ +\\d +distance \\d+\\.\\d{4}"), lines.get(2 + i));
        long sevens = lines.subList(2, 10).stream().filter(l -> l.matches(".*#\\d+ +7 +distance.*")).count();
        assertTrue(sevens >= 5, "most of a clear 7's neighbours are 7s:\n" + r.out());
        assertTrue(lines.get(10).matches("\\d of 8 nearest are 7s"), lines.get(10));
        assertTrue(r.err().contains("building the neighbour index for this model (once)"), r.err());
        BufferedImage pic = javax.imageio.ImageIO.read(out.resolve("neighbours.png").toFile());
        assertTrue(pic.getWidth() > 9 * 84 && pic.getHeight() > 84, pic.getWidth() + "x" + pic.getHeight());
        try (var s = Files.list(idx)) {
            assertEquals(1, s.filter(p -> p.toString().endsWith(".nbr")).count(), "the index is kept for next time");
        }
        // the second time the index is read, not built; the picture is not replaced without asking
        byte[] before = Files.readAllBytes(out.resolve("neighbours.png"));
        CliTest.Run again = CliTest.run("explain", "--image", seven.toString(), "--train-size", "2000", "--index-dir", idx.toString(), "--out", out.toString());
        assertEquals(2, again.code());
        assertEquals("digitstudio explain: error: " + out.resolve("neighbours.png") + " already exists; give another --out, or add --force to replace it", again.err().strip());
        assertArrayEquals(before, Files.readAllBytes(out.resolve("neighbours.png")));
        CliTest.Run cached = CliTest.run("explain", "--image", seven.toString(), "--train-size", "2000", "--index-dir", idx.toString(), "--k", "3");
        assertEquals(0, cached.code(), cached.err());
        assertFalse(cached.err().contains("building"), cached.err());
        assertEquals(lines.subList(0, 5).toString().replaceAll(", \\d+\\.\\d ms", "").replace("nearest 8", "nearest 3"),
                cached.out().lines().toList().subList(0, 5).toString().replaceAll(", \\d+\\.\\d ms", ""));
        // in pixels
        CliTest.Run px = CliTest.run("explain", "--image", seven.toString(), "--train-size", "2000", "--pixels");
        assertEquals(0, px.code(), px.err());
        assertTrue(px.out().contains("nearest 8 of 2000 training images in pixels (784 values)"), px.out());
        assertTrue(px.out().lines().anyMatch(l -> l.matches("\\d of 8 nearest in pixels are 7s|Answer 7, but .* in pixels\\)")), px.out());
    }

    @Test
    void profilePrintsTheCurvesAsCsv() throws Exception {
        Path seven = seven(dir);
        CliTest.Run r = CliTest.run("explain", "--image", seven.toString(), "--profile", "--cnn");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(37, lines.size(), r.out());
        assertEquals("transform,value,answer,p_0,p_1,p_2,p_3,p_4,p_5,p_6,p_7,p_8,p_9", lines.get(0));
        assertTrue(lines.get(1).startsWith("shift,-4,"), lines.get(1));
        assertTrue(lines.get(5).startsWith("shift,0,7,"), lines.get(5));
        assertTrue(lines.get(9).startsWith("shift,4,"), lines.get(9));
        assertTrue(lines.get(10).startsWith("rotate,-30,"), lines.get(10));
        assertTrue(lines.get(19).startsWith("scale,0.7,"), lines.get(19));
        assertTrue(lines.get(36).startsWith("thickness,1,"), lines.get(36));
        for (String l : lines.subList(1, 37)) {
            double sum = 0;
            String[] f = l.split(",");
            assertEquals(13, f.length, l);
            for (int c = 3; c < 13; c++) sum += Double.parseDouble(f[c]);
            assertEquals(1, sum, 1e-4, l);
        }
    }

    @Test
    void badInputIsOneLineAndNothingIsWritten() throws Exception {
        Path seven = seven(dir);
        Path out = dir.resolve("out");
        for (String[] args : List.of(new String[]{"explain", "--image", dir.resolve("missing.png").toString(), "--out", out.toString()},
                new String[]{"explain", "--image", seven.toString(), "--k", "0", "--out", out.toString()},
                new String[]{"explain", "--image", seven.toString(), "--profile", "--out", out.toString()},
                new String[]{"explain", "--image", seven.toString(), "--cnn", "--model", seven.toString()},
                new String[]{"explain", "--image", seven.toString(), "--train-size", "70000", "--out", out.toString()})) {
            CliTest.Run r = CliTest.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + "\n" + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("digitstudio explain: error: "), r.err());
        }
        assertFalse(Files.exists(out.resolve("neighbours.png")));
        Path blank = dir.resolve("blank.png");
        BufferedImage img = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(img, "png", blank.toFile());
        CliTest.Run r = CliTest.run("explain", "--image", blank.toString(), "--profile");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void benchPrintsTheBuildTheSizeAndTheQueryTime() throws Exception {
        Path idx = dir.resolve("index");
        CliTest.Run r = CliTest.run("explain", "--bench", "--train-size", "1000", "--queries", "20", "--index-dir", idx.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("explain bench: ") && lines.get(0).endsWith(", what l3 reads (400 values), 1000 training images, k 8"), r.out());
        assertTrue(lines.get(1).matches("index: built in \\d+\\.\\d\\d s, 1\\.6 MB on disk, \\d+\\.\\d MB in memory"), lines.get(1));
        assertTrue(lines.get(2).matches("query: median \\d+\\.\\d\\d ms, p95 \\d+\\.\\d\\d ms, max \\d+\\.\\d\\d ms over 20 test images \\(after one warm-up round\\)"), lines.get(2));
        assertFalse(Files.exists(idx), "a bench neither reads nor writes the cache");
        CliTest.Run px = CliTest.run("explain", "--bench", "--pixels", "--train-size", "1000", "--queries", "5");
        assertEquals(0, px.code(), px.err());
        assertTrue(px.out().contains("pixels (784 values), 1000 training images"), px.out());
        assertTrue(px.out().lines().anyMatch(l -> l.matches("index: built in \\d+\\.\\d\\d s, \\d+\\.\\d MB in memory")), px.out());
        // --bench times the search alone; an image or a bad count is one clear line
        CliTest.Run both = CliTest.run("explain", "--bench", "--image", "x.png");
        assertEquals(2, both.code());
        assertEquals("digitstudio explain: error: --bench times the search alone; leave out --image, --out and --profile (see 'digitstudio explain --help')", both.err().strip());
        CliTest.Run none = CliTest.run("explain", "--bench", "--queries", "0");
        assertEquals(2, none.code());
        assertEquals("digitstudio explain: error: --queries must be between 1 and 10000, got 0 (see 'digitstudio explain --help')", none.err().strip());
        CliTest.Run noImage = CliTest.run("explain");
        assertEquals(2, noImage.code());
        assertEquals("digitstudio explain: error: --image FILE is required (or --bench to time the search) (see 'digitstudio explain --help')", noImage.err().strip());
    }
}
