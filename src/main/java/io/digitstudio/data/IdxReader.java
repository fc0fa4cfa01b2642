package io.digitstudio.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (LeCun's MNIST format), raw or gzip-compressed (detected from the bytes, not the name), and checks
 * everything it can: magic, element type, dimension count, sizes and that the data is exactly as long as declared.
 * Only unsigned-byte data (type 0x08) is accepted, which is what MNIST-style datasets use.
 */
public final class IdxReader {
    /** Refuse declared sizes above this before allocating anything (MNIST's largest file is 47 MB). */
    public static final long MAX_BYTES = 512L * 1024 * 1024;
    /** The first allocation while streaming: whole for every MNIST-sized file, doubled as more data arrives. */
    private static final int FIRST_CHUNK = 64 * 1024 * 1024;

    private IdxReader() {
    }

    public static IdxFile read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (InputStream raw = Files.newInputStream(file)) {
            return read(raw, name);
        } catch (NoSuchFileException e) {
            throw new DataException(name + ": file not found (" + file.toAbsolutePath() + ")");
        } catch (IOException e) {
            throw new DataException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** A .gz that zlib refuses, in the project's words: zlib's own ("invalid code lengths set") say nothing to a user. */
    static String damagedGzip(String name) {
        return name + ": damaged gzip data (not what gzip writes); download or copy the file again";
    }

    /** Reads from a stream; {@code name} is used in messages. The stream is not closed. */
    public static IdxFile read(InputStream in, String name) {
        try {
            return readChecked(maybeGunzip(new BufferedInputStream(in, 1 << 16), name), name);
        } catch (ZipException e) {
            throw new DataException(damagedGzip(name), e);
        } catch (EOFException e) {
            throw new DataException(name + ": truncated: the file ends before its data does; download or copy the file again", e);
        } catch (IOException e) {
            throw new DataException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static InputStream maybeGunzip(BufferedInputStream in, String name) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        return in;
    }

    /**
     * Reads an uncompressed IDX file held in a buffer (e.g. a mapped file) with the same checks as a stream; the data is
     * copied out of the buffer in one bulk get.
     */
    public static IdxFile read(java.nio.ByteBuffer buffer, String name) {
        java.nio.ByteBuffer in = buffer.duplicate().order(java.nio.ByteOrder.BIG_ENDIAN);
        if (in.remaining() == 0) throw new DataException(name + ": empty file, not an IDX file");
        if (in.remaining() < 4) throw new DataException(name + ": truncated before the end of the 4-byte IDX header");
        byte[] magic = new byte[4];
        in.get(magic);
        int rank = checkMagic(magic, name);
        int[] dims = new int[rank];
        long total = 1;
        for (int i = 0; i < rank; i++) {
            if (in.remaining() < 4) throw new DataException(name + ": truncated inside the header (" + i + " of " + rank + " dimensions present)");
            dims[i] = in.getInt();
            total = checkDimension(dims, i, total, name);
        }
        if (in.remaining() < total) throw new DataException(name + ": truncated: header declares " + total + " bytes of data, found " + in.remaining());
        if (in.remaining() > total) throw new DataException(name + ": has data beyond the " + total + " bytes its header declares");
        byte[] data = new byte[(int) total];
        in.get(data);
        return new IdxFile(dims, data);
    }

    private static IdxFile readChecked(InputStream stream, String name) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] magic = new byte[4];
        int got = in.readNBytes(magic, 0, 4);
        if (got == 0) throw new DataException(name + ": empty file, not an IDX file");
        if (got < 4) throw new DataException(name + ": truncated before the end of the 4-byte IDX header");
        int rank = checkMagic(magic, name);
        int[] dims = new int[rank];
        long total = 1;
        for (int i = 0; i < rank; i++) {
            try {
                dims[i] = in.readInt();
            } catch (EOFException e) {
                throw new DataException(name + ": truncated inside the header (" + i + " of " + rank + " dimensions present)");
            }
            total = checkDimension(dims, i, total, name);
        }
        byte[] data = readDeclared(in, (int) total, name);
        if (in.read() >= 0) {
            throw new DataException(name + ": has data beyond the " + total + " bytes its header declares");
        }
        return new IdxFile(dims, data);
    }

    /**
     * Reads the {@code declared} data bytes, growing the array as bytes arrive: a damaged header can declare up to
     * {@link #MAX_BYTES}, and a stream (unlike a buffer) does not say beforehand whether that much follows.
     */
    private static byte[] readDeclared(InputStream in, int declared, String name) throws IOException {
        byte[] data = new byte[Math.min(declared, FIRST_CHUNK)];
        int n = 0;
        while (true) {
            n += in.readNBytes(data, n, data.length - n);
            if (n < data.length || n == declared) break;
            data = java.util.Arrays.copyOf(data, (int) Math.min(declared, 2L * data.length));
        }
        if (n < declared) {
            throw new DataException(name + ": truncated: header declares " + declared + " bytes of data, found " + n);
        }
        return data;
    }

    /** Checks the 4-byte magic (two zeros, unsigned bytes, a rank of 1 to 4) and returns the rank. */
    private static int checkMagic(byte[] magic, String name) {
        if (magic[0] != 0 || magic[1] != 0) {
            throw new DataException(String.format("%s: not an IDX file (magic %02x%02x%02x%02x, expected 0000 then type and rank)",
                    name, magic[0], magic[1], magic[2], magic[3]));
        }
        if (magic[2] != 0x08) {
            throw new DataException(String.format("%s: element type 0x%02x is not supported (only unsigned bytes, 0x08)", name, magic[2]));
        }
        int rank = magic[3];
        if (rank < 1 || rank > 4) throw new DataException(name + ": " + rank + " dimensions declared; expected 1 to 4");
        return rank;
    }

    /** Checks dimension {@code i} and returns the element count up to it. */
    private static long checkDimension(int[] dims, int i, long total, String name) {
        if (dims[i] < 0) throw new DataException(name + ": dimension " + i + " is negative (" + dims[i] + ")");
        long t = total * dims[i];
        if (t > MAX_BYTES) {
            throw new DataException(name + ": declares " + describe(dims, i + 1) + " elements, more than the limit of " + MAX_BYTES + " bytes");
        }
        return t;
    }

    private static String describe(int[] dims, int upTo) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < upTo; i++) sb.append(i == 0 ? "" : "x").append(dims[i]);
        return sb.toString();
    }
}
