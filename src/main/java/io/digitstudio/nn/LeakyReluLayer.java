package io.digitstudio.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code leaky_relu [SLOPE]}: Chainer's {@code F.leaky_relu(x, slope=0.2)}, x where x > 0 and slope·x elsewhere. The
 * layer and its function are both here: {@link #leakyRelu} is what {@code F.leaky_relu} is in Chainer.
 */
public record LeakyReluLayer(double slope) implements LayerSpec {
    /** Chainer's default slope. */
    public static final double DEFAULT_SLOPE = 0.2;

    public static final LayerType TYPE = new LayerType(List.of("leaky_relu"), List.of("leakyrelu"), "leaky_relu [SLOPE]", LeakyReluLayer::read);

    static LeakyReluLayer read(SpecItem item) {
        if (item.size() == 1) return new LeakyReluLayer(DEFAULT_SLOPE);
        double slope = item.fraction(1, "slope", "leaky_relu 0.1");
        item.noMoreAfter(2, "leaky_relu takes one slope");
        return new LeakyReluLayer(slope);
    }

    @Override
    public String text() {
        return slope == DEFAULT_SLOPE ? "leaky_relu" : "leaky_relu " + BigDecimal.valueOf(slope).stripTrailingZeros().toPlainString();
    }

    @Override
    public PlannedLayer plan(LayerPlanner p) {
        return p.gives(this, "leaky_relu", p.input());
    }

    @Override
    public UnaryOperator<Variable> build(LayerBuilder b) {
        return x -> leakyRelu(x, slope);
    }

    /** Chainer's {@code F.leaky_relu(x, slope)}. */
    public static Variable leakyRelu(Variable x, double slope) {
        if (!Double.isFinite(slope)) throw new IllegalArgumentException("the slope must be a number, got " + slope);
        return new Kernel(slope).apply(x);
    }

    /**
     * Chainer's CPU kernels operation by operation: {@code y = x; y[x <= 0] *= slope} forward, and {@code gx = gy;
     * gx[cond <= 0] *= slope} backward, where cond is the output for a slope of at least 0 and the input otherwise
     * (the slope is a float32 in both products, as numpy makes a Python float that meets a float32 array).
     */
    private static final class Kernel extends Function {
        private final double slope;

        Kernel(double slope) {
            this.slope = slope;
        }

        @Override
        protected INDArray forward(INDArray[] xs) {
            INDArray x = xs[0];
            INDArray y = Workspace.alloc(x.shape());
            float[] v = Host.read(x, 0);
            float s = (float) slope;
            int n = (int) x.length();
            for (int i = 0; i < n; i++) v[i] = v[i] <= 0 ? v[i] * s : v[i];
            Host.write(v, y);
            return y;
        }

        @Override
        protected void backward(INDArray[] xs, INDArray y, INDArray gy, INDArray[] gxs) {
            float[] g = Host.read(gy, 0);
            float[] cond = Host.read(slope >= 0 ? y : xs[0], 1);
            float s = (float) slope;
            int n = (int) gy.length();
            for (int i = 0; i < n; i++) g[i] = cond[i] <= 0 ? g[i] * s : g[i];
            Host.write(g, gxs[0]);
        }
    }
}
