package io.digitstudio.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * An array in a computation, with its gradient and the {@link Function} that created it (Chainer's
 * {@code Variable}). {@link #backward()} walks the recorded graph from this variable back to the leaves.
 */
public class Variable {
    INDArray data;
    INDArray grad;
    Function creator;
    final boolean requiresGrad;
    private final String name;

    /** An input: no gradient is computed for it. */
    public Variable(INDArray data) {
        this(data, false, null);
    }

    protected Variable(INDArray data, boolean requiresGrad, String name) {
        this.data = data;
        this.requiresGrad = requiresGrad;
        this.name = name;
    }

    /** Wraps a Java array of shape (rows, cols) in a workspace buffer. */
    public static Variable of(float[] values, int rows, int cols) {
        return of(values, new long[]{rows, cols});
    }

    /**
     * Wraps the first elements of a Java array in a workspace buffer of this shape, e.g. (n, 1, 28, 28) for a batch
     * of images; {@code values} may be longer than the shape needs (a reused batch buffer).
     */
    public static Variable of(float[] values, long... shape) {
        return ofPart(values, 0, shape);
    }

    /** Like {@link #of(float[], long...)}, from {@code values[offset]} on: one shard of a batch buffer. */
    public static Variable ofPart(float[] values, int offset, long... shape) {
        INDArray a = Workspace.alloc(shape);
        long count = a.length();
        if (values.length - (long) offset < count) {
            throw new IllegalArgumentException((values.length - offset) + " values cannot fill shape " + Arrays.toString(shape));
        }
        NativeFloats.write(values, offset, a, 0, (int) count);
        return new Variable(a);
    }

    public INDArray data() {
        return data;
    }

    /** The gradient, or null after {@code cleargrad()} until a backward pass reaches this variable. */
    public INDArray grad() {
        return grad;
    }

    /** Sets the gradient (as Chainer's {@code var.grad = ...}); the shape must match the data. */
    public void setGrad(INDArray g) {
        if (g != null && !Arrays.equals(g.shape(), data.shape())) {
            throw new IllegalArgumentException("grad shape " + Arrays.toString(g.shape()) + " does not match data " + Arrays.toString(data.shape()));
        }
        this.grad = g;
    }

    public Function creator() {
        return creator;
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    public String name() {
        return name;
    }

    public long[] shape() {
        return data.shape();
    }

    /** The value of a one-element array. */
    public float item() {
        if (data.length() != 1) throw new IllegalStateException("item() needs one element, shape is " + Arrays.toString(shape()));
        return data.getFloat(0);
    }

    public void cleargrad() {
        grad = null;
    }

    int rank() {
        return creator == null ? 0 : creator.rank;
    }

    /**
     * Back-propagates from this variable. A one-element output starts from gradient 1 if it has none. Gradients add up
     * into variables that already hold one, as in Chainer, so call {@code cleargrads()} on the model between steps.
     */
    public void backward() {
        if (creator == null) return;
        if (grad == null) {
            if (data.length() != 1) throw new IllegalStateException("backward() from a non-scalar needs its grad set first");
            grad = Workspace.alloc(data.shape());
            grad.data().put(0, 1f);
        }
        PriorityQueue<Function> queue = new PriorityQueue<>((a, b) -> Integer.compare(b.rank, a.rank));
        Set<Function> seen = new HashSet<>();
        queue.add(creator);
        seen.add(creator);
        while (!queue.isEmpty()) {
            Function f = queue.poll();
            f.backpropagate();
            for (Variable in : f.inputs) {
                if (in.creator != null && in.requiresGrad && seen.add(in.creator)) queue.add(in.creator);
            }
        }
    }

    @Override
    public String toString() {
        return "Variable(" + (name == null ? "" : name + ", ") + "shape=" + Arrays.toString(shape()) + ")";
    }
}
