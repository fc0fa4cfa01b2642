package io.digitstudio.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the app needs to know about one optimizer, declared by the optimizer's own class (its {@code TYPE}) and
 * listed in {@link Optimizers}: the name the command line, run settings and snapshots use, the label the app shows, a
 * line of help, its hyper-parameters in display order with Chainer's defaults and the values each allows, and how to
 * make one from checked values. The command line and the Train form read all of it from here.
 */
public record OptimizerType(String name, String label, String help, List<Param> params, Function<Map<String, Double>, Optimizer> factory) {
    public OptimizerType {
        params = List.copyOf(params);
        if (params.stream().filter(Param::learningRate).count() != 1) throw new IllegalArgumentException(name + " needs exactly one learning rate");
    }

    /** The values a hyper-parameter allows. */
    public enum Range {
        /** A finite number above zero: learning rates, eps. */
        POSITIVE,
        /** From 0 up to, not including, 1: momentum, decay rates. */
        FRACTION
    }

    /**
     * One hyper-parameter: Chainer's name for it ({@code lr}, {@code momentum}, {@code beta1}), Chainer's default, a
     * short label and a sentence of help for people, the values it allows, and whether it is the learning rate (the
     * value {@code --lr} and schedules change; Adam calls it alpha).
     */
    public record Param(String key, double defaultValue, String label, String help, Range range, boolean learningRate) {
        public static Param learningRate(String key, double defaultValue, String help) {
            return new Param(key, defaultValue, "Learning rate", help, Range.POSITIVE, true);
        }

        public static Param positive(String key, double defaultValue, String label, String help) {
            return new Param(key, defaultValue, label, help, Range.POSITIVE, false);
        }

        public static Param fraction(String key, double defaultValue, String label, String help) {
            return new Param(key, defaultValue, label, help, Range.FRACTION, false);
        }

        /** Refuses a value out of range, in one sentence that names it and says what is allowed. */
        public void check(double v) {
            check(learningRate ? "learning rate" : key, range, v);
        }

        /**
         * Refuses a value out of range naming it as the user knows it: the form's label ("Learning rate") or the
         * option ("--lr"), so that the window and the command line say one sentence for one value.
         */
        public void check(String what, double v) {
            check(what, range, v);
        }

        /** The one wording of a refused value: the value as it was typed ({@link NumberText#shown}), not Java's -1.0. */
        public static void check(String what, Range range, double v) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException(what + " must be a number, got " + NumberText.shown(v));
            if (range == Range.FRACTION && !(v >= 0 && v < 1)) {
                throw new IllegalArgumentException(what + " must be at least 0 and below 1, got " + NumberText.shown(v));
            }
            if (range == Range.POSITIVE && !(v > 0)) throw new IllegalArgumentException(what + " must be a positive number, got " + NumberText.shown(v));
        }
    }

    /** Chainer's defaults, in display order. */
    public Map<String, Double> defaults() {
        Map<String, Double> d = new LinkedHashMap<>();
        for (Param p : params) d.put(p.key(), p.defaultValue());
        return d;
    }

    public Optional<Param> param(String key) {
        return params.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** The hyper-parameter that plays the learning rate's part ("lr", or Adam's "alpha"). */
    public Param learningRate() {
        return params.stream().filter(Param::learningRate).findFirst().orElseThrow();
    }

    /** A new optimizer with these values (every hyper-parameter given and checked, as {@link Optimizers#resolve} makes them). */
    public Optimizer create(Map<String, Double> values) {
        return factory.apply(values);
    }
}
