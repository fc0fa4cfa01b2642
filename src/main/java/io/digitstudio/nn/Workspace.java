package io.digitstudio.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands out the same native buffers every iteration: inside {@link #enter()}, the k-th request for a shape gets the
 * same array it got in the previous iteration. Define-by-run stays define-by-run (the graph is new each time) while
 * the hot path stops allocating. Arrays taken inside a scope are overwritten in the next one: copy out what must live
 * longer (the training loop keeps only Java floats).
 */
public final class Workspace {
    private static final ThreadLocal<Workspace> CURRENT = new ThreadLocal<>();

    private final Map<Shape, Slots> byShape = new HashMap<>();
    private final ArrayPool<short[]> shorts = new ArrayPool<>(short[]::new, a -> a.length);
    private final ArrayPool<float[]> floats = new ArrayPool<>(float[]::new, a -> a.length);
    /**
     * The key a lookup uses, pointed at the asked dims, so a lookup makes no garbage (a stored key gets its own
     * copy).
     */
    private final Shape probe = new Shape(null);
    private long allocations;

    private static final class Shape {
        long[] dims;

        Shape(long[] dims) {
            this.dims = dims;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Shape s && Arrays.equals(dims, s.dims);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(dims);
        }
    }

    private static final class Slots {
        final List<INDArray> arrays = new ArrayList<>();
        int used;
    }

    /** Makes this workspace current on this thread and starts a new iteration; close the scope when done. */
    public Scope enter() {
        if (CURRENT.get() != null) throw new IllegalStateException("a workspace is already active on this thread");
        for (Slots s : byShape.values()) s.used = 0;
        shorts.used = 0;
        floats.used = 0;
        CURRENT.set(this);
        return new Scope();
    }

    /** How many native arrays this workspace has allocated in total (stops growing once warmed up). */
    public long allocations() {
        return allocations;
    }

    private INDArray take(long[] dims) {
        probe.dims = dims;
        Slots s = byShape.get(probe);
        probe.dims = null;
        if (s == null) {
            s = new Slots();
            byShape.put(new Shape(dims.clone()), s);
        }
        if (s.used == s.arrays.size()) {
            s.arrays.add(NativeFloats.entered(Nd4j.create(DataType.FLOAT, dims)));
            allocations++;
        }
        return s.arrays.get(s.used++);
    }

    /** A float32 C-order array of this shape: from the current workspace if one is active, else a new one. Not zeroed. */
    public static INDArray alloc(long... dims) {
        Workspace ws = CURRENT.get();
        return ws == null ? Nd4j.create(DataType.FLOAT, dims) : ws.take(dims);
    }

    /**
     * Java arrays kept for this iteration, a function's record for its backward pass (pooling's argmax, softmax's
     * probabilities), reused like the native arrays: the k-th request of an iteration gets the k-th array, of at least
     * {@code n} elements (a bigger one when it grew); outside a workspace a new one. Not zeroed. Counted, not looked up
     * by size: a map keyed by boxed sizes made garbage every step.
     */
    public static short[] shorts(int n) {
        Workspace ws = CURRENT.get();
        return ws == null ? new short[n] : ws.shorts.next(n);
    }

    /** Like {@link #shorts}, for floats. */
    public static float[] floats(int n) {
        Workspace ws = CURRENT.get();
        return ws == null ? new float[n] : ws.floats.next(n);
    }

    /** One kind of Java array, handed out in request order and kept from one iteration to the next. */
    private static final class ArrayPool<A> {
        private final List<A> arrays = new ArrayList<>();
        private final java.util.function.IntFunction<A> make;
        private final java.util.function.ToIntFunction<A> length;
        int used;

        ArrayPool(java.util.function.IntFunction<A> make, java.util.function.ToIntFunction<A> length) {
            this.make = make;
            this.length = length;
        }

        /** The next array of this iteration, of at least {@code n} elements. */
        A next(int n) {
            int k = used++;
            if (k == arrays.size()) arrays.add(make.apply(n));
            else if (length.applyAsInt(arrays.get(k)) < n) arrays.set(k, make.apply(n));
            return arrays.get(k);
        }
    }

    /** Closes the iteration; arrays handed out stay valid until the next {@link #enter()}. */
    public final class Scope implements AutoCloseable {
        @Override
        public void close() {
            CURRENT.remove();
        }
    }
}
