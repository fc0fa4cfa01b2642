package io.digitstudio.optim;

import io.digitstudio.nn.Parameter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chainer's {@code Adam} (alpha 0.001, beta1 0.9, beta2 0.999, eps 1e-8, eta 1):
 * {@code m += (1-beta1)(g - m); v += (1-beta2)(g*g - v); W -= eta * (alpha_t / (sqrt(v) + eps)) * m} with
 * {@code alpha_t = alpha * sqrt(1 - beta2^t) / (1 - beta1^t)} computed per parameter from its own update count.
 */
public final class Adam extends Optimizer {
    /** What the app knows of Adam (its learning rate is alpha; eta stays at Chainer's 1). */
    public static final OptimizerType TYPE = new OptimizerType("adam", "Adam",
            "Chainer's Adam: steps of about alpha, scaled by running averages of the gradient and its square",
            List.of(OptimizerType.Param.learningRate("alpha", 0.001, "Adam's step size (alpha)"),
                    OptimizerType.Param.fraction("beta1", 0.9, "Beta 1", "Decay rate of the running average of the gradient"),
                    OptimizerType.Param.fraction("beta2", 0.999, "Beta 2", "Decay rate of the running average of the squared gradient"),
                    OptimizerType.Param.positive("eps", 1e-8, "Epsilon", "Added to the root of the squared average, so that a step never divides by zero")),
            h -> new Adam(h.get("alpha"), h.get("beta1"), h.get("beta2"), h.get("eps"), 1.0));

    public Adam(double alpha, double beta1, double beta2, double eps, double eta) {
        hyperparam.set("alpha", alpha);
        hyperparam.set("beta1", beta1);
        hyperparam.set("beta2", beta2);
        hyperparam.set("eps", eps);
        hyperparam.set("eta", eta);
    }

    public Adam() {
        this(0.001, 0.9, 0.999, 1e-8, 1.0);
    }

    @Override
    protected UpdateRule createUpdateRule(Parameter p) {
        float[] m = new float[p.size()];
        float[] v = new float[p.size()];
        return new UpdateRule(p, hyperparam) {
            @Override
            protected void updateCore(float[] w, float[] g, int from, int to) {
                double alpha = hyperparam.get("alpha");
                double beta1 = hyperparam.get("beta1");
                double beta2 = hyperparam.get("beta2");
                float oneMinusB1 = (float) (1 - beta1);
                float oneMinusB2 = (float) (1 - beta2);
                float epsf = (float) hyperparam.get("eps");
                float etaf = (float) hyperparam.get("eta");
                double fix1 = 1 - Math.pow(beta1, t());
                double fix2 = 1 - Math.pow(beta2, t());
                float alphaT = (float) (alpha * Math.sqrt(fix2) / fix1);
                for (int i = from; i < to; i++) {
                    m[i] += oneMinusB1 * (g[i] - m[i]);
                    v[i] += oneMinusB2 * (g[i] * g[i] - v[i]);
                    float step = alphaT / ((float) Math.sqrt(v[i]) + epsf); // Chainer's operation order
                    w[i] -= etaf * (step * m[i]);
                }
            }

            @Override
            public Map<String, float[]> state() {
                Map<String, float[]> s = new LinkedHashMap<>();
                s.put("m", m);
                s.put("v", v);
                return s;
            }
        };
    }

    @Override
    public OptimizerType type() {
        return TYPE;
    }
}
