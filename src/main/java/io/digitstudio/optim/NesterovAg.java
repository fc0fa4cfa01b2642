package io.digitstudio.optim;

import io.digitstudio.nn.Parameter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chainer's {@code NesterovAG}, Nesterov's accelerated gradient (lr 0.01, momentum 0.9), as its CPU rule writes it:
 * {@code v *= momentum; v -= lr * g; W += momentum * momentum * v; W -= (1 + momentum) * lr * g}, with v starting at
 * zero. The two products of plain numbers are taken in double precision before they meet the float32 arrays, as numpy
 * does with Python floats.
 */
public final class NesterovAg extends Optimizer {
    /** What the app knows of NesterovAG. */
    public static final OptimizerType TYPE = new OptimizerType("nesterov-ag", "NesterovAG",
            "Chainer's NesterovAG: momentum that looks one step ahead (Nesterov's accelerated gradient)",
            MomentumSgd.TYPE.params(), // Chainer's NesterovAG takes MomentumSGD's hyper-parameters and defaults
            h -> new NesterovAg(h.get("lr"), h.get("momentum")));

    public NesterovAg(double lr, double momentum) {
        hyperparam.set("lr", lr);
        hyperparam.set("momentum", momentum);
    }

    public NesterovAg() {
        this(0.01, 0.9);
    }

    @Override
    protected UpdateRule createUpdateRule(Parameter p) {
        float[] v = new float[p.size()];
        return new UpdateRule(p, hyperparam) {
            @Override
            protected void updateCore(float[] w, float[] g, int from, int to) {
                double lr = hyperparam.get("lr");
                double momentum = hyperparam.get("momentum");
                float lrf = (float) lr;
                float m = (float) momentum;
                float ahead = (float) (momentum * momentum);
                float step = (float) ((1 + momentum) * lr);
                for (int i = from; i < to; i++) {
                    float vi = v[i] * m;
                    vi -= lrf * g[i];
                    v[i] = vi;
                    float wi = w[i] + ahead * vi;
                    w[i] = wi - step * g[i];
                }
            }

            @Override
            public Map<String, float[]> state() {
                Map<String, float[]> s = new LinkedHashMap<>();
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
