package io.digitstudio.optim;

import io.digitstudio.nn.Parameter;

import java.util.LinkedHashMap;
import java.util.Map;

/** Chainer's {@code AdaGrad} (lr 0.001, eps 1e-8): {@code h += g*g; W -= lr * g / (sqrt(h) + eps)}. */
public final class AdaGrad extends Optimizer {
    private final double lr;
    private final double eps;

    public AdaGrad(double lr, double eps) {
        this.lr = lr;
        this.eps = eps;
    }

    public AdaGrad() {
        this(0.001, 1e-8);
    }

    @Override
    protected UpdateRule createUpdateRule(Parameter p) {
        float lrf = (float) lr;
        float epsf = (float) eps;
        float[] h = new float[p.size()];
        return new UpdateRule(p) {
            @Override
            protected void updateCore(float[] w, float[] g, int n) {
                for (int i = 0; i < n; i++) {
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
    public String name() {
        return "adagrad";
    }

    @Override
    public Map<String, Double> hyperparams() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("lr", lr);
        m.put("eps", eps);
        return m;
    }
}
