package io.digitstudio.optim;

import io.digitstudio.nn.Parameter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chainer's {@code MomentumSGD} (lr 0.01, momentum 0.9): {@code v *= momentum; v -= lr * grad; W += v}, with v
 * starting at zero. This is not Nesterov and not the "dampened" form other libraries use.
 */
public final class MomentumSgd extends Optimizer {
    /** What the app knows of MomentumSGD: the tutorial's optimizer. */
    public static final OptimizerType TYPE = new OptimizerType("momentum-sgd", "MomentumSGD",
            "Chainer's MomentumSGD, the tutorial's optimizer: v = momentum v - lr g; W += v",
            List.of(OptimizerType.Param.learningRate("lr", 0.01, "How far each step moves the weights along the gradient"),
                    OptimizerType.Param.fraction("momentum", 0.9, "Momentum", "How much of the previous step each step keeps")),
            h -> new MomentumSgd(h.get("lr"), h.get("momentum")));

    public MomentumSgd(double lr, double momentum) {
        hyperparam.set("lr", lr);
        hyperparam.set("momentum", momentum);
    }

    public MomentumSgd() {
        this(0.01, 0.9);
    }

    @Override
    protected UpdateRule createUpdateRule(Parameter p) {
        return new Rule(p, hyperparam);
    }

    private static final class Rule extends UpdateRule {
        private final float[] v;

        Rule(Parameter p, Hyperparameter parent) {
            super(p, parent);
            this.v = new float[p.size()];
        }

        @Override
        protected void updateCore(float[] w, float[] g, int from, int to) {
            float lr = (float) hyperparam.get("lr");
            float momentum = (float) hyperparam.get("momentum");
            for (int i = from; i < to; i++) {
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
    public OptimizerType type() {
        return TYPE;
    }
}
