package io.digitstudio.optim;

import io.digitstudio.nn.Parameter;

import java.util.Map;

/** Plain SGD: {@code W -= lr * grad}. Chainer's default lr is 0.01. */
public final class Sgd extends Optimizer {
    private final double lr;

    public Sgd(double lr) {
        this.lr = lr;
    }

    public Sgd() {
        this(0.01);
    }

    @Override
    protected UpdateRule createUpdateRule(Parameter p) {
        float lrf = (float) lr;
        return new UpdateRule(p) {
            @Override
            protected void updateCore(float[] w, float[] g, int n) {
                for (int i = 0; i < n; i++) w[i] -= lrf * g[i];
            }
        };
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public Map<String, Double> hyperparams() {
        return Map.of("lr", lr);
    }
}
