package io.digitstudio.io;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format (versions 1.0, 2.0 and 3.0). Reading accepts any byte order and Fortran order
 * (converted to little-endian C order), reads strings as text, and refuses object arrays outright: they would need
 * pickle. A declared size larger than the bytes available is refused before anything is allocated.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** No array this project handles comes near this; larger declarations are refused before allocating. */
    public static final long MAX_BYTES = 1L << 30;

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern STRING = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([US])(\\d+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    public static void write(NpyArray a, OutputStream out) throws IOException {
        StringBuilder shape = new StringBuilder("(");
        for (int i = 0; i < a.shape().length; i++) shape.append(i == 0 ? "" : ", ").append(a.shape()[i]);
        if (a.shape().length == 1) shape.append(",");
        shape.append(")");
        String dict = "{'descr': '" + a.dtype().descr() + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        out.write(MAGIC);
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xff);
        out.write(header.length() >>> 8);
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(a.data());
    }

    public static byte[] toBytes(NpyArray a) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(a.data().length + 128);
            write(a, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads one array. {@code available} is how many bytes the source holds (-1 if unknown); {@code name} is used in
     * messages.
     */
    public static NpyArray read(InputStream in, long available, String name) throws IOException {
        byte[] head = in.readNBytes(8);
        if (head.length < 8) throw new FormatException(name + ": not a .npy array (" + head.length + " bytes)");
        for (int i = 0; i < MAGIC.length; i++) {
            if (head[i] != MAGIC[i]) throw new FormatException(name + ": not a .npy array (bad magic)");
        }
        int major = head[6];
        int headerLen;
        int prefix;
        if (major == 1) {
            byte[] l = readFully(in, 2, name);
            headerLen = (l[0] & 0xff) | (l[1] & 0xff) << 8;
            prefix = 10;
        } else if (major == 2 || major == 3) {
            byte[] l = readFully(in, 4, name);
            headerLen = (l[0] & 0xff) | (l[1] & 0xff) << 8 | (l[2] & 0xff) << 16 | (l[3] & 0xff) << 24;
            prefix = 12;
        } else {
            throw new FormatException(name + ": .npy format version " + major + " is not supported");
        }
        if (headerLen < 0 || headerLen > 65536 || (available >= 0 && prefix + headerLen > available)) {
            throw new FormatException(name + ": .npy header length " + headerLen + " is not plausible");
        }
        String header = new String(readFully(in, headerLen, name), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher str = STRING.matcher(header);
        if (str.find()) return readStrings(in, available, prefix + headerLen, header, str, name);
        Header h = parseHeader(header, name);
        long count = NpyArray.count(h.shape);
        long bytes = count * h.dtype.size();
        if (bytes > MAX_BYTES || (available >= 0 && bytes > available - prefix - headerLen)) {
            throw new FormatException(name + ": declares shape " + shapeString(h.shape) + " (" + bytes + " bytes) but holds "
                    + (available >= 0 ? (available - prefix - headerLen) + " bytes of data" : "too much to load"));
        }
        byte[] data = readFully(in, (int) bytes, name);
        if (h.bigEndian && h.dtype.size() > 1) swapBytes(data, h.dtype.size());
        if (h.fortranOrder && h.shape.length > 1) data = fortranToC(data, h.shape, h.dtype.size());
        return new NpyArray(h.dtype, h.shape, data);
    }

    private record Header(DType dtype, boolean bigEndian, boolean fortranOrder, long[] shape) {
    }

    /**
     * NumPy strings ({@code <U30}: UTF-32 code units; {@code |S5}: bytes), which Chainer's trainer snapshots hold (the
     * LogReport's log as JSON text), are read as this project keeps text: a 0-d string as its UTF-8 bytes
     * ({@link NpyArray#ofText}), a 1-d array of strings as its items one per line. NumPy pads each item with NULs.
     */
    private static NpyArray readStrings(InputStream in, long available, int headerEnd, String header, Matcher str, String name) throws IOException {
        boolean unicode = str.group(2).equals("U");
        long width = str.group(3).length() > 9 ? Long.MAX_VALUE : Long.parseLong(str.group(3));
        boolean bigEndian = str.group(1).equals(">");
        long[] shape = parseHeader(header.replace(str.group(), "'descr': '|u1'"), name).shape();
        if (shape.length > 1) throw new FormatException(name + ": string arrays of " + shape.length + " dimensions are not supported");
        long items = NpyArray.count(shape);
        long itemBytes = width > MAX_BYTES ? Long.MAX_VALUE : width * (unicode ? 4 : 1);
        if (width > MAX_BYTES || (items > 0 && itemBytes > MAX_BYTES / items) || (available >= 0 && items * itemBytes > available - headerEnd)) {
            throw new FormatException(name + ": declares " + items + " strings of " + width + " characters but holds "
                    + (available >= 0 ? (available - headerEnd) + " bytes of data" : "too much to load"));
        }
        byte[] data = readFully(in, (int) (items * itemBytes), name);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < items; i++) {
            if (i > 0) text.append('\n');
            int start = (int) (i * itemBytes);
            int end = start + (int) itemBytes;
            if (unicode) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data, start, (int) itemBytes)
                        .order(bigEndian ? java.nio.ByteOrder.BIG_ENDIAN : java.nio.ByteOrder.LITTLE_ENDIAN);
                for (int c = 0; c < width; c++) {
                    int cp = b.getInt();
                    if (cp == 0) break;
                    if (!Character.isValidCodePoint(cp)) throw new FormatException(name + ": string holds an invalid character (" + cp + ")");
                    text.appendCodePoint(cp);
                }
            } else {
                int n = start;
                while (n < end && data[n] != 0) n++;
                text.append(new String(data, start, n - start, StandardCharsets.ISO_8859_1));
            }
        }
        return NpyArray.ofText(text.toString());
    }

    private static Header parseHeader(String header, String name) {
        Matcher d = DESCR.matcher(header);
        if (!d.find()) {
            if (header.contains("'descr': [")) throw new FormatException(name + ": structured arrays are not supported");
            throw new FormatException(name + ": .npy header has no 'descr'");
        }
        String descr = d.group(1);
        if (descr.contains("O")) {
            throw new FormatException(name + ": object arrays are refused (they need pickle, which is never loaded)");
        }
        if (descr.length() < 3) throw new FormatException(name + ": unknown dtype '" + descr + "'");
        char order = descr.charAt(0);
        DType dtype = DType.ofCode(descr.substring(1));
        if (dtype == null || "<>|=".indexOf(order) < 0) throw new FormatException(name + ": dtype '" + descr + "' is not supported");
        Matcher f = FORTRAN.matcher(header);
        if (!f.find()) throw new FormatException(name + ": .npy header has no 'fortran_order'");
        Matcher s = SHAPE.matcher(header);
        if (!s.find()) throw new FormatException(name + ": .npy header has no 'shape'");
        List<Long> dims = new ArrayList<>();
        for (String part : s.group(1).split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            try {
                long v = Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
                if (v < 0) throw new NumberFormatException();
                dims.add(v);
            } catch (NumberFormatException e) {
                throw new FormatException(name + ": bad shape '(" + s.group(1) + ")'");
            }
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        long count = 1;
        for (long dim : shape) {
            if (dim != 0 && count > MAX_BYTES / dim) throw new FormatException(name + ": declared shape " + shapeString(shape) + " is too large");
            count *= dim;
        }
        return new Header(dtype, order == '>', f.group(1).equals("True"), shape);
    }

    static String shapeString(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) sb.append(i == 0 ? "" : ", ").append(shape[i]);
        if (shape.length == 1) sb.append(",");
        return sb.append(")").toString();
    }

    private static byte[] readFully(InputStream in, int n, String name) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) throw new FormatException(name + ": truncated (" + b.length + " of " + n + " bytes)", new EOFException());
        return b;
    }

    private static void swapBytes(byte[] data, int size) {
        for (int i = 0; i < data.length; i += size) {
            for (int a = i, b = i + size - 1; a < b; a++, b--) {
                byte t = data[a];
                data[a] = data[b];
                data[b] = t;
            }
        }
    }

    private static byte[] fortranToC(byte[] src, long[] shape, int size) {
        int rank = shape.length;
        int count = (int) NpyArray.count(shape);
        byte[] dst = new byte[src.length];
        int[] idx = new int[rank];
        long[] fStride = new long[rank];
        long s = 1;
        for (int i = 0; i < rank; i++) {
            fStride[i] = s;
            s *= shape[i];
        }
        for (int c = 0; c < count; c++) {
            long f = 0;
            for (int i = 0; i < rank; i++) f += idx[i] * fStride[i];
            System.arraycopy(src, (int) f * size, dst, c * size, size);
            for (int i = rank - 1; i >= 0; i--) { // advance the C-order index
                if (++idx[i] < shape[i]) break;
                idx[i] = 0;
            }
        }
        return dst;
    }
}
