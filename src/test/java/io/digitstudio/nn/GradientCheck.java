package io.digitstudio.nn;

import io.digitstudio.data.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Chainer's {@code gradient_check.check_backward}: the gradient that backward() computes for each input must match
 * central finite differences of {@code sum(f(x) * gy)} for a random {@code gy}. Float32, so eps and tolerances are
 * float32-sized.
 */
final class GradientCheck {
    private GradientCheck() {
    }

    static Parameter param(Rng rng, long... shape) {
        int n = 1;
        for (long d : shape) n *= (int) d;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) rng.nextGaussian();
        INDArray a = Nd4j.create(DataType.FLOAT, shape);
        Host.write(v, a);
        return new Parameter(a, "p");
    }

    static void check(Function<Parameter[], Variable> f, Parameter[] inputs, double eps, double atol, double rtol) {
        Rng rng = new Rng(123);
        Variable y = f.apply(inputs);
        float[] gy = new float[(int) y.data().length()];
        for (int i = 0; i < gy.length; i++) gy[i] = (float) rng.nextGaussian();
        for (Parameter p : inputs) p.cleargrad();
        y.grad = Nd4j.create(DataType.FLOAT, y.shape());
        Host.write(gy, y.grad);
        y.backward();
        for (int k = 0; k < inputs.length; k++) {
            Parameter p = inputs[k];
            assertNotNull(p.grad(), "input " + k + " got no gradient");
            float[] analytic = Host.toArray(p.grad());
            float[] x = Host.toArray(p.data());
            for (int i = 0; i < x.length; i++) {
                float orig = x[i];
                x[i] = (float) (orig + eps);
                p.copyFrom(x);
                double plus = dot(f.apply(inputs), gy);
                x[i] = (float) (orig - eps);
                p.copyFrom(x);
                double minus = dot(f.apply(inputs), gy);
                x[i] = orig;
                p.copyFrom(x);
                double numeric = (plus - minus) / (2 * eps);
                assertEquals(numeric, analytic[i], atol + rtol * Math.abs(numeric),
                        "input " + k + " element " + i + ": numeric " + numeric + " vs backward " + analytic[i]);
            }
        }
    }

    private static double dot(Variable y, float[] gy) {
        float[] v = Host.toArray(y.data());
        double s = 0;
        for (int i = 0; i < v.length; i++) s += (double) v[i] * gy[i];
        return s;
    }
}
