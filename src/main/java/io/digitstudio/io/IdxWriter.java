package io.digitstudio.io;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/** Writes MNIST's IDX files (big-endian header, unsigned bytes), atomically, so every tool that reads MNIST reads them. */
public final class IdxWriter {
    private IdxWriter() {
    }

    /** {@code count} images of rows x cols grey levels (0-255), as {@code train-images-idx3-ubyte}. */
    public static void images(Path file, byte[] pixels, int count, int rows, int cols) throws IOException {
        if ((long) count * rows * cols != pixels.length) throw new IllegalArgumentException(pixels.length + " pixels for " + count + " images of " + rows + "x" + cols);
        AtomicFiles.write(file, out -> {
            DataOutputStream d = new DataOutputStream(out);
            d.writeInt(0x00000803);
            d.writeInt(count);
            d.writeInt(rows);
            d.writeInt(cols);
            d.write(pixels);
            d.flush();
        });
    }

    /** The labels (0-255), as {@code train-labels-idx1-ubyte}. */
    public static void labels(Path file, byte[] labels) throws IOException {
        AtomicFiles.write(file, out -> {
            DataOutputStream d = new DataOutputStream(out);
            d.writeInt(0x00000801);
            d.writeInt(labels.length);
            d.write(labels);
            d.flush();
        });
    }
}
