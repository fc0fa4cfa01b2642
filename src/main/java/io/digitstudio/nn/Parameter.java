package io.digitstudio.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * A trainable array owned by a {@link Link}. Its gradient lives in a buffer allocated once, so clearing and
 * recomputing gradients every iteration allocates nothing. A parameter may start uninitialised (Chainer's lazy
 * {@code Linear(None, n)}) and get its shape on first use.
 */
public final class Parameter extends Variable {
    private INDArray gradBuffer;

    public Parameter(INDArray data, String name) {
        super(data, true, name);
    }

    /** An uninitialised parameter; {@link #initialize} gives it a shape. */
    public Parameter(String name) {
        super(null, true, name);
    }

    public boolean isInitialized() {
        return data != null;
    }

    public void initialize(INDArray value) {
        if (value.dataType() != DataType.FLOAT || value.isView() || value.ordering() != 'c') {
            value = value.castTo(DataType.FLOAT).dup('c');
        }
        this.data = value;
        this.gradBuffer = null;
        this.grad = null;
    }

    /**
     * Makes this parameter use {@code source}'s values (the same array: an update of one is an update of both) with a
     * gradient of its own, so that several threads can each compute a gradient for the same weights.
     */
    void shareValuesOf(Parameter source) {
        if (!java.util.Arrays.equals(source.data.shape(), data.shape())) {
            throw new IllegalArgumentException(name() + ": shapes differ, " + java.util.Arrays.toString(source.data.shape()) + " and " + java.util.Arrays.toString(data.shape()));
        }
        this.data = source.data;
        this.gradBuffer = null;
        this.grad = null;
    }

    /** Where a backward pass writes this parameter's gradient when it has none yet. */
    INDArray gradTarget() {
        if (gradBuffer == null) gradBuffer = NativeFloats.entered(Nd4j.create(DataType.FLOAT, data.shape()));
        return gradBuffer;
    }

    /** Replaces the values, keeping the array (and so every reference to it). Shapes must match. */
    public void copyFrom(float[] values) {
        if (values.length != data.length()) {
            throw new IllegalArgumentException(name() + ": " + values.length + " values for shape " + Arrays.toString(data.shape()));
        }
        Host.write(values, data);
    }

    public int size() {
        return data == null ? 0 : (int) data.length();
    }
}
