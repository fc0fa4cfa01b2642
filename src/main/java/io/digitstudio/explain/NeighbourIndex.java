package io.digitstudio.explain;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.io.AtomicFiles;
import io.digitstudio.io.FloatBytes;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Every training example's feature vector, one row each, searched exactly: a first pass over a short projection of
 * each row rules out the rows that provably cannot be near enough, and the query compares itself in full (squared
 * Euclidean distance, given up on a row as soon as it cannot beat the k-th best) with the rest, so the answer is the
 * exact k nearest, never an approximation.
 */
public final class NeighbourIndex implements NearestSearch {
    static final int MAGIC = 0x44534E42; // "DSNB"
    static final int VERSION = 1;
    /** Examples per forward pass while building: large enough to keep the native calls few, small in memory. */
    static final int BATCH = 500;

    private final int count;
    private final int dim;
    private final float[] vectors;
    private final byte[] labels;
    private final String key;
    private final Projection projection;

    NeighbourIndex(int count, int dim, float[] vectors, byte[] labels, String key) {
        if (vectors.length != (long) count * dim || labels.length != count) throw new IllegalArgumentException("index of " + count + "x" + dim + " with " + vectors.length + " values and " + labels.length + " labels");
        this.count = count;
        this.dim = dim;
        this.vectors = vectors;
        this.labels = labels;
        this.key = key;
        this.projection = Projection.of(count, dim, (r, out) -> System.arraycopy(vectors, r * dim, out, 0, dim));
    }

