package io.digitstudio.ui.train;

import io.digitstudio.optim.OptimizerType;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One optimizer setting shown in the form: what the optimizer says of it (name, default, label, help) and the text typed. */
public record HyperParam(OptimizerType.Param param, StringProperty text) {
    public static HyperParam of(OptimizerType.Param param) {
        return new HyperParam(param, new SimpleStringProperty(format(param.defaultValue())));
    }

    /** Chainer's name for it ({@code lr}, {@code momentum}, ...): the field's id and the key of the run's settings. */
    public String key() {
        return param.key();
    }

    public double defaultValue() {
        return param.defaultValue();
    }

    /** The label the form shows ("Learning rate", "Momentum", "Beta 1"). */
    public String label() {
        return param.label();
    }

    /** The field's tooltip: what the value does, Chainer's name for it and its default. */
    public String help() {
        return param.help() + ". Chainer's " + param.key() + ", default " + format(param.defaultValue());
    }

    /**
     * The shortest text that reads back as exactly {@code v} (Java's own double-to-text): 0.01, 0.9, 1.5e-4, 1e-8. Never
     * rounded, so that a value shown after a resume trains exactly as before.
     */
    static String format(double v) {
        return io.digitstudio.optim.NumberText.shown(v);
    }
}
