package io.digitstudio.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds an optimizer from its name and hyper-parameters by Chainer's names (lr, momentum, alpha, beta1, beta2, eps);
 * a missing one takes Chainer's default. Bad names or values are refused with the allowed range.
 */
public final class Optimizers {
    public static final List<String> NAMES = List.of("momentum-sgd", "sgd", "adam", "rmsprop", "adagrad");

    private Optimizers() {
    }

    /** Chainer's defaults for an optimizer, in display order. */
    public static Map<String, Double> defaults(String name) {
        Map<String, Double> d = new LinkedHashMap<>();
        switch (canonical(name)) {
            case "momentum-sgd" -> {
                d.put("lr", 0.01);
                d.put("momentum", 0.9);
            }
            case "sgd" -> d.put("lr", 0.01);
            case "adam" -> {
                d.put("alpha", 0.001);
                d.put("beta1", 0.9);
                d.put("beta2", 0.999);
                d.put("eps", 1e-8);
            }
            case "rmsprop" -> {
                d.put("lr", 0.01);
                d.put("alpha", 0.99);
                d.put("eps", 1e-8);
            }
            case "adagrad" -> {
                d.put("lr", 0.001);
                d.put("eps", 1e-8);
            }
            default -> throw new IllegalStateException();
        }
        return d;
    }

    /** The key that plays the learning rate's part (Adam calls it alpha). */
    public static String learningRateKey(String name) {
        return canonical(name).equals("adam") ? "alpha" : "lr";
    }

    public static String canonical(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT).strip();
        if (n.equals("momentumsgd")) n = "momentum-sgd";
        if (!NAMES.contains(n)) throw new IllegalArgumentException("unknown optimizer '" + name + "'; choose one of " + String.join(", ", NAMES));
        return n;
    }

    /** Defaults overlaid with {@code overrides}, every value checked. */
    public static Map<String, Double> resolve(String name, Map<String, Double> overrides) {
        String n = canonical(name);
        Map<String, Double> h = defaults(n);
        for (Map.Entry<String, Double> e : overrides.entrySet()) {
            if (!h.containsKey(e.getKey())) {
                throw new IllegalArgumentException(n + " has no hyper-parameter '" + e.getKey() + "'; it has " + String.join(", ", h.keySet()));
            }
            if (e.getValue() == null) continue;
            check(n, e.getKey(), e.getValue());
            h.put(e.getKey(), e.getValue());
        }
        return h;
    }

    static void check(String optimizer, String key, double v) {
        boolean fraction = key.equals("momentum") || key.startsWith("beta") || (key.equals("alpha") && optimizer.equals("rmsprop"));
        if (!Double.isFinite(v)) throw new IllegalArgumentException(key + " must be a number, got " + v);
        if (fraction && !(v >= 0 && v < 1)) throw new IllegalArgumentException(key + " must be in [0, 1), got " + v);
        if (!fraction && !(v > 0)) {
            String what = key.equals("eps") ? "eps" : "learning rate";
            throw new IllegalArgumentException(what + " must be a positive number, got " + v);
        }
    }

    public static Optimizer create(String name, Map<String, Double> overrides) {
        String n = canonical(name);
        Map<String, Double> h = resolve(n, overrides);
        return switch (n) {
            case "momentum-sgd" -> new MomentumSgd(h.get("lr"), h.get("momentum"));
            case "sgd" -> new Sgd(h.get("lr"));
            case "adam" -> new Adam(h.get("alpha"), h.get("beta1"), h.get("beta2"), h.get("eps"), 1.0);
            case "rmsprop" -> new RmsProp(h.get("lr"), h.get("alpha"), h.get("eps"));
            case "adagrad" -> new AdaGrad(h.get("lr"), h.get("eps"));
            default -> throw new IllegalStateException();
        };
    }

    /** The common knobs: a learning rate (Adam's alpha) and a momentum; null keeps Chainer's default. */
    public static Optimizer create(String name, Double lr, Double momentum) {
        return create(name, overrides(name, lr, momentum));
    }

    public static Map<String, Double> overrides(String name, Double lr, Double momentum) {
        Map<String, Double> o = new LinkedHashMap<>();
        if (lr != null) o.put(learningRateKey(name), lr);
        if (momentum != null) o.put("momentum", momentum);
        return o;
    }

    /** Chainer's default learning rate (Adam's alpha) for an optimizer name. */
    public static double defaultLr(String name) {
        return defaults(name).get(learningRateKey(name));
    }
}
