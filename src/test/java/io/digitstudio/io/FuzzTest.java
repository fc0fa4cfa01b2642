package io.digitstudio.io;

import io.digitstudio.data.DataException;
import io.digitstudio.data.IdxFile;
import io.digitstudio.data.IdxReader;
import io.digitstudio.data.Rng;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.Nd4jSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Random damage to valid files (seeded): every outcome must be either a correct load or the project's own one-line
 * error, never another exception, a hang or a huge allocation.
 */
class FuzzTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void init() {
        Nd4jSetup.init();
    }

    /** Flips, overwrites, inserts, deletes or truncates a few bytes. */
    static byte[] mutate(byte[] good, Rng rng) {
        byte[] b = good.clone();
        int kind = rng.nextInt(5);
        int n = 1 + rng.nextInt(4);
        switch (kind) {
            case 0 -> {
                for (int i = 0; i < n; i++) b[rng.nextInt(b.length)] ^= (byte) (1 << rng.nextInt(8));
            }
            case 1 -> {
                for (int i = 0; i < n; i++) b[rng.nextInt(b.length)] = (byte) rng.nextInt(256);
            }
            case 2 -> b = Arrays.copyOf(b, rng.nextInt(b.length));
            case 3 -> {
                int at = rng.nextInt(b.length);
                byte[] c = new byte[b.length + n];
                System.arraycopy(b, 0, c, 0, at);
                for (int i = 0; i < n; i++) c[at + i] = (byte) rng.nextInt(256);
                System.arraycopy(b, at, c, at + n, b.length - at);
                b = c;
            }
            default -> {
                int at = rng.nextInt(b.length);
                int len = Math.min(n, b.length - at);
                byte[] c = new byte[b.length - len];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + len, c, at, b.length - at - len);
                b = c;
            }
        }
        return b;
    }

    @Test
    void damagedIdxFilesLoadCorrectlyOrSayWhatIsWrong() throws Exception {
        byte[] data = new byte[6 * 5 * 4];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 7);
        ByteBuffer raw = ByteBuffer.allocate(16 + data.length).put(new byte[]{0, 0, 8, 3}).putInt(6).putInt(5).putInt(4).put(data);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(raw.array());
        }
        Rng rng = new Rng(42);
        int loaded = 0, refused = 0;
        for (byte[] good : new byte[][]{raw.array(), gz.toByteArray()}) {
            for (int c = 0; c < 1500; c++) {
                byte[] bad = mutate(good, rng);
                try {
                    IdxFile f = IdxReader.read(new ByteArrayInputStream(bad), "fuzz");
                    long count = 1;
                    for (int d : f.dims()) count *= d;
                    assertEquals(count, f.data().length, "a load must be self-consistent");
                    loaded++;
                } catch (DataException e) {
                    assertTrue(e.getMessage().startsWith("fuzz"), e.getMessage());
                    assertFalse(e.getMessage().contains("\n"));
                    refused++;
                }
            }
        }
        assertTrue(refused > 1000, "most damage is detected: " + refused);
        assertTrue(loaded > 0, "some damage (pixel values) is harmless: " + loaded);
    }

    @Test
    void damagedNpzModelsLoadCorrectlyOrSayWhatIsWrong() throws Exception {
        Network m = Network.mlp(new Rng(1), 12, 6, 3);
        Rng rng = new Rng(7);
        int loaded = 0, refused = 0;
        for (boolean compressed : new boolean[]{true, false}) {
            Path goodFile = dir.resolve("good" + compressed + ".npz");
            Npz.write(goodFile, ModelFiles.toArrays(m, ModelInfo.NONE), compressed);
            byte[] good = Files.readAllBytes(goodFile);
            Path bad = dir.resolve("bad.npz");
            for (int c = 0; c < 1500; c++) {
                Files.write(bad, mutate(good, rng));
                try {
                    ModelFiles.LoadedModel l = ModelFiles.loadNpz(bad);
                    assertEquals(12, l.model().inputSize());
                    loaded++;
                } catch (FormatException e) {
                    assertTrue(e.getMessage().startsWith("bad.npz"), e.getMessage());
                    assertFalse(e.getMessage().contains("\n"));
                    refused++;
                }
            }
        }
        assertTrue(refused > 500, "refused " + refused);
        assertTrue(loaded > 0, "loaded " + loaded);
    }
}
