package io.digitstudio.nn;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.lang.ref.WeakReference;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * The native memory of contiguous float32 arrays, as a JavaCPP pointer for BLAS and as an NIO buffer for bulk copies,
 * made once per array buffer. ND4J's {@code addressPointer()} makes three new objects and a JNI call each time it is
 * asked, and a training step asks for pointers over a hundred times: kept here, a warm step makes no garbage for them,
 * and no young collection stops both parts of a split step. The views are kept in one small identity table whose keys
 * are weak: a buffer that is collected leaves it at the next rebuild, so old models' memory is not held.
 * <p>
 * One table serves every thread, because a split step's part runs on whichever core is free, and a workspace enters
 * each array it makes, as layers do their weights ({@link #entered}): so a lookup misses only for an array made elsewhere, and the first pass of a
 * new workspace (the first validation's) finds its arrays as a warm step does. A lookup that misses takes a branch the
 * training step's compiled code has never seen, and C2 throws that code away and compiles it again (decision 0008).
 */
public final class NativeFloats {
    private static final Table TABLE = new Table();

    private NativeFloats() {
    }

    /** The array's memory as a pointer at its first element (shared: never move its position). */
    public static FloatPointer pointer(INDArray a) {
        return view(a).pointer;
    }

    /** Copies {@code n} elements from element {@code from} of the array into {@code dst} at {@code at}. */
    public static void read(INDArray a, int from, float[] dst, int at, int n) {
        view(a).buffer.get(from, dst, at, n);
    }

    /** Copies {@code n} elements of {@code src} from {@code at} into the array from element {@code from} on. */
    public static void write(float[] src, int at, INDArray a, int from, int n) {
        view(a).buffer.put(from, src, at, n);
    }

    private static View view(INDArray a) {
        if (a.dataType() != DataType.FLOAT || a.isView() || a.ordering() != 'c') {
            throw new IllegalArgumentException("expected a contiguous float32 C-order array, got " + a.dataType() + (a.isView() ? " (a view)" : ""));
        }
        return TABLE.get(a.data());
    }

    /** Enters a new float32 array's view in the table, so that its first use finds it; returns the array. */
    static INDArray entered(INDArray a) {
        if (a.dataType() == DataType.FLOAT && !a.isView() && a.ordering() == 'c') TABLE.add(a.data());
        return a;
    }

    /** How many lookups have missed since the JVM started (entries made by a lookup, not by {@link #entered}). */
    static long misses() {
        return TABLE.misses;
    }

    /** One buffer's memory, both ways. */
    private static final class View {
        final WeakReference<DataBuffer> key;
        final FloatPointer pointer;
        final FloatBuffer buffer;

        View(DataBuffer b) {
            key = new WeakReference<>(b);
            FloatPointer p = (FloatPointer) b.addressPointer();
            long end = p.position() + b.length(); // the first element is at the pointer's position, whatever it is
            pointer = new FloatPointer(p).limit(end).capacity(end);
            buffer = pointer.asByteBuffer().order(ByteOrder.nativeOrder()).asFloatBuffer(); // from the pointer's position
        }
    }

    /**
     * Open addressing by identity; grows (or sheds collected buffers) when half full. Lookups read without a lock:
     * an entry is added to a copy of the slots, which then replaces them (entries are few and made once).
     */
    private static final class Table {
        private volatile View[] slots = new View[64];
        private int used; // guarded by this
        private volatile long misses;

        View get(DataBuffer b) {
            View[] s = slots;
            int mask = s.length - 1;
            for (int i = System.identityHashCode(b) & mask; ; i = (i + 1) & mask) {
                View v = s[i];
                if (v == null) return miss(b);
                if (v.key.get() == b) return v;
            }
        }

        private synchronized View miss(DataBuffer b) {
            misses++;
            return add(b);
        }

        /** The buffer's view, made and entered unless another thread entered it first. */
        synchronized View add(DataBuffer b) {
            View[] s = slots;
            int mask = s.length - 1;
            int i = System.identityHashCode(b) & mask;
            for (View v = s[i]; v != null; v = s[i]) {
                if (v.key.get() == b) return v;
                i = (i + 1) & mask;
            }
            View made = new View(b);
            View[] next = ++used * 2 > s.length ? rebuilt(s) : s.clone();
            mask = next.length - 1;
            i = System.identityHashCode(b) & mask;
            while (next[i] != null) i = (i + 1) & mask;
            next[i] = made;
            slots = next;
            return made;
        }

        /** The live entries in a new array of room for them, which {@link #used} then counts. */
        private View[] rebuilt(View[] old) {
            int live = 0;
            for (View v : old) if (v != null && v.key.get() != null) live++;
            View[] next = new View[Math.max(64, Integer.highestOneBit(Math.max(1, live + 1) * 4))];
            used = 1; // the entry about to be added
            int mask = next.length - 1;
            for (View v : old) {
                DataBuffer b = v == null ? null : v.key.get();
                if (b == null) continue;
                int i = System.identityHashCode(b) & mask;
                while (next[i] != null) i = (i + 1) & mask;
                next[i] = v;
                used++;
            }
            return next;
        }
    }
}
