package io.digitstudio.nn;

import io.digitstudio.data.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully-connected layer, Chainer's {@code L.Linear}: {@code y = x W^T + b} with W of shape (out, in) initialised
 * LeCun-normal (standard deviation sqrt(1/in)) and b zero. With {@code inSize < 0} W is created on the first
 * forward pass from the input's width, like {@code L.Linear(None, out)}.
 */
public final class Linear extends Link {
    private final Parameter w;
    private final Parameter b;
    private final int outSize;
    private final Rng rng;

    public Linear(int inSize, int outSize, Rng rng) {
        if (outSize <= 0) throw new IllegalArgumentException("out size must be positive, got " + outSize);
        this.outSize = outSize;
        this.rng = rng;
        this.w = addParam("W", new Parameter("W"));
        this.b = addParam("b", new Parameter(NativeFloats.entered(Nd4j.zeros(DataType.FLOAT, outSize)), "b"));
        if (inSize > 0) initializeW(inSize);
    }

    /** A lazily-sized layer: the input width is taken from the first batch. */
    public Linear(int outSize, Rng rng) {
        this(-1, outSize, rng);
    }

    private void initializeW(int inSize) {
        float[] values = new float[inSize * outSize];
        double std = Math.sqrt(1.0 / inSize);
        for (int i = 0; i < values.length; i++) values[i] = (float) (rng.nextGaussian() * std);
        INDArray a = NativeFloats.entered(Nd4j.create(DataType.FLOAT, outSize, inSize));
        Host.write(values, a);
        w.initialize(a);
    }

    public Variable forward(Variable x) {
        if (!w.isInitialized()) initializeW((int) (x.data().length() / x.shape()[0])); // trailing axes flattened, as Chainer does
        return F.linear(x, w, b);
    }

    public Parameter W() {
        return w;
    }

    public Parameter b() {
        return b;
    }

    public int inSize() {
        return w.isInitialized() ? (int) w.shape()[1] : -1;
    }

    public int outSize() {
        return outSize;
    }
}
