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
 * made once per array buffer and thread. ND4J's {@code addressPointer()} makes three new objects and a JNI call each
 * time it is asked, and a training step asks for pointers over a hundred times: kept here, a warm step makes no
 * garbage for them, and no young collection stops both parts of a split step. A thread's views are kept in a small
 * identity table whose keys are weak: a buffer that is collected leaves it at the next rebuild, so old models'
 * memory is not held.
 */
public final class NativeFloats {
    private static final ThreadLocal<Table> TABLE = ThreadLocal.withInitial(Table::new);

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
        return TABLE.get().get(a.data());
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

    /** Open addressing by identity; grows (or sheds collected buffers) when half full. */
    private static final class Table {
        private View[] slots = new View[64];
        private int used;

        View get(DataBuffer b) {
            int mask = slots.length - 1;
            for (int i = System.identityHashCode(b) & mask; ; i = (i + 1) & mask) {
                View v = slots[i];
                if (v == null) return add(b, i);
                if (v.key.get() == b) return v;
            }
        }

        private View add(DataBuffer b, int slot) {
            View v = new View(b);
            slots[slot] = v;
            if (++used * 2 > slots.length) rebuild();
            return v;
        }

        private void rebuild() {
            View[] old = slots;
            int live = 0;
            for (View v : old) if (v != null && v.key.get() != null) live++;
            slots = new View[Math.max(64, Integer.highestOneBit(Math.max(1, live) * 4))];
            used = 0;
            int mask = slots.length - 1;
            for (View v : old) {
                DataBuffer b = v == null ? null : v.key.get();
                if (b == null) continue;
                int i = System.identityHashCode(b) & mask;
                while (slots[i] != null) i = (i + 1) & mask;
                slots[i] = v;
                used++;
            }
        }
    }
}
