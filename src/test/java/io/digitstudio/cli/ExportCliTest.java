package io.digitstudio.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code export --format onnx|safetensors|npz}: the shipped models leave as ONNX and safetensors, and eval, predict and
 * inspect read those files back to the same accuracy; an existing file is kept unless --force, bad files get one line
 * and exit 2.
 */
class ExportCliTest {
    @TempDir
    Path dir;

    static double accuracy(CliTest.Run r) {
        assertEquals(0, r.code(), r.err());
        return Double.parseDouble(r.out().replaceAll("(?s).*test_accuracy:([0-9.]+).*", "$1"));
    }

    @Test
    void theBuiltInModelsRoundTripThroughOnnxAndSafetensorsToTheSameAccuracy() throws Exception {
        for (String model : new String[]{"assets/models/default.npz", "assets/models/lenet.npz"}) {
            double npz = accuracy(CliTest.run("eval", "--model", model, "--test-size", "1000"));
            Path onnx = dir.resolve("m.onnx");
            Path st = dir.resolve("m.safetensors");
            CliTest.Run r = CliTest.run("export", model, onnx.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("as onnx"), r.out());
            r = CliTest.run("export", "--format", "safetensors", onnx.toString(), st.toString());
            assertEquals(0, r.code(), r.err());
            assertEquals(npz, accuracy(CliTest.run("eval", "--model", onnx.toString(), "--test-size", "1000")), model + " as ONNX");
            assertEquals(npz, accuracy(CliTest.run("eval", "--model", st.toString(), "--test-size", "1000")), model + " as safetensors");
            Path back = dir.resolve("back.npz");
            assertEquals(0, CliTest.run("export", st.toString(), back.toString()).code());
            assertEquals(npz, accuracy(CliTest.run("eval", "--model", back.toString(), "--test-size", "1000")));
            Files.delete(onnx);
            Files.delete(st);
            Files.delete(back);
        }
    }

    @Test
    void predictAndSummaryReadAnOnnxModel() {
        Path onnx = dir.resolve("lenet.onnx");
        assertEquals(0, CliTest.run("export", "assets/models/lenet.npz", onnx.toString()).code());
        CliTest.Run s = CliTest.run("summary", "--model", onnx.toString());
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().startsWith("lenet.onnx: conv 20 5, relu, maxpool 2, conv 50 5, relu, maxpool 2, linear 500, relu, linear 10"), s.out());
    }

    @Test
    void anExistingFileIsKeptUnlessForced() throws Exception {
        Path out = dir.resolve("keep.onnx");
        Files.writeString(out, "mine");
        CliTest.Run r = CliTest.run("export", "assets/models/default.npz", out.toString());
        assertEquals(2, r.code());
        assertEquals("digitstudio export: error: " + out + " exists; add --force to replace it", r.err().strip());
        assertEquals("mine", Files.readString(out));
        assertEquals(0, CliTest.run("export", "--force", "assets/models/default.npz", out.toString()).code());
        assertTrue(Files.size(out) > 100_000);
    }

    @Test
    void badFilesAndFormatsGetOneLineAndExitTwo() throws Exception {
        Path junk = Files.write(dir.resolve("junk.onnx"), new byte[]{8, 7, 1, 2, 3, 4, 5});
        Path bad = Files.write(dir.resolve("bad.safetensors"), new byte[]{(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0, '{'});
        for (String[] args : new String[][]{
                {"eval", "--model", junk.toString(), "--test-size", "10"},
                {"eval", "--model", bad.toString(), "--test-size", "10"},
                {"export", junk.toString(), dir.resolve("x.npz").toString()},
                {"export", "assets/models/default.npz", dir.resolve("x.bin").toString()},
                {"export", "--format", "tflite", "assets/models/default.npz", dir.resolve("x.bin").toString()}}) {
            CliTest.Run r = CliTest.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            // the engine's start-up log goes to stderr too; the error is one line
            List<String> ours = r.err().strip().lines().filter(l -> l.startsWith("digitstudio")).toList();
            assertEquals(1, ours.size(), r.err());
            assertTrue(ours.get(0).startsWith("digitstudio " + args[0] + ": error: "), r.err());
        }
        assertFalse(Files.exists(dir.resolve("x.npz")));
        assertFalse(Files.exists(dir.resolve("x.bin")));
    }
}
