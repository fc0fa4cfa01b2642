package io.digitstudio.optim;

import io.digitstudio.nn.Parameter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chainer's {@code Adam} (alpha 0.001, beta1 0.9, beta2 0.999, eps 1e-8, eta 1):
 * {@code m += (1-beta1)(g - m); v += (1-beta2)(g*g - v); W -= eta * (alpha_t / (sqrt(v) + eps)) * m} with
 * {@code alpha_t = alpha * sqrt(1 - beta2^t) / (1 - beta1^t)} computed per parameter from its own update count.
 */
public final class Adam extends Optimizer {
    private final double alpha;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double eta;

    public Adam(double alpha, double beta1, double beta2, double eps, double eta) {
        this.alpha = alpha;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.eta = eta;
    }

    public Adam() {
        this(0.001, 0.9, 0.999, 1e-8, 1.0);
    }

    @Override
    protected UpdateRule createUpdateRule(Parameter p) {
        float oneMinusB1 = (float) (1 - beta1);
        float oneMinusB2 = (float) (1 - beta2);
        float epsf = (float) eps;
        float etaf = (float) eta;
        float[] m = new float[p.size()];
        float[] v = new float[p.size()];
        return new UpdateRule(p) {
            @Override
            protected void updateCore(float[] w, float[] g, int n) {
                double fix1 = 1 - Math.pow(beta1, t());
                double fix2 = 1 - Math.pow(beta2, t());
                float alphaT = (float) (alpha * Math.sqrt(fix2) / fix1);
                for (int i = 0; i < n; i++) {
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
    public String name() {
        return "adam";
    }

    @Override
    public Map<String, Double> hyperparams() {
        Map<String, Double> h = new LinkedHashMap<>();
        h.put("alpha", alpha);
        h.put("beta1", beta1);
        h.put("beta2", beta2);
        h.put("eps", eps);
        h.put("eta", eta);
        return h;
    }
}
