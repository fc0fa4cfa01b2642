package io.digitstudio.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The optimizers the app offers, one line each, and the factory that builds one from its name and hyper-parameters by
 * Chainer's names (lr, momentum, alpha, beta1, beta2, eps); a missing one takes Chainer's default. Bad names or values
 * are refused with the allowed range. What each optimizer is lives in its own class's {@link OptimizerType}.
 */
public final class Optimizers {
    /**
     * Every optimizer, in the order the app lists them. New ones go at the end: snapshots written before optimizers
     * were saved by name hold their index in this list.
     */
    public static final List<OptimizerType> TYPES = List.of(
            MomentumSgd.TYPE,
            Sgd.TYPE,
            Adam.TYPE,
            RmsProp.TYPE,
            AdaGrad.TYPE,
            NesterovAg.TYPE);

    public static final List<String> NAMES = TYPES.stream().map(OptimizerType::name).toList();

    private Optimizers() {
    }

    /** The optimizer of this name, however it is written: {@code momentum-sgd}, {@code MomentumSGD}, {@code momentum_sgd}. */
    public static OptimizerType type(String name) {
        String n = squeezed(name);
        for (OptimizerType t : TYPES) if (squeezed(t.name()).equals(n)) return t;
        throw new IllegalArgumentException("unknown optimizer '" + name + "'; choose one of " + String.join(", ", NAMES));
    }

    private static String squeezed(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).strip().replace("-", "").replace("_", "");
    }

    /** Chainer's defaults for an optimizer, in display order. */
    public static Map<String, Double> defaults(String name) {
        return type(name).defaults();
    }

    /** The key that plays the learning rate's part (Adam calls it alpha). */
    public static String learningRateKey(String name) {
        return type(name).learningRate().key();
    }

    public static String canonical(String name) {
        return type(name).name();
    }

    /** Defaults overlaid with {@code overrides}, every value checked. */
    public static Map<String, Double> resolve(String name, Map<String, Double> overrides) {
        OptimizerType t = type(name);
        Map<String, Double> h = t.defaults();
        for (Map.Entry<String, Double> e : overrides.entrySet()) {
            OptimizerType.Param p = t.param(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    t.name() + " has no hyper-parameter '" + e.getKey() + "'; it has " + String.join(", ", h.keySet())));
            if (e.getValue() == null) continue;
            p.check(e.getValue());
            h.put(e.getKey(), e.getValue());
        }
        return h;
    }

    /** Checks one value as a setting is checked; a value the optimizer keeps but does not list (Adam's eta) must be positive. */
    static void check(String optimizer, String key, double v) {
        OptimizerType t = type(optimizer);
        var p = t.param(key);
        if (p.isPresent()) p.get().check(v);
        else OptimizerType.Param.check(key, OptimizerType.Range.POSITIVE, v);
    }

    public static Optimizer create(String name, Map<String, Double> overrides) {
        return type(name).create(resolve(name, overrides));
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
        return type(name).learningRate().defaultValue();
    }

    /** The optimizers that have a hyper-parameter of this name (those {@code --momentum} applies to, say). */
    public static List<String> having(String key) {
        return TYPES.stream().filter(t -> t.param(key).isPresent()).map(OptimizerType::name).toList();
    }
}