    /** Thrown when a build is cancelled (another model became active, the app closes). */
    public static final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("cancelled");
        }
    }

    /**
     * Computes the features of every example of {@code train}, {@link #BATCH} at a time; {@code progress} hears the
     * examples done after each batch, and {@code cancelled} is asked as often.
     */
    public static NeighbourIndex build(FeatureSpace space, LabeledImages train, String key, IntConsumer progress, BooleanSupplier cancelled) {
        int n = train.size();
        int d = space.size();
        int in = train.featureSize();
        if (in != space.network().inputSize()) throw new IllegalArgumentException("the model takes " + space.network().inputSize() + " values per example, the data has " + in);
        float[] vectors = new float[Math.multiplyExact(n, d)];
        byte[] labels = new byte[n];
        float[] batch = new float[BATCH * in];
        for (int from = 0; from < n; from += BATCH) {
            if (cancelled.getAsBoolean()) throw new Cancelled();
            int m = Math.min(BATCH, n - from);
            float[] x = m == BATCH ? batch : new float[m * in];
            for (int i = 0; i < m; i++) {
                train.copyFeatures(from + i, x, i * in);
                labels[from + i] = (byte) train.label(from + i);
            }
            float[] f = space.features(x, m);
            System.arraycopy(f, 0, vectors, from * d, m * d);
            progress.accept(from + m);
        }
        return new NeighbourIndex(n, d, vectors, labels, key);
    }

    @Override
    public int count() {
        return count;
    }

    /** Values per example. */
    public int dim() {
        return dim;
    }

    /** What the index was built from (the model's and the data's content hashes), or null. */
    public String key() {
        return key;
    }

    @Override
    public int label(int i) {
        return labels[i] & 0xff;
    }

    /** Bytes the index takes on disk, give or take a header. */
    public long bytes() {
        return 4L * vectors.length + labels.length;
    }

    /** Bytes the index takes in memory: the rows and their projection for the search's first pass. */
    public long memoryBytes() {
        return bytes() + projection.bytes();
    }

    /** Row {@code i}'s features (a copy). */
    public float[] vector(int i) {
        return java.util.Arrays.copyOfRange(vectors, i * dim, (i + 1) * dim);
    }

    /**
     * The exact k nearest: a first pass over the rows' {@link Projection} rules out every row that provably cannot be
     * among them, and the rest are compared in full, as {@link #scan} compares every row, so the answer is the scan's.
     */
    @Override
    public List<Neighbour> nearest(float[] q, int k) {
        if (q.length != dim) throw new IllegalArgumentException("a query of " + q.length + " values for an index of " + dim);
        return projection.nearest(q, k, (r, bound) -> distance(r, q, bound), exactError(dim)).result(this, true, 1);
    }

    /** The k nearest by comparing every row: what {@link #nearest} must always equal. */
    List<Neighbour> scan(float[] q, int k) {
        if (q.length != dim) throw new IllegalArgumentException("a query of " + q.length + " values for an index of " + dim);
        TopK top = new TopK(Math.min(k, count));
        for (int r = 0; r < count; r++) {
            double d = distance(r, q, top.bound());
            if (d <= top.bound()) top.offer(d, r);
        }
        return top.result(this, true, 1);
    }

    /**
     * A relative bound on the rounding of {@link #distance} for rows of {@code dim} values: dim differences squared and
     * summed in floats err by at most gamma_(dim+4) of the true sum (doubled for good measure).
     */
    static double exactError(int dim) {
        return 2 * (dim + 4) * Projection.U;
    }

    /** Row {@code r}'s squared distance to {@code q}, or a partial sum above {@code bound} once it must exceed it. */
    double distance(int r, float[] q, double limit) {
        float bound = (float) limit;
        int base = r * dim;
        int blocks = dim / 16 * 16;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = 0;
        // four sums side by side keep the multipliers busy; every 64 values the row may be given up
        for (; j < blocks; j += 16) {
            for (int u = j; u < j + 16; u += 4) {
                float a = vectors[base + u] - q[u], b = vectors[base + u + 1] - q[u + 1];
                float c = vectors[base + u + 2] - q[u + 2], e = vectors[base + u + 3] - q[u + 3];
                s0 += a * a;
                s1 += b * b;
                s2 += c * c;
                s3 += e * e;
            }
            if ((j & 63) == 48) {
                float partial = (s0 + s1) + (s2 + s3);
                if (partial > bound) return Double.POSITIVE_INFINITY;
            }
        }
        for (; j < dim; j++) {
            float a = vectors[base + j] - q[j];
            s0 += a * a;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Writes the index atomically: a header (magic, version, count, dim, key), the vectors, the labels. */
    public void save(Path file) throws IOException {
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(count);
            out.writeInt(dim);
            out.writeUTF(key == null ? "" : key);
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : vectors) {
                if (!buf.hasRemaining()) {
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putFloat(v);
            }
            out.write(buf.array(), 0, buf.position());
            out.write(labels);
            out.flush();
        });
    }

    /** Reads an index {@link #save} wrote; fails with why when the file is not one, or is cut short. */
    public static NeighbourIndex load(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             InputStream raw = java.nio.channels.Channels.newInputStream(ch)) {
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16));
            if (in.readInt() != MAGIC) throw new IOException(file + ": not a DigitStudio neighbour index");
            int version = in.readInt();
            if (version != VERSION) throw new IOException(file + ": index version " + version + ", this DigitStudio reads " + VERSION);
            int count = in.readInt();
            int dim = in.readInt();
            String key = in.readUTF();
            long expected = 4L * count * dim + count;
            if (count < 1 || dim < 1 || expected > Integer.MAX_VALUE * 4L) throw new IOException(file + ": an index of " + count + "x" + dim + " makes no sense");
            float[] vectors = new float[count * dim];
            byte[] chunk = new byte[1 << 16];
            ByteBuffer view = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
            int at = 0;
            while (at < vectors.length) {
                int want = Math.min(chunk.length, (vectors.length - at) * 4);
                in.readFully(chunk, 0, want);
                view.clear();
                FloatBytes.read(view.limit(want), vectors, at, want / 4);
                at += want / 4;
            }
            byte[] labels = new byte[count];
            in.readFully(labels);
            if (in.read() != -1) throw new IOException(file + ": longer than its header says");
            return new NeighbourIndex(count, dim, vectors, labels, key.isEmpty() ? null : key);
        } catch (java.io.EOFException e) {
            throw new IOException(file + ": cut short", e);
        }
    }

    /** For tests: an index over given rows. */
    static NeighbourIndex of(float[][] rows, int[] labels) {
        int d = rows[0].length;
        float[] v = new float[rows.length * d];
        byte[] l = new byte[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, v, i * d, d);
            l[i] = (byte) labels[i];
        }
        return new NeighbourIndex(rows.length, d, v, l, null);
    }

}
