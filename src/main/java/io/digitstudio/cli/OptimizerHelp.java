package io.digitstudio.cli;

import io.digitstudio.optim.OptimizerType;
import io.digitstudio.optim.Optimizers;

import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The help of the optimizer options, written from the optimizers' own descriptions ({@link Optimizers#TYPES}) when
 * picocli asks for it: a new optimizer shows up in {@code train --help} with its hyper-parameters and defaults.
 * {@link TrainingOptions} names this class as its resource bundle.
 */
public final class OptimizerHelp extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
        StringBuilder optimizer = new StringBuilder("The optimizer (default: ${DEFAULT-VALUE}):");
        for (OptimizerType t : Optimizers.TYPES) {
            optimizer.append("%n  ").append(t.name()).append(": ").append(t.help().replace("%", "%%")).append(" (")
                    .append(t.params().stream().map(p -> p.key() + " " + number(p.defaultValue())).collect(Collectors.joining(", ")))
                    .append(")");
        }
        String lr = "Learning rate (Adam's alpha); default: the optimizer's Chainer default ("
                + Optimizers.TYPES.stream().map(t -> t.name() + " " + number(t.learningRate().defaultValue())).collect(Collectors.joining(", ")) + ").";
        String momentum = "Momentum for " + String.join(" and ", Optimizers.having("momentum")) + " (default: "
                + Optimizers.TYPES.stream().flatMap(t -> t.param("momentum").stream()).map(p -> number(p.defaultValue())).distinct().collect(Collectors.joining(", ")) + ").";
        return new Object[][]{{"optimizer", optimizer.toString()}, {"lr", lr}, {"momentum", momentum}};
    }

    /** 0.01, 0.9, 1e-8: the shortest text of a default. */
    static String number(double v) {
        if (v != 0 && Math.abs(v) < 1e-3) return String.format(Locale.ROOT, "%.0e", v).replace("e-0", "e-");
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
