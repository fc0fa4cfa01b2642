package io.digitstudio.cli;

import io.digitstudio.optim.NumberText;
import io.digitstudio.optim.OptimizerType;
import io.digitstudio.optim.Optimizers;



/**
 * The bounds of numeric options, said in the user's words: a refused value names the option as it was typed
 * ({@code --epochs must be at least 1, got 0}) rather than the engine's name for the setting, which the engine checks
 * again when the run is set up.
 */
final class NumericOptions {
    private NumericOptions() {
    }

    /** Refuses a whole number outside {@code [min, max]}. */
    static void between(String option, int value, int min, int max) {
        if (value < min) throw new UsageException(option + " must be at least " + min + ", got " + value);
        if (value > max) throw new UsageException(option + " must be at most " + max + ", got " + value);
    }

    /** Refuses a value of the optimizer's hyper-parameter {@code key} that the optimizer would refuse ({@code value} null: not given). */
    static void hyperparameter(String option, String optimizer, String key, Double value) {
        if (value == null) return;
        Optimizers.type(optimizer).param(key).ifPresent(p -> range(option, p.range(), value));
    }

    /** Refuses a value outside a hyper-parameter's range, in the sentence the Train form says for its field. */
    static void range(String option, OptimizerType.Range range, double value) {
        try {
            OptimizerType.Param.check(option, range, value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** A number as the user would have typed it: 2 rather than 2.0. */
    static String shown(double v) {
        return NumberText.shown(v);
    }
}
