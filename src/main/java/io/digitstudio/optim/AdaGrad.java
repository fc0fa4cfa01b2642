package io.digitstudio.optim;

import io.digitstudio.nn.Parameter;

import java.util.LinkedHashMap;
import java.util.Map;

/** Chainer's {@code AdaGrad} (lr 0.001, eps 1e-8): {@code h += g*g; W -= lr * g / (sqrt(h) + eps)}. */
public final class AdaGrad extends Optimizer {
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
    public String name() {
        return "adagrad";
    }
}
