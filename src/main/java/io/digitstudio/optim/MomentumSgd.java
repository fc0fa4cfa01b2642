package io.digitstudio.optim;

import io.digitstudio.nn.Parameter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chainer's {@code MomentumSGD} (lr 0.01, momentum 0.9): {@code v *= momentum; v -= lr * grad; W += v}, with v
 * starting at zero. This is not Nesterov and not the "dampened" form other libraries use.
 */
public final class MomentumSgd extends Optimizer {
    private final double lr;
    private final double momentum;

    public MomentumSgd(double lr, double momentum) {
        this.lr = lr;
        this.momentum = momentum;
    }

    public MomentumSgd() {
        this(0.01, 0.9);
    }

    @Override
    protected UpdateRule createUpdateRule(Parameter p) {
        return new Rule(p, (float) lr, (float) momentum);
    }

    private static final class Rule extends UpdateRule {
        private final float lr;
        private final float momentum;
        private final float[] v;

        Rule(Parameter p, float lr, float momentum) {
            super(p);
            this.lr = lr;
            this.momentum = momentum;
            this.v = new float[p.size()];
        }

        @Override
        protected void updateCore(float[] w, float[] g, int n) {
            for (int i = 0; i < n; i++) {
                float vi = v[i] * momentum;
                vi -= lr * g[i];
                v[i] = vi;
                w[i] += vi;
            }
        }

        @Override
        public Map<String, float[]> state() {
            Map<String, float[]> s = new LinkedHashMap<>();
            s.put("v", v);
            return s;
        }
    }

    @Override
    public String name() {
        return "momentum-sgd";
    }

    @Override
    public Map<String, Double> hyperparams() {
        Map<String, Double> h = new LinkedHashMap<>();
        h.put("lr", lr);
        h.put("momentum", momentum);
        return h;
    }
}
