package io.digitstudio.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npz}: a zip of {@code KEY.npy} entries, stored ({@code np.savez}) or deflated
 * ({@code np.savez_compressed}, Chainer's default). Reads NumPy's ZIP64 headers; writes atomically.
 */
public final class Npz {
    /** Entries a model or snapshot could plausibly have; more is refused as not ours. */
    private static final int MAX_ENTRIES = 10_000;

    private Npz() {
    }

    public static Map<String, NpyArray> read(Path file) {
        String name = String.valueOf(file.getFileName());
        if (!Files.exists(file)) throw new FormatException(name + ": file not found (" + file.toAbsolutePath() + ")");
        if (Files.isDirectory(file)) throw new FormatException(name + ": is a folder, not an .npz file");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, NpyArray> out = new LinkedHashMap<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            long fileSize = Files.size(file);
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) continue;
                if (out.size() >= MAX_ENTRIES) throw new FormatException(name + ": more than " + MAX_ENTRIES + " entries");
                String key = key(e.getName());
                long declared = e.getSize();
                long limit = e.getMethod() == ZipEntry.STORED ? Math.min(declared, fileSize) : declared;
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(key, Npy.read(in, limit, name + " entry '" + key + "'"));
                } catch (ZipException ze) {
                    throw new FormatException(name + " entry '" + key + "': corrupt compressed data (" + ze.getMessage() + ")", ze);
                }
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new FormatException(name + ": file not found");
        } catch (ZipException e) {
            throw new FormatException(name + ": not an .npz file (not a zip archive, or truncated)", e);
        } catch (IOException e) {
            throw new FormatException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads an .npz from a stream (e.g. a resource inside the jar). */
    /**
     * One entry of an NPZ, or null when the file holds no such key: reads only that entry, so looking at a snapshot's
     * owner costs nothing like reading its weights.
     */
    public static NpyArray readEntry(Path file, String key) {
        String name = String.valueOf(file.getFileName());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry e = zip.getEntry(key + ".npy");
            if (e == null) return null;
            long limit = e.getMethod() == ZipEntry.STORED ? Math.min(e.getSize(), Files.size(file)) : e.getSize();
            try (InputStream in = zip.getInputStream(e)) {
                return Npy.read(in, limit, name + " entry '" + key + "'");
            }
        } catch (ZipException e) {
            throw new FormatException(name + ": not an .npz file (not a zip archive, or truncated)", e);
        } catch (IOException e) {
            throw new FormatException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    public static Map<String, NpyArray> read(InputStream stream, String name) {
        try (ZipInputStream zip = new ZipInputStream(stream)) {
            Map<String, NpyArray> out = new LinkedHashMap<>();
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.isDirectory()) continue;
                if (out.size() >= MAX_ENTRIES) throw new FormatException(name + ": more than " + MAX_ENTRIES + " entries");
                String key = key(e.getName());
                out.put(key, Npy.read(zip, e.getSize(), name + " entry '" + key + "'"));
            }
            if (out.isEmpty()) throw new FormatException(name + ": not an .npz file (no entries)");
            return out;
        } catch (ZipException e) {
            throw new FormatException(name + ": not a valid .npz file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new FormatException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static String key(String entryName) {
        return entryName.endsWith(".npy") ? entryName.substring(0, entryName.length() - 4) : entryName;
    }

    /** Writes the arrays, deflated when {@code compressed} (like np.savez_compressed), atomically. */
    public static void write(Path file, Map<String, NpyArray> arrays, boolean compressed) throws IOException {
        AtomicFiles.write(file, out -> write(out, arrays, compressed));
    }

    public static void write(OutputStream out, Map<String, NpyArray> arrays, boolean compressed) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
            byte[] bytes = Npy.toBytes(e.getValue());
            ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
            entry.setTime(315532800000L + 86_400_000L); // fixed date: same model, same bytes
            if (compressed) {
                entry.setMethod(ZipEntry.DEFLATED);
            } else {
                CRC32 crc = new CRC32();
                crc.update(bytes);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(bytes.length);
                entry.setCompressedSize(bytes.length);
                entry.setCrc(crc.getValue());
            }
            zip.putNextEntry(entry);
            zip.write(bytes);
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }
}
