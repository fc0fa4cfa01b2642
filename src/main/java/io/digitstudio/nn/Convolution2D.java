package io.digitstudio.nn;

import io.digitstudio.data.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Chainer's {@code L.Convolution2D(in_channels, out_channels, ksize, stride, pad)}: W of shape (out, in, k, k)
 * initialised LeCun-normal (standard deviation sqrt(1 / (in·k·k)), Chainer's default) and b zero.
 */
public final class Convolution2D extends Link {
    private final Parameter w;
    private final Parameter b;
    private final int inChannels;
    private final int outChannels;
    private final int ksize;
    private final int stride;
    private final int pad;

    public Convolution2D(int inChannels, int outChannels, int ksize, int stride, int pad, Rng rng) {
        if (inChannels < 1 || outChannels < 1 || ksize < 1 || stride < 1 || pad < 0) {
            throw new IllegalArgumentException("convolution needs positive channels, ksize and stride and pad >= 0");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.ksize = ksize;
        this.stride = stride;
        this.pad = pad;
        int fanIn = inChannels * ksize * ksize;
        float[] values = new float[outChannels * fanIn];
        double std = Math.sqrt(1.0 / fanIn);
        for (int i = 0; i < values.length; i++) values[i] = (float) (rng.nextGaussian() * std);
        INDArray a = NativeFloats.entered(Nd4j.create(DataType.FLOAT, outChannels, inChannels, ksize, ksize));
        Host.write(values, a);
        this.w = addParam("W", new Parameter(a, "W"));
        this.b = addParam("b", new Parameter(NativeFloats.entered(Nd4j.zeros(DataType.FLOAT, outChannels)), "b"));
    }

    public Variable forward(Variable x) {
        return F.convolution2d(x, w, b, stride, pad);
    }

    public Parameter W() {
        return w;
    }

    public Parameter b() {
        return b;
    }

    public int inChannels() {
        return inChannels;
    }

    public int outChannels() {
        return outChannels;
    }

    public int ksize() {
        return ksize;
    }

    public int stride() {
        return stride;
    }

    public int pad() {
        return pad;
    }
}
