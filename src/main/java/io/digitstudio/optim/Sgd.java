package io.digitstudio.optim;

import io.digitstudio.nn.Parameter;

import java.util.List;
import java.util.Map;

/** Plain SGD: {@code W -= lr * grad}. Chainer's default lr is 0.01. */
public final class Sgd extends Optimizer {
    /** What the app knows of plain SGD. */
    public static final OptimizerType TYPE = new OptimizerType("sgd", "SGD", "Chainer's SGD: W -= lr g",
            List.of(OptimizerType.Param.learningRate("lr", 0.01, "How far each step moves the weights along the gradient")),
            h -> new Sgd(h.get("lr")));

    public Sgd(double lr) {
        hyperparam.set("lr", lr);
    }

    public Sgd() {
        this(0.01);
    }

    @Override
    protected UpdateRule createUpdateRule(Parameter p) {
        return new UpdateRule(p, hyperparam) {
            @Override
            protected void updateCore(float[] w, float[] g, int from, int to) {
                float lrf = (float) hyperparam.get("lr");
                for (int i = from; i < to; i++) w[i] -= lrf * g[i];
            }
        };
    }

    @Override
    public OptimizerType type() {
        return TYPE;
    }
}
