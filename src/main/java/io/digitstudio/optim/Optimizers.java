package io.digitstudio.optim;

import java.util.List;
import java.util.Locale;

/** Builds an optimizer from its CLI name and the common knobs (learning rate, momentum); null means Chainer's default. */
public final class Optimizers {
    public static final List<String> NAMES = List.of("momentum-sgd", "sgd", "adam", "rmsprop", "adagrad");

    private Optimizers() {
    }

    public static Optimizer create(String name, Double lr, Double momentum) {
        String n = name.toLowerCase(Locale.ROOT);
        if (lr != null && !(lr > 0 && Double.isFinite(lr))) throw new IllegalArgumentException("learning rate must be a positive number, got " + lr);
        if (momentum != null && !(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        return switch (n) {
            case "momentum-sgd", "momentumsgd" -> new MomentumSgd(lr == null ? 0.01 : lr, momentum == null ? 0.9 : momentum);
            case "sgd" -> new Sgd(lr == null ? 0.01 : lr);
            case "adam" -> new Adam(lr == null ? 0.001 : lr, 0.9, 0.999, 1e-8, 1.0);
            case "rmsprop" -> new RmsProp(lr == null ? 0.01 : lr, 0.99, 1e-8);
            case "adagrad" -> new AdaGrad(lr == null ? 0.001 : lr, 1e-8);
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "'; choose one of " + String.join(", ", NAMES));
        };
    }

    /** Chainer's default learning rate (Adam's alpha) for an optimizer name. */
    public static double defaultLr(String name) {
        return create(name, null, null).hyperparams().values().iterator().next();
    }
}
