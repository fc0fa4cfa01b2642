package io.digitstudio.optim;

import io.digitstudio.nn.Parameter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Chainer's {@code AdaGrad} (lr 0.001, eps 1e-8): {@code h += g*g; W -= lr * g / (sqrt(h) + eps)}. */
public final class AdaGrad extends Optimizer {
    /** What the app knows of AdaGrad. */
    public static final OptimizerType TYPE = new OptimizerType("adagrad", "AdaGrad",
            "Chainer's AdaGrad: steps of lr scaled by the sum of all squared gradients so far",
            List.of(OptimizerType.Param.learningRate("lr", 0.001, "How far each step moves the weights along the gradient"),
                    OptimizerType.Param.positive("eps", 1e-8, "Epsilon", "Added to the root of the sum, so that a step never divides by zero")),
            h -> new AdaGrad(h.get("lr"), h.get("eps")));

    public AdaGrad(double lr, double eps) {
        hyperparam.set("lr", lr);
        hyperparam.set("eps", eps);
    }

    public AdaGrad() {
        this(0.001, 1e-8);
    }

    @Override
    protected UpdateRule createUpdateRule(Parameter p) {
        float[] h = new float[p.size()];
        return new UpdateRule(p, hyperparam) {
            @Override
            protected void updateCore(float[] w, float[] g, int from, int to) {
                float lrf = (float) hyperparam.get("lr");
                float epsf = (float) hyperparam.get("eps");
                for (int i = from; i < to; i++) {
                    h[i] += g[i] * g[i];
                    w[i] -= lrf * g[i] / ((float) Math.sqrt(h[i]) + epsf);
                }
            }

            @Override
            public Map<String, float[]> state() {
                Map<String, float[]> s = new LinkedHashMap<>();
                s.put("h", h);
                return s;
            }
        };
    }

    @Override
    public OptimizerType type() {
        return TYPE;
    }
}
