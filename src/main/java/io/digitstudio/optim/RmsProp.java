package io.digitstudio.optim;

import io.digitstudio.nn.Parameter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chainer's {@code RMSprop} (lr 0.01, alpha 0.99, eps 1e-8): {@code ms *= alpha; ms += (1 - alpha) * g*g;
 * W -= lr * g / (sqrt(ms) + eps)}, with ms starting at zero (ND4J's starts at eps, which differs).
 */
public final class RmsProp extends Optimizer {
    /** What the app knows of RMSprop. */
    public static final OptimizerType TYPE = new OptimizerType("rmsprop", "RMSprop",
            "Chainer's RMSprop: steps of lr scaled by a running average of the squared gradient",
            List.of(OptimizerType.Param.learningRate("lr", 0.01, "How far each step moves the weights along the gradient"),
                    OptimizerType.Param.fraction("alpha", 0.99, "Decay", "Decay rate of the running average of the squared gradient (alpha)"),
                    OptimizerType.Param.positive("eps", 1e-8, "Epsilon", "Added to the root of the squared average, so that a step never divides by zero")),
            h -> new RmsProp(h.get("lr"), h.get("alpha"), h.get("eps")));

    public RmsProp(double lr, double alpha, double eps) {
        hyperparam.set("lr", lr);
        hyperparam.set("alpha", alpha);
        hyperparam.set("eps", eps);
    }

    public RmsProp() {
        this(0.01, 0.99, 1e-8);
    }

    @Override
    protected UpdateRule createUpdateRule(Parameter p) {
        float[] ms = new float[p.size()];
        return new UpdateRule(p, hyperparam) {
            @Override
            protected void updateCore(float[] w, float[] g, int from, int to) {
                double alpha = hyperparam.get("alpha");
                float lrf = (float) hyperparam.get("lr");
                float a = (float) alpha;
                float oneMinusA = (float) (1 - alpha);
                float epsf = (float) hyperparam.get("eps");
                for (int i = from; i < to; i++) {
                    float m = ms[i] * a;
                    m += oneMinusA * g[i] * g[i];
                    ms[i] = m;
                    w[i] -= lrf * g[i] / ((float) Math.sqrt(m) + epsf);
                }
            }

            @Override
            public Map<String, float[]> state() {
                Map<String, float[]> s = new LinkedHashMap<>();
                s.put("ms", ms);
                return s;
            }
        };
    }

    @Override
    public OptimizerType type() {
        return TYPE;
    }
}
