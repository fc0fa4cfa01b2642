package io.digitstudio.cli;

import io.digitstudio.data.DrawnDigitsAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

class PredictTest {
    @TempDir
    Path dir;

    @Test
    void theBuiltInModelsReadDrawnDigits() throws IOException {
        int perDigit = 30;
        DrawnDigitsAccess drawings = new DrawnDigitsAccess(2026);
        for (int i = 0; i < perDigit; i++) {
            for (int d = 0; d < 10; d++) ImageIO.write(drawings.draw(d, 280), "png", dir.resolve(String.format(Locale.ROOT, "d%d_%02d.png", d, i)).toFile());
        }
        for (String which : new String[]{"MLP", "CNN"}) {
            CliTest.Run r = which.equals("CNN") ? CliTest.run("predict", "--cnn", dir.toString()) : CliTest.run("predict", dir.toString());
            assertEquals(0, r.code(), r.err());
            assertDrawingsRead(which, r);
        }
    }

    private static void assertDrawingsRead(String which, CliTest.Run r) {
        int perDigit = 30;
        String[] lines = r.out().strip().split("\n");
        assertEquals(10 * perDigit, lines.length);
        int correct = 0;
        int[] wrongByDigit = new int[10];
        for (String line : lines) {
            String[] f = line.split(" ");
            int truth = Path.of(f[0]).getFileName().toString().charAt(1) - '0';
            if (Integer.parseInt(f[1]) == truth) correct++;
            else wrongByDigit[truth]++;
            assertTrue(f[2].matches("[01]\\.\\d{4}"), line);
        }
        double accuracy = (double) correct / lines.length;
        System.out.printf(Locale.ROOT, "built-in %s on %d drawn digits: accuracy %.4f, wrong per digit %s%n",
                which, lines.length, accuracy, java.util.Arrays.toString(wrongByDigit));
        assertTrue(accuracy >= 0.95, "accuracy on drawings " + accuracy + ", wrong per digit " + java.util.Arrays.toString(wrongByDigit));
    }

    @Test
    void topKAndSaveInputAndBadFilesDoNotStopTheOthers() throws IOException {
        DrawnDigitsAccess drawings = new DrawnDigitsAccess(7);
        Path seven = dir.resolve("seven.png");
        ImageIO.write(drawings.draw(7, 200), "png", seven.toFile());
        Path bad = Files.writeString(dir.resolve("bad.png"), "nope");
        Path missing = dir.resolve("missing.png");
        Path inputs = Files.createDirectory(dir.resolve("inputs"));
        CliTest.Run r = CliTest.run("predict", "--top", "3", "--save-input", inputs.toString(), bad.toString(), seven.toString(), missing.toString());
        assertEquals(2, r.code());
        String[] out = r.out().strip().split("\n");
        assertEquals(1, out.length, r.out());
        assertTrue(out[0].matches(".*seven\\.png \\d [01]\\.\\d{4}( \\d:[01]\\.\\d{4}){3}"), out[0]);
        assertEquals(2, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("bad.png: not an image"), r.err());
        assertTrue(r.err().contains("missing.png: file not found"), r.err());
        var png = ImageIO.read(inputs.resolve("seven.png.input.png").toFile());
        assertEquals(224, png.getWidth());
    }

    @Test
    void aModelThatDoesNotFitIsRefused() throws IOException {
        Path m = dir.resolve("m.npz");
        io.digitstudio.io.ModelFiles.saveNpz(m, io.digitstudio.nn.Network.mlp(new io.digitstudio.data.Rng(0), 10, 4, 10));
        CliTest.Run r = CliTest.run("predict", "--model", m.toString(), m.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("takes 10 inputs, not 28x28 images"), r.err());
    }
}
