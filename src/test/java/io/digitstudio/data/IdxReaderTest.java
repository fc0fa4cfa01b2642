package io.digitstudio.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class IdxReaderTest {
    @TempDir
    Path dir;

    static byte[] idx(int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) 8).put((byte) dims.length);
        for (int d : dims) b.putInt(d);
        b.put(data);
        return b.array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    private static IdxFile read(byte[] bytes) {
        return IdxReader.read(new ByteArrayInputStream(bytes), "f");
    }

    private static String error(byte[] bytes) {
        return assertThrows(DataException.class, () -> read(bytes)).getMessage();
    }

    @Test
    void readsRawAndGzip() throws IOException {
        byte[] data = {1, 2, 3, 4, 5, 6, 7, 8};
        byte[] raw = idx(new int[]{2, 2, 2}, data);
        for (byte[] bytes : new byte[][]{raw, gzip(raw)}) {
            IdxFile f = read(bytes);
            assertArrayEquals(new int[]{2, 2, 2}, f.dims());
            assertArrayEquals(data, f.data());
            assertEquals(4, f.itemSize());
        }
    }

    @Test
    void readsFromAPathWhateverTheName() throws IOException {
        Path p = dir.resolve("labels.bin");
        Files.write(p, gzip(idx(new int[]{3}, new byte[]{7, 8, 9})));
        assertArrayEquals(new byte[]{7, 8, 9}, IdxReader.read(p).data());
    }

    @Test
    void saysWhatIsWrong() throws IOException {
        assertTrue(error(new byte[0]).contains("empty"));
        assertTrue(error(new byte[]{0, 0}).contains("truncated"));
        assertTrue(error(new byte[]{1, 2, 8, 1, 0, 0, 0, 0}).contains("not an IDX file"));
        assertTrue(error(new byte[]{0, 0, 0x0D, 1, 0, 0, 0, 0}).contains("element type 0x0d"));
        assertTrue(error(new byte[]{0, 0, 8, 9}).contains("9 dimensions"));
        assertTrue(error(new byte[]{0, 0, 8, 3, 0, 0, 0, 2}).contains("truncated inside the header"));
        byte[] full = idx(new int[]{4, 2}, new byte[8]);
        String truncated = error(Arrays.copyOf(full, full.length - 3));
        assertTrue(truncated.contains("declares 8 bytes of data, found 5"), truncated);
        byte[] extra = Arrays.copyOf(full, full.length + 1);
        assertTrue(error(extra).contains("beyond"));
        byte[] gz = gzip(full);
        gz[gz.length / 2] ^= 0x5A;
        gz[gz.length / 2 + 1] ^= 0x33;
        assertTrue(error(gz).matches("f: (damaged gzip data|truncated|has data beyond|.*declares).*"), error(gz));
    }

    /**
     * A damaged .gz said zlib's words in brackets ("corrupt gzip data (invalid code lengths set)"); it says what is
     * wrong, and what to do, in the project's words.
     */
    @Test
    void aDamagedGzipIsSaidInOwnWords() throws IOException {
        byte[] damaged = {0x1f, (byte) 0x8b, 8, 0, 'g', 'a', 'r', 'b', 'a', 'g', 'e', 'g', 'a', 'r', 'b', 'a', 'g', 'e'};
        assertEquals("f: damaged gzip data (not what gzip writes); download or copy the file again", error(damaged));
    }

    @Test
    void aBufferReadsAsAStreamDoesAndSaysTheSameWhatIsWrong() {
        byte[] full = idx(new int[]{4, 2}, new byte[]{1, 2, 3, 4, 5, 6, 7, 8});
        IdxFile f = IdxReader.read(ByteBuffer.wrap(full), "f");
        assertArrayEquals(new int[]{4, 2}, f.dims());
        assertArrayEquals(new byte[]{1, 2, 3, 4, 5, 6, 7, 8}, f.data());
        for (byte[] bad : new byte[][]{new byte[0], {0, 0}, {1, 2, 8, 1, 0, 0, 0, 0}, {0, 0, 0x0D, 1, 0, 0, 0, 0}, {0, 0, 8, 9},
                {0, 0, 8, 3, 0, 0, 0, 2}, Arrays.copyOf(full, full.length - 3), Arrays.copyOf(full, full.length + 1),
                idx(new int[]{60000, 28000, 28000}, new byte[0]), idx(new int[]{-5}, new byte[0])}) {
            String fromBuffer = assertThrows(DataException.class, () -> IdxReader.read(ByteBuffer.wrap(bad), "f")).getMessage();
            assertEquals(error(bad), fromBuffer);
        }
    }

    @Test
    void aStreamShorterThanItsLargeDeclarationIsRefusedAndALongOneReadsWhole() {
        String m = error(idx(new int[]{300, 1000, 1000}, new byte[10]));
        assertTrue(m.contains("declares 300000000 bytes of data, found 10"), m);
        // just over the first allocation, so the array grows once and must still come back whole and in order
        byte[] data = new byte[65 * 1024 * 1024 + 3];
        for (int i = 0; i < data.length; i += 4099) data[i] = (byte) (i >>> 12);
        IdxFile f = IdxReader.read(new ByteArrayInputStream(idx(new int[]{data.length}, data)), "f");
        assertArrayEquals(data, f.data());
    }

    @Test
    void refusesHugeDeclarationsBeforeAllocating() {
        String m = error(idx(new int[]{60000, 28000, 28000}, new byte[0]));
        assertTrue(m.contains("more than the limit"), m);
        assertTrue(error(idx(new int[]{-5}, new byte[0])).contains("negative"));
    }

    @Test
    void missingFileIsNamed() {
        String m = assertThrows(DataException.class, () -> IdxReader.read(dir.resolve("nope-idx1-ubyte"))).getMessage();
        assertTrue(m.startsWith("nope-idx1-ubyte: file not found"), m);
    }
}
