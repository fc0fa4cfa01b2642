package io.digitstudio.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code inspect}: the pictures of a model's weights, and of an image's activations and saliency, for a report. */
class InspectCliTest {
    @TempDir
    Path dir;

    @Test
    void inspectWritesTheWeightTilesAndForAnImageItsActivationsAndSaliency() throws Exception {
        // a drawn 7, as predict would read it
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
        Path out = dir.resolve("report");
        CliTest.Run r = CliTest.run("inspect", "--cnn", "--image", seven.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : new String[]{"weights.png", "input.png", "activations.png", "saliency.png", "saliency-x-input.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 100, f);
        }
        // LeNet's 20 filters of 5x5 in a 5x4 grid
        BufferedImage w = javax.imageio.ImageIO.read(out.resolve("weights.png").toFile());
        assertTrue(w.getWidth() > w.getHeight(), w.getWidth() + "x" + w.getHeight());
        assertTrue(r.out().contains("conv1's 20 filters of 5x5"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("conv1 · relu · max_pooling_2d +\\[20, 12, 12\\] .*")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith(seven + ": 7 ")), "the built-in CNN reads it as 7:\n" + r.out());
        // the figures stand in columns: a max with two digits before the point moves neither "zero" nor its figure
        java.util.List<String> rows = r.out().lines().filter(l -> l.contains(" max ")).toList();
        assertTrue(rows.stream().map(l -> l.substring(l.indexOf(" max ") + 5, l.indexOf(" zero ")).strip().indexOf('.')).distinct().count() > 1,
                "maxes of more than one width:\n" + r.out());
        assertEquals(1, rows.stream().map(l -> l.indexOf(" zero ")).distinct().count(), r.out());
        assertEquals(1, rows.stream().map(String::length).distinct().count(), r.out());
        // the MLP: its first layer's units as 28x28 images
        byte[] cnnWeights = Files.readAllBytes(out.resolve("weights.png"));
        CliTest.Run again = CliTest.run("inspect", "--out", out.toString());
        assertEquals(2, again.code(), "pictures already there are not replaced without asking");
        assertEquals("digitstudio inspect: error: " + out.resolve("weights.png") + " already exists; give another --out, or add --force to replace the pictures",
                again.err().strip());
        assertArrayEquals(cnnWeights, Files.readAllBytes(out.resolve("weights.png")));
        CliTest.Run mlp = CliTest.run("inspect", "--out", out.toString(), "--force");
        assertEquals(0, mlp.code(), mlp.err());
        assertTrue(mlp.out().contains("l1's 400 units' weights as images of 28x28"), mlp.out());
        // bad input: one line, exit 2
        CliTest.Run bad = CliTest.run("inspect", "--image", dir.resolve("missing.png").toString(), "--out", out.toString(), "--force");
        assertEquals(2, bad.code());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        Files.writeString(dir.resolve("file"), "x");
        assertEquals(2, CliTest.run("inspect", "--out", dir.resolve("file").toString()).code());
    }

    @Test
    void aFailingInspectLeavesNoFolderAndNoPicture() throws Exception {
        // the trial's case: an image that is not one; the weights were written before the image was read
        Path notAnImage = dir.resolve("notanimage.png");
        Files.writeString(notAnImage, "hello");
        Path out = dir.resolve("report");
        CliTest.Run bad = CliTest.run("inspect", "--image", notAnImage.toString(), "--out", out.toString());
        assertEquals(2, bad.code(), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertEquals("", bad.out(), "nothing is announced as written");
        assertFalse(Files.exists(out), "the folder it would have made is not left behind");
        // into a folder that exists: it stays as it was
        Files.createDirectories(out);
        assertEquals(2, CliTest.run("inspect", "--image", notAnImage.toString(), "--out", out.toString()).code());
        try (var files = Files.list(out)) {
            assertEquals(0, files.count(), "no picture is left behind");
        }
        // a model that takes no 28x28 images fails before any picture too
        CliTest.Run wrongModel = CliTest.run("inspect", "--model", notAnImage.toString(), "--out", out.toString());
        assertEquals(2, wrongModel.code(), wrongModel.err());
        try (var files = Files.list(out)) {
            assertEquals(0, files.count(), "no picture is left behind");
        }
    }
}
