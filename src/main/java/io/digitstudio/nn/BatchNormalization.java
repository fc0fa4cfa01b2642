package io.digitstudio.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Chainer's {@code L.BatchNormalization(size)}: per channel (axis 1, over the batch and any spatial axes), in training
 * mode it normalises with the batch's mean and variance and updates the running averages
 * ({@code avg_mean = decay·avg_mean + (1 − decay)·mean}, {@code avg_var} likewise with the unbiased variance, decay
 * 0.9) and the count {@code N}; in test mode it uses the running averages. Parameters {@code gamma} (ones) and
 * {@code beta} (zeros); {@code avg_mean}, {@code avg_var} and {@code N} are saved with the model as Chainer saves them.
 */
public final class BatchNormalization extends Link {
    public static final double DECAY = 0.9;
    public static final double EPS = 2e-5;

    private final int size;
    private final Parameter gamma;
    private final Parameter beta;
    private final Persistent avgMean;
    private final Persistent avgVar;
    private final Persistent n;

    public BatchNormalization(int size) {
        if (size < 1) throw new IllegalArgumentException("batch normalization needs a positive size, got " + size);
        this.size = size;
        float[] ones = new float[size];
        java.util.Arrays.fill(ones, 1f);
        var g = NativeFloats.entered(Nd4j.create(DataType.FLOAT, size));
        Host.write(ones, g);
        this.gamma = addParam("gamma", new Parameter(g, "gamma"));
        this.beta = addParam("beta", new Parameter(NativeFloats.entered(Nd4j.zeros(DataType.FLOAT, size)), "beta"));
        this.avgMean = addPersistent("avg_mean", Persistent.array(new float[size]));
        this.avgVar = addPersistent("avg_var", Persistent.array(ones));
        this.n = addPersistent("N", Persistent.scalar(0));
    }

    public Variable forward(Variable x) {
        if (x.shape().length < 2 || x.shape()[1] != size) {
            throw new IllegalArgumentException("batch normalization of size " + size + " got input " + java.util.Arrays.toString(x.shape()));
        }
        if (!Config.train()) return new BatchNormFunction(EPS, avgMean.values(), avgVar.values()).apply(x, gamma, beta);
        BatchNormFunction f = new BatchNormFunction(EPS, null, null);
        Variable y = f.apply(x, gamma, beta);
        long m = x.data().length() / size;
        double adjust = m / Math.max(m - 1.0, 1.0);
        float[] mean = avgMean.values();
        float[] var = avgVar.values();
        for (int c = 0; c < size; c++) {
            mean[c] = (float) (DECAY * mean[c] + (1 - DECAY) * f.batchMean()[c]);
            var[c] = (float) (DECAY * var[c] + (1 - DECAY) * adjust * f.batchVar()[c]);
        }
        n.setScalar(n.scalar() + 1);
        return y;
    }

    public int size() {
        return size;
    }

    public Parameter gamma() {
        return gamma;
    }

    public Parameter beta() {
        return beta;
    }
}
