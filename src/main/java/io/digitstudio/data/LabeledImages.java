package io.digitstudio.data;

import java.util.Objects;

/**
 * Grey images of {@code rows x cols} unsigned-byte pixels with integer labels, as in MNIST. A batch gets its pixels
 * scaled to float32 in [0, 1] exactly as Chainer's {@code get_mnist} does ({@code x.astype(float32) * (1/255)} with the
 * factor rounded to float32), through a table of the 256 values, as it is assembled. Only the bytes are kept: scaling
 * all of MNIST up front wrote 188 MB of fresh memory at every start (first-touch page faults, most of a start's data
 * loading), and a batch reads a quarter of the memory it would read as floats.
 */
public final class LabeledImages implements Dataset {
    private static final float[] SCALE = new float[256];

    static {
        float factor = (float) (1.0 / 255.0);
        for (int i = 0; i < 256; i++) SCALE[i] = (float) i * factor;
    }

    private final String name;
    private final byte[] pixels;
    private final byte[] labels;
    private final int count;
    private final int rows;
    private final int cols;
    private final int classes;

    public LabeledImages(String name, byte[] pixels, byte[] labels, int count, int rows, int cols) {
        this(Objects.requireNonNull(name), checked(name, pixels, count, rows, cols), labels, count, rows, cols, largestLabel(labels) + 1);
    }

    private static byte[] checked(String name, byte[] pixels, int count, int rows, int cols) {
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixels do not make " + count + " images of " + rows + "x" + cols);
        }
        return pixels;
    }

    private static int largestLabel(byte[] labels) {
        int max = 1; // at least two classes
        for (byte b : labels) max = Math.max(max, b & 0xff);
        return max;
    }

    private LabeledImages(String name, byte[] pixels, byte[] labels, int count, int rows, int cols, int classes) {
        if (labels.length != count) throw new IllegalArgumentException(name + ": " + labels.length + " labels for " + count + " images");
        if (classes <= largestLabel(labels)) throw new IllegalArgumentException(name + ": " + classes + " classes, but a label is " + largestLabel(labels));
        this.classes = classes;
        this.name = name;
        this.pixels = pixels;
        this.labels = labels;
        this.count = count;
        this.rows = rows;
        this.cols = cols;
    }

    /** Builds a dataset from an images file and a labels file, checking that they belong together. */
    public static LabeledImages of(String name, IdxFile images, IdxFile labels, String imagesName, String labelsName) {
        if (images.dims().length != 3) {
            throw new DataException(imagesName + ": expected 3 dimensions (count, rows, cols), found " + images.dims().length);
        }
        if (labels.dims().length != 1) {
            throw new DataException(labelsName + ": expected 1 dimension (count), found " + labels.dims().length);
        }
        if (images.count() != labels.count()) {
            throw new DataException(imagesName + " has " + images.count() + " images but " + labelsName + " has " + labels.count() + " labels");
        }
        byte[] l = labels.data();
        return new LabeledImages(name, images.data(), l, images.count(), images.dims()[1], images.dims()[2]);
    }

    /** The same images under another name (shared, not copied). */
    public LabeledImages withName(String n) {
        return new LabeledImages(n, pixels, labels, count, rows, cols, classes);
    }

    public String name() {
        return name;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public int[] exampleShape() {
        return new int[]{1, rows, cols};
    }

    @Override
    public int classes() {
        return classes;
    }

    /** The same images meaning {@code k} classes (a class-names file may name classes no example has). */
    public LabeledImages withClasses(int k) {
        return k == classes ? this : new LabeledImages(name, pixels, labels, count, rows, cols, k);
    }

    @Override
    public int featureSize() {
        return rows * cols;
    }

    @Override
    public void copyFeatures(int index, float[] dst, int offset) {
        Objects.checkIndex(index, count);
        int n = rows * cols;
        for (int i = 0, at = index * n; i < n; i++) dst[offset + i] = SCALE[pixels[at + i] & 0xff];
    }

    /**
     * Four examples at a time, their pixels read side by side: a batch's examples lie anywhere in the set's 47 MB, so
     * copying them is waiting on memory, and four reads in flight wait together rather than one after another. The
     * values are those of {@link #copyFeatures(int, float[], int)}, the same lookup.
     */
    @Override
    public void copyFeatures(int[] indices, int from, int to, float[] dst, int offset) {
        int n = rows * cols;
        int i = from;
        for (; i + 4 <= to; i += 4, offset += 4 * n) {
            int a = Objects.checkIndex(indices[i], count) * n, b = Objects.checkIndex(indices[i + 1], count) * n;
            int c = Objects.checkIndex(indices[i + 2], count) * n, d = Objects.checkIndex(indices[i + 3], count) * n;
            for (int k = 0; k < n; k++) {
                dst[offset + k] = SCALE[pixels[a + k] & 0xff];
                dst[offset + n + k] = SCALE[pixels[b + k] & 0xff];
                dst[offset + 2 * n + k] = SCALE[pixels[c + k] & 0xff];
                dst[offset + 3 * n + k] = SCALE[pixels[d + k] & 0xff];
            }
        }
        for (; i < to; i++, offset += n) copyFeatures(indices[i], dst, offset);
    }

    @Override
    public int label(int index) {
        return labels[Objects.checkIndex(index, count)] & 0xff;
    }

    private volatile String sha256;

    /** Sets {@link #sha256()} to a value known for these contents (the bundled MNIST's), instead of computing it. */
    void knowSha256(String known) {
        sha256 = known;
    }

    /**
     * A SHA-256 of the contents (shape, grey levels, labels), computed once: runs record which data they saw, so two
     * runs on "the same folder" with different files inside can be told apart.
     */
    public String sha256() {
        String h = sha256;
        if (h == null) {
            try {
                java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
                md.update(java.nio.ByteBuffer.allocate(12).putInt(count).putInt(rows).putInt(cols).array());
                md.update(pixels);
                md.update(labels);
                h = java.util.HexFormat.of().formatHex(md.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this Java", e);
            }
            sha256 = h;
        }
        return h;
    }

    /** The raw grey level (0-255) of one pixel, for views that draw images without going through floats. */
    public int pixel(int index, int row, int col) {
        return pixels[index * rows * cols + row * cols + col] & 0xff;
    }

    /**
     * The first {@code n} examples, or all of them for {@code n} = 0 (a run's "use only N" setting); fewer than
     * {@code n} is an error naming {@code what} ("--train-size", "training").
     */
    public LabeledImages limit(int n, String what) {
        if (n == 0) return this;
        if (n < 0) throw new DataException(what + " must be at least 1, got " + n);
        if (n > count) throw new DataException(what + ": only " + count + " examples are available, " + n + " asked");
        return head(n);
    }

    /** The first {@code n} examples (a copy of their pixels), like Chainer's {@code SubDataset}. */
    public LabeledImages head(int n) {
        if (n < 0 || n > count) throw new IllegalArgumentException("head(" + n + ") of a dataset of " + count);
        if (n == count) return this;
        int per = rows * cols;
        return new LabeledImages(name + "[:" + n + "]", java.util.Arrays.copyOf(pixels, n * per), java.util.Arrays.copyOf(labels, n), n, rows, cols, classes);
    }
}
