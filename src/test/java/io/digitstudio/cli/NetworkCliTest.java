package io.digitstudio.cli;

import io.digitstudio.io.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Choosing and inspecting networks from the command line: --model, summary, and specs that are wrong. */
class NetworkCliTest {
    @TempDir
    Path dir;

    @Test
    void summaryPrintsTheLayerTableOfAPreset() {
        CliTest.Run r = CliTest.run("summary", "--model", "lenet");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals("conv 20 5, relu, maxpool 2, conv 50 5, relu, maxpool 2, linear 500, relu, linear 10", lines[0]);
        assertTrue(lines[1].matches("layer\\s+type\\s+output shape\\s+params"), lines[1]);
        assertTrue(lines[3].matches("conv1\\s+Convolution2D\\s+\\(20, 24, 24\\)\\s+520"), lines[3]);
        assertTrue(lines[8].matches("\\s+max_pooling_2d\\s+\\(50, 4, 4\\)\\s+0"), lines[8]);
        assertTrue(lines[9].matches("fc3\\s+Linear\\s+\\(500,\\)\\s+400,500"), lines[9]);
        assertEquals("total parameters: 431,080", lines[lines.length - 1]);
        CliTest.Run emnist = CliTest.run("summary", "--model", "tutorial", "--classes", "47");
        assertTrue(emnist.out().matches("(?s).*l3\\s+Linear\\s+\\(47,\\)\\s+4,747.*"), emnist.out());
    }

    @Test
    void aMistypedLayerIsAnsweredWithTheLayerItIsNear() {
        CliTest.Run r = CliTest.run("summary", "--model", "conv 8 3, maxpol 2, linear");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("unknown layer \"maxpol\"; did you mean maxpool? (known: conv, linear,"), r.err());
        CliTest.Run swapped = CliTest.run("summary", "--model", "linear 100, rleu, linear");
        assertTrue(swapped.err().contains("unknown layer \"rleu\"; did you mean relu? (known:"), swapped.err());
        // a word near no layer gets no guess, as a mistyped option gets none
        CliTest.Run far = CliTest.run("summary", "--model", "linear 100, softplus, linear");
        assertTrue(far.err().contains("unknown layer \"softplus\" (known:"), far.err());
    }

    @Test
    void aBadSpecIsOneLineThatPointsAtTheToken() {
        CliTest.Run r = CliTest.run("train", "--model", "conv 20 5, relu, maxpol 2, linear", "--out", dir.resolve("m.npz").toString());
        assertEquals(2, r.code());
        assertEquals("digitstudio train: error: --model: layer 3 \"maxpol 2\": unknown layer \"maxpol\"; did you mean maxpool? (known: conv, linear, relu, sigmoid, tanh, maxpool,"
                + " avgpool, batchnorm, dropout, flatten, leaky_relu) (see 'digitstudio train --help')", r.err().strip());
        CliTest.Run fit = CliTest.run("summary", "--model", "conv 8 30, linear");
        assertEquals(2, fit.code());
        assertTrue(fit.err().contains("layer 1 \"conv 8 30\": a 30x30 kernel does not fit its (1, 28, 28) input"), fit.err());
        CliTest.Run units = CliTest.run("train", "--model", "lenet", "--units", "50", "--out", dir.resolve("m.npz").toString());
        assertEquals(2, units.code());
        assertTrue(units.err().contains("--units applies only to the tutorial MLP"), units.err());
        assertFalse(Files.exists(dir.resolve("m.npz")));
    }

    @Test
    void aCustomConvolutionalNetworkTrainsSavesAndIsSummarisedFromItsFile() throws Exception {
        Path out = dir.resolve("cnn.npz");
        CliTest.Run r = CliTest.run("train", "--model", "conv 6 5, relu, maxpool 2, dropout 0.2, linear", "--epochs", "2",
                "--train-size", "2000", "--test-size", "300", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(2, CliTest.epochLines(r.out()).size(), r.out());
        ModelFiles.LoadedModel m = ModelFiles.loadNpz(out);
        assertEquals("conv 6 5, relu, maxpool 2, dropout 0.2, linear 10", m.model().spec().text());
        assertTrue(m.info().testAccuracy() > 0.75, "learned: " + m.info().testAccuracy());
        CliTest.Run s = CliTest.run("summary", "--model", out.toString());
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().startsWith("cnn.npz: conv 6 5, relu, maxpool 2, dropout 0.2, linear 10"), s.out());
        assertTrue(s.out().contains("total parameters: 8,806"), s.out());
        CliTest.Run e = CliTest.run("eval", "--model", out.toString(), "--test-size", "300");
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains(String.format(java.util.Locale.ROOT, "test_accuracy:%.4f", m.info().testAccuracy())), e.out() + " vs " + m.info().testAccuracy());
    }
}
