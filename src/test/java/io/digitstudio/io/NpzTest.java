package io.digitstudio.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class NpzTest {
    @TempDir
    Path dir;

    private static Map<String, NpyArray> sample() {
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("l1/W", NpyArray.ofFloats(new float[]{1, 2, 3, 4, 5, 6}, 2, 3));
        m.put("l1/b", NpyArray.ofFloats(new float[]{-1, 0.5f}, 2));
        m.put("scalar", NpyArray.scalar(2.5));
        m.put("count", NpyArray.scalar(7L));
        m.put("order", NpyArray.ofInts(new int[]{2, 0, 1}, 3));
        m.put("empty", NpyArray.ofFloats(new float[0], 0, 4));
        return m;
    }

    @Test
    void roundTripsCompressedAndStored() throws IOException {
        for (boolean compressed : new boolean[]{true, false}) {
            Path p = dir.resolve("a" + compressed + ".npz");
            Npz.write(p, sample(), compressed);
            assertEquals(sample(), Npz.read(p));
            assertEquals(sample(), Npz.read(Files.newInputStream(p), "a.npz"));
        }
    }

    @Test
    void npyHeaderIsNumpysFormat() {
        byte[] b = Npy.toBytes(NpyArray.ofFloats(new float[]{1, 2}, 2));
        String header = new String(b, 10, b.length - 10 - 8, java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }"), header);
        assertEquals(0, (10 + header.length()) % 64, "header is padded to 64 bytes");
        assertTrue(header.endsWith("\n"));
        byte[] scalar = Npy.toBytes(NpyArray.scalar(1.0));
        assertTrue(new String(scalar, java.nio.charset.StandardCharsets.US_ASCII).contains("'shape': ()"));
    }

    @Test
    void readsNumpyWrittenFilesWithZip64Headers() throws IOException {
        Map<String, NpyArray> m = Npz.read(Fixtures.copy("arrays_stored.npz", dir));
        assertEquals(3.5, m.get("scalar").toDoubles()[0]);
        assertEquals(0, m.get("scalar").shape().length);
        assertArrayEquals(new long[]{0, 1, 2, 3, 4, 5}, m.get("ints").toLongs());
        assertArrayEquals(new long[]{2, 3}, m.get("ints").shape());
        assertArrayEquals(new float[]{0, 1, 2, 3}, m.get("big").toFloats(), "big-endian converted");
        assertArrayEquals(new float[]{0, 1, 2, 3, 4, 5}, m.get("fortran").toFloats(), "Fortran order converted to C order");
        assertArrayEquals(new long[]{1, 0, 1}, m.get("flags").toLongs());
        assertArrayEquals(new long[]{0, 255, 7}, m.get("bytes").toLongs());
        Map<String, NpyArray> compressed = Npz.read(Fixtures.copy("mlp_numpy.npz", dir));
        assertEquals(Arrays.asList("l1/W", "l1/b", "l2/W", "l2/b"), java.util.List.copyOf(compressed.keySet()));
        assertArrayEquals(new long[]{5, 4}, compressed.get("l1/W").shape());
    }

    /** An .npy entry as NumPy writes it, with a hand-made header and data. */
    private static byte[] npy(String dict, byte[] data) {
        String header = dict + " ".repeat(64 - (10 + dict.length() + 1) % 64) + "\n";
        byte[] h = header.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) h.length, (byte) (h.length >>> 8)});
        out.writeBytes(h);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static byte[] utf32(String text, int width, java.nio.ByteOrder order) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(width * 4).order(order);
        text.codePoints().forEach(b::putInt);
        return b.array();
    }

    @Test
    void readsNumpyStringsAsText() throws IOException {
        // Chainer's LogReport keeps its log as a 0-d unicode array ('<U221' in a real snapshot)
        byte[] one = npy("{'descr': '<U8', 'fortran_order': False, 'shape': (), }", utf32("loss π", 8, java.nio.ByteOrder.LITTLE_ENDIAN));
        NpyArray a = Npy.read(new ByteArrayInputStream(one), one.length, "log");
        assertEquals("loss π", a.toText());
        java.io.ByteArrayOutputStream two = new java.io.ByteArrayOutputStream();
        two.writeBytes(utf32("main/loss", 13, java.nio.ByteOrder.BIG_ENDIAN));
        two.writeBytes(utf32("main/accuracy", 13, java.nio.ByteOrder.BIG_ENDIAN));
        byte[] names = npy("{'descr': '>U13', 'fortran_order': False, 'shape': (2,), }", two.toByteArray());
        assertEquals("main/loss\nmain/accuracy", Npy.read(new ByteArrayInputStream(names), names.length, "names").toText());
        byte[] bytes = npy("{'descr': '|S4', 'fortran_order': False, 'shape': (), }", new byte[]{'a', 'b', 0, 0});
        assertEquals("ab", Npy.read(new ByteArrayInputStream(bytes), bytes.length, "bytes").toText());

        byte[] short_ = npy("{'descr': '<U1000', 'fortran_order': False, 'shape': (), }", new byte[8]);
        String m = assertThrows(FormatException.class, () -> Npy.read(new ByteArrayInputStream(short_), short_.length, "short")).getMessage();
        assertEquals("short: declares 1 strings of 1000 characters but holds 8 bytes of data", m);
        byte[] huge = npy("{'descr': '<U99999999999999', 'fortran_order': False, 'shape': (), }", new byte[8]);
        assertTrue(assertThrows(FormatException.class, () -> Npy.read(new ByteArrayInputStream(huge), -1, "huge")).getMessage().startsWith("huge: declares 1 strings"));
        byte[] grid = npy("{'descr': '<U1', 'fortran_order': False, 'shape': (1, 1), }", new byte[4]);
        assertEquals("grid: string arrays of 2 dimensions are not supported",
                assertThrows(FormatException.class, () -> Npy.read(new ByteArrayInputStream(grid), grid.length, "grid")).getMessage());
    }

    @Test
    void readsAWholeChainerTrainerSnapshot() throws IOException {
        Map<String, NpyArray> m = Npz.read(Fixtures.chainer("snapshot_iter_7", dir));
        assertEquals("[\"main/loss\", \"main/accuracy\"]", m.get("extensions/LogReport/_summary/_names").toText());
        assertTrue(m.get("extensions/LogReport/_log").toText().startsWith("[{\"main/loss\": "), m.get("extensions/LogReport/_log").toText());
        assertEquals(DType.BOOL, m.get("updater/iterator:main/is_new_epoch").dtype());
        assertArrayEquals(new long[]{16, 784}, m.get("updater/optimizer:main/predictor/l1/W/v").shape());
    }

    @Test
    void readsAPlainNpy() throws IOException {
        Path p = Fixtures.copy("vector.npy", dir);
        NpyArray a = Npy.read(Files.newInputStream(p), Files.size(p), "vector.npy");
        assertArrayEquals(new float[]{1.5f, -2f, 3.25f}, a.toFloats());
    }

    @Test
    void refusesObjectArraysWithoutUnpickling() throws IOException {
        Path p = Fixtures.copy("object.npy", dir);
        String m = assertThrows(FormatException.class, () -> Npy.read(Files.newInputStream(p), Files.size(p), "object.npy")).getMessage();
        assertTrue(m.contains("object arrays are refused"), m);
    }

    private String error(Path p) {
        String m = assertThrows(FormatException.class, () -> Npz.read(p)).getMessage();
        assertFalse(m.contains("\n"), m);
        return m;
    }

    private Path zipWith(String name, String entry, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(p))) {
            z.putNextEntry(new java.util.zip.ZipEntry(entry));
            z.write(content);
            z.closeEntry();
        }
        return p;
    }

    @Test
    void badFilesGetOneLineMessages() throws IOException {
        Path notZip = dir.resolve("text.npz");
        Files.writeString(notZip, "hello, not a zip");
        assertTrue(error(notZip).startsWith("text.npz: not an .npz file"), error(notZip));

        Path good = dir.resolve("good.npz");
        Npz.write(good, sample(), true);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.npz");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(error(truncated).startsWith("truncated.npz: not an .npz file"), error(truncated));

        assertTrue(error(zipWith("garbage.npz", "x.npy", "not numpy".getBytes())).contains("entry 'x': not a .npy array"));

        byte[] lying = Npy.toBytes(NpyArray.ofFloats(new float[]{1, 2}, 2));
        // declare a shape of (9999,) while holding 2 floats (3 pad spaces dropped to keep the header length): refused before allocating
        String h = new String(lying, java.nio.charset.StandardCharsets.ISO_8859_1).replace("'shape': (2,), }", "'shape': (9999,), }");
        h = h.substring(0, 10) + h.substring(10, h.indexOf('\n')).replaceFirst(" {3}$", "") + h.substring(h.indexOf('\n'));
        String m = error(zipWith("lying.npz", "w.npy", h.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertTrue(m.contains("declares shape (9999,)"), m);

        assertTrue(error(dir.resolve("absent.npz")).contains("file not found"));
        assertTrue(error(dir).contains("is a folder"));
    }
}
